//! Catalogues: sorted areas of entries, searched in place. This crate holds the engine's
//! areas (rule messages, strength feedback, the standards audit) as [`ENGINE`]; whoever else
//! speaks (the server, the pages) keeps its own areas in its own crate and builds a
//! [`Catalogue`] of them, falling back on [`ENGINE`] for the sentences it shares, so a
//! program carries only the sentences it can say.

mod audit;
mod engine;
mod strength;

use std::collections::BTreeSet;

use crate::{Arg, Locale, placeholders};

/// One sentence: its key, the parameters its templates use, and its text per locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The stable key, such as `rule.min-length.fail`.
    pub key: &'static str,
    /// The names of the parameters every locale's template must use, no more, no fewer.
    pub params: &'static [&'static str],
    /// English.
    pub en: &'static str,
    /// German.
    pub de: &'static str,
    /// French.
    pub fr: &'static str,
}

impl Entry {
    /// The template in `locale`.
    #[must_use]
    pub const fn text(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.en,
            Locale::De => self.de,
            Locale::Fr => self.fr,
        }
    }
}

/// A set of areas, each sorted by key, and the catalogue to ask for keys it does not hold.
#[derive(Debug, Clone, Copy)]
pub struct Catalogue {
    areas: &'static [&'static [Entry]],
    fallback: Option<&'static Catalogue>,
}

/// The engine's sentences: rule messages, units and groups, strength feedback and the
/// standards audit. The npm package carries these and nothing else.
pub static ENGINE: Catalogue =
    Catalogue::new(&[engine::ENTRIES, strength::ENTRIES, audit::ENTRIES]);

impl Catalogue {
    /// A catalogue of `areas`, each sorted by key (see [`Catalogue::problems`]).
    #[must_use]
    pub const fn new(areas: &'static [&'static [Entry]]) -> Self {
        Self {
            areas,
            fallback: None,
        }
    }

    /// This catalogue, asking `fallback` for the keys it does not hold.
    #[must_use]
    pub const fn with_fallback(self, fallback: &'static Catalogue) -> Self {
        Self {
            areas: self.areas,
            fallback: Some(fallback),
        }
    }

    /// The entry for `key`, here or in the fallback.
    #[must_use]
    pub fn find(&self, key: &str) -> Option<&'static Entry> {
        self.areas
            .iter()
            .find_map(|area| {
                area.binary_search_by(|entry| entry.key.cmp(key))
                    .ok()
                    .and_then(|at| area.get(at))
            })
            .or_else(|| self.fallback.and_then(|fallback| fallback.find(key)))
    }

    /// The text of `key` in `locale`, its parameters filled from `args`.
    ///
    /// A key missing from the catalogue yields the key itself (each speaker's tests keep
    /// every key its code uses in its catalogue); a parameter missing from `args` yields
    /// `{name}` in place.
    #[must_use]
    pub fn text(&self, locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        match self.find(key) {
            Some(entry) => crate::template::render(entry.text(locale), locale, args),
            None => key.to_owned(),
        }
    }

    /// This catalogue's own entries, area by area (not the fallback's).
    pub fn entries(&self) -> impl Iterator<Item = &'static Entry> {
        self.areas.iter().copied().flatten()
    }

    /// Everything wrong with this catalogue's own entries, one line each: a template that
    /// does not parse or does not use exactly its declared parameters, an empty text, a key
    /// out of order or twice (here or in the fallback), and a German or French sentence left
    /// as a copy of the English. Each speaker's tests assert this is empty.
    #[must_use]
    pub fn problems(&self) -> Vec<String> {
        // Short texts (units, symbols) may coincide; "minute" is spelt alike in French.
        const ALIKE: [&str; 1] = ["unit.minute"];
        let mut problems = Vec::new();
        let mut seen = BTreeSet::new();
        for area in self.areas {
            for pair in area.windows(2) {
                if let [a, b] = pair
                    && a.key >= b.key
                {
                    problems.push(format!("{} is not sorted before {}", a.key, b.key));
                }
            }
        }
        for entry in self.entries() {
            if !seen.insert(entry.key) || self.fallback.and_then(|f| f.find(entry.key)).is_some() {
                problems.push(format!("{} twice", entry.key));
            }
            let declared: BTreeSet<String> = entry.params.iter().map(|p| (*p).to_owned()).collect();
            for locale in Locale::ALL {
                let text = entry.text(locale);
                match placeholders(text) {
                    Err(e) => problems.push(format!("{} [{locale}]: {e}", entry.key)),
                    Ok(used) if used != declared => problems.push(format!(
                        "{} [{locale}]: uses {used:?}, declares {declared:?}",
                        entry.key
                    )),
                    Ok(_) => {}
                }
                if text.trim().is_empty() {
                    problems.push(format!("{} [{locale}]: empty", entry.key));
                }
                if locale != Locale::En
                    && text == entry.en
                    && entry.en.split_whitespace().count() > 3
                    && !ALIKE.contains(&entry.key)
                {
                    problems.push(format!("{} [{locale}]: a copy of the English", entry.key));
                }
            }
        }
        problems
    }
}

/// Every entry of the engine's catalogue, area by area.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    ENGINE.entries()
}

/// Shorthand for an area's entries, in this crate and in every crate with a catalogue of its
/// own: `entry!("key", ["param"], "English", "Deutsch", "Français")`.
#[macro_export]
macro_rules! entry {
    ($key:literal, [$($param:literal),*], $en:literal, $de:literal, $fr:literal) => {
        $crate::Entry { key: $key, params: &[$($param),*], en: $en, de: $de, fr: $fr }
    };
}
