//! Known answers from zxcvbn 4.4.2 (`tests/vectors/strength-zxcvbn.json`, written by
//! `bench/strength/vectors.mjs`), one or two per pattern: dictionary ranks, capitals,
//! l33t, reversed words, keyboard patterns, sequences, repeats, dates, years and user
//! inputs. Run natively and under wasm32 (Node).

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use passguard_strength::{Estimate, Suggestion, Warning, estimate};
use serde::Deserialize;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;

#[derive(Deserialize)]
struct File {
    source: String,
    reference_year: i32,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    password: String,
    user_inputs: Vec<String>,
    score: u8,
    guesses_log10: f64,
    warning: Option<String>,
    suggestions: Vec<String>,
}

/// Ranks are stored within a factor `10^0.05` of zxcvbn's; a cover has at most a few words.
const LOG10_TOLERANCE: f64 = 0.1;

fn check(case: &Case) {
    let inputs: Vec<&str> = case.user_inputs.iter().map(String::as_str).collect();
    let ours = estimate(&case.password, &inputs);
    let context = format!("{} ({:?})", case.name, case.password);
    assert_eq!(u8::from(ours.score), case.score, "score of {context}");
    assert!(
        (ours.guesses_log10 - case.guesses_log10).abs() <= LOG10_TOLERANCE,
        "guesses_log10 of {context}: {} vs zxcvbn's {}",
        ours.guesses_log10,
        case.guesses_log10
    );
    assert_eq!(
        ours.warning.map(Warning::id),
        case.warning.as_deref(),
        "warning of {context}"
    );
    let suggestions: Vec<&str> = ours
        .suggestions
        .iter()
        .map(|s| Suggestion::id(*s))
        .collect();
    assert_eq!(suggestions, case.suggestions, "suggestions of {context}");
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn zxcvbn_known_answers() {
    let file: File =
        serde_json::from_str(include_str!("../../../tests/vectors/strength-zxcvbn.json")).unwrap();
    assert!(file.source.contains("zxcvbn 4.4.2"));
    assert_eq!(file.reference_year, Estimate::REFERENCE_YEAR);
    assert!(file.cases.len() >= 40);
    for case in &file.cases {
        check(case);
    }
}

/// FNV-1a, to compare every byte of many JSON outputs through one number.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The JSON of every vector's estimate and of some long inputs, byte for byte the same
/// natively and in wasm (the digest is the native one; a change to the estimator that
/// changes any output must update it).
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn outputs_are_bit_identical_on_every_target() {
    let file: File =
        serde_json::from_str(include_str!("../../../tests/vectors/strength-zxcvbn.json")).unwrap();
    let mut json = String::new();
    for case in &file.cases {
        let inputs: Vec<&str> = case.user_inputs.iter().map(String::as_str).collect();
        json += &serde_json::to_string(&estimate(&case.password, &inputs)).unwrap();
    }
    for unit in [
        "a",
        "4@8({[</369&#!1/|0$5+7%2/",
        "Tr0ub4dor&3",
        "0123456789",
    ] {
        json += &serde_json::to_string(&estimate(&unit.repeat(300), &[])).unwrap();
    }
    // Keyboard patterns on the French and German layouts, which zxcvbn does not have.
    for walk in ["wxcvbn,;:!", "yxcvbnm,.-", "&é\"'(-è_çà", "Qsdfghjklmù*"] {
        json += &serde_json::to_string(&estimate(walk, &[])).unwrap();
    }
    assert_eq!(fnv1a(json.as_bytes()), DIGEST);
}

const DIGEST: u64 = 12_818_959_537_022_191_298;
