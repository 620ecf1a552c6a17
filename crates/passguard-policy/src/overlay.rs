//! Policy overlays: an organization's changes to the site policy, which may only tighten it.
//!
//! An overlay is a policy document listing only the fields it changes (SPEC §7). Laid over a
//! site policy with [`Policy::tightened_by`] it must be at least as strict in every field it
//! sets, or it is refused naming the field. When the site policy later tightens past an
//! overlay, [`Policy::tightened_leniently_by`] keeps, field by field, whichever value is the
//! stricter, so an organization is never held to less than the site.
//!
//! "Stricter" means harder for an attacker, field by field: a longer minimum length, a
//! maximum at least as long (a lower maximum would refuse passphrases: ASVS and NIST ask for
//! at least 64), composition rules every password of which also meets the site's, a smaller
//! special set, `reject` over `allow`, the blocklist on, breached passwords blocked, the check at login on, personal information refused, a
//! higher strength minimum, a longer history, a longer minimum age, shorter lifetimes
//! (password, grace, links), fewer failed attempts before a lock (0, never, is the loosest),
//! an administrator's unlock over a timed one and a longer lock over a shorter one, more
//! security questions. The expiry notices and the name are not strictness: an overlay may set
//! them freely.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::duration::{self, Duration};
use crate::error::PolicyError;
use crate::policy::{
    Blocklist, Breached, CharacterGroups, LockoutRules, OtherCharacters, PasswordRules, Policy,
    ResetRules, Unlock,
};

/// An organization's changes to the site policy: every field optional, none given meaning
/// "the site's".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyOverlay {
    /// A name of its own for the effective policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Changes to `[password]`.
    #[serde(default, skip_serializing_if = "PasswordOverlay::is_empty")]
    pub password: PasswordOverlay,
    /// Changes to `[lockout]`.
    #[serde(default, skip_serializing_if = "LockoutOverlay::is_empty")]
    pub lockout: LockoutOverlay,
    /// Changes to `[reset]`.
    #[serde(default, skip_serializing_if = "ResetOverlay::is_empty")]
    pub reset: ResetOverlay,
}

/// The `[password]` fields an overlay may set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordOverlay {
    /// See [`PasswordRules::min_length`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    /// See [`PasswordRules::max_length`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// See [`PasswordRules::character_groups`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub character_groups: Option<CharacterGroups>,
    /// See [`PasswordRules::special_characters`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_characters: Option<String>,
    /// See [`PasswordRules::other_characters`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_characters: Option<OtherCharacters>,
    /// See [`PasswordRules::blocklist`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocklist: Option<Blocklist>,
    /// See [`PasswordRules::breached`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breached: Option<Breached>,
    /// See [`PasswordRules::forbid_personal_info`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forbid_personal_info: Option<bool>,
    /// See [`PasswordRules::min_strength`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_strength: Option<u8>,
    /// See [`PasswordRules::history`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<u32>,
    /// See [`PasswordRules::min_age`]; `"none"` is written as such.
    #[serde(
        default,
        with = "duration::given_or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub min_age: Option<Option<Duration>>,
    /// See [`PasswordRules::max_age`].
    #[serde(
        default,
        with = "duration::given_or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_age: Option<Option<Duration>>,
    /// See [`PasswordRules::expiry_notice`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_notice: Option<Vec<Duration>>,
    /// See [`PasswordRules::expired_grace`].
    #[serde(
        default,
        with = "duration::given_or_none",
        skip_serializing_if = "Option::is_none"
    )]
    pub expired_grace: Option<Option<Duration>>,
    /// See [`PasswordRules::check_at_login`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_at_login: Option<bool>,
}

/// The `[lockout]` fields an overlay may set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockoutOverlay {
    /// See [`LockoutRules::max_failed_logins`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_failed_logins: Option<u32>,
    /// See [`LockoutRules::max_failed_security_answers`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_failed_security_answers: Option<u32>,
    /// See [`LockoutRules::unlock`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlock: Option<Unlock>,
    /// See [`LockoutRules::notify`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<bool>,
}

/// The `[reset]` fields an overlay may set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetOverlay {
    /// See [`ResetRules::token_lifetime`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_lifetime: Option<Duration>,
    /// See [`ResetRules::security_questions`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_questions: Option<u32>,
    /// See [`ResetRules::admin_reset_revokes`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_reset_revokes: Option<bool>,
}

impl PasswordOverlay {
    fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl LockoutOverlay {
    fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl ResetOverlay {
    fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl PolicyOverlay {
    /// Reads an overlay written in TOML (the fields of a policy document, each optional).
    ///
    /// # Errors
    /// [`PolicyError::Syntax`] for malformed TOML, unknown fields and wrong types.
    ///
    /// # Examples
    /// ```
    /// use passguard_policy::{Policy, PolicyOverlay};
    /// let overlay = PolicyOverlay::from_toml("[password]\nmin_length = 12\nhistory = 10\n")?;
    /// let site = Policy::preset("security-admin")?;
    /// let acme = site.tightened_by(&overlay)?;
    /// assert_eq!((acme.password.min_length, acme.password.history), (12, 10));
    /// let looser = PolicyOverlay::from_toml("[password]\nhistory = 2\n")?;
    /// assert_eq!(site.tightened_by(&looser).unwrap_err().field(), Some("password.history"));
    /// # Ok::<(), passguard_policy::PolicyError>(())
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Self, PolicyError> {
        let deserializer =
            toml::Deserializer::parse(text).map_err(|e| PolicyError::syntax(None, &e))?;
        crate::policy::deserialize_with_path(deserializer)
    }

    /// Reads an overlay written in JSON.
    ///
    /// # Errors
    /// As [`PolicyOverlay::from_toml`].
    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        crate::json::from_json(text)
    }

    /// Whether the overlay changes nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// How an overlay's value compares with the site's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// At least as strict: it is taken.
    Tighter,
    /// Looser: refused when an overlay is accepted, the site's kept afterwards.
    Looser,
}

fn verdict(at_least_as_strict: bool) -> Verdict {
    if at_least_as_strict {
        Verdict::Tighter
    } else {
        Verdict::Looser
    }
}

/// A limit where a higher number is stricter.
fn higher<T: PartialOrd>(site: &T, overlay: &T) -> Verdict {
    verdict(overlay >= site)
}

/// An optional lifetime where shorter is stricter and `None` (no limit) the loosest.
fn shorter(site: &Option<Duration>, overlay: &Option<Duration>) -> Verdict {
    verdict(match (site, overlay) {
        (_, None) => site.is_none(),
        (None, Some(_)) => true,
        (Some(site), Some(overlay)) => overlay <= site,
    })
}

/// A link's lifetime, where shorter is stricter.
fn shorter_link(site: &Duration, overlay: &Duration) -> Verdict {
    verdict(overlay <= site)
}

/// An optional minimum time where longer is stricter and `None` (no minimum) the loosest.
fn longer(site: &Option<Duration>, overlay: &Option<Duration>) -> Verdict {
    verdict(match (site, overlay) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(site), Some(overlay)) => overlay >= site,
    })
}

/// A count of failures before a lock, where fewer is stricter and 0 (never) the loosest.
fn fewer_failures(site: &u32, overlay: &u32) -> Verdict {
    verdict(match (*site, *overlay) {
        (_, 0) => *site == 0,
        (0, _) => true,
        (site, overlay) => overlay <= site,
    })
}

/// An administrator's unlock is stricter than an e-mailed link, which is stricter than any
/// timed one (the lock stays until the owner proves the mailbox), a longer lock than a
/// shorter.
fn stricter_unlock(site: &Unlock, overlay: &Unlock) -> Verdict {
    verdict(match (site, overlay) {
        (_, Unlock::Admin) | (Unlock::Email | Unlock::After(_), Unlock::Email) => true,
        (Unlock::Admin, _) | (Unlock::Email, Unlock::After(_)) => false,
        (Unlock::After(site), Unlock::After(overlay)) => overlay >= site,
    })
}

/// Composition rules are at least as strict when every password meeting the overlay's also
/// meets the site's: a password with exactly `k'` of the overlay's groups may lack every
/// group outside the site's list, so it holds at least `k' − |S' ∖ S|` of the site's groups.
fn stricter_groups(site: &Option<CharacterGroups>, overlay: &Option<CharacterGroups>) -> Verdict {
    let Some(site) = site.as_ref().filter(|g| g.required > 0) else {
        return Verdict::Tighter;
    };
    let Some(overlay) = overlay else {
        return Verdict::Looser;
    };
    let outside = overlay.of.iter().filter(|g| !site.of.contains(g)).count();
    let guaranteed = (overlay.required as usize).saturating_sub(outside);
    verdict(guaranteed >= site.required as usize)
}

/// A special set is at least as strict when it counts no character the site's does not.
#[expect(
    clippy::ptr_arg,
    reason = "laid with the other fields' comparisons, as fn(&T, &T)"
)]
fn smaller_set(site: &String, overlay: &String) -> Verdict {
    let site: BTreeSet<char> = site.chars().collect();
    verdict(overlay.chars().all(|c| site.contains(&c)))
}

fn reject_over_allow(site: &OtherCharacters, overlay: &OtherCharacters) -> Verdict {
    verdict(*overlay == OtherCharacters::Reject || *site == OtherCharacters::Allow)
}

fn blocklist_on(site: &Blocklist, overlay: &Blocklist) -> Verdict {
    verdict(*overlay == Blocklist::Common || *site == Blocklist::None)
}

fn breached_blocked(site: &Breached, overlay: &Breached) -> Verdict {
    verdict(*overlay == Breached::Block || *site == Breached::Off)
}

/// A switch where on is stricter: an overlay may turn it on, not off.
fn refused_if_site(site: &bool, overlay: &bool) -> Verdict {
    verdict(*overlay || !*site)
}

/// Values an overlay sets freely (notices, the name).
fn any<T>(_: &T, _: &T) -> Verdict {
    Verdict::Tighter
}

/// How overlay values are laid over a site policy.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A looser value is refused.
    Refuse,
    /// A looser value gives way to the site's.
    KeepSite,
}

/// A value as a policy file writes it, for the message that refuses it.
trait Shown {
    fn shown(&self) -> String;
}

impl Shown for u32 {
    fn shown(&self) -> String {
        self.to_string()
    }
}

impl Shown for u8 {
    fn shown(&self) -> String {
        self.to_string()
    }
}

impl Shown for bool {
    fn shown(&self) -> String {
        self.to_string()
    }
}

impl Shown for String {
    fn shown(&self) -> String {
        format!("{self:?}")
    }
}

impl Shown for Duration {
    fn shown(&self) -> String {
        format!("\"{self}\"")
    }
}

impl Shown for Option<Duration> {
    fn shown(&self) -> String {
        self.as_ref()
            .map_or_else(|| "\"none\"".to_owned(), Shown::shown)
    }
}

impl Shown for Vec<Duration> {
    fn shown(&self) -> String {
        let items: Vec<String> = self.iter().map(Shown::shown).collect();
        format!("[{}]", items.join(", "))
    }
}

impl Shown for Option<CharacterGroups> {
    fn shown(&self) -> String {
        match self {
            None => "none".to_owned(),
            Some(groups) => {
                let of: Vec<&str> = groups.of.iter().map(|g| g.id()).collect();
                format!("{} of {}", groups.required, of.join(", "))
            }
        }
    }
}

impl Shown for OtherCharacters {
    fn shown(&self) -> String {
        match self {
            OtherCharacters::Allow => "\"allow\"",
            OtherCharacters::Reject => "\"reject\"",
        }
        .to_owned()
    }
}

impl Shown for Blocklist {
    fn shown(&self) -> String {
        match self {
            Blocklist::Common => "\"common\"",
            Blocklist::None => "\"none\"",
        }
        .to_owned()
    }
}

impl Shown for Breached {
    fn shown(&self) -> String {
        match self {
            Breached::Block => "\"block\"",
            Breached::Off => "\"off\"",
        }
        .to_owned()
    }
}

impl Shown for Unlock {
    fn shown(&self) -> String {
        match self {
            Unlock::Admin => "\"admin\"".to_owned(),
            Unlock::Email => "\"email\"".to_owned(),
            Unlock::After(duration) => duration.shown(),
        }
    }
}

/// Lays one overlay field over the site's value.
fn lay<T: Clone + Shown>(
    mode: Mode,
    field: &'static str,
    site: &mut T,
    overlay: Option<&T>,
    compare: fn(&T, &T) -> Verdict,
) -> Result<(), PolicyError> {
    let Some(overlay) = overlay else {
        return Ok(());
    };
    match (compare(site, overlay), mode) {
        (Verdict::Tighter, _) => {
            *site = overlay.clone();
            Ok(())
        }
        (Verdict::Looser, Mode::KeepSite) => Ok(()),
        (Verdict::Looser, Mode::Refuse) => Err(PolicyError::Invalid {
            field,
            reason: format!(
                "{} would loosen the site policy's {}; an organization may only tighten it",
                overlay.shown(),
                site.shown()
            ),
        }),
    }
}

impl Policy {
    /// This policy with `overlay` laid over it: every field the overlay sets, which must be
    /// at least as strict as this policy's; every other field this policy's.
    ///
    /// # Errors
    /// [`PolicyError::Invalid`] naming the first overlay field that would loosen this policy,
    /// or a field of the combination that does not validate (such as a minimum length above
    /// the maximum).
    pub fn tightened_by(&self, overlay: &PolicyOverlay) -> Result<Policy, PolicyError> {
        self.laid_over(overlay, Mode::Refuse)
    }

    /// This policy with `overlay` laid over it, keeping field by field whichever value is
    /// the stricter: what an organization's policy is after the site policy tightened past
    /// an overlay it once accepted.
    ///
    /// # Errors
    /// [`PolicyError::Invalid`] when the combination does not validate.
    pub fn tightened_leniently_by(&self, overlay: &PolicyOverlay) -> Result<Policy, PolicyError> {
        self.laid_over(overlay, Mode::KeepSite)
    }

    fn laid_over(&self, overlay: &PolicyOverlay, mode: Mode) -> Result<Policy, PolicyError> {
        let mut policy = self.clone();
        let PasswordRules {
            min_length,
            max_length,
            character_groups,
            special_characters,
            other_characters,
            blocklist,
            breached,
            forbid_personal_info,
            min_strength,
            history,
            min_age,
            max_age,
            expiry_notice,
            expired_grace,
            check_at_login,
        } = &mut policy.password;
        let o = &overlay.password;
        lay(mode, "name", &mut policy.name, overlay.name.as_ref(), any)?;
        lay(
            mode,
            "password.min_length",
            min_length,
            o.min_length.as_ref(),
            higher,
        )?;
        lay(
            mode,
            "password.max_length",
            max_length,
            o.max_length.as_ref(),
            higher,
        )?;
        let groups = o.character_groups.clone().map(Some);
        lay(
            mode,
            "password.character_groups",
            character_groups,
            groups.as_ref(),
            stricter_groups,
        )?;
        lay(
            mode,
            "password.special_characters",
            special_characters,
            o.special_characters.as_ref(),
            smaller_set,
        )?;
        lay(
            mode,
            "password.other_characters",
            other_characters,
            o.other_characters.as_ref(),
            reject_over_allow,
        )?;
        lay(
            mode,
            "password.blocklist",
            blocklist,
            o.blocklist.as_ref(),
            blocklist_on,
        )?;
        lay(
            mode,
            "password.breached",
            breached,
            o.breached.as_ref(),
            breached_blocked,
        )?;
        lay(
            mode,
            "password.forbid_personal_info",
            forbid_personal_info,
            o.forbid_personal_info.as_ref(),
            refused_if_site,
        )?;
        lay(
            mode,
            "password.min_strength",
            min_strength,
            o.min_strength.as_ref(),
            higher,
        )?;
        lay(
            mode,
            "password.history",
            history,
            o.history.as_ref(),
            higher,
        )?;
        lay(
            mode,
            "password.min_age",
            min_age,
            o.min_age.as_ref(),
            longer,
        )?;
        lay(
            mode,
            "password.max_age",
            max_age,
            o.max_age.as_ref(),
            shorter,
        )?;
        lay(
            mode,
            "password.expiry_notice",
            expiry_notice,
            o.expiry_notice.as_ref(),
            any,
        )?;
        lay(
            mode,
            "password.expired_grace",
            expired_grace,
            o.expired_grace.as_ref(),
            shorter,
        )?;
        lay(
            mode,
            "password.check_at_login",
            check_at_login,
            o.check_at_login.as_ref(),
            refused_if_site,
        )?;
        let LockoutRules {
            max_failed_logins,
            max_failed_security_answers,
            unlock,
            notify,
        } = &mut policy.lockout;
        let o = &overlay.lockout;
        lay(
            mode,
            "lockout.max_failed_logins",
            max_failed_logins,
            o.max_failed_logins.as_ref(),
            fewer_failures,
        )?;
        lay(
            mode,
            "lockout.max_failed_security_answers",
            max_failed_security_answers,
            o.max_failed_security_answers.as_ref(),
            fewer_failures,
        )?;
        lay(
            mode,
            "lockout.unlock",
            unlock,
            o.unlock.as_ref(),
            stricter_unlock,
        )?;
        lay(
            mode,
            "lockout.notify",
            notify,
            o.notify.as_ref(),
            refused_if_site,
        )?;
        let ResetRules {
            token_lifetime,
            security_questions,
            admin_reset_revokes,
        } = &mut policy.reset;
        let o = &overlay.reset;
        lay(
            mode,
            "reset.token_lifetime",
            token_lifetime,
            o.token_lifetime.as_ref(),
            shorter_link,
        )?;
        lay(
            mode,
            "reset.security_questions",
            security_questions,
            o.security_questions.as_ref(),
            higher,
        )?;
        lay(
            mode,
            "reset.admin_reset_revokes",
            admin_reset_revokes,
            o.admin_reset_revokes.as_ref(),
            refused_if_site,
        )?;
        policy.validate()?;
        Ok(policy)
    }
}
