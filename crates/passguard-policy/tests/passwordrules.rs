//! The `passwordrules` promise, tested as a password manager would keep it: 10 000 passwords
//! from a conforming generator for each preset's rule string, every one accepted by the
//! engine. The generator reads the string with 1Password's parser, not ours. Native only (the
//! parser is a native dev-dependency); the shared vectors check the strings under wasm32 too.

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    missing_docs,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use passguard_policy::{
    CharacterGroups, Context, Group, OtherCharacters, PRESET_NAMES, Policy, RuleId, Status,
};
use proptest::prelude::*;
use support::generator::{Generator, SplitMix64};

/// Generates `count` passwords from `policy`'s rule string and checks each with
/// `Context::default()`: accepted, and no rule failed. Returns the generator.
fn assert_generated_passwords_accepted(policy: &Policy, count: usize, seed: u64) -> Generator {
    let rules = policy
        .password_rules()
        .unwrap_or_else(|| panic!("{} has a rule string", policy.name));
    let generator = Generator::new(&rules).unwrap();
    let mut rng = SplitMix64::new(seed);
    let (mut at_min, mut at_max) = (false, false);
    for index in 0..count {
        let length = generator.length(&mut rng, index);
        at_min |= length == generator.min_length;
        at_max |= length == generator.max_length;
        let password = generator.password(&mut rng, length);
        assert!(
            generator.conforms(&password),
            "{password:?} breaks {rules:?}"
        );
        let report = policy.check(&password, &Context::default());
        let failed: Vec<RuleId> = report
            .rules
            .iter()
            .filter(|rule| rule.status == Status::Fail)
            .map(|rule| rule.id)
            .collect();
        assert!(
            report.accepted && failed.is_empty(),
            "{}: {password:?} (from {rules:?}, seed {seed}, #{index}) fails {failed:?}",
            policy.name
        );
    }
    assert!(at_min && at_max, "both ends of the length range were drawn");
    generator
}

#[test]
fn every_preset_accepts_10_000_passwords_generated_from_its_rule_string() {
    for (seed, name) in (1..).zip(PRESET_NAMES) {
        let policy = Policy::preset(name).unwrap();
        let generator = assert_generated_passwords_accepted(&policy, 10_000, seed);
        // Near, not just safe: only security-admin has composition rules to announce.
        let expected_required = if name == "security-admin" { 3 } else { 0 };
        assert_eq!(generator.required.len(), expected_required, "{name}");
        assert_eq!(generator.min_length, policy.password.min_length as usize);
        assert_eq!(generator.max_length, policy.password.max_length as usize);
    }
}

/// `not-personal` cannot be announced; with a real person's context a random password
/// seldom contains their name. A three-letter name with l33t forms ("ada": a, A, 4, @ and
/// d, D) is the worst case, about 4 in 10^5 per character; 4 of these 5 000 do.
#[test]
fn generated_passwords_rarely_contain_the_persons_name() {
    let policy = Policy::preset("owasp-asvs").unwrap();
    let generator = Generator::new(&policy.password_rules().unwrap()).unwrap();
    let context = Context {
        username: Some("ada".to_owned()),
        email: Some("ada@example.com".to_owned()),
        display_name: Some("Ada Lovelace".to_owned()),
        ..Context::default()
    };
    let mut rng = SplitMix64::new(7);
    let count = 5_000;
    let mut personal = 0;
    for index in 0..count {
        let length = generator.length(&mut rng, index);
        let password = generator.password(&mut rng, length);
        let report = policy.check(&password, &context);
        if report.rule(RuleId::NotPersonal).map(|r| r.status) == Some(Status::Fail) {
            personal += 1;
        }
        let others_failed = report
            .rules
            .iter()
            .any(|rule| rule.status == Status::Fail && rule.id != RuleId::NotPersonal);
        assert!(!others_failed, "{password:?}: {report:?}");
    }
    assert!(
        personal * 200 < count,
        "{personal} of {count} contain the name"
    );
}

/// The custom policies of the shared vectors (the presets are above), with fewer passwords.
#[test]
fn every_custom_policy_in_the_vectors_accepts_passwords_generated_from_its_rule_string() {
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/vectors/passwordrules.json")).unwrap();
    let mut tested = 0;
    for (seed, case) in (100..).zip(file["cases"].as_array().unwrap()) {
        let Some(toml) = case["policy_toml"].as_str() else {
            continue;
        };
        if case["passwordrules"].is_null() {
            continue;
        }
        assert_generated_passwords_accepted(&Policy::from_toml(toml).unwrap(), 1_000, seed);
        tested += 1;
    }
    assert!(
        tested >= 5,
        "the vectors hold custom policies with rule strings"
    );
}

/// Policies that may skip validation: any lengths, groups and strength, and special sets
/// holding what the grammar treats specially (`-`, `]`), what it drops (non-ASCII), and
/// what a policy should not hold (letters, controls, repeats).
fn any_policy() -> impl Strategy<Value = Policy> {
    let special = proptest::collection::vec(
        proptest::sample::select(vec![
            '-', ']', '[', '\\', '!', ' ', '"', ';', ',', '^', '~', 'a', 'Z', '7', '§', '€', '\t',
        ]),
        0..10,
    );
    (
        0u32..40,
        0u32..90,
        proptest::option::of((0u32..6, proptest::collection::vec(0usize..4, 0..6))),
        special,
        any::<bool>(),
        0u8..7,
    )
        .prop_map(|(min, max, groups, special, reject, strength)| {
            let mut policy = Policy::preset("security-admin").unwrap();
            let rules = &mut policy.password;
            rules.min_length = min;
            rules.max_length = max;
            rules.character_groups = groups.map(|(required, of)| CharacterGroups {
                required,
                of: of.into_iter().map(|i| Group::ALL[i]).collect(),
            });
            rules.special_characters = special.into_iter().collect();
            rules.other_characters = if reject {
                OtherCharacters::Reject
            } else {
                OtherCharacters::Allow
            };
            rules.min_strength = strength;
            policy
        })
}

/// Valid policies (what a server may serve): any lengths, groups, strength and special set.
fn valid_policy() -> impl Strategy<Value = Policy> {
    let pool = vec![
        '-', ']', '[', '\\', '!', ' ', '"', ';', ',', '^', '~', '§', '€',
    ];
    (
        1u32..40,
        0u32..60,
        proptest::sample::subsequence(Group::ALL.to_vec(), 0..=4),
        0usize..5,
        proptest::sample::subsequence(pool, 0..=13),
        any::<bool>(),
        0u8..=4,
    )
        .prop_map(|(min, extra, of, required, special, reject, strength)| {
            let mut policy = Policy::preset("security-admin").unwrap();
            let rules = &mut policy.password;
            rules.min_length = min;
            rules.max_length = min + extra;
            let required = u32::try_from(required.min(of.len())).unwrap();
            rules.character_groups = Some(CharacterGroups { required, of });
            rules.special_characters = special.into_iter().collect();
            rules.other_characters = if reject {
                OtherCharacters::Reject
            } else {
                OtherCharacters::Allow
            };
            rules.min_strength = strength;
            policy
        })
        .prop_filter("a valid policy", |policy| policy.validate().is_ok())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Never a panic, even on a policy that skipped validation, and any string written
    /// parses, with the policy's lengths or a higher minimum.
    #[test]
    fn any_policy_gets_a_parseable_rule_or_none(policy in any_policy()) {
        if let Some(rules) = policy.password_rules() {
            let generator = Generator::new(&rules);
            prop_assert!(generator.is_ok(), "{rules:?}: {generator:?}");
            let generator = generator.unwrap();
            prop_assert!(generator.min_length >= policy.password.min_length as usize);
            prop_assert_eq!(generator.max_length, policy.password.max_length as usize);
        }
    }

    /// For a valid policy, passwords generated from its string are accepted.
    #[test]
    fn valid_policies_accept_passwords_generated_from_their_rule(
        policy in valid_policy(),
        seed in any::<u64>(),
    ) {
        let Some(rules) = policy.password_rules() else {
            return Ok(());
        };
        let generator = Generator::new(&rules).unwrap();
        let mut rng = SplitMix64::new(seed);
        for index in 0..8 {
            let length = generator.length(&mut rng, index);
            let password = generator.password(&mut rng, length);
            let report = policy.check(&password, &Context::default());
            prop_assert!(report.accepted, "{password:?} from {rules:?}: {report:?}");
        }
    }
}
