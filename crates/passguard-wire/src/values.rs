//! The closed sets of values the API speaks (roles, account statuses) and the wrapper that
//! keeps secrets out of logs.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What an account may do. Stored, sent and read as its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// An ordinary account.
    User,
    /// An organization's set-up administrator: administers the accounts of its own
    /// organization, never anyone else's.
    OrgAdmin,
    /// The operator: administers every account and the organizations themselves.
    Admin,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 3] = [Role::User, Role::OrgAdmin, Role::Admin];

    /// The stable id: `user`, `org-admin` or `admin`.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::OrgAdmin => "org-admin",
            Role::Admin => "admin",
        }
    }

    /// Whether the role administers accounts (its own organization's, or all).
    #[must_use]
    pub const fn administers(self) -> bool {
        matches!(self, Role::OrgAdmin | Role::Admin)
    }

    /// The role with this id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.id() == id)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// An account's status (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// Disabled by an administrator: it cannot sign in, and its sessions and links are gone.
    Disabled,
}

impl AccountStatus {
    /// Every status.
    pub const ALL: [AccountStatus; 6] = [
        AccountStatus::Invited,
        AccountStatus::Active,
        AccountStatus::Locked,
        AccountStatus::ResetPending,
        AccountStatus::Expired,
        AccountStatus::Disabled,
    ];

    /// The stable id, such as `reset-pending`.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            AccountStatus::Invited => "invited",
            AccountStatus::Active => "active",
            AccountStatus::Locked => "locked",
            AccountStatus::ResetPending => "reset-pending",
            AccountStatus::Expired => "expired",
            AccountStatus::Disabled => "disabled",
        }
    }

    /// The status with this id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.id() == id)
    }
}

impl fmt::Display for AccountStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A password, a security answer or a token in a request: written and read as a plain JSON
/// string, never printed by `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps `text`.
    #[must_use]
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The secret itself, for the code that must use it (hashing, checking, sending).
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn ids_are_the_serde_names() {
        for role in Role::ALL {
            assert_eq!(serde_json::to_value(role).unwrap(), role.id());
            assert_eq!(Role::from_id(role.id()), Some(role));
        }
        for status in AccountStatus::ALL {
            assert_eq!(serde_json::to_value(status).unwrap(), status.id());
            assert_eq!(AccountStatus::from_id(status.id()), Some(status));
        }
        assert_eq!(Role::from_id("root"), None);
    }

    #[test]
    fn a_secret_is_a_plain_string_that_debug_hides() {
        let secret: Secret = serde_json::from_str("\"hunter2\"").unwrap();
        assert_eq!(secret.expose(), "hunter2");
        assert_eq!(serde_json::to_string(&secret).unwrap(), "\"hunter2\"");
        assert_eq!(format!("{secret:?}"), "<redacted>");
    }
}
