//! One module per page of SPEC §6, and the new-password block they share.

mod account;
mod admin;
mod auth;
mod chooser;

pub(crate) use account::Account;
pub(crate) use admin::Admin;
pub(crate) use auth::{Forgot, Home, Login, NotFound, Register, Reset, Unlock};

/// The catalogue keys the admin grid builds from its actions' ids (for the catalogue's test).
#[cfg(test)]
pub(crate) fn admin_action_keys() -> Vec<String> {
    admin::grid::action_keys()
}
