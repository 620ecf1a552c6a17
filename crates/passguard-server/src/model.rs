//! The closed sets an account's rows are made of, each stored as its id: roles and statuses
//! (shared with the pages through `passguard-wire`), session scopes and link purposes.

use std::fmt;

pub use passguard_wire::{AccountStatus, Role};

/// What a session may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SessionScope {
    /// Everything its role allows.
    Full,
    /// Opened with an expired password: changing it, and nothing else.
    ChangePassword,
}

/// What an e-mailed link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinkPurpose {
    /// Choosing the first password of an invited account (`/register?token=…`).
    Register,
    /// Choosing a new password after answering the security questions (`/reset?token=…`).
    Reset,
    /// Lifting a lock, from the lock e-mail (`/unlock?token=…`, policy `unlock = "email"`).
    Unlock,
}

/// A closed set stored as text: its id, and back.
pub(crate) trait StoredId: Sized + Copy + 'static {
    /// Every value.
    const ALL: &'static [Self];
    /// The id it is stored as.
    fn id(self) -> &'static str;
    /// The value stored as `id`.
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.id() == id)
    }
}

impl StoredId for SessionScope {
    const ALL: &'static [Self] = &[SessionScope::Full, SessionScope::ChangePassword];
    fn id(self) -> &'static str {
        match self {
            SessionScope::Full => "full",
            SessionScope::ChangePassword => "change-password",
        }
    }
}

impl StoredId for LinkPurpose {
    const ALL: &'static [Self] = &[
        LinkPurpose::Register,
        LinkPurpose::Reset,
        LinkPurpose::Unlock,
    ];
    fn id(self) -> &'static str {
        match self {
            LinkPurpose::Register => "register",
            LinkPurpose::Reset => "reset",
            LinkPurpose::Unlock => "unlock",
        }
    }
}

impl StoredId for Role {
    const ALL: &'static [Self] = &Role::ALL;
    fn id(self) -> &'static str {
        Role::id(self)
    }
}

impl LinkPurpose {
    /// The page its link opens.
    pub(crate) const fn page(self) -> &'static str {
        match self {
            LinkPurpose::Register => "register",
            LinkPurpose::Reset => "reset",
            LinkPurpose::Unlock => "unlock",
        }
    }
}

impl fmt::Display for SessionScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl fmt::Display for LinkPurpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids are the migrations' values: changing one would orphan stored rows.
    #[test]
    fn stored_ids_read_back_and_never_change() {
        fn round_trip<T: StoredId + PartialEq + fmt::Debug>() -> Vec<&'static str> {
            T::ALL
                .iter()
                .map(|value| {
                    assert_eq!(T::from_id(value.id()), Some(*value));
                    value.id()
                })
                .collect()
        }
        assert_eq!(round_trip::<SessionScope>(), ["full", "change-password"]);
        assert_eq!(round_trip::<LinkPurpose>(), ["register", "reset", "unlock"]);
        assert_eq!(round_trip::<Role>(), ["user", "org-admin", "admin"]);
        assert_eq!(SessionScope::from_id("root"), None);
    }
}
