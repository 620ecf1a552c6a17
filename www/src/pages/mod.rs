//! One module per page of SPEC §6, and the new-password block they share.

mod account;
mod admin;
mod auth;
mod chooser;

pub(crate) use account::Account;
pub(crate) use admin::Admin;
pub(crate) use auth::{Forgot, Home, Login, NotFound, Register, Reset};
