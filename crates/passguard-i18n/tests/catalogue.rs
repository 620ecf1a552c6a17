//! The catalogue is complete: every key in every locale, each template well formed and using
//! exactly its declared parameters, keys sorted and unique, and no text left as a copy of the
//! English where a translation is due.

#![allow(missing_docs, clippy::unwrap_used, clippy::panic)]

use passguard_i18n::{Arg, Catalogue, ENGINE, Entry, Locale, entries, entry, text};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn the_engine_catalogue_has_no_problems() {
    let problems = ENGINE.problems();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(ENGINE.entries().count() > 80);
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn every_key_is_found_and_renders_completely() {
    for entry in entries() {
        let args: Vec<(&str, Arg<'_>)> = entry.params.iter().map(|p| (*p, Arg::Int(2))).collect();
        let rendered = text(Locale::En, entry.key, &args);
        assert_ne!(rendered, entry.key, "{} not found", entry.key);
        assert!(!rendered.contains('{'), "{}: {rendered}", entry.key);
    }
}

/// A catalogue with one defect of each kind `problems` looks for.
static FLAWED: &[Entry] = &[
    entry!("b.sorted-late", [], "Fine.", "Gut.", "Bien."),
    entry!("a.out-of-order", [], "Fine.", "Gut.", "Bien."),
    entry!("c.missing-param", ["n"], "{n} days", "Tage", "{n} jours"),
    entry!("d.extra-param", [], "Days", "{n} Tage", "Jours"),
    entry!("e.empty", [], "Text", " ", "Texte"),
    entry!(
        "f.untranslated",
        [],
        "Use at least one digit.",
        "Use at least one digit.",
        "Au moins un chiffre."
    ),
    entry!("g.broken", ["n"], "{n", "{n}", "{n}"),
    entry!(
        "rule.min-length.fail",
        [],
        "Twice.",
        "Zweimal.",
        "Deux fois."
    ),
];

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn problems_names_each_kind_of_defect() {
    static AREAS: [&[Entry]; 1] = [FLAWED];
    static CATALOGUE: Catalogue = Catalogue::new(&AREAS).with_fallback(&ENGINE);
    let problems = CATALOGUE.problems().join("\n");
    for expected in [
        "b.sorted-late is not sorted before a.out-of-order",
        "c.missing-param [de]: uses {}, declares {\"n\"}",
        "d.extra-param [de]: uses {\"n\"}, declares {}",
        "e.empty [de]: empty",
        "f.untranslated [de]: a copy of the English",
        "g.broken [en]:",
        "rule.min-length.fail twice",
    ] {
        assert!(
            problems.contains(expected),
            "{expected} not in:\n{problems}"
        );
    }
    assert_eq!(CATALOGUE.problems().len(), 7, "{problems}");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn a_catalogue_falls_back_for_the_keys_it_lacks() {
    static AREAS: [&[Entry]; 1] = [&[entry!("page.x", [], "Mine.", "Meins.", "À moi.")]];
    static CATALOGUE: Catalogue = Catalogue::new(&AREAS).with_fallback(&ENGINE);
    assert_eq!(CATALOGUE.text(Locale::De, "page.x", &[]), "Meins.");
    assert_eq!(
        CATALOGUE.text(Locale::En, "unit.day", &[("n", Arg::Int(2))]),
        "2 days"
    );
    assert_eq!(CATALOGUE.text(Locale::En, "page.y", &[]), "page.y");
    assert_eq!(CATALOGUE.entries().count(), 1);
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
