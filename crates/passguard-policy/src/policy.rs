//! The policy model of SPEC §1: what a policy says, how it is read from TOML or any serde
//! format (JSON at the edges), and the validation that refuses policies that make no sense.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::duration::{self, Duration};
use crate::error::PolicyError;
use crate::text;

/// A complete password policy: password rules, lockout and reset settings.
///
/// Construct one with [`Policy::from_toml`], [`Policy::from_deserializer`] or
/// [`Policy::preset`]; all three validate. Fields left out of a policy document take the
/// value of the `nist-800-63b` preset, so an omission never weakens a policy below the standard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// A short name shown to operators, such as `security-admin`.
    pub name: String,
    /// Rules for choosing, changing and keeping a password.
    #[serde(default)]
    pub password: PasswordRules,
    /// When repeated failures lock an account, and how it is unlocked.
    #[serde(default)]
    pub lockout: LockoutRules,
    /// Reset and registration links, and security questions.
    #[serde(default)]
    pub reset: ResetRules,
}

/// The `[password]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PasswordRules {
    /// Fewest code points, counted after NFKC normalisation.
    pub min_length: u32,
    /// Most code points; longer input fails `max-length`, it is never truncated.
    pub max_length: u32,
    /// How many character groups a password needs, and which groups count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub character_groups: Option<CharacterGroups>,
    /// The only characters that count as `special`.
    pub special_characters: String,
    /// What happens to characters outside every group.
    pub other_characters: OtherCharacters,
    /// Which list of common passwords is refused.
    pub blocklist: Blocklist,
    /// Whether passwords found in the server's breach corpus are refused (`not-breached`).
    pub breached: Breached,
    /// Refuse passwords containing the username, e-mail local part or names from the context.
    pub forbid_personal_info: bool,
    /// The strength score (0..=4) required; 0 does not enforce any.
    pub min_strength: u8,
    /// How many previous passwords the new one may not equal; 0 keeps no history.
    pub history: u32,
    /// The shortest time between two changes.
    #[serde(with = "duration::or_none")]
    pub min_age: Option<Duration>,
    /// The time after which a password expires and must be changed at login.
    #[serde(with = "duration::or_none")]
    pub max_age: Option<Duration>,
    /// How long before expiry each notice e-mail goes out (`0d` = at expiry).
    pub expiry_notice: Vec<Duration>,
    /// How long after expiry the expired password may still log in to change itself;
    /// `none` sets no limit.
    #[serde(with = "duration::or_none")]
    pub expired_grace: Option<Duration>,
    /// Whether each successful login checks the password again under the policy in force:
    /// one it now refuses may only be changed (SPEC §9), as an expired one.
    pub check_at_login: bool,
}

/// `character_groups = { required = 3, of = [...] }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CharacterGroups {
    /// How many of the listed groups must each appear at least once.
    pub required: u32,
    /// The groups that count.
    pub of: Vec<Group>,
}

/// A character group. Exactly: A–Z, a–z, 0–9 and the policy's special set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// `A`–`Z`.
    Upper,
    /// `a`–`z`.
    Lower,
    /// `0`–`9`.
    Digit,
    /// The characters of [`PasswordRules::special_characters`].
    Special,
}

impl Group {
    /// Every group, in the order reports list them.
    pub const ALL: [Group; 4] = [Group::Upper, Group::Lower, Group::Digit, Group::Special];

    /// The stable id used in policies and report params.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Group::Upper => "upper",
            Group::Lower => "lower",
            Group::Digit => "digit",
            Group::Special => "special",
        }
    }

    pub(crate) const fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// `other_characters`: characters in no group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OtherCharacters {
    /// They count toward length and toward no group.
    Allow,
    /// They fail the `allowed-characters` rule.
    Reject,
}

/// `blocklist`: the list of common passwords to refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Blocklist {
    /// The built-in list of common and leaked passwords.
    Common,
    /// No blocklist.
    None,
}

/// `breached`: whether a password found in a corpus of breached passwords (the server's
/// store, filled by `passguard breach import`) is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Breached {
    /// Refused: the rule `not-breached`, decided by whoever can look the password up.
    Block,
    /// Not looked up.
    Off,
}

/// The `[lockout]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LockoutRules {
    /// Consecutive failed logins that lock the account; 0 never locks.
    pub max_failed_logins: u32,
    /// Wrong security answers (during a reset) that lock the account; 0 never locks.
    pub max_failed_security_answers: u32,
    /// Who or what unlocks a locked account.
    pub unlock: Unlock,
    /// Whether the owner is e-mailed when the account locks, with what to do (with
    /// `unlock = "email"` the lock e-mail is always sent: it carries the unlock link).
    pub notify: bool,
}

/// `unlock`: `"admin"`, `"email"` or a duration after which the lock lifts by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unlock {
    /// Only an administrator unlocks.
    Admin,
    /// The lock e-mail carries a single-use unlock link (and a reset by e-mail unlocks too).
    Email,
    /// The lock lifts this long after it was set.
    After(Duration),
}

impl Serialize for Unlock {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Unlock::Admin => serializer.serialize_str("admin"),
            Unlock::Email => serializer.serialize_str("email"),
            Unlock::After(duration) => duration.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Unlock {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        match text.as_str() {
            "admin" => return Ok(Unlock::Admin),
            "email" => return Ok(Unlock::Email),
            _ => {}
        }
        Duration::parse(&text).map(Unlock::After).map_err(|e| {
            serde::de::Error::custom(format!("expected \"admin\", \"email\" or a duration: {e}"))
        })
    }
}

/// The `[reset]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ResetRules {
    /// How long reset and registration links stay valid.
    pub token_lifetime: Duration,
    /// How many security questions a user chooses at registration and answers before a reset.
    pub security_questions: u32,
    /// Whether an administrator's reset also ends the account's sessions and refuses its old
    /// password until a new one is chosen (otherwise the old one keeps working meanwhile).
    pub admin_reset_revokes: bool,
}

impl Default for PasswordRules {
    fn default() -> Self {
        Policy::nist_defaults().password
    }
}

impl Default for LockoutRules {
    fn default() -> Self {
        Policy::nist_defaults().lockout
    }
}

impl Default for ResetRules {
    fn default() -> Self {
        Policy::nist_defaults().reset
    }
}

/// Where a field's value must lie, checked by [`Policy::validate`].
impl PasswordRules {
    /// The largest `max_length` a policy may set. Longer passwords add nothing and only cost work.
    pub const MAX_LENGTH_LIMIT: u32 = 4096;
    /// The most previous passwords a policy may keep.
    pub const MAX_HISTORY: u32 = 50;
    /// The most expiry notices a policy may schedule.
    pub const MAX_EXPIRY_NOTICES: usize = 10;
    /// The most characters the special set may hold.
    pub const MAX_SPECIAL_CHARACTERS: usize = 256;
    /// The highest strength score.
    pub const MAX_STRENGTH: u8 = 4;
}

impl LockoutRules {
    /// The highest failed-login threshold a policy may set (NIST allows at most 100).
    pub const MAX_FAILED_LOGINS: u32 = 1000;
    /// The highest failed-answer threshold a policy may set.
    pub const MAX_FAILED_ANSWERS: u32 = 100;
}

impl ResetRules {
    /// The longest a reset or registration link may live.
    pub const MAX_TOKEN_LIFETIME: Duration = Duration::from_days(30);
    /// The shortest a reset or registration link may live.
    pub const MIN_TOKEN_LIFETIME: Duration = Duration::from_minutes(5);
    /// The most security questions a policy may ask for.
    pub const MAX_SECURITY_QUESTIONS: u32 = 5;
}

/// Reads a `T` from any serde format, naming the path of the offending field on failure.
#[cfg(feature = "toml")]
pub(crate) fn deserialize_with_path<'de, D, T>(deserializer: D) -> Result<T, PolicyError>
where
    D: Deserializer<'de>,
    D::Error: fmt::Display,
    T: Deserialize<'de>,
{
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        // The root is `.`; a key the input ended before is `?`: neither names a field.
        let path = e.path().to_string();
        let path = path.trim_end_matches('?').trim_end_matches('.');
        let field = (!path.is_empty()).then(|| path.to_owned());
        PolicyError::syntax(field, e.inner())
    })
}

/// The longest policy name.
const MAX_NAME_LENGTH: usize = 64;

impl Policy {
    /// Reads and validates a policy written in TOML.
    ///
    /// # Errors
    /// [`PolicyError::Syntax`] for malformed TOML, unknown fields and wrong types, naming the
    /// field; [`PolicyError::Invalid`] when the values make no sense together.
    ///
    /// # Examples
    /// ```
    /// let policy = passguard_policy::Policy::from_toml("name = \"mine\"\n[password]\nmin_length = 12\n")?;
    /// assert_eq!(policy.password.min_length, 12);
    /// assert_eq!(policy.password.max_length, 64); // taken from the nist-800-63b preset
    /// # Ok::<(), passguard_policy::PolicyError>(())
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Self, PolicyError> {
        let deserializer =
            toml::Deserializer::parse(text).map_err(|e| PolicyError::syntax(None, &e))?;
        Self::from_deserializer(deserializer)
    }

    /// Reads and validates a policy from any serde format (JSON at the edges of passguard).
    ///
    /// # Errors
    /// As [`Policy::from_toml`], with the path of the offending field.
    #[cfg(feature = "toml")]
    pub fn from_deserializer<'de, D>(deserializer: D) -> Result<Self, PolicyError>
    where
        D: Deserializer<'de>,
        D::Error: fmt::Display,
    {
        let policy: Policy = deserialize_with_path(deserializer)?;
        policy.validate()?;
        Ok(policy)
    }

    /// Reads and validates a policy written in JSON, with the same field names as TOML.
    /// Anything after the policy object is refused.
    ///
    /// # Errors
    /// As [`Policy::from_toml`].
    ///
    /// # Examples
    /// ```
    /// let policy = passguard_policy::Policy::from_json(r#"{"name": "mine", "password": {"min_length": 12}}"#)?;
    /// assert_eq!(policy.password.min_length, 12);
    /// assert!(passguard_policy::Policy::from_json(r#"{"name": "mine"} x"#).is_err());
    /// # Ok::<(), passguard_policy::PolicyError>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        let policy: Policy = crate::json::from_json(text)?;
        policy.validate()?;
        Ok(policy)
    }

    /// The policy as TOML, in the same field names it is read with.
    ///
    /// # Errors
    /// [`PolicyError::Syntax`] if the TOML writer refuses a value (no valid policy has one:
    /// the fuzz target and a property test read every output back).
    #[cfg(feature = "toml")]
    pub fn to_toml(&self) -> Result<String, PolicyError> {
        toml::to_string(self).map_err(|e| PolicyError::syntax(None, &e))
    }

    /// Checks that every value is in range and that the values make sense together.
    ///
    /// # Errors
    /// [`PolicyError::Invalid`] naming the first field found wrong and why.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let invalid =
            |field: &'static str, reason: String| Err(PolicyError::Invalid { field, reason });
        let name_length = self.name.chars().count();
        if name_length == 0
            || name_length > MAX_NAME_LENGTH
            || self.name.chars().any(char::is_control)
        {
            return invalid(
                "name",
                format!("must be 1 to {MAX_NAME_LENGTH} printable characters"),
            );
        }
        self.password.validate()?;
        self.lockout.validate()?;
        self.reset.validate()
    }
}

impl PasswordRules {
    fn validate(&self) -> Result<(), PolicyError> {
        let invalid =
            |field: &'static str, reason: String| Err(PolicyError::Invalid { field, reason });
        if self.max_length > Self::MAX_LENGTH_LIMIT {
            return invalid(
                "password.max_length",
                format!(
                    "must be at most {}, found {}",
                    Self::MAX_LENGTH_LIMIT,
                    self.max_length
                ),
            );
        }
        if self.min_length == 0 {
            return invalid("password.min_length", "must be at least 1".to_owned());
        }
        if self.min_length > self.max_length {
            return invalid(
                "password.min_length",
                format!(
                    "must not exceed max_length ({}), found {}",
                    self.max_length, self.min_length
                ),
            );
        }
        self.validate_special_characters()?;
        if let Some(groups) = &self.character_groups {
            let distinct: BTreeSet<Group> = groups.of.iter().copied().collect();
            if distinct.len() != groups.of.len() {
                return invalid(
                    "password.character_groups.of",
                    "lists a group twice".to_owned(),
                );
            }
            if groups.required as usize > groups.of.len() {
                return invalid(
                    "password.character_groups.required",
                    format!(
                        "requires {} groups but `of` lists only {}",
                        groups.required,
                        groups.of.len()
                    ),
                );
            }
            if groups.required > 0
                && distinct.contains(&Group::Special)
                && self.special_characters.is_empty()
            {
                return invalid(
                    "password.special_characters",
                    "is empty, but the special group is listed in character_groups".to_owned(),
                );
            }
        }
        if self.min_strength > Self::MAX_STRENGTH {
            return invalid(
                "password.min_strength",
                format!(
                    "must be 0 to {}, found {}",
                    Self::MAX_STRENGTH,
                    self.min_strength
                ),
            );
        }
        if self.history > Self::MAX_HISTORY {
            return invalid(
                "password.history",
                format!(
                    "must be at most {}, found {}",
                    Self::MAX_HISTORY,
                    self.history
                ),
            );
        }
        self.validate_ages()
    }

    fn validate_special_characters(&self) -> Result<(), PolicyError> {
        let invalid = |reason: String| {
            Err(PolicyError::Invalid {
                field: "password.special_characters",
                reason,
            })
        };
        let mut seen = BTreeSet::new();
        for c in self.special_characters.chars() {
            if seen.len() >= Self::MAX_SPECIAL_CHARACTERS {
                return invalid(format!(
                    "holds more than {} characters",
                    Self::MAX_SPECIAL_CHARACTERS
                ));
            }
            if c.is_ascii_alphanumeric() {
                return invalid(format!(
                    "{c:?} is a letter or digit, which have groups of their own"
                ));
            }
            if c.is_control() {
                return invalid(format!("{c:?} is a control character"));
            }
            if !text::is_stable_under_nfkc(c) {
                return invalid(format!(
                    "{c:?} changes under NFKC normalisation, so a password could never contain it"
                ));
            }
            if !seen.insert(c) {
                return invalid(format!("{c:?} is listed twice"));
            }
        }
        Ok(())
    }

    fn validate_ages(&self) -> Result<(), PolicyError> {
        let invalid =
            |field: &'static str, reason: String| Err(PolicyError::Invalid { field, reason });
        let Some(max_age) = self.max_age else {
            if !self.expiry_notice.is_empty() {
                return invalid(
                    "password.expiry_notice",
                    "needs max_age: passwords never expire".to_owned(),
                );
            }
            if self.expired_grace.is_some() {
                return invalid(
                    "password.expired_grace",
                    "needs max_age: passwords never expire".to_owned(),
                );
            }
            return Ok(());
        };
        if max_age == Duration::ZERO {
            return invalid(
                "password.max_age",
                "must be longer than 0 (or \"none\")".to_owned(),
            );
        }
        if let Some(min_age) = self.min_age
            && min_age >= max_age
        {
            return invalid(
                "password.min_age",
                format!("must be shorter than max_age ({max_age}), found {min_age}"),
            );
        }
        if self.expiry_notice.len() > Self::MAX_EXPIRY_NOTICES {
            return invalid(
                "password.expiry_notice",
                format!("holds more than {} notices", Self::MAX_EXPIRY_NOTICES),
            );
        }
        let mut seen = BTreeSet::new();
        for notice in &self.expiry_notice {
            if *notice >= max_age {
                return invalid(
                    "password.expiry_notice",
                    format!("{notice} is not shorter than max_age ({max_age})"),
                );
            }
            if !seen.insert(notice.as_secs()) {
                return invalid(
                    "password.expiry_notice",
                    format!("{notice} is listed twice"),
                );
            }
        }
        Ok(())
    }
}

impl LockoutRules {
    fn validate(&self) -> Result<(), PolicyError> {
        let invalid =
            |field: &'static str, reason: String| Err(PolicyError::Invalid { field, reason });
        if self.max_failed_logins > Self::MAX_FAILED_LOGINS {
            return invalid(
                "lockout.max_failed_logins",
                format!(
                    "must be at most {}, found {}",
                    Self::MAX_FAILED_LOGINS,
                    self.max_failed_logins
                ),
            );
        }
        if self.max_failed_security_answers > Self::MAX_FAILED_ANSWERS {
            return invalid(
                "lockout.max_failed_security_answers",
                format!(
                    "must be at most {}, found {}",
                    Self::MAX_FAILED_ANSWERS,
                    self.max_failed_security_answers
                ),
            );
        }
        if self.unlock == Unlock::After(Duration::ZERO) {
            return invalid(
                "lockout.unlock",
                "must be \"admin\", \"email\" or longer than 0".to_owned(),
            );
        }
        Ok(())
    }
}

impl ResetRules {
    fn validate(&self) -> Result<(), PolicyError> {
        let lifetime = self.token_lifetime;
        if lifetime < Self::MIN_TOKEN_LIFETIME || lifetime > Self::MAX_TOKEN_LIFETIME {
            return Err(PolicyError::Invalid {
                field: "reset.token_lifetime",
                reason: format!(
                    "must be between {} and {}, found {lifetime}",
                    Self::MIN_TOKEN_LIFETIME,
                    Self::MAX_TOKEN_LIFETIME
                ),
            });
        }
        if self.security_questions > Self::MAX_SECURITY_QUESTIONS {
            return Err(PolicyError::Invalid {
                field: "reset.security_questions",
                reason: format!(
                    "must be at most {}, found {}",
                    Self::MAX_SECURITY_QUESTIONS,
                    self.security_questions
                ),
            });
        }
        Ok(())
    }
}
