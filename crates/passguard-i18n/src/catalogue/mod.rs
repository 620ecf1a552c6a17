//! The catalogue: one entry per sentence, by area. Each area's entries are sorted by key (a
//! test checks it, and that no key is in two areas), so a lookup is a binary search.

mod audit;
mod engine;
mod pages;
mod server;
mod strength;

use crate::Locale;

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

const AREAS: [&[Entry]; 5] = [
    engine::ENTRIES,
    strength::ENTRIES,
    audit::ENTRIES,
    server::ENTRIES,
    pages::ENTRIES,
];

/// The entry for `key`.
pub(crate) fn find(key: &str) -> Option<&'static Entry> {
    AREAS.iter().find_map(|area| {
        area.binary_search_by(|entry| entry.key.cmp(key))
            .ok()
            .and_then(|at| area.get(at))
    })
}

/// Every entry, area by area.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    AREAS.into_iter().flatten()
}

/// Shorthand for the area files.
macro_rules! entry {
    ($key:literal, [$($param:literal),*], $en:literal, $de:literal, $fr:literal) => {
        crate::catalogue::Entry { key: $key, params: &[$($param),*], en: $en, de: $de, fr: $fr }
    };
}
pub(crate) use entry;
