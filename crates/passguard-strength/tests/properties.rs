//! Property tests: on any input the estimator answers, never panics, answers the same twice,
//! and its score is a non-decreasing function of its estimate. Native only (proptest does
//! not target wasm32); the shared vectors cover wasm.

#![cfg(not(target_arch = "wasm32"))]
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing)]

use passguard_strength::{CrackTimes, Estimate, Score, estimate, is_common, personal_match};
use proptest::prelude::*;

/// Passwords built from the pieces the matchers react to, so that the properties are
/// exercised on dictionary words, l33t, keyboard rows, dates and repeats, not only on noise.
fn password() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("password".to_owned()),
        Just("P@ssw0rd".to_owned()),
        Just("qwerty".to_owned()),
        Just("1991".to_owned()),
        Just("13.5.91".to_owned()),
        Just("abcdef".to_owned()),
        Just("aaaa".to_owned()),
        Just("4@8({[</369&#!1/|0$5+7%2/".to_owned()),
        "[a-z]{1,8}",
        "[ -~]{1,8}",
        ".{1,4}",
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_is_deterministic(password in password(), input in ".{0,12}") {
        let first = estimate(&password, &[&input]);
        let second = estimate(&password, &[&input]);
        prop_assert_eq!(&first, &second);
        prop_assert!(first.guesses_log10.is_finite() && first.guesses_log10 >= 0.0);
        prop_assert_eq!(is_common(&password), is_common(&password));
        prop_assert_eq!(personal_match(&password, &[&input]), personal_match(&password, &[&input]));
    }

    #[test]
    fn arbitrary_unicode_never_panics(password in "\\PC{0,64}", inputs in proptest::collection::vec("\\PC{0,8}", 0..4)) {
        let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        let result = estimate(&password, &inputs);
        prop_assert!(result.guesses_log10.is_finite());
        let _ = personal_match(&password, &inputs);
        let _ = is_common(&password);
    }

    #[test]
    fn score_is_monotone_in_guesses(a in password(), b in password()) {
        let (x, y) = (estimate(&a, &[]), estimate(&b, &[]));
        if x.guesses_log10 < y.guesses_log10 {
            prop_assert!(x.score <= y.score, "{a:?} {x:?} vs {b:?} {y:?}");
        }
        // The score is zxcvbn's threshold function of the estimate (decided before rounding,
        // so the rounded figure may sit on the other side of a threshold by a hair).
        for e in [&x, &y] {
            let by_thresholds = u8::from(Score::from_guesses_log10(e.guesses_log10));
            prop_assert!(u8::from(e.score).abs_diff(by_thresholds) <= 1);
            prop_assert_eq!(e.crack_times_seconds, CrackTimes::from_guesses_log10(e.guesses_log10));
        }
    }

    #[test]
    fn feedback_only_for_weak_passwords(password in password()) {
        let result = estimate(&password, &[]);
        if result.score >= Score::SafelyUnguessable {
            prop_assert!(result.warning.is_none() && result.suggestions.is_empty());
        } else {
            prop_assert!(!result.suggestions.is_empty());
        }
    }

    #[test]
    fn a_password_containing_an_input_is_personal(prefix in "[0-9!]{0,4}", input in "[a-z]{3,10}", suffix in "[0-9!]{0,4}") {
        let password = format!("{prefix}{}{suffix}", input.to_uppercase());
        prop_assert!(personal_match(&password, &[&input]));
        let reversed: String = input.chars().rev().collect();
        let with_reversed = format!("{prefix}{reversed}{suffix}");
        prop_assert!(personal_match(&with_reversed, &[&input]));
    }
}

proptest! {
    // Long inputs are slow in a debug build: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn long_structured_inputs_never_panic(pieces in proptest::collection::vec(password(), 1..40), times in 1usize..20) {
        // Up to a few thousand characters, repeated: repeats inside repeats, long l33t runs.
        let password = pieces.concat().repeat(times);
        let result = estimate(&password, &["password", "aaaa"]);
        prop_assert!(result.guesses_log10.is_finite());
        prop_assert_eq!(result, estimate(&password, &["password", "aaaa"]));
    }
}

#[test]
fn common_passwords_are_weak() {
    for password in [
        "123456", "password", "qwerty", "iloveyou", "Dragon", "letmein", "trustno1",
    ] {
        assert!(is_common(password), "{password}");
        assert!(
            estimate(password, &[]).score <= Score::VeryGuessable,
            "{password}"
        );
    }
}

#[test]
fn huge_inputs_are_capped_and_stay_fast_enough_to_test() {
    let huge = "Aa1!".repeat(256 * 1024);
    let capped: String = huge.chars().take(Estimate::MAX_PASSWORD_CHARS).collect();
    assert_eq!(estimate(&huge, &[]), estimate(&capped, &[]));
    let long_input = "x".repeat(10_000);
    assert!(!personal_match(&"y".repeat(10_000), &[&long_input]));
}
