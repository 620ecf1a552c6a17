//! Fuzzes policy parsing (TOML and JSON) and evaluation: whatever the bytes, loading either
//! refuses the policy with an error or yields one that checks any password without panicking.
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run policy_and_check` from the repository root.

#![no_main]

use libfuzzer_sys::fuzz_target;
use passguard_policy::{Context, PRESET_NAMES, Policy};

fuzz_target!(|data: &[u8]| {
    // First byte picks the mode; the rest splits at the first NUL into policy and password.
    let Some((&mode, rest)) = data.split_first() else { return };
    let (policy_bytes, password_bytes) = match rest.iter().position(|&b| b == 0) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let password = String::from_utf8_lossy(password_bytes);
    let policy_text = String::from_utf8_lossy(policy_bytes);
    let policy = match mode % 3 {
        0 => Policy::from_toml(&policy_text),
        1 => Policy::from_json(&policy_text),
        _ => Policy::preset(PRESET_NAMES[usize::from(mode / 3) % PRESET_NAMES.len()]),
    };
    let Ok(policy) = policy else { return };
    let context = Context {
        username: Some(policy_text.chars().take(16).collect()),
        current_password: Some(password.chars().rev().collect()),
        password_changed_at: Some(i64::from(mode) * 86_400),
        now: Some(i64::from(mode) * 3_600),
        ..Context::default()
    };
    let report = policy.check(&password, &context);
    assert_eq!(report.accepted, report.failures().next().is_none());
    // Every policy that loads writes out as TOML that reads back as the same policy.
    let toml = policy.to_toml().expect("a loaded policy writes as TOML");
    assert_eq!(Policy::from_toml(&toml).as_ref(), Ok(&policy));
});
