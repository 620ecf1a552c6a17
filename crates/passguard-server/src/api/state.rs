//! What every request handler shares: the accounts (the domain layer), and what only HTTP
//! needs (the policy's JSON served at `GET /api/policy`, the pages' directory, whether
//! cookies are `Secure`).

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::FromRef;
use bytes::Bytes;
use url::Url;

use super::conn::ConnStats;
use crate::accounts::Accounts;
use crate::clock::Clock;
use crate::config::{Config, ConfigError};
use crate::hashing::Hasher;
use crate::store::Store;

/// Everything a request handler needs. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    accounts: Accounts,
    /// The policy as served at `GET /api/policy`, serialised once.
    policy_json: Bytes,
    static_dir: PathBuf,
    /// What the server's accept loop counts of connections.
    connections: Arc<ConnStats>,
    /// Whether HSTS covers the subdomains too.
    hsts_include_subdomains: bool,
}

impl AppState {
    /// The state for `config`, serving links under `public_url`, over an open `store`.
    ///
    /// # Errors
    /// When the hashing parameters or the mail settings are unusable.
    pub fn new(
        config: Config,
        public_url: Url,
        store: Store,
        clock: Clock,
    ) -> Result<Self, ConfigError> {
        let policy_json =
            serde_json::to_vec(&config.policy).map_err(|e| ConfigError(format!("policy: {e}")))?;
        Ok(Self {
            hsts_include_subdomains: config.hsts_include_subdomains,
            accounts: Accounts::new(&config, public_url, store, clock)?,
            policy_json: Bytes::from(policy_json),
            static_dir: config.static_dir,
            connections: Arc::default(),
        })
    }

    /// The accounts: every rule and workflow of the domain layer.
    #[must_use]
    pub fn accounts(&self) -> &Accounts {
        &self.accounts
    }

    /// The clock in use.
    #[must_use]
    pub fn clock(&self) -> &Clock {
        self.accounts.clock()
    }

    /// The hashing pool (its counters show how much Argon2 work was done).
    #[must_use]
    pub fn hasher(&self) -> &Hasher {
        self.accounts.hasher()
    }

    /// The database.
    #[must_use]
    pub fn store(&self) -> &Store {
        self.accounts.store()
    }

    /// The public base URL, ending in `/`.
    #[must_use]
    pub fn public_url(&self) -> &Url {
        self.accounts.public_url()
    }

    pub(crate) fn policy_json(&self) -> &Bytes {
        &self.policy_json
    }

    pub(crate) fn hsts_include_subdomains(&self) -> bool {
        self.hsts_include_subdomains
    }

    pub(crate) fn connections(&self) -> &Arc<ConnStats> {
        &self.connections
    }

    pub(crate) fn static_dir(&self) -> &std::path::Path {
        &self.static_dir
    }

    /// Whether the site is served over https (cookies are then `Secure`).
    pub(crate) fn https(&self) -> bool {
        self.public_url().scheme() == "https"
    }
}

impl FromRef<AppState> for Accounts {
    fn from_ref(state: &AppState) -> Self {
        state.accounts.clone()
    }
}
