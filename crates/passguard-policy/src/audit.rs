//! Where a policy departs from NIST SP 800-63B rev. 4 (final, 2025) and OWASP ASVS 5.0.0
//! chapter V6: one finding per departure, with the clause, its strength (SHALL or SHOULD),
//! the policy field concerned and what to change.
//!
//! ASVS has no SHALL/SHOULD keywords: its requirements are mandatory at their level and
//! "recommendations" above the level an application targets. A finding at or below the
//! target level ([`AuditOptions::asvs_level`], default 1) is reported as SHALL, above it as
//! SHOULD.

use std::borrow::Cow;
use std::fmt;

use passguard_i18n::{Arg, Locale, text};
use serde::{Deserialize, Serialize};

use crate::duration::Duration;
use crate::messages;
use crate::policy::{Blocklist, Breached, Group, OtherCharacters, Policy, Unlock};

/// Which standard a finding cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// A stable kebab-case id, such as `nist-min-length`.
    pub id: Cow<'static, str>,
    /// The standard cited.
    pub standard: Standard,
    /// The clause as the standard numbers it, such as `§3.1.1.2 item 1` or `v5.0.0-6.2.1`.
    pub clause: Cow<'static, str>,
    /// SHALL, SHALL NOT or SHOULD.
    pub level: Level,
    /// The dotted policy field concerned, such as `password.min_length`.
    pub field: Cow<'static, str>,
    /// What the standard asks, what the policy says, and what to change, in the language of
    /// [`AuditOptions::locale`].
    pub explanation: String,
}

/// Options of [`audit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditOptions {
    /// The ASVS level the application targets (1 to 3): requirements at or below it are SHALL.
    pub asvs_level: u8,
    /// The language of the explanations.
    pub locale: Locale,
}

impl Default for AuditOptions {
    fn default() -> Self {
        Self {
            asvs_level: 1,
            locale: Locale::En,
        }
    }
}

/// The audit of one policy as every front end shows it (`passguard policy audit --json`,
/// `GET /api/policy/audit`, the npm `audit()`, the admin page): the findings and whether any
/// of them is mandatory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditReport {
    /// The policy's name.
    pub policy: String,
    /// The OWASP ASVS level audited against (1 to 3).
    pub asvs_level: u8,
    /// True when no finding is SHALL or SHALL NOT.
    pub conforms: bool,
    /// Every departure from NIST SP 800-63B-4 and OWASP ASVS 5.0 V6.
    pub findings: Vec<Finding>,
}

impl AuditReport {
    /// Audits `policy` with `options` ([`audit`]).
    ///
    /// # Examples
    /// ```
    /// use passguard_policy::{AuditOptions, AuditReport, Policy};
    /// let report = AuditReport::new(&Policy::preset("security-admin")?, AuditOptions::default());
    /// assert!(!report.conforms);
    /// assert_eq!(report.policy, "security-admin");
    /// # Ok::<(), passguard_policy::PolicyError>(())
    /// ```
    #[must_use]
    pub fn new(policy: &Policy, options: AuditOptions) -> Self {
        let findings = audit(policy, options);
        Self {
            policy: policy.name.clone(),
            asvs_level: options.asvs_level,
            conforms: !findings.iter().any(|finding| finding.level.is_mandatory()),
            findings,
        }
    }

    /// How many findings are mandatory (SHALL or SHALL NOT).
    #[must_use]
    pub fn mandatory(&self) -> usize {
        self.findings
            .iter()
            .filter(|finding| finding.level.is_mandatory())
            .count()
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
    let mut out = Findings {
        locale: options.locale,
        findings: &mut findings,
    };
    nist(policy, &mut out);
    asvs(policy, options.asvs_level.clamp(1, 3), &mut out);
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
                "␣".to_owned()
            } else {
                c.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn int(n: impl TryInto<i64>) -> Arg<'static> {
    Arg::Int(n.try_into().unwrap_or(i64::MAX))
}

/// Collects findings, rendering each explanation from the catalogue (`audit.<id>`).
struct Findings<'a> {
    locale: Locale,
    findings: &'a mut Vec<Finding>,
}

impl Findings<'_> {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        id: &'static str,
        standard: Standard,
        clause: &'static str,
        level: Level,
        field: &'static str,
        key: &str,
        args: &[(&str, Arg<'_>)],
    ) {
        let explanation = text(self.locale, key, args);
        self.findings.push(Finding {
            id: Cow::Borrowed(id),
            standard,
            clause: Cow::Borrowed(clause),
            level,
            field: Cow::Borrowed(field),
            explanation,
        });
    }
}

fn nist(policy: &Policy, out: &mut Findings<'_>) {
    let p = &policy.password;
    let locale = out.locale;
    let mut add = |id: &'static str, clause, level, field, args: &[(&str, Arg<'_>)]| {
        out.add(
            id,
            Standard::Nist,
            clause,
            level,
            field,
            &format!("audit.{id}"),
            args,
        );
    };
    if p.min_length < NIST_MIN_LENGTH {
        add(
            "nist-min-length",
            "§3.1.1.2 item 1",
            Level::Shall,
            "password.min_length",
            &[("min", int(NIST_MIN_LENGTH)), ("actual", int(p.min_length))],
        );
    }
    if p.max_length < MIN_PERMITTED_MAXIMUM {
        add(
            "nist-max-length",
            "§3.1.1.2 item 2",
            Level::Should,
            "password.max_length",
            &[
                ("min_max", int(MIN_PERMITTED_MAXIMUM)),
                ("actual", int(p.max_length)),
            ],
        );
    }
    if composition_required(policy) {
        add(
            "nist-composition",
            "§3.1.1.2 item 5, §3.1.1.1",
            Level::ShallNot,
            "password.character_groups",
            &[],
        );
        let uncounted = uncounted_ascii_symbols(policy);
        let special_counts = p
            .character_groups
            .as_ref()
            .is_some_and(|g| g.of.contains(&Group::Special));
        if special_counts && !uncounted.is_empty() {
            let characters = shown(&uncounted);
            add(
                "nist-printable-ascii",
                "§3.1.1.2 item 3",
                Level::Should,
                "password.special_characters",
                &[("characters", Arg::Text(&characters))],
            );
        }
    }
    if p.other_characters == OtherCharacters::Reject {
        add(
            "nist-unicode",
            "§3.1.1.2 items 3-4",
            Level::Should,
            "password.other_characters",
            &[],
        );
    }
    if p.blocklist == Blocklist::None {
        add(
            "nist-blocklist",
            "§3.1.1.2 (blocklist)",
            Level::Shall,
            "password.blocklist",
            &[],
        );
    }
    if let Some(max_age) = p.max_age {
        let max_age = messages::words(locale, max_age);
        add(
            "nist-periodic-change",
            "§3.1.1.2 item 6",
            Level::ShallNot,
            "password.max_age",
            &[("max_age", Arg::Text(&max_age))],
        );
    }
    if policy.reset.security_questions > 0 {
        add(
            "nist-security-questions",
            "§3.1.1.2 item 8, §4.2.1",
            Level::ShallNot,
            "reset.security_questions",
            &[("count", int(policy.reset.security_questions))],
        );
    }
    let logins = policy.lockout.max_failed_logins;
    if logins == 0 {
        out.add(
            "nist-rate-limit",
            Standard::Nist,
            "§3.2.2",
            Level::Shall,
            "lockout.max_failed_logins",
            "audit.nist-rate-limit.never",
            &[("limit", int(NIST_MAX_FAILED_ATTEMPTS))],
        );
    } else if logins > NIST_MAX_FAILED_ATTEMPTS {
        out.add(
            "nist-rate-limit",
            Standard::Nist,
            "§3.2.2",
            Level::Shall,
            "lockout.max_failed_logins",
            "audit.nist-rate-limit.above",
            &[
                ("limit", int(NIST_MAX_FAILED_ATTEMPTS)),
                ("actual", int(logins)),
            ],
        );
    }
    if policy.reset.token_lifetime > NIST_EMAIL_RECOVERY_LIFETIME {
        let lifetime = messages::words(locale, policy.reset.token_lifetime);
        out.add(
            "nist-recovery-lifetime",
            Standard::Nist,
            "§4.2.1.2",
            Level::Shall,
            "reset.token_lifetime",
            "audit.nist-recovery-lifetime",
            &[("lifetime", Arg::Text(&lifetime))],
        );
    }
}

/// A pseudo-level above every ASVS level, for what the standard itself only recommends.
const RECOMMENDATION: u8 = 4;

fn asvs(policy: &Policy, target: u8, out: &mut Findings<'_>) {
    let p = &policy.password;
    let locale = out.locale;
    let mut add = |id: &'static str, clause, level: u8, field, args: &[(&str, Arg<'_>)]| {
        let level = if level <= target {
            Level::Shall
        } else {
            Level::Should
        };
        out.add(
            id,
            Standard::Asvs,
            clause,
            level,
            field,
            &format!("audit.{id}"),
            args,
        );
    };
    if p.min_length < ASVS_MIN_LENGTH {
        add(
            "asvs-min-length",
            "v5.0.0-6.2.1",
            1,
            "password.min_length",
            &[("min", int(ASVS_MIN_LENGTH)), ("actual", int(p.min_length))],
        );
    } else if p.min_length < NIST_MIN_LENGTH {
        // 6.2.1's "strongly recommended" 15 is a recommendation at every target level: a
        // level above 3 always maps to SHOULD.
        add(
            "asvs-min-length-recommended",
            "v5.0.0-6.2.1",
            RECOMMENDATION,
            "password.min_length",
            &[
                ("recommended", int(NIST_MIN_LENGTH)),
                ("actual", int(p.min_length)),
            ],
        );
    }
    if p.blocklist == Blocklist::None {
        add(
            "asvs-common-passwords",
            "v5.0.0-6.2.4",
            1,
            "password.blocklist",
            &[],
        );
        // The built-in list is drawn from breached passwords too; the server's breach store
        // is the complete check.
        if p.breached == Breached::Off {
            add(
                "asvs-breached-passwords",
                "v5.0.0-6.2.12",
                2,
                "password.blocklist",
                &[],
            );
        }
    }
    if composition_required(policy) || p.other_characters == OtherCharacters::Reject {
        add(
            "asvs-composition",
            "v5.0.0-6.2.5",
            1,
            "password.character_groups",
            &[],
        );
    }
    if p.max_length < MIN_PERMITTED_MAXIMUM {
        add(
            "asvs-max-length",
            "v5.0.0-6.2.9",
            2,
            "password.max_length",
            &[
                ("min_max", int(MIN_PERMITTED_MAXIMUM)),
                ("actual", int(p.max_length)),
            ],
        );
    }
    if p.max_age.is_some() {
        add(
            "asvs-periodic-rotation",
            "v5.0.0-6.2.10",
            2,
            "password.max_age",
            &[],
        );
        let early_notice = p.expiry_notice.iter().any(|notice| notice.as_secs() > 0);
        if !early_notice {
            add(
                "asvs-expiry-reminder",
                "v5.0.0-6.4.5",
                3,
                "password.expiry_notice",
                &[],
            );
        }
    }
    if !p.forbid_personal_info {
        add(
            "asvs-context-words",
            "v5.0.0-6.2.11",
            2,
            "password.forbid_personal_info",
            &[],
        );
    }
    if policy.reset.token_lifetime > NIST_EMAIL_RECOVERY_LIFETIME {
        let lifetime = messages::words(locale, policy.reset.token_lifetime);
        add(
            "asvs-activation-lifetime",
            "v5.0.0-6.4.1",
            1,
            "reset.token_lifetime",
            &[("lifetime", Arg::Text(&lifetime))],
        );
    }
    if policy.reset.security_questions > 0 {
        add(
            "asvs-security-questions",
            "v5.0.0-6.4.2",
            1,
            "reset.security_questions",
            &[],
        );
    }
    // Anyone who knows a username can lock the account; when only an administrator
    // unlocks, the lock is a denial of service (OWASP's "lockout as DoS").
    let logins = policy.lockout.max_failed_logins;
    if logins > 0 && policy.lockout.unlock == Unlock::Admin {
        add(
            "asvs-lockout-dos",
            "v5.0.0-6.1.1",
            1,
            "lockout.unlock",
            &[("max", int(logins))],
        );
    }
}
