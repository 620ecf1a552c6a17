//! Sessions: opening one after a login or a change, finding the account behind a token, and
//! what its owner sees of the account.

use passguard_i18n::Locale;
use passguard_wire::Me;

use super::{Accounts, Error, Rules};
use crate::model::SessionScope;
use crate::store::{NewSecret, User};
use crate::tokens;

/// How long a change-password-only session lasts.
const CHANGE_SESSION_SECONDS: i64 = 15 * 60;

/// A session just opened: the token its cookie carries and how long it lives.
pub(crate) struct NewSession {
    /// Given to the browser; never stored, never logged.
    pub(crate) token: String,
    /// Seconds.
    pub(crate) lifetime: i64,
}

impl std::fmt::Debug for NewSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewSession")
            .field("lifetime", &self.lifetime)
            .finish_non_exhaustive()
    }
}

/// The account behind a valid session token.
#[derive(Debug, Clone)]
pub(crate) struct Session {
    pub(crate) user: User,
    /// What the session may do now: a password that expired during the session limits it.
    pub(crate) scope: SessionScope,
    /// The session's public selector (to end it).
    pub(crate) selector: String,
}

impl Session {
    /// Refuses a session opened with an expired password: it may only change it.
    pub(crate) fn require_full(&self) -> Result<(), Error> {
        match self.scope {
            SessionScope::Full => Ok(()),
            SessionScope::ChangePassword => Err(Error::ChangeOnlySession),
        }
    }
}

impl Accounts {
    /// Opens a session for `user`.
    pub(crate) async fn open_session(
        &self,
        user: &User,
        scope: SessionScope,
        now: i64,
    ) -> Result<NewSession, Error> {
        let configured = self.inner.session_lifetime;
        let lifetime = match scope {
            SessionScope::Full => configured,
            SessionScope::ChangePassword => CHANGE_SESSION_SECONDS.min(configured),
        };
        let token = tokens::generate()?;
        let row = NewSecret {
            selector: &token.selector,
            verifier_hash: &token.verifier_hash,
            user_id: user.id,
            now,
            expires_at: now.saturating_add(lifetime),
        };
        self.store().create_session(&row, scope).await?;
        Ok(NewSession {
            token: token.text,
            lifetime,
        })
    }

    /// The account behind session `token`, if the token is one of ours, unexpired (until its
    /// `expires_at` inclusive) and its account still there. A password that expired during
    /// the session limits the session as it limits a login: to changing the password, or to
    /// nothing once the grace period is over.
    pub(crate) async fn session(&self, token: &str) -> Result<Session, Error> {
        let token = tokens::parse(token).ok_or(Error::Unauthenticated)?;
        let now = self.clock().now();
        let session = self
            .store()
            .session(&token.selector)
            .await?
            .filter(|s| token.matches(&s.verifier_hash))
            .filter(|s| now <= s.expires_at)
            .ok_or(Error::Unauthenticated)?;
        let user = self
            .store()
            .user_by_id(session.user_id)
            .await?
            .filter(|user| user.disabled_at.is_none())
            .ok_or(Error::Unauthenticated)?;
        let policy = self.policy_of(&user)?;
        let rules = Rules::of(&policy);
        let scope = if rules.is_expired(&user, now) {
            if !rules.may_change_expired(&user, now) {
                return Err(Error::Unauthenticated);
            }
            SessionScope::ChangePassword
        } else {
            session.scope
        };
        Ok(Session {
            user,
            scope,
            selector: token.selector,
        })
    }

    /// Ends the session with this selector.
    pub(crate) async fn end_session(&self, selector: &str) -> Result<(), Error> {
        Ok(self.store().delete_session(selector).await?)
    }

    /// The account as its owner sees it, in a session of `scope`.
    pub(crate) async fn me(
        &self,
        user: &User,
        scope: SessionScope,
        now: i64,
        locale: Locale,
    ) -> Result<Me, Error> {
        let reset_pending = self.store().reset_pending(user.id, now).await?;
        let policy = self.policy_of(user)?;
        let rules = Rules::of(&policy);
        Ok(Me {
            username: user.username.clone(),
            email: user.email.clone(),
            role: user.role,
            org: user.org_slug().map(str::to_owned),
            org_name: user.org.as_ref().map(|org| org.name.clone()),
            status: rules.status(user, now, reset_pending),
            password_changed_at: user.password_changed_at,
            // A session that may only change the password is not held to the minimum age.
            can_change_after: if scope == SessionScope::Full {
                rules.can_change_after(user)
            } else {
                None
            },
            expires_at: rules.expires_at(user),
            must_change_password: scope != SessionScope::Full,
            notice: self.notice(user, locale),
            support_contact: self.contact_of(user).render(locale),
            now,
        })
    }
}
