//! The catalogue is complete: every key in every locale, each template well formed and using
//! exactly its declared parameters, keys sorted and unique, and no text left as a copy of the
//! English where a translation is due.

#![allow(missing_docs, clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeSet;

use passguard_i18n::{Arg, Locale, entries, placeholders, text};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn every_locale_uses_exactly_the_declared_parameters() {
    let mut problems = Vec::new();
    for entry in entries() {
        let declared: BTreeSet<String> = entry.params.iter().map(|p| (*p).to_owned()).collect();
        for locale in Locale::ALL {
            match placeholders(entry.text(locale)) {
                Err(e) => problems.push(format!("{} [{locale}]: {e}", entry.key)),
                Ok(used) if used != declared => problems.push(format!(
                    "{} [{locale}]: uses {used:?}, declares {declared:?}",
                    entry.key
                )),
                Ok(_) => {}
            }
            if entry.text(locale).trim().is_empty() {
                problems.push(format!("{} [{locale}]: empty", entry.key));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn keys_are_unique_and_every_key_is_found() {
    let mut seen = BTreeSet::new();
    for entry in entries() {
        assert!(seen.insert(entry.key), "{} twice", entry.key);
        // Rendering finds the entry (areas are sorted for the binary search).
        let args: Vec<(&str, Arg<'_>)> = entry.params.iter().map(|p| (*p, Arg::Int(2))).collect();
        let rendered = text(Locale::En, entry.key, &args);
        assert_ne!(
            rendered, entry.key,
            "{} not found: its area is not sorted",
            entry.key
        );
        assert!(!rendered.contains('{'), "{}: {rendered}", entry.key);
    }
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn translations_are_not_copies_of_the_english() {
    // Sentences, not names: a German or French text equal to the English one is a key
    // someone forgot to translate. Short texts (units, symbols) may coincide.
    // "minute" is spelt alike in French.
    const ALIKE: [&str; 1] = ["unit.minute"];
    let untranslated: Vec<String> = entries()
        .filter(|entry| entry.en.split_whitespace().count() > 3 && !ALIKE.contains(&entry.key))
        .flat_map(|entry| {
            [(Locale::De, entry.de), (Locale::Fr, entry.fr)]
                .into_iter()
                .filter(move |(_, text)| *text == entry.en)
                .map(move |(locale, _)| format!("{} [{locale}]", entry.key))
        })
        .collect();
    assert!(untranslated.is_empty(), "{untranslated:?}");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn plurals_follow_each_language() {
    let days = |locale, n| passguard_i18n::quantity(locale, n, "day");
    assert_eq!(days(Locale::En, 1), "1 day");
    assert_eq!(days(Locale::En, 0), "0 days");
    assert_eq!(days(Locale::De, 2), "2 Tage");
    assert_eq!(days(Locale::Fr, 0), "0 jour");
    assert_eq!(days(Locale::Fr, 2), "2 jours");
    assert_eq!(passguard_i18n::span(Locale::De, 90_000), "1 Tag 1 Stunde");
    assert_eq!(passguard_i18n::span(Locale::Fr, 61), "2 minutes");
    assert_eq!(passguard_i18n::span(Locale::En, 172_740), "2 days");
}
