//! Administration: the users grid, invitations, and what an administrator does to an
//! account (unlock, send a reset link, resend the invitation, disable, enable, delete, change
//! the e-mail address or the role), each recorded in the event log.
//!
//! Every operation takes an [`Administrator`], which only [`Accounts::administrator`] makes
//! from a session (or [`Accounts::operator`] for the command line), so no code path reaches
//! them without the role. An organization's administrator reaches the accounts of its own
//! organization only: another organization's account is looked up by the same single
//! statement as an unknown one, and answers exactly as one (`not-found`). An administrator
//! never sees or chooses a password.

use passguard_i18n::Locale;
use passguard_wire::{Event, EventAction, InviteRequest, UserPatch, UserRow};

use super::names::{email_key, username_key, validate_email};
use super::{Accounts, Error, Rules, Session};
use crate::model::{AccountStatus, Role};
use crate::store::{EventFilter, OrgRow, User, UsersFilter};

/// Who administers: the operator (every account, and the organizations), or an
/// organization's administrator (its own organization's accounts only).
#[derive(Debug, Clone)]
pub struct Administrator {
    /// How the event log names who did it.
    actor: String,
    /// The administrator's own account (none for the command line).
    user_id: Option<i64>,
    /// Whose accounts it administers: `None` for all.
    org: Option<OrgRow>,
}

impl Administrator {
    /// How the event log names this administrator: the username, or `command-line`.
    #[must_use]
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The organization it is limited to, if any.
    pub(crate) fn org(&self) -> Option<&OrgRow> {
        self.org.as_ref()
    }

    /// Refuses an organization's administrator: only the operator does this.
    pub(crate) fn require_operator(&self) -> Result<(), Error> {
        match self.org {
            None => Ok(()),
            Some(_) => Err(Error::Forbidden),
        }
    }

    fn is_self(&self, user: &User) -> bool {
        self.user_id == Some(user.id)
    }
}

/// What the users grid asks for (`GET /api/admin/users`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UsersQuery {
    /// A piece of the username or e-mail address.
    pub q: Option<String>,
    /// One status only.
    pub status: Option<AccountStatus>,
    /// One organization only (its slug).
    pub org: Option<String>,
    /// From 1.
    pub page: u32,
    /// Rows a page, 1 to [`UsersQuery::MAX_PER_PAGE`].
    pub per_page: u32,
}

impl UsersQuery {
    /// Rows a page unless asked otherwise (SPEC §4).
    pub const DEFAULT_PER_PAGE: u32 = 50;
    /// The most rows a page.
    pub const MAX_PER_PAGE: u32 = 500;
}

/// Events a page of the log.
pub(crate) const EVENTS_PER_PAGE: u32 = 50;

/// The grid's row of `user`.
fn row(status: AccountStatus, user: User) -> UserRow {
    UserRow {
        org: user.org_slug().map(str::to_owned),
        username: user.username,
        email: user.email,
        role: user.role,
        status,
        failed_logins: user.failed_logins,
        password_changed_at: user.password_changed_at,
    }
}

impl Accounts {
    /// The administrator behind `session`: a full session of an account with the admin or
    /// org-admin role.
    ///
    /// # Errors
    /// [`Error::ChangeOnlySession`] for a session that may only change an expired password,
    /// [`Error::Forbidden`] for any other role (or an org-admin of no organization).
    pub(crate) fn administrator(&self, session: &Session) -> Result<Administrator, Error> {
        session.require_full()?;
        let user = &session.user;
        let org = match (user.role, &user.org) {
            (Role::Admin, _) => None,
            (Role::OrgAdmin, Some(org)) => Some(org.clone()),
            (Role::OrgAdmin, None) | (Role::User, _) => return Err(Error::Forbidden),
        };
        Ok(Administrator {
            actor: user.username.clone(),
            user_id: Some(user.id),
            org,
        })
    }

    /// The operator at the command line (`passguard admin …`, `passguard org create`).
    #[must_use]
    pub fn operator(&self) -> Administrator {
        Administrator {
            actor: "command-line".to_owned(),
            user_id: None,
            org: None,
        }
    }

    /// One page of the accounts `query` selects, by username, and their number in all.
    pub(crate) async fn users(
        &self,
        by: &Administrator,
        query: UsersQuery,
    ) -> Result<(Vec<UserRow>, i64), Error> {
        let org_id = match (&query.org, by.org()) {
            (Some(slug), _) => Some(self.org_for(by, slug).await?.id),
            (None, Some(own)) => Some(own.id),
            (None, None) => None,
        };
        let site = super::orgs::effective(self.policy());
        let per_page = query.per_page.clamp(1, UsersQuery::MAX_PER_PAGE);
        let filter = UsersFilter {
            q: query.q.map(|q| username_key(&q)).filter(|q| !q.is_empty()),
            status: query.status,
            org_id,
            limit: i64::from(per_page),
            offset: i64::from(query.page.max(1) - 1) * i64::from(per_page),
            site_max_age: site.max_age_seconds,
            site_unlock: site.unlock_seconds,
            now: self.clock().now(),
        };
        let grid = self.store().grid(&filter).await?;
        let rows = grid
            .rows
            .into_iter()
            .map(|(user, status)| row(status, user))
            .collect();
        Ok((rows, grid.total))
    }

    /// Invites an account: its registration link goes out by e-mail in the administrator's
    /// language, which stays the account's until its owner registers. An organization's
    /// administrator invites into its own organization, never an `admin`; the operator's
    /// `org-admin` needs an organization and its `admin` has none.
    pub(crate) async fn invite_by(
        &self,
        by: &Administrator,
        request: InviteRequest,
        locale: Locale,
    ) -> Result<UserRow, Error> {
        let role = request.role.unwrap_or(Role::User);
        let org = match (by.org(), &request.org) {
            (Some(own), None) => Some(own.clone()),
            (Some(_), Some(slug)) | (None, Some(slug)) => Some(self.org_for(by, slug).await?),
            (None, None) => None,
        };
        match (role, &org, by.org()) {
            (Role::Admin, _, Some(_)) => return Err(Error::AdminRoleForbidden),
            (Role::Admin, Some(_), None) => return Err(Error::AdminInOrg),
            (Role::OrgAdmin, None, _) => return Err(Error::OrgRequired),
            _ => {}
        }
        let invitation = super::links::Invitation {
            username: &request.username,
            email: &request.email,
            role,
            org: org.as_ref(),
            reissue: false,
            locale: Some(locale),
            actor: by.actor(),
        };
        self.invite_as(invitation).await?;
        let user = self.target(by, &request.username).await?;
        tracing::info!(by = %by.actor(), invited = %user.username, "invited");
        Ok(row(AccountStatus::Invited, user))
    }

    /// The account `username` if `by` may administer it; otherwise, and for no such account
    /// alike, [`Error::NoSuchAccount`].
    pub(crate) async fn target(&self, by: &Administrator, username: &str) -> Result<User, Error> {
        let key = username_key(username);
        let user = match by.org() {
            Some(own) => self.store().user_in_org(&key, own.id).await?,
            None => self.store().user_by_key(&key).await?,
        };
        user.ok_or(Error::NoSuchAccount)
    }

    /// The account's status now, under the policy in force for it.
    pub(crate) async fn status_of(&self, user: &User) -> Result<AccountStatus, Error> {
        let now = self.clock().now();
        let policy = self.policy_of(user)?;
        let reset_pending = self.store().reset_pending(user.id, now).await?;
        Ok(Rules::of(&policy).status(user, now, reset_pending))
    }

    /// Unlocks an account and clears its failure counters.
    ///
    /// # Errors
    /// [`Error::NoSuchAccount`] when `by` may not administer such an account.
    pub async fn unlock(&self, by: &Administrator, username: &str) -> Result<(), Error> {
        let user = self.target(by, username).await?;
        let event = self.event(&user, EventAction::Unlocked, by.actor());
        if !self.store().unlock(user.id, &event).await? {
            return Err(Error::NoSuchAccount);
        }
        tracing::info!(by = %by.actor(), unlocked = %user.username, "unlocked");
        Ok(())
    }

    /// Sends the account a reset link (replacing any older one). A locked account must be
    /// unlocked first, an invited one has no password to reset.
    pub(crate) async fn reset_by(&self, by: &Administrator, username: &str) -> Result<(), Error> {
        let user = self.target(by, username).await?;
        let now = self.clock().now();
        let policy = self.policy_of(&user)?;
        if user.disabled_at.is_some() {
            return Err(Error::Disabled);
        }
        if user.password_hash.is_none() {
            return Err(Error::Invited);
        }
        if Rules::of(&policy).is_locked(&user, now) {
            return Err(Error::LockedUnlockFirst);
        }
        // The link an administrator sends enjoys the same grace as one asked for: a
        // forgotten-password request right after cannot replace it. (A grace already
        // running is no reason not to send.)
        self.try_take(super::Budget::ResetGrace, &user.id.to_string())
            .await?;
        let event = self.event(&user, EventAction::ResetByAdmin, by.actor());
        self.send_reset_link(&user, now, &event).await?;
        if policy.reset.admin_reset_revokes {
            // Sent first: the owner is never left with neither password nor link.
            self.store().revoke_password(user.id, now).await?;
        }
        tracing::info!(by = %by.actor(), reset = %user.username, "reset link sent");
        Ok(())
    }

    /// Sends an invited account a new registration link; the old one dies.
    pub(crate) async fn resend_invitation(
        &self,
        by: &Administrator,
        username: &str,
    ) -> Result<(), Error> {
        let user = self.target(by, username).await?;
        if user.disabled_at.is_some() {
            return Err(Error::Disabled);
        }
        if user.password_hash.is_some() {
            return Err(Error::NotInvited);
        }
        self.reissue(&user, by.actor()).await
    }

    /// Sends `user`, still only invited, a new registration link.
    async fn reissue(&self, user: &User, actor: &str) -> Result<(), Error> {
        let invitation = super::links::Invitation {
            username: &user.username,
            email: &user.email,
            role: user.role,
            org: user.org.as_ref(),
            reissue: true,
            locale: None,
            actor,
        };
        self.invite_as(invitation).await.map(drop)
    }

    /// Disables an account: it cannot sign in (it answers as a wrong password would), and
    /// its sessions and links die.
    pub(crate) async fn disable(&self, by: &Administrator, username: &str) -> Result<(), Error> {
        let user = self.target(by, username).await?;
        if by.is_self(&user) {
            return Err(Error::OwnAccount);
        }
        let now = self.clock().now();
        let event = self.event(&user, EventAction::Disabled, by.actor());
        self.store().disable(user.id, now, &event).await?;
        Ok(())
    }

    /// Enables a disabled account again.
    pub(crate) async fn enable(&self, by: &Administrator, username: &str) -> Result<(), Error> {
        let user = self.target(by, username).await?;
        let event = self.event(&user, EventAction::Enabled, by.actor());
        self.store().enable(user.id, &event).await?;
        Ok(())
    }

    /// Deletes an account and everything of it; the event log keeps that it happened and
    /// who did it.
    pub(crate) async fn delete(&self, by: &Administrator, username: &str) -> Result<(), Error> {
        let user = self.target(by, username).await?;
        if by.is_self(&user) {
            return Err(Error::OwnAccount);
        }
        let event = self.event(&user, EventAction::Deleted, by.actor());
        if !self.store().delete_user(user.id, &event).await? {
            return Err(Error::NoSuchAccount);
        }
        tracing::info!(by = %by.actor(), deleted = %user.username, "deleted");
        Ok(())
    }

    /// Changes an account's e-mail address or role. A new address gets a new invitation
    /// (an invited account) or a reset link only when `send_link` asks for it. Nobody changes
    /// their own role; only the operator gives the `admin` role, to an account of no
    /// organization.
    pub(crate) async fn patch_user(
        &self,
        by: &Administrator,
        username: &str,
        patch: UserPatch,
    ) -> Result<UserRow, Error> {
        let mut user = self.target(by, username).await?;
        if let Some(role) = patch.role.filter(|role| *role != user.role) {
            if by.is_self(&user) {
                return Err(Error::OwnAccount);
            }
            match (role, by.org(), user.org.as_ref()) {
                (Role::Admin, Some(_), _) => return Err(Error::AdminRoleForbidden),
                (Role::Admin, None, Some(_)) => return Err(Error::AdminInOrg),
                (Role::OrgAdmin, _, None) => return Err(Error::OrgRequired),
                _ => {}
            }
            let event = self
                .event(&user, EventAction::RoleChanged, by.actor())
                .saying(format!("{} -> {}", user.role, role));
            self.store().set_role(user.id, role, &event).await?;
            user.role = role;
        }
        if let Some(email) = patch.email {
            let email = validate_email(&email)?;
            if email != user.email {
                let event = self
                    .event(&user, EventAction::EMailChanged, by.actor())
                    .saying(format!("{} -> {email}", user.email));
                self.store()
                    .change_email(user.id, &email, &email_key(&email), &event)
                    .await?;
                user.email = email;
                if patch.send_link && user.disabled_at.is_none() {
                    if user.password_hash.is_none() {
                        self.reissue(&user, by.actor()).await?;
                    } else {
                        let event = self.event(&user, EventAction::ResetByAdmin, by.actor());
                        self.send_reset_link(&user, self.clock().now(), &event)
                            .await?;
                    }
                }
            }
        }
        let status = self.status_of(&user).await?;
        Ok(row(status, user))
    }

    /// The event log, newest first: one account's (an organization's administrator sees
    /// only its organization's), one page at a time, and how many there are in all.
    pub(crate) async fn events(
        &self,
        by: &Administrator,
        username: Option<&str>,
        page: u32,
    ) -> Result<(Vec<Event>, i64), Error> {
        let key = username.map(username_key);
        let filter = EventFilter {
            username_key: key.as_deref(),
            org_id: by.org().map(|org| org.id),
            limit: i64::from(EVENTS_PER_PAGE),
            offset: i64::from(page.max(1) - 1) * i64::from(EVENTS_PER_PAGE),
        };
        let (rows, total) = self.store().events(&filter).await?;
        let events = rows
            .into_iter()
            .filter_map(|row| {
                // An action this version does not know (written by a newer one) is left out.
                let action = EventAction::from_id(&row.action)?;
                Some(Event {
                    at: row.at,
                    actor: row.actor,
                    action,
                    username: row.username,
                    org: row.org,
                    detail: row.detail,
                })
            })
            .collect();
        Ok((events, total))
    }
}
