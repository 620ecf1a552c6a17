//! Where a policy departs from NIST SP 800-63B rev. 4 (final, 2025) and OWASP ASVS 5.0.0
//! chapter V6: one finding per departure, with the clause, its strength (SHALL or SHOULD),
//! the policy field concerned and what to change.
//!
//! ASVS has no SHALL/SHOULD keywords: its requirements are mandatory at their level and
//! "recommendations" above the level an application targets. A finding at or below the
//! target level ([`AuditOptions::asvs_level`], default 1) is reported as SHALL, above it as
//! SHOULD.

use std::fmt;

use serde::Serialize;

use crate::duration::Duration;
use crate::policy::{Blocklist, Group, OtherCharacters, Policy};

/// Which standard a finding cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Standard {
    /// NIST SP 800-63B revision 4 (final, 2025).
    #[serde(rename = "nist-sp-800-63b-4")]
    Nist,
    /// OWASP Application Security Verification Standard 5.0.0, chapter V6.
    #[serde(rename = "owasp-asvs-5.0")]
    Asvs,
}

impl Standard {
    /// The stable id.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Standard::Nist => "nist-sp-800-63b-4",
            Standard::Asvs => "owasp-asvs-5.0",
        }
    }
}

/// How strongly the standard asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Level {
    /// A requirement; a departure means the policy does not conform.
    #[serde(rename = "SHALL")]
    Shall,
    /// A prohibition; a departure means the policy does not conform.
    #[serde(rename = "SHALL NOT")]
    ShallNot,
    /// A recommendation.
    #[serde(rename = "SHOULD")]
    Should,
}

impl Level {
    /// The keyword as the standards write it.
    #[must_use]
    pub const fn keyword(self) -> &'static str {
        match self {
            Level::Shall => "SHALL",
            Level::ShallNot => "SHALL NOT",
            Level::Should => "SHOULD",
        }
    }

    /// Whether a departure at this level means the policy does not conform.
    #[must_use]
    pub const fn is_mandatory(self) -> bool {
        matches!(self, Level::Shall | Level::ShallNot)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// One departure from a standard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// A stable kebab-case id, such as `nist-min-length`.
    pub id: &'static str,
    /// The standard cited.
    pub standard: Standard,
    /// The clause as the standard numbers it, such as `§3.1.1.2 item 1` or `v5.0.0-6.2.1`.
    pub clause: &'static str,
    /// SHALL, SHALL NOT or SHOULD.
    pub level: Level,
    /// The dotted policy field concerned, such as `password.min_length`.
    pub field: &'static str,
    /// What the standard asks, what the policy says, and what to change.
    pub explanation: String,
}

/// Options of [`audit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditOptions {
    /// The ASVS level the application targets (1 to 3): requirements at or below it are SHALL.
    pub asvs_level: u8,
}

impl Default for AuditOptions {
    fn default() -> Self {
        Self { asvs_level: 1 }
    }
}

/// NIST's shortest single-factor password (§3.1.1.2 item 1).
const NIST_MIN_LENGTH: u32 = 15;
/// The longest maximum both standards ask to permit at least.
const MIN_PERMITTED_MAXIMUM: u32 = 64;
/// ASVS v5.0.0-6.2.1's minimum.
const ASVS_MIN_LENGTH: u32 = 8;
/// NIST §3.2.2: no more than 100 consecutive failed attempts.
const NIST_MAX_FAILED_ATTEMPTS: u32 = 100;
/// NIST §4.2.1.2: an issued recovery code sent to an e-mail address lives at most 24 hours.
const NIST_EMAIL_RECOVERY_LIFETIME: Duration = Duration::from_hours(24);
/// Printable ASCII that is neither a letter nor a digit, space included.
const PRINTABLE_ASCII_SYMBOLS: &str = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/// Lists every departure of `policy` from NIST SP 800-63B-4 and OWASP ASVS 5.0.0 V6.
///
/// The `nist-800-63b` preset yields none.
///
/// # Examples
/// ```
/// use passguard_policy::{AuditOptions, Policy, audit};
/// let findings = audit(&Policy::preset("security-admin")?, AuditOptions::default());
/// assert!(findings.iter().any(|f| f.id == "nist-composition"));
/// assert!(audit(&Policy::preset("nist-800-63b")?, AuditOptions::default()).is_empty());
/// # Ok::<(), passguard_policy::PolicyError>(())
/// ```
#[must_use]
pub fn audit(policy: &Policy, options: AuditOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    nist(policy, &mut findings);
    asvs(policy, options.asvs_level.clamp(1, 3), &mut findings);
    findings
}

fn composition_required(policy: &Policy) -> bool {
    policy
        .password
        .character_groups
        .as_ref()
        .is_some_and(|groups| groups.required > 0)
}

/// The printable ASCII symbols (space included) that count toward no required group.
fn uncounted_ascii_symbols(policy: &Policy) -> String {
    PRINTABLE_ASCII_SYMBOLS
        .chars()
        .filter(|&c| !policy.password.special_characters.contains(c))
        .collect()
}

fn shown(symbols: &str) -> String {
    symbols
        .chars()
        .map(|c| {
            if c == ' ' {
                "space".to_owned()
            } else {
                c.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn nist(policy: &Policy, findings: &mut Vec<Finding>) {
    let p = &policy.password;
    let mut add = |id, clause, level, field, explanation: String| {
        findings.push(Finding {
            id,
            standard: Standard::Nist,
            clause,
            level,
            field,
            explanation,
        });
    };
    if p.min_length < NIST_MIN_LENGTH {
        add(
            "nist-min-length",
            "§3.1.1.2 item 1",
            Level::Shall,
            "password.min_length",
            format!(
                "A password used as the only factor must be at least {NIST_MIN_LENGTH} characters; this policy allows {}. \
             Set min_length = {NIST_MIN_LENGTH} (8 is allowed only for a password used solely within multi-factor authentication).",
                p.min_length
            ),
        );
    }
    if p.max_length < MIN_PERMITTED_MAXIMUM {
        add(
            "nist-max-length",
            "§3.1.1.2 item 2",
            Level::Should,
            "password.max_length",
            format!(
                "Verifiers should permit passwords of at least {MIN_PERMITTED_MAXIMUM} characters; this policy stops at {}. Raise max_length to {MIN_PERMITTED_MAXIMUM} or more.",
                p.max_length
            ),
        );
    }
    if composition_required(policy) {
        add("nist-composition", "§3.1.1.2 item 5, §3.1.1.1", Level::ShallNot, "password.character_groups", 
            "Composition rules (requiring a mix of character types) shall not be imposed. Remove character_groups; \
             rely on length and the blocklist instead.".to_owned());
        let uncounted = uncounted_ascii_symbols(policy);
        let special_counts = p
            .character_groups
            .as_ref()
            .is_some_and(|g| g.of.contains(&Group::Special));
        if special_counts && !uncounted.is_empty() {
            add(
                "nist-printable-ascii",
                "§3.1.1.2 item 3",
                Level::Should,
                "password.special_characters",
                format!(
                    "All printing ASCII characters and the space should be usable; here {} count toward no group, so a \
                 password relying on them cannot meet the group rule. Add them to special_characters, or drop the groups.",
                    shown(&uncounted)
                ),
            );
        }
    }
    if p.other_characters == OtherCharacters::Reject {
        add("nist-unicode", "§3.1.1.2 items 3-4", Level::Should, "password.other_characters",
            "Verifiers should accept all printing ASCII characters, the space and Unicode; this policy rejects every \
             character outside its groups. Set other_characters = \"allow\".".to_owned());
    }
    if p.blocklist == Blocklist::None {
        add("nist-blocklist", "§3.1.1.2 (blocklist)", Level::Shall, "password.blocklist",
            "A new password shall be compared against a blocklist of commonly used, expected or compromised \
             passwords. Set blocklist = \"common\".".to_owned());
    }
    if let Some(max_age) = p.max_age {
        add(
            "nist-periodic-change",
            "§3.1.1.2 item 6",
            Level::ShallNot,
            "password.max_age",
            format!(
                "Passwords shall not have to be changed periodically (this policy expires them after {}); force a change \
             only on evidence of compromise. Set max_age = \"none\".",
                max_age.to_words()
            ),
        );
    }
    if policy.reset.security_questions > 0 {
        add(
            "nist-security-questions",
            "§3.1.1.2 item 8, §4.2.1",
            Level::ShallNot,
            "reset.security_questions",
            format!(
                "Subscribers shall not be prompted for knowledge-based authentication or security questions, and they are \
             not a recognised recovery method; this policy asks for {}. Set security_questions = 0.",
                policy.reset.security_questions
            ),
        );
    }
    let logins = policy.lockout.max_failed_logins;
    if logins == 0 || logins > NIST_MAX_FAILED_ATTEMPTS {
        let now = if logins == 0 {
            "never locks".to_owned()
        } else {
            format!("locks after {logins}")
        };
        add(
            "nist-rate-limit",
            "§3.2.2",
            Level::Shall,
            "lockout.max_failed_logins",
            format!(
                "Consecutive failed attempts on one account shall be limited to no more than {NIST_MAX_FAILED_ATTEMPTS}; this \
             policy {now}. Set max_failed_logins between 1 and {NIST_MAX_FAILED_ATTEMPTS}."
            ),
        );
    }
    if policy.reset.token_lifetime > NIST_EMAIL_RECOVERY_LIFETIME {
        add(
            "nist-recovery-lifetime",
            "§4.2.1.2",
            Level::Shall,
            "reset.token_lifetime",
            format!(
                "A recovery code or link sent to an e-mail address shall be valid for at most 24 hours; this policy's links \
             live {}. Set token_lifetime = \"24h\" or less.",
                policy.reset.token_lifetime.to_words()
            ),
        );
    }
}

/// A pseudo-level above every ASVS level, for what the standard itself only recommends.
const RECOMMENDATION: u8 = 4;

fn asvs(policy: &Policy, target: u8, findings: &mut Vec<Finding>) {
    let p = &policy.password;
    let mut add = |id, clause, level: u8, field, explanation: String| {
        let level = if level <= target {
            Level::Shall
        } else {
            Level::Should
        };
        findings.push(Finding {
            id,
            standard: Standard::Asvs,
            clause,
            level,
            field,
            explanation,
        });
    };
    if p.min_length < ASVS_MIN_LENGTH {
        add(
            "asvs-min-length",
            "v5.0.0-6.2.1",
            1,
            "password.min_length",
            format!(
                "User-set passwords must be at least {ASVS_MIN_LENGTH} characters; this policy allows {}.",
                p.min_length
            ),
        );
    } else if p.min_length < NIST_MIN_LENGTH {
        // 6.2.1's "strongly recommended" 15 is a recommendation at every target level: a
        // level above 3 always maps to SHOULD.
        add(
            "asvs-min-length-recommended",
            "v5.0.0-6.2.1",
            RECOMMENDATION,
            "password.min_length",
            format!(
                "A minimum of {NIST_MIN_LENGTH} characters is strongly recommended; this policy allows {}.",
                p.min_length
            ),
        );
    }
    if p.blocklist == Blocklist::None {
        add("asvs-common-passwords", "v5.0.0-6.2.4", 1, "password.blocklist",
            "New passwords must be checked against at least the 3000 most common passwords. Set blocklist = \"common\".".to_owned());
        add("asvs-breached-passwords", "v5.0.0-6.2.12", 2, "password.blocklist",
            "New passwords should be checked against a set of breached passwords. Set blocklist = \"common\".".to_owned());
    }
    if composition_required(policy) || p.other_characters == OtherCharacters::Reject {
        add("asvs-composition", "v5.0.0-6.2.5", 1, "password.character_groups",
            "Any composition must be allowed, with no rule on the type or number of characters of each kind. Remove \
             character_groups and set other_characters = \"allow\".".to_owned());
    }
    if p.max_length < MIN_PERMITTED_MAXIMUM {
        add(
            "asvs-max-length",
            "v5.0.0-6.2.9",
            2,
            "password.max_length",
            format!(
                "Passwords of at least {MIN_PERMITTED_MAXIMUM} characters must be permitted; this policy stops at {}.",
                p.max_length
            ),
        );
    }
    if p.max_age.is_some() {
        add("asvs-periodic-rotation", "v5.0.0-6.2.10", 2, "password.max_age",
            "A password stays valid until it is found compromised or the user changes it: no periodic rotation. Set \
             max_age = \"none\".".to_owned());
        let early_notice = p.expiry_notice.iter().any(|notice| notice.as_secs() > 0);
        if !early_notice {
            add("asvs-expiry-reminder", "v5.0.0-6.4.5", 3, "password.expiry_notice",
                "Where passwords expire, renewal reminders must go out early enough to act before expiry. Add an \
                 expiry_notice longer than 0d, such as \"14d\".".to_owned());
        }
    }
    if !p.forbid_personal_info {
        add("asvs-context-words", "v5.0.0-6.2.11", 2, "password.forbid_personal_info",
            "Easy-to-guess context-specific words must be refused. Set forbid_personal_info = true (it covers the \
             username, e-mail and names; organisation and product names are not yet covered).".to_owned());
    }
    if policy.reset.token_lifetime > NIST_EMAIL_RECOVERY_LIFETIME {
        add(
            "asvs-activation-lifetime",
            "v5.0.0-6.4.1",
            1,
            "reset.token_lifetime",
            format!(
                "Activation codes must expire after a short period; this policy's registration and reset links live {} \
             (passguard reads \"short\" as NIST's 24 hours for e-mail).",
                policy.reset.token_lifetime.to_words()
            ),
        );
    }
    if policy.reset.security_questions > 0 {
        add("asvs-security-questions", "v5.0.0-6.4.2", 1, "reset.security_questions",
            "Password hints and knowledge-based authentication (\"secret questions\") must not be present. Set \
             security_questions = 0.".to_owned());
    }
}
