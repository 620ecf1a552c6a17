//! The passguard server: accounts under one password policy, re-validated by the same
//! engine (`passguard-policy`) that the browser runs, over the JSON API of SPEC §4.
//!
//! [`app`] builds the router from an [`AppState`], apart from any listener; [`Server`] binds
//! and runs it with the background jobs; `passguard serve` is a thin wrapper around both.
//!
//! What only the server holds stays here: Argon2id hashes ([`hashing`]), the password
//! history, failure counters and locks, and the secrets behind sessions and e-mailed links
//! (stored as hashes only).

mod api;
pub mod clock;
pub mod config;
pub mod error;
pub mod hashing;
mod jobs;
mod mail;
mod server;
mod state;
pub mod store;
mod tokens;

pub use api::{app, openapi_json};
pub use clock::Clock;
pub use config::{Config, ConfigError, ConfigFile, PolicySetting};
pub use error::ApiError;
pub use server::{Server, StartError, open};
pub use state::{AccountStatus, AppState};
pub use store::Store;
