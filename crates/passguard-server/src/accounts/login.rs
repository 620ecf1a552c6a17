//! Signing in: exactly one Argon2 verification whatever the username, and the same answers
//! for unknown names as for real accounts, including the lock after `max_failed_logins`.

use passguard_i18n::Locale;
use passguard_wire::{EventAction, Me, Secret};

use super::names::{email_key, username_key};
use super::{Accounts, Budget, Error, NewSession, Rules};
use crate::client::ClientKey;
use crate::model::SessionScope;
use crate::tokens;

/// How long a login refused for its client's budget waits before the answer.
const REFUSAL_DELAY: std::time::Duration = std::time::Duration::from_secs(1);

/// A successful login.
#[derive(Debug)]
pub(crate) enum Login {
    /// Signed in.
    Full { me: Me, session: NewSession },
    /// The password has expired, within its grace period: a session that may only change it.
    ChangeOnly {
        /// When the password expired (Unix seconds).
        expired_at: i64,
        session: NewSession,
    },
    /// The policy in force (with `check_at_login`) now refuses the password: a session that
    /// may only change it, and the report saying why.
    Noncompliant {
        report: Box<passguard_policy::Report>,
        session: NewSession,
    },
}

impl Accounts {
    /// Signs in `username` with `password`; remembers `locale` as the account's language.
    ///
    /// # Errors
    /// [`Error::InvalidCredentials`] for a wrong password, an unknown name and a disabled
    /// account alike (each counted toward its lock), [`Error::Locked`] once locked, and
    /// [`Error::PasswordExpired`] for an expired password past its grace period, and
    /// [`Error::RateLimited`] once `client` spent its budget of failed logins.
    pub(crate) async fn login(
        &self,
        client: &ClientKey,
        username: &str,
        password: Secret,
        locale: Option<Locale>,
    ) -> Result<Login, Error> {
        // The client's budget of failures is spent before any account is looked up, so it is
        // the same for every name; a login that does not fail gives its token back.
        let reservation = match self.take_for(Budget::FailedLogins, client).await {
            Ok(reservation) => reservation,
            Err(refused @ Error::RateLimited { .. }) => {
                // Held a moment before the 429: a flood over many connections then gets one
                // answer a second per connection instead of thousands, and costs the server
                // (and everyone else) next to nothing. A timer, no thread, is held.
                tokio::time::sleep(REFUSAL_DELAY).await;
                return Err(refused);
            }
            Err(error) => return Err(error),
        };
        let outcome = self.sign_in(client, username, password, locale).await;
        if !matches!(
            outcome,
            Err(Error::InvalidCredentials | Error::Locked { .. })
        ) {
            self.give_back(reservation).await?;
        }
        outcome
    }

    async fn sign_in(
        &self,
        client: &ClientKey,
        username: &str,
        password: Secret,
        locale: Option<Locale>,
    ) -> Result<Login, Error> {
        let key = username_key(username);
        let by_name = self.store().user_by_key(&key).await?;
        // Signing in by e-mail address, as "Forgot password" accepts it: a name with an `@`
        // is looked up both ways, always, so the queries made say nothing about which one it
        // is. An address shared by several registered accounts names none of them.
        let by_email = if username.contains('@') {
            let mut found = self
                .store()
                .users_by_email_key(&email_key(username))
                .await?;
            found.retain(|user| user.password_hash.is_some());
            (found.len() == 1).then(|| found.remove(0))
        } else {
            None
        };
        let registered = by_name
            .filter(|user| user.password_hash.is_some())
            .or(by_email);
        let stored = registered
            .as_ref()
            .and_then(|user| user.password_hash.clone());
        // The account's policy, worked out once for the checks and the rules below.
        let policy = registered
            .as_ref()
            .map(|user| self.policy_of(user))
            .transpose()?;
        let checks = match (&registered, &policy) {
            (Some(user), Some(policy)) => self.login_checks(user, policy, locale)?,
            _ => None,
        };
        let (matches, rehashed, verdicts) = self
            .hasher()
            .run(client, move |work| {
                let matches = work.verify_password(password.expose(), stored.as_deref());
                // Only the right password is checked again: a wrong one learns nothing.
                let verdicts = checks
                    .filter(|_| matches)
                    .map(|checks| checks.run(password.expose()))
                    .unwrap_or_default();
                let rehashed = match stored {
                    Some(stored) if matches && work.needs_rehash(&stored) => work
                        .hash_password(password.expose())
                        .ok()
                        .map(|new| (stored, new)),
                    _ => None,
                };
                (matches, rehashed, verdicts)
            })
            .await?;
        let now = self.clock().now();
        let (Some(user), Some(policy)) = (registered, policy) else {
            let digest = tokens::name_digest(&key);
            let site = Rules::of(self.policy());
            let lock = self
                .store()
                .unknown_login_failed(&digest, site.login_lock(now))
                .await?;
            return Err(self.failed(lock.locked));
        };
        let rules = Rules::of(&policy);
        // A disabled account answers as a wrong password does, right password or not.
        if !matches || user.disabled_at.is_some() {
            let event = self.event(&user, EventAction::LoginFailed, &user.username);
            let lock = self
                .store()
                .login_failed(user.id, rules.login_lock(now), &event)
                .await?;
            self.after_failure(&user, rules, lock);
            return Err(self.failed(lock.locked));
        }
        // An administrator's reset revoked this password: the right one says so (a wrong
        // one said nothing), and only the e-mailed link helps.
        if user.password_revoked_at.is_some() && !rules.is_locked(&user, now) {
            return Err(Error::ResetRequired {
                contact: self.contact_of(&user),
            });
        }
        let event = self.event(&user, EventAction::SignedIn, &user.username);
        if !self
            .store()
            .login_succeeded(user.id, rules.lifted_until(now), locale, &event)
            .await?
        {
            return Err(self.locked());
        }
        if let Some((old, new)) = rehashed {
            self.store().rehash(user.id, &old, &new).await?;
        }
        if let Some(failed) = &verdicts.staged_failed {
            self.record_staged(&user, failed).await?;
        }
        if rules.is_expired(&user, now) {
            let expired_at = rules.expires_at(&user).unwrap_or(now);
            if !rules.may_change_expired(&user, now) {
                return Err(Error::PasswordExpired {
                    expired_at,
                    contact: self.contact_of(&user),
                });
            }
            let session = self
                .open_session(&user, SessionScope::ChangePassword, now)
                .await?;
            return Ok(Login::ChangeOnly {
                expired_at,
                session,
            });
        }
        if let Some(report) = verdicts.refused {
            let session = self
                .open_session(&user, SessionScope::ChangePassword, now)
                .await?;
            return Ok(Login::Noncompliant {
                report: Box::new(report),
                session,
            });
        }
        let session = self.open_session(&user, SessionScope::Full, now).await?;
        let me = self
            .me(
                &user,
                SessionScope::Full,
                now,
                locale.unwrap_or(user.locale),
            )
            .await?;
        Ok(Login::Full { me, session })
    }

    /// A wrong password (or current password): `locked` when this failure locked.
    pub(crate) fn failed(&self, locked: bool) -> Error {
        if locked {
            self.locked()
        } else {
            Error::InvalidCredentials
        }
    }
}
