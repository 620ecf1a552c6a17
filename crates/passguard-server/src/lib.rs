#![doc = include_str!("../README.md")]

pub mod accounts;
mod api;
pub mod client;
pub mod clock;
pub mod config;
pub mod hashing;
mod jobs;
mod mail;
mod model;
pub mod store;
mod texts;
mod tokens;

pub use accounts::Accounts;
pub use api::{AppState, Server, StartError, app, open, openapi_json};
pub use clock::Clock;
pub use config::{Config, ConfigError, ConfigFile, PolicySetting};
pub use model::{AccountStatus, Role};
pub use store::Store;
pub use texts::Localized;
