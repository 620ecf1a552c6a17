//! Warming up: one check of a password of every shape the estimator knows, so that neither
//! the engine's tables nor a JavaScript engine's lazily compiled wasm are first built on a
//! user's keystroke.

use crate::check::Context;
use crate::policy::{CharacterGroups, Group, Policy};

/// One password per matcher and rule path: dictionary words and a common password, l33t,
/// a keyboard walk, a date and a year, a repeat and a sequence, the user's own name,
/// random characters, Unicode that NFKC changes, and a long one.
const SHAPES: [&str; 10] = [
    "password",
    "correct horse battery staple",
    "p4$$w0rd!",
    "qwertyuiop1zxcvbn",
    "ada1984-04-12_1987",
    "abcabcabc12345zyx",
    "adalovelace",
    "Xk9#mQ2v!Lr7",
    "Größe-Übung-ﬁ①",
    "Aa1!bcdefgAa1!bcdefgAa1!bcdefgAa1!bcdefgAa1!bcdefgAa1!bcdefgAa1!",
];

/// Runs every rule and the estimator over a few passwords of different shapes and drops the
/// reports. Call it once when the page or process is idle (after the first check is shown):
/// in a browser the wasm's functions are compiled on their first call, which made the first
/// check of a new kind of password 100 times slower than the next. [`warm_up_step`] does the
/// same one password at a time, for a page that must stay responsive meanwhile.
pub fn warm_up() {
    let mut step = 0;
    while warm_up_step(step) {
        step += 1;
    }
}

/// The warm-up's check number `step` (from 0); `false`, doing nothing, once `step` is past
/// the last. Calling every step once, in any order and spread over time, does what
/// [`warm_up`] does.
pub fn warm_up_step(step: usize) -> bool {
    let Some(password) = SHAPES.get(step) else {
        return false;
    };
    let mut policy = Policy::nist_defaults();
    policy.password.character_groups = Some(CharacterGroups {
        required: 3,
        of: Group::ALL.to_vec(),
    });
    policy.password.min_strength = 3;
    let context = Context {
        username: Some("ada".to_owned()),
        email: Some("ada@example.org".to_owned()),
        display_name: Some("Ada Lovelace".to_owned()),
        current_password: Some("password".to_owned()),
        ..Context::default()
    };
    let _ = policy.check(password, &context);
    true
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn warming_up_changes_no_report() {
        let policy = Policy::preset("security-admin").unwrap();
        let context = Context::default();
        let before: Vec<_> = SHAPES.iter().map(|p| policy.check(p, &context)).collect();
        warm_up();
        let after: Vec<_> = SHAPES.iter().map(|p| policy.check(p, &context)).collect();
        assert_eq!(before, after);
        assert!(warm_up_step(SHAPES.len() - 1));
        assert!(!warm_up_step(SHAPES.len()));
    }
}
