//! The account rules of a policy, as pure functions of an account's row and the time: which
//! locks still hold, when a password expires and how long an expired one may still change
//! itself, when a change is allowed again, and the status all of that adds up to.

use passguard_policy::{Policy, Unlock};

use crate::model::AccountStatus;
use crate::store::{LockRule, User};

/// How long a failure counter remembers: past this with no failure it starts again. A
/// failure months ago is no part of a run of consecutive ones, and without an end the
/// counters of names that are no account would pile up forever (they are swept after it).
pub(crate) const FAILURE_MEMORY_SECONDS: i64 = 90 * 86_400;

/// The rules of `policy`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rules<'p> {
    policy: &'p Policy,
}

impl<'p> Rules<'p> {
    pub(crate) fn of(policy: &'p Policy) -> Self {
        Self { policy }
    }

    /// The lock rule for failed logins at `now`.
    pub(crate) fn login_lock(self, now: i64) -> LockRule {
        self.lock_rule(self.policy.lockout.max_failed_logins, now)
    }

    /// The lock rule for wrong security answers at `now`.
    pub(crate) fn answers_lock(self, now: i64) -> LockRule {
        self.lock_rule(self.policy.lockout.max_failed_security_answers, now)
    }

    fn lock_rule(self, threshold: u32, now: i64) -> LockRule {
        LockRule {
            threshold: if threshold == 0 {
                i64::MAX
            } else {
                i64::from(threshold)
            },
            lifted_until: self.lifted_until(now),
            now,
            forgotten_before: now.saturating_sub(FAILURE_MEMORY_SECONDS),
        }
    }

    /// Locks set at or before this time have lifted by themselves.
    pub(crate) fn lifted_until(self, now: i64) -> i64 {
        match self.policy.lockout.unlock {
            Unlock::Admin | Unlock::Email => i64::MIN,
            Unlock::After(duration) => now.saturating_sub(duration.as_secs_i64()),
        }
    }

    pub(crate) fn is_locked(self, user: &User, now: i64) -> bool {
        user.locked_at.is_some_and(|at| at > self.lifted_until(now))
    }

    /// Whether a reset by e-mail lifts `user`'s lock: the policy lets the owner help
    /// themselves (an unlock link or a lock that lifts by itself), and the lock was set by
    /// wrong passwords, not by wrong security answers (those a reset cannot get past).
    pub(crate) fn reset_lifts_lock(self, user: &User) -> bool {
        let answers = i64::from(self.policy.lockout.max_failed_security_answers);
        self.policy.lockout.unlock != Unlock::Admin
            && !(answers > 0 && user.failed_answers >= answers)
    }

    /// Whether the owner is e-mailed when the account locks.
    pub(crate) fn lock_mail(self) -> bool {
        self.policy.lockout.notify || self.policy.lockout.unlock == Unlock::Email
    }

    /// When the password expires, if the policy lets passwords expire.
    pub(crate) fn expires_at(self, user: &User) -> Option<i64> {
        let max_age = self.policy.password.max_age?;
        user.password_changed_at
            .map(|at| at.saturating_add(max_age.as_secs_i64()))
    }

    /// Whether the password has expired: strictly after `max_age`.
    pub(crate) fn is_expired(self, user: &User, now: i64) -> bool {
        self.expires_at(user).is_some_and(|at| now > at)
    }

    /// Whether an expired password may still sign in to change itself: always when the
    /// policy sets no grace period, otherwise until `expired_grace` after expiry (inclusive).
    pub(crate) fn may_change_expired(self, user: &User, now: i64) -> bool {
        let Some(expires_at) = self.expires_at(user) else {
            return true;
        };
        self.policy
            .password
            .expired_grace
            .is_none_or(|grace| now <= expires_at.saturating_add(grace.as_secs_i64()))
    }

    /// When a change is allowed again, if the policy sets a minimum age.
    pub(crate) fn can_change_after(self, user: &User) -> Option<i64> {
        let min_age = self
            .policy
            .password
            .min_age
            .filter(|age| age.as_secs() > 0)?;
        user.password_changed_at
            .map(|at| at.saturating_add(min_age.as_secs_i64()))
    }

    /// The account's status: `disabled`, `invited`, then `locked`, `reset-pending` and
    /// `expired` in that order. The users grid tells the same in SQL (`store::grid`).
    pub(crate) fn status(self, user: &User, now: i64, reset_pending: bool) -> AccountStatus {
        if user.disabled_at.is_some() {
            AccountStatus::Disabled
        } else if user.password_hash.is_none() {
            AccountStatus::Invited
        } else if self.is_locked(user, now) {
            AccountStatus::Locked
        } else if reset_pending {
            AccountStatus::ResetPending
        } else if self.is_expired(user, now) {
            AccountStatus::Expired
        } else {
            AccountStatus::Active
        }
    }

    /// How many password hashes to keep: the policy's history, at least the current one.
    pub(crate) fn keep(self) -> i64 {
        i64::from(self.policy.password.history.max(1))
    }

    /// How many previous passwords the engine's `not-reused` rule compares against.
    pub(crate) fn history(self) -> u32 {
        self.policy.password.history
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::Role;
    use passguard_i18n::Locale;

    const DAY: i64 = 86_400;

    fn user(changed_at: i64) -> User {
        User {
            id: 1,
            username: "ada".to_owned(),
            email: "ada@example.com".to_owned(),
            role: Role::User,
            password_hash: Some("$argon2id$…".to_owned()),
            password_changed_at: Some(changed_at),
            failed_logins: 0,
            failed_answers: 0,
            locked_at: None,
            password_revoked_at: None,
            locale: Locale::En,
            disabled_at: None,
            org: None,
        }
    }

    #[test]
    fn expiry_and_its_grace_are_inclusive_where_they_allow() {
        let policy = Policy::preset("partner-portal").unwrap();
        let rules = Rules::of(&policy);
        let ada = user(0);
        let expires = rules.expires_at(&ada).unwrap();
        assert_eq!(expires, 365 * DAY);
        assert!(!rules.is_expired(&ada, expires));
        assert!(rules.is_expired(&ada, expires + 1));
        let grace = expires + 30 * DAY;
        assert!(rules.may_change_expired(&ada, grace));
        assert!(!rules.may_change_expired(&ada, grace + 1));
        assert_eq!(
            rules.status(&ada, expires + 1, false),
            AccountStatus::Expired
        );
    }

    #[test]
    fn a_timed_unlock_lifts_by_itself_and_an_admin_one_never() {
        let mut policy = Policy::preset("security-admin").unwrap();
        let locked = User {
            locked_at: Some(100),
            ..user(0)
        };
        assert!(Rules::of(&policy).is_locked(&locked, i64::MAX));
        policy.lockout.unlock = Unlock::After(passguard_policy::Duration::from_minutes(15));
        let rules = Rules::of(&policy);
        assert!(rules.is_locked(&locked, 100 + 899));
        assert!(!rules.is_locked(&locked, 100 + 900));
        assert_eq!(rules.status(&locked, 100, true), AccountStatus::Locked);
    }

    #[test]
    fn a_reset_lifts_a_lock_only_where_the_owner_may_help_themselves() {
        let email = Policy::preset("nist-800-63b").unwrap();
        let admin = Policy::preset("security-admin").unwrap();
        let timed = Policy::from_toml(
            "name = \"t\"\n[lockout]\nunlock = \"1h\"\nmax_failed_security_answers = 2\n",
        )
        .unwrap();
        let locked = User {
            locked_at: Some(10),
            failed_logins: 5,
            ..user(0)
        };
        assert!(Rules::of(&email).reset_lifts_lock(&locked));
        assert!(Rules::of(&timed).reset_lifts_lock(&locked));
        assert!(!Rules::of(&admin).reset_lifts_lock(&locked));
        // Locked by wrong answers: a reset (which asks them) cannot get past it.
        let by_answers = User {
            failed_answers: 2,
            ..locked
        };
        assert!(!Rules::of(&timed).reset_lifts_lock(&by_answers));
        // An e-mailed unlock never lifts by time; the lock e-mail goes out for it.
        assert_eq!(Rules::of(&email).lifted_until(1_000), i64::MIN);
        assert!(Rules::of(&email).lock_mail());
        assert!(!Rules::of(&admin).lock_mail());
    }
}
