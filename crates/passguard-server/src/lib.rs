#![doc = include_str!("../README.md")]

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
mod texts;
mod tokens;

pub use api::{app, openapi_json};
pub use clock::Clock;
pub use config::{Config, ConfigError, ConfigFile, PolicySetting};
pub use error::ApiError;
pub use server::{Server, StartError, open};
pub use state::{AccountStatus, AppState};
pub use store::Store;
