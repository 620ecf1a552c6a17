//! Property tests: on any input the engine answers, never panics, answers the same twice,
//! and normalises idempotently. Native only (proptest does not target wasm32); the shared
//! vectors cover wasm.

#![cfg(not(target_arch = "wasm32"))]
#![allow(missing_docs, clippy::unwrap_used, clippy::indexing_slicing)]

use passguard_policy::{
    AuditOptions, AuditReport, CharacterGroups, Context, Group, Locale, PRESET_NAMES, Policy,
    Report, RuleId, Status, length, normalize,
};
use proptest::prelude::*;

fn any_context() -> impl Strategy<Value = Context> {
    (
        proptest::option::of(".{0,20}"),
        proptest::option::of(".{0,20}"),
        proptest::option::of(".{0,40}"),
        proptest::option::of(any::<i64>()),
        proptest::option::of(any::<i64>()),
        proptest::option::of(0..Locale::ALL.len()),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(
            |(
                username,
                current_password,
                display_name,
                password_changed_at,
                now,
                locale,
                breached,
            )| {
                Context {
                    username,
                    email: None,
                    display_name,
                    current_password,
                    password_changed_at,
                    now,
                    locale: locale.and_then(|i| Locale::ALL.get(i).copied()),
                    breached,
                }
            },
        )
}

/// Policies with arbitrary numbers: most are invalid and must be refused, never accepted
/// into a state that panics later.
fn any_policy() -> impl Strategy<Value = Policy> {
    (
        any::<u32>(),
        any::<u32>(),
        proptest::option::of((0u32..6, proptest::collection::vec(0usize..4, 0..5))),
        ".{0,8}",
        any::<u8>(),
        0u32..80,
    )
        .prop_map(|(min, max, groups, special, strength, history)| {
            let mut policy = Policy::preset("security-admin").unwrap();
            policy.password.min_length = min % 5000;
            policy.password.max_length = max % 5000;
            policy.password.character_groups = groups.map(|(required, of)| CharacterGroups {
                required,
                of: of.into_iter().map(|i| Group::ALL[i]).collect(),
            });
            policy.password.special_characters = special;
            policy.password.min_strength = strength;
            policy.password.history = history;
            policy
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn every_preset_answers_any_password_the_same_way_twice(
        password in any::<String>(),
        context in any_context(),
        preset in 0..PRESET_NAMES.len(),
    ) {
        let policy = Policy::preset(PRESET_NAMES[preset]).unwrap();
        let first = policy.check(&password, &context);
        let second = policy.check(&password, &context);
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(first.accepted, first.rules.iter().all(|r| r.status != Status::Fail));
        let min_length = first.rule(RuleId::MinLength).unwrap();
        prop_assert_eq!(min_length.params.get_int("actual"), i64::try_from(length(&password)).ok());
    }

    #[test]
    fn normalisation_is_idempotent_and_defines_length(text in any::<String>()) {
        let once = normalize(&text).into_owned();
        prop_assert_eq!(normalize(&once), once.as_str());
        prop_assert_eq!(length(&text), once.chars().count());
    }

    #[test]
    fn arbitrary_policies_are_refused_or_usable(policy in any_policy(), password in ".{0,300}") {
        if policy.validate().is_ok() {
            let report = policy.check(&password, &Context::default());
            prop_assert!(!report.rules.is_empty());
        } else {
            // Even a policy that skipped validation must not make the checker panic.
            let _ = policy.check(&password, &Context::default());
        }
    }

    /// The pages read the server's 422 report back from its JSON: nothing may change on the way.
    #[test]
    fn reports_read_back_from_their_json(
        preset in 0..PRESET_NAMES.len(),
        password in ".{0,40}",
        context in any_context(),
    ) {
        let report = Policy::preset(PRESET_NAMES[preset]).unwrap().check(&password, &context);
        let back: Report = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
        prop_assert_eq!(back, report);
    }

    #[test]
    fn toml_round_trips(preset in 0..PRESET_NAMES.len()) {
        let policy = Policy::preset(PRESET_NAMES[preset]).unwrap();
        prop_assert_eq!(Policy::from_toml(&policy.to_toml().unwrap()).unwrap(), policy);
    }
}

#[test]
fn the_nist_preset_is_the_default_for_omitted_fields() {
    let nist = Policy::preset("nist-800-63b").unwrap();
    let minimal = Policy::from_toml("name = \"nist-800-63b\"\n").unwrap();
    assert_eq!(minimal, nist);
}

#[test]
fn every_preset_loads_and_round_trips_through_json() {
    for name in PRESET_NAMES {
        let policy = Policy::preset(name).unwrap();
        assert_eq!(policy.name, name);
        let json = serde_json::to_string(&policy).unwrap();
        assert_eq!(Policy::from_json(&json).unwrap(), policy, "{name}");
        let audit = AuditReport::new(&policy, AuditOptions::default());
        let back: AuditReport =
            serde_json::from_str(&serde_json::to_string(&audit).unwrap()).unwrap();
        assert_eq!(back, audit, "{name}");
    }
}

#[test]
fn a_megabyte_is_answered_with_max_length_failed() {
    let password = "Aa1!".repeat(256 * 1024);
    let report = Policy::preset("security-admin")
        .unwrap()
        .check(&password, &Context::default());
    assert_eq!(report.rule(RuleId::MaxLength).unwrap().status, Status::Fail);
    assert_eq!(
        report
            .rule(RuleId::MaxLength)
            .unwrap()
            .params
            .get_int("actual"),
        Some(1 << 20)
    );
    assert!(!report.accepted);
}
