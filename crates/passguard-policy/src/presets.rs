//! The built-in presets, kept as commented TOML (what `passguard policy show` prints) and read
//! from the JSON that `build.rs` makes of it, and the defaults that fill fields a policy
//! document leaves out.

use crate::duration::Duration;
use crate::error::PolicyError;
use crate::policy::{
    Blocklist, Breached, LockoutRules, OtherCharacters, PasswordRules, Policy, ResetRules, Unlock,
};

/// The names of the built-in presets, in the order they are listed to users.
pub const PRESET_NAMES: [&str; 4] = [
    "security-admin",
    "partner-portal",
    "nist-800-63b",
    "owasp-asvs",
];

const PRESETS: [(&str, &str); 4] = [
    (
        "security-admin",
        include_str!("../presets/security-admin.toml"),
    ),
    (
        "partner-portal",
        include_str!("../presets/partner-portal.toml"),
    ),
    ("nist-800-63b", include_str!("../presets/nist-800-63b.toml")),
    ("owasp-asvs", include_str!("../presets/owasp-asvs.toml")),
];

/// The presets as JSON, made by `build.rs` from the TOML above: every build reads them with
/// the JSON reader, so the browser's needs no TOML parser. A test keeps the two readings equal.
#[cfg(feature = "json")]
const PRESETS_JSON: [(&str, &str); 4] = [
    (
        "security-admin",
        include_str!(concat!(env!("OUT_DIR"), "/security-admin.json")),
    ),
    (
        "partner-portal",
        include_str!(concat!(env!("OUT_DIR"), "/partner-portal.json")),
    ),
    (
        "nist-800-63b",
        include_str!(concat!(env!("OUT_DIR"), "/nist-800-63b.json")),
    ),
    (
        "owasp-asvs",
        include_str!(concat!(env!("OUT_DIR"), "/owasp-asvs.json")),
    ),
];

/// All ASCII punctuation: the special set of every preset but `security-admin`.
const ASCII_PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/// The TOML text of a preset, comments included.
#[must_use]
pub fn preset_toml(name: &str) -> Option<&'static str> {
    PRESETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

impl Policy {
    /// A built-in preset by name (see [`PRESET_NAMES`]).
    ///
    /// # Errors
    /// [`PolicyError::UnknownPreset`] when no preset has that name.
    #[cfg(feature = "json")]
    pub fn preset(name: &str) -> Result<Self, PolicyError> {
        let (_, text) = PRESETS_JSON
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or_else(|| PolicyError::UnknownPreset {
                name: name.to_owned(),
            })?;
        Self::from_json(text)
    }

    /// The `nist-800-63b` preset, written out in code because serde fills omitted fields from
    /// it (parsing its TOML would need the defaults it defines). A test keeps the two equal.
    pub(crate) fn nist_defaults() -> Self {
        Policy {
            name: "nist-800-63b".to_owned(),
            password: PasswordRules {
                min_length: 15,
                max_length: 64,
                character_groups: None,
                special_characters: ASCII_PUNCTUATION.to_owned(),
                other_characters: OtherCharacters::Allow,
                blocklist: Blocklist::Common,
                breached: Breached::Off,
                forbid_personal_info: true,
                min_strength: 0,
                history: 0,
                min_age: None,
                max_age: None,
                expiry_notice: Vec::new(),
                expired_grace: None,
                check_at_login: false,
            },
            lockout: LockoutRules {
                max_failed_logins: 100,
                max_failed_security_answers: 0,
                unlock: Unlock::Email,
                notify: true,
            },
            reset: ResetRules {
                token_lifetime: Duration::from_days(1),
                security_questions: 0,
                admin_reset_revokes: true,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_json_presets_are_their_toml() {
        for name in PRESET_NAMES {
            let toml = Policy::from_toml(preset_toml(name).unwrap()).unwrap();
            assert_eq!(Policy::preset(name).unwrap(), toml, "{name}");
        }
        assert_eq!(
            Policy::preset("nist-800-63b").unwrap(),
            Policy::nist_defaults()
        );
    }
}
