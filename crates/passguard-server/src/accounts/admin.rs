//! Administration: the users grid, invitations, unlocking, and reset links an administrator
//! sends. Every operation takes an [`Administrator`], which only [`Accounts::administrator`]
//! makes from a session, so no code path reaches them without the role. An administrator
//! never sees or chooses a password.

use passguard_i18n::Locale;
use passguard_wire::{InviteRequest, UserRow};

use super::names::username_key;
use super::{Accounts, Error, Session};
use crate::model::{AccountStatus, Role};
use crate::store::User;

/// A signed-in account with the admin role, in a full session.
#[derive(Debug, Clone)]
pub struct Administrator {
    user: User,
}

impl Administrator {
    /// The administrator's username.
    #[must_use]
    pub fn username(&self) -> &str {
        &self.user.username
    }
}

impl Accounts {
    /// The administrator behind `session`: a full session of an account with the admin role.
    ///
    /// # Errors
    /// [`Error::ChangeOnlySession`] for a session that may only change an expired password,
    /// [`Error::Forbidden`] for any other role.
    pub(crate) fn administrator(&self, session: &Session) -> Result<Administrator, Error> {
        session.require_full()?;
        match session.user.role {
            Role::Admin => Ok(Administrator {
                user: session.user.clone(),
            }),
            Role::User => Err(Error::Forbidden),
        }
    }

    /// Every account, by username.
    pub(crate) async fn users(&self, _by: &Administrator) -> Result<Vec<UserRow>, Error> {
        let now = self.clock().now();
        let rules = self.rules();
        let users = self.store().list_users(now).await?;
        Ok(users
            .into_iter()
            .map(|listed| {
                row(
                    rules.status(&listed.user, now, listed.reset_pending),
                    listed.user,
                )
            })
            .collect())
    }

    /// Invites an account: its registration link goes out by e-mail in the administrator's
    /// language, which stays the account's until its owner registers.
    pub(crate) async fn invite_by(
        &self,
        by: &Administrator,
        request: InviteRequest,
        locale: Locale,
    ) -> Result<UserRow, Error> {
        let role = request.role.unwrap_or(Role::User);
        self.invite_in(&request.username, &request.email, role, false, Some(locale))
            .await?;
        let user = self.target(&request.username).await?;
        tracing::info!(admin = %by.username(), invited = %user.username, "invited");
        Ok(row(AccountStatus::Invited, user))
    }

    /// Unlocks an account and clears its failure counters.
    pub(crate) async fn unlock(&self, by: &Administrator, username: &str) -> Result<(), Error> {
        let user = self.target(username).await?;
        if !self.store().unlock(user.id).await? {
            return Err(Error::NoSuchAccount);
        }
        tracing::info!(admin = %by.username(), unlocked = %user.username, "unlocked");
        Ok(())
    }

    /// Sends the account a reset link (replacing any older one). A locked account must be
    /// unlocked first, an invited one has no password to reset.
    pub(crate) async fn reset_by(&self, by: &Administrator, username: &str) -> Result<(), Error> {
        let user = self.target(username).await?;
        let now = self.clock().now();
        if user.password_hash.is_none() {
            return Err(Error::Invited);
        }
        if self.rules().is_locked(&user, now) {
            return Err(Error::LockedUnlockFirst);
        }
        self.send_reset_link(&user, now).await?;
        tracing::info!(admin = %by.username(), reset = %user.username, "reset link sent");
        Ok(())
    }

    async fn target(&self, username: &str) -> Result<User, Error> {
        self.store()
            .user_by_key(&username_key(username))
            .await?
            .ok_or(Error::NoSuchAccount)
    }
}

/// The grid's row of `user`.
fn row(status: AccountStatus, user: User) -> UserRow {
    UserRow {
        username: user.username,
        email: user.email,
        role: user.role,
        status,
        failed_logins: user.failed_logins,
        password_changed_at: user.password_changed_at,
    }
}
