//! The application state shared by every request, and the account rules that several
//! endpoints share: names and their keys, statuses, lock rules, sessions and the links that
//! go out by e-mail.

use std::sync::Arc;

use bytes::Bytes;
use passguard_policy::{Locale, Policy, Unlock};
use serde::Serialize;
use tokio::sync::Semaphore;
use url::Url;

use crate::clock::Clock;
use crate::config::{Config, ConfigError};
use crate::error::ApiError;
use crate::hashing::Hasher;
use crate::mail::{self, Mailer};
use crate::store::{InvitedUser, LockRule, NewSecret, Store, User};
use crate::texts;
use crate::tokens;

/// The role of an ordinary account.
pub(crate) const ROLE_USER: &str = "user";
/// The role of an administrator.
pub(crate) const ROLE_ADMIN: &str = "admin";
/// A session that may do everything its role allows.
pub(crate) const SCOPE_FULL: &str = "full";
/// A session opened with an expired password: it may only change the password.
pub(crate) const SCOPE_CHANGE_PASSWORD: &str = "change-password";
/// A registration link.
pub(crate) const PURPOSE_REGISTER: &str = "register";
/// A reset link.
pub(crate) const PURPOSE_RESET: &str = "reset";
/// The session cookie's name.
pub(crate) const SESSION_COOKIE: &str = "passguard_session";
/// How long a change-password-only session lasts.
const CHANGE_SESSION_SECONDS: i64 = 15 * 60;
/// The longest username.
pub(crate) const MAX_USERNAME_CHARS: usize = 64;
/// The longest e-mail address (RFC 5321's path limit).
pub(crate) const MAX_EMAIL_BYTES: usize = 254;
/// Background jobs (forgotten-password e-mails) that may run at once; more are dropped
/// with a warning rather than queued without bound.
const BACKGROUND_JOBS: usize = 64;

/// Everything a request handler needs. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    pub(crate) inner: Arc<Shared>,
}

#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) config: Config,
    pub(crate) policy: Arc<Policy>,
    /// The policy as served at `GET /api/policy`, serialised once.
    pub(crate) policy_json: Bytes,
    /// The public base URL, ending in `/`.
    pub(crate) public_url: Url,
    pub(crate) store: Store,
    pub(crate) hasher: Hasher,
    pub(crate) clock: Clock,
    pub(crate) mailer: Mailer,
    pub(crate) background: Arc<Semaphore>,
}

/// An account's status (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AccountStatus {
    /// Created by an administrator; the password is not chosen yet.
    Invited,
    /// Registered and usable.
    Active,
    /// Locked after too many failures.
    Locked,
    /// A reset link is outstanding.
    ResetPending,
    /// The password has expired: login only allows changing it.
    Expired,
}

impl AppState {
    /// The state for `config`, serving links under `public_url`, over an open `store`.
    ///
    /// # Errors
    /// When the hashing parameters or the mail settings are unusable.
    pub fn new(
        config: Config,
        public_url: Url,
        store: Store,
        clock: Clock,
    ) -> Result<Self, ConfigError> {
        let hasher = Hasher::new(&config.hashing)?;
        let mailer = Mailer::new(&config.mail)?;
        let policy_json =
            serde_json::to_vec(&config.policy).map_err(|e| ConfigError(format!("policy: {e}")))?;
        let mut public_url = public_url;
        if !public_url.path().ends_with('/') {
            let path = format!("{}/", public_url.path());
            public_url.set_path(&path);
        }
        Ok(Self {
            inner: Arc::new(Shared {
                policy: Arc::new(config.policy.clone()),
                config,
                policy_json: Bytes::from(policy_json),
                public_url,
                store,
                hasher,
                clock,
                mailer,
                background: Arc::new(Semaphore::new(BACKGROUND_JOBS)),
            }),
        })
    }

    /// The clock in use.
    #[must_use]
    pub fn clock(&self) -> &Clock {
        &self.inner.clock
    }

    /// The hashing pool (its counters show how much Argon2 work was done).
    #[must_use]
    pub fn hasher(&self) -> &Hasher {
        &self.inner.hasher
    }

    /// The database.
    #[must_use]
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The public base URL.
    #[must_use]
    pub fn public_url(&self) -> &Url {
        &self.inner.public_url
    }

    pub(crate) fn config(&self) -> &Config {
        &self.inner.config
    }

    pub(crate) fn policy(&self) -> &Arc<Policy> {
        &self.inner.policy
    }

    pub(crate) fn support_contact(&self) -> &str {
        &self.inner.config.support_contact
    }

    /// Invites an account and e-mails its registration link; returns the link. With
    /// `reissue`, an account that is still only invited gets a new link (replacing the old).
    /// The e-mail is in English for a new account, and in its language for a reissue.
    ///
    /// # Errors
    /// 400 for an invalid username or e-mail; 409 `exists` when the username is taken (by a
    /// registered account, or by an invited one without `reissue`).
    pub async fn invite(
        &self,
        username: &str,
        email: &str,
        admin: bool,
        reissue: bool,
    ) -> Result<String, ApiError> {
        self.invite_in(username, email, admin, reissue, None).await
    }

    /// [`AppState::invite`], the e-mail in `locale` (the inviting administrator's), which
    /// also becomes a new account's language until its owner registers.
    pub(crate) async fn invite_in(
        &self,
        username: &str,
        email: &str,
        admin: bool,
        reissue: bool,
        locale: Option<Locale>,
    ) -> Result<String, ApiError> {
        let username = validate_username(username)?;
        let email = validate_email(email)?;
        let key = username_key(&username);
        let now = self.clock().now();
        let token = tokens::generate()?;
        let expires_at = now.saturating_add(self.policy().reset.token_lifetime.as_secs_i64());
        let existing = self.inner.store.user_by_key(&key).await?;
        let user_id = match &existing {
            Some(user) if reissue && user.password_hash.is_none() => user.id,
            Some(_) => return Err(exists(&username)),
            None => crate::store::new_id()?,
        };
        let link = NewSecret {
            selector: &token.selector,
            verifier_hash: &token.verifier_hash,
            user_id,
            kind: PURPOSE_REGISTER,
            now,
            expires_at,
        };
        let (to, name, locale) = match &existing {
            Some(user) => {
                self.inner.store.replace_link(&link).await?;
                (
                    user.email.clone(),
                    user.username.clone(),
                    locale.unwrap_or(user.locale),
                )
            }
            None => {
                let invited = InvitedUser {
                    username: &username,
                    username_key: &key,
                    email: &email,
                    email_key: &email_key(&email),
                    role: if admin { ROLE_ADMIN } else { ROLE_USER },
                    locale: locale.unwrap_or_default(),
                };
                if !self.inner.store.invite(&invited, &link).await? {
                    return Err(exists(&username));
                }
                (email.clone(), username.clone(), invited.locale)
            }
        };
        let url = self.link_url("register", &token.text);
        let times = mail::LinkTimes { now, expires_at };
        let message = mail::invitation(locale, &name, &url, times, self.support_contact());
        self.inner.mailer.send(&to, message).await?;
        Ok(url)
    }

    /// `{public_url}{page}?token={token}`.
    pub(crate) fn link_url(&self, page: &str, token: &str) -> String {
        format!("{}{page}?token={token}", self.inner.public_url)
    }

    /// The lock rule for failed logins at `now`.
    pub(crate) fn login_lock(&self, now: i64) -> LockRule {
        self.lock_rule(self.policy().lockout.max_failed_logins, now)
    }

    /// The lock rule for wrong security answers at `now`.
    pub(crate) fn answers_lock(&self, now: i64) -> LockRule {
        self.lock_rule(self.policy().lockout.max_failed_security_answers, now)
    }

    fn lock_rule(&self, threshold: u32, now: i64) -> LockRule {
        LockRule {
            threshold: if threshold == 0 {
                i64::MAX
            } else {
                i64::from(threshold)
            },
            lifted_until: self.lifted_until(now),
            now,
        }
    }

    /// Locks set at or before this time have lifted by themselves.
    pub(crate) fn lifted_until(&self, now: i64) -> i64 {
        match self.policy().lockout.unlock {
            Unlock::Admin => i64::MIN,
            Unlock::After(duration) => now.saturating_sub(duration.as_secs_i64()),
        }
    }

    pub(crate) fn is_locked(&self, user: &User, now: i64) -> bool {
        user.locked_at.is_some_and(|at| at > self.lifted_until(now))
    }

    /// When the password expires, if the policy lets passwords expire.
    pub(crate) fn expires_at(&self, user: &User) -> Option<i64> {
        let max_age = self.policy().password.max_age?;
        user.password_changed_at
            .map(|at| at.saturating_add(max_age.as_secs_i64()))
    }

    /// Whether the password has expired: strictly after `max_age`.
    pub(crate) fn is_expired(&self, user: &User, now: i64) -> bool {
        self.expires_at(user).is_some_and(|at| now > at)
    }

    /// Whether an expired password may still sign in to change itself: always when the
    /// policy sets no grace period, otherwise until `expired_grace` after expiry (inclusive).
    pub(crate) fn may_change_expired(&self, user: &User, now: i64) -> bool {
        let Some(expires_at) = self.expires_at(user) else {
            return true;
        };
        self.policy()
            .password
            .expired_grace
            .is_none_or(|grace| now <= expires_at.saturating_add(grace.as_secs_i64()))
    }

    /// When a change is allowed again, if the policy sets a minimum age.
    pub(crate) fn can_change_after(&self, user: &User) -> Option<i64> {
        let min_age = self
            .policy()
            .password
            .min_age
            .filter(|age| age.as_secs() > 0)?;
        user.password_changed_at
            .map(|at| at.saturating_add(min_age.as_secs_i64()))
    }

    /// The account's status; `locked` first, then `reset-pending`, then `expired`.
    pub(crate) fn status(&self, user: &User, now: i64, reset_pending: bool) -> AccountStatus {
        if user.password_hash.is_none() {
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

    /// The login notice for `role`, if one is configured.
    pub(crate) fn notice(&self, role: &str) -> Option<&str> {
        let notices = &self.inner.config.notices;
        let notice = if role == ROLE_ADMIN {
            notices.admin.as_deref()
        } else {
            notices.user.as_deref()
        };
        notice.filter(|text| !text.is_empty())
    }

    /// Opens a session and returns its `Set-Cookie` value.
    pub(crate) async fn open_session(
        &self,
        user: &User,
        scope: &str,
        now: i64,
    ) -> Result<String, ApiError> {
        let lifetime = if scope == SCOPE_FULL {
            self.inner.config.session_lifetime
        } else {
            CHANGE_SESSION_SECONDS.min(self.inner.config.session_lifetime)
        };
        let token = tokens::generate()?;
        self.inner
            .store
            .create_session(&NewSecret {
                selector: &token.selector,
                verifier_hash: &token.verifier_hash,
                user_id: user.id,
                kind: scope,
                now,
                expires_at: now.saturating_add(lifetime),
            })
            .await?;
        Ok(self.cookie(&token.text, lifetime))
    }

    /// A `Set-Cookie` value: HttpOnly, SameSite=Strict, Secure behind https.
    pub(crate) fn cookie(&self, value: &str, max_age: i64) -> String {
        let secure = if self.inner.public_url.scheme() == "https" {
            "; Secure"
        } else {
            ""
        };
        format!(
            "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"
        )
    }

    /// Creates a reset link (replacing older ones) and e-mails it in the account's language.
    pub(crate) async fn send_reset_link(&self, user: &User, now: i64) -> Result<(), ApiError> {
        let (url, expires_at) = self.new_reset_link(user, now).await?;
        let times = mail::LinkTimes { now, expires_at };
        let message = mail::reset_link(
            user.locale,
            &user.username,
            &url,
            times,
            self.support_contact(),
        );
        self.inner.mailer.send(&user.email, message).await
    }

    /// Creates a reset link, replacing the user's older ones; returns its URL and expiry.
    pub(crate) async fn new_reset_link(
        &self,
        user: &User,
        now: i64,
    ) -> Result<(String, i64), ApiError> {
        let token = tokens::generate()?;
        let expires_at = now.saturating_add(self.policy().reset.token_lifetime.as_secs_i64());
        self.inner
            .store
            .replace_link(&NewSecret {
                selector: &token.selector,
                verifier_hash: &token.verifier_hash,
                user_id: user.id,
                kind: PURPOSE_RESET,
                now,
                expires_at,
            })
            .await?;
        Ok((self.link_url("reset", &token.text), expires_at))
    }

    /// Runs `job` in the background when a slot is free; otherwise drops it with a warning,
    /// so a flood of requests cannot queue work without bound.
    pub(crate) fn spawn_background<F>(&self, what: &'static str, job: F)
    where
        F: Future<Output = Result<(), ApiError>> + Send + 'static,
    {
        match Arc::clone(&self.inner.background).try_acquire_owned() {
            Ok(permit) => {
                tokio::spawn(async move {
                    if let Err(error) = job.await {
                        tracing::warn!("{what}: {error}");
                    }
                    drop(permit);
                });
            }
            Err(_) => tracing::warn!("{what}: dropped, too many background jobs"),
        }
    }
}

/// 409 `exists`.
fn exists(username: &str) -> ApiError {
    ApiError::new(axum::http::StatusCode::CONFLICT, "exists", texts::EXISTS)
        .arg("username", username)
}

/// The key a username is looked up by: NFKC, trimmed, lower case.
pub(crate) fn username_key(username: &str) -> String {
    passguard_policy::normalize(username.trim()).to_lowercase()
}

/// The key an e-mail address is looked up by: trimmed, lower case.
pub(crate) fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A username as stored: NFKC, trimmed, 1 to 64 characters, no spaces, controls or `/`.
pub(crate) fn validate_username(username: &str) -> Result<String, ApiError> {
    let name = passguard_policy::normalize(username.trim()).into_owned();
    let count = name.chars().count();
    if count == 0
        || count > MAX_USERNAME_CHARS
        || name
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '/')
    {
        return Err(
            ApiError::bad_request("invalid-username", texts::INVALID_USERNAME)
                .arg("max", MAX_USERNAME_CHARS),
        );
    }
    Ok(name)
}

/// An e-mail address as stored: trimmed, at most 254 bytes, accepted by lettre's parser.
pub(crate) fn validate_email(email: &str) -> Result<String, ApiError> {
    let email = email.trim();
    if email.len() > MAX_EMAIL_BYTES || email.parse::<lettre::Address>().is_err() {
        return Err(ApiError::bad_request("invalid-email", texts::INVALID_EMAIL));
    }
    Ok(email.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_addresses() {
        assert_eq!(username_key("  Ａda "), "ada");
        assert_eq!(email_key(" Ada@Example.COM "), "ada@example.com");
        assert!(validate_username("ada.lovelace").is_ok());
        assert!(validate_username("").is_err());
        assert!(validate_username("a b").is_err());
        assert!(validate_username("a/b").is_err());
        assert!(validate_username(&"a".repeat(65)).is_err());
        assert!(validate_email("ada@example.com").is_ok());
        assert!(validate_email("ada").is_err());
        assert!(validate_email("a@b@c").is_err());
    }
}
