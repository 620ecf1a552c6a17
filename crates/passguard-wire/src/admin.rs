//! Administration: the users grid, invitations, an account's changes and events, and the
//! organizations.

use passguard_policy::PolicyOverlay;
use serde::{Deserialize, Serialize};

use crate::values::{AccountStatus, Role};

/// One row of the users grid (`GET /api/admin/users`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserRow {
    /// The username.
    pub username: String,
    /// The e-mail address.
    pub email: String,
    /// The account's role.
    pub role: Role,
    /// The slug of its organization; none for the operator's own accounts.
    pub org: Option<String>,
    /// The account's status.
    pub status: AccountStatus,
    /// Failed logins since the last success.
    pub failed_logins: i64,
    /// When the password was set (Unix seconds); null while invited.
    pub password_changed_at: Option<i64>,
}

/// `POST /api/admin/users`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InviteRequest {
    /// The new account's username.
    pub username: String,
    /// Its e-mail address; the registration link goes there.
    pub email: String,
    /// Its role; `user` when left out. Only an administrator invites an `admin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Its organization's slug. An organization's administrator invites into its own,
    /// whatever this says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
}

/// `PATCH /api/admin/users/{username}`: what changes; every field optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    /// A new e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// With a new address: send it a new invitation (invited accounts) or a reset link.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub send_link: bool,
    /// A new role (`user` or `org-admin`; `admin` only by an administrator, never one's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

/// What happened to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum EventAction {
    /// An administrator (or the command line) invited it.
    Invited,
    /// Its owner chose the first password.
    Registered,
    /// Its owner signed in.
    SignedIn,
    /// A wrong password was given for it.
    LoginFailed,
    /// Failures locked it.
    Locked,
    /// An administrator unlocked it.
    Unlocked,
    /// Its owner asked for a reset link.
    ResetRequested,
    /// An administrator sent it a reset link.
    ResetByAdmin,
    /// Its password changed (a change, a reset).
    PasswordChanged,
    /// An administrator disabled it.
    Disabled,
    /// An administrator enabled it again.
    Enabled,
    /// An administrator deleted it.
    Deleted,
    /// Its e-mail address changed.
    EMailChanged,
    /// Its role changed.
    RoleChanged,
}

impl EventAction {
    /// Every action.
    pub const ALL: [EventAction; 14] = [
        EventAction::Invited,
        EventAction::Registered,
        EventAction::SignedIn,
        EventAction::LoginFailed,
        EventAction::Locked,
        EventAction::Unlocked,
        EventAction::ResetRequested,
        EventAction::ResetByAdmin,
        EventAction::PasswordChanged,
        EventAction::Disabled,
        EventAction::Enabled,
        EventAction::Deleted,
        EventAction::EMailChanged,
        EventAction::RoleChanged,
    ];

    /// The stable id, such as `reset-by-admin`.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            EventAction::Invited => "invited",
            EventAction::Registered => "registered",
            EventAction::SignedIn => "signed-in",
            EventAction::LoginFailed => "login-failed",
            EventAction::Locked => "locked",
            EventAction::Unlocked => "unlocked",
            EventAction::ResetRequested => "reset-requested",
            EventAction::ResetByAdmin => "reset-by-admin",
            EventAction::PasswordChanged => "password-changed",
            EventAction::Disabled => "disabled",
            EventAction::Enabled => "enabled",
            EventAction::Deleted => "deleted",
            EventAction::EMailChanged => "e-mail-changed",
            EventAction::RoleChanged => "role-changed",
        }
    }

    /// The action with this id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|action| action.id() == id)
    }
}

/// One entry of the account event log (`GET /api/admin/events`), newest first. Nothing
/// secret is ever in it: no password, answer, token or hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    /// When (Unix seconds).
    pub at: i64,
    /// Who did it: a username, `system` (the server's own rules, such as a lock) or
    /// `command-line` (the operator's `passguard` commands).
    pub actor: String,
    /// What happened.
    pub action: EventAction,
    /// The account it happened to.
    pub username: String,
    /// The account's organization then.
    pub org: Option<String>,
    /// Particulars, such as the old and new role or e-mail address.
    pub detail: Option<String>,
}

/// The notices shown after login, per role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Notices {
    /// For accounts with the `user` role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// For the organization's administrators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin: Option<String>,
}

/// An organization (SPEC §7).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organization {
    /// Its stable short name, as in `?org=acme`.
    pub slug: String,
    /// Its name, as people read it.
    pub name: String,
    /// Who its people contact for assistance; the site's when none.
    pub support_contact: Option<String>,
    /// Its login notices; the site's where none.
    pub notices: Notices,
    /// Its changes to the site policy, which only tighten it.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub policy: Option<PolicyOverlay>,
    /// How many accounts it has.
    pub accounts: i64,
}

/// `POST /api/admin/orgs`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewOrganization {
    /// 1 to 32 lower-case letters, digits and `-`, starting with a letter.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// Who its people contact for assistance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_contact: Option<String>,
    /// Its login notices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notices: Option<Notices>,
    /// Its changes to the site policy: only tightening ones are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub policy: Option<PolicyOverlay>,
}

/// `PATCH /api/admin/orgs/{slug}`: what changes; every field optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OrganizationPatch {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new support contact (an empty text removes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_contact: Option<String>,
    /// New notices (replacing both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notices: Option<Notices>,
    /// A new overlay (replacing the old; an empty one removes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub policy: Option<PolicyOverlay>,
}

/// `GET /api/admin/policy/impact`: what the staged policy would do (SPEC §9), from the
/// logins since it was staged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyImpact {
    /// The staged policy's name.
    pub staged: String,
    /// Since when it is staged (Unix seconds).
    pub since: i64,
    /// Accounts that signed in since then (each counted once, at its latest login).
    pub accounts_seen: u64,
    /// Of those, how many passwords it would refuse.
    pub would_fail: u64,
    /// How many of them fail each rule, by rule id.
    pub by_rule: std::collections::BTreeMap<String, u64>,
}
