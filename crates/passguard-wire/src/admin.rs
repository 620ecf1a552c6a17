//! Administration: the users grid and invitations.

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
    /// Its role; `user` when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}
