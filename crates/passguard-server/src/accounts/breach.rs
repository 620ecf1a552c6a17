//! Breached passwords (SPEC §9): the store `[breach] store` names, opened once at start,
//! decides `not-breached` when a password is chosen, and answers the padded k-anonymity
//! ranges the pages use to decide it live, under a budget per client.

use std::sync::Arc;

use passguard_breach::BreachStore;
use passguard_policy::{Breached, Policy, PolicyError};

use super::limits::Budget;
use super::{Accounts, Error};
use crate::client::ClientKey;
use crate::config::{Config, ConfigError};

/// Opens the configured store, refusing a site policy that blocks breached passwords
/// without one (its rule would never be decided).
pub(super) fn open(config: &Config) -> Result<Option<Arc<BreachStore>>, ConfigError> {
    let store = config
        .breach_store
        .as_ref()
        .map(|path| {
            BreachStore::open(path)
                .map(Arc::new)
                .map_err(|e| ConfigError(format!("breach.store: {e}")))
        })
        .transpose()?;
    if store.is_none() && config.policy.password.breached == Breached::Block {
        return Err(ConfigError(
            "policy: password.breached = \"block\" needs a store of breached passwords: \
             set [breach] store = PATH in the config file (filled by passguard breach import)"
                .to_owned(),
        ));
    }
    Ok(store)
}

impl Accounts {
    /// The store, when `policy` blocks breached passwords: what decides its `not-breached`.
    pub(crate) fn breach_store_for(&self, policy: &Policy) -> Option<Arc<BreachStore>> {
        (policy.password.breached == Breached::Block)
            .then(|| self.inner.breach.clone())
            .flatten()
    }

    /// Refuses an organization's policy that blocks breached passwords on a server without
    /// a store.
    pub(crate) fn check_breach_store(&self, policy: &Policy) -> Result<(), Error> {
        if policy.password.breached == Breached::Block && self.inner.breach.is_none() {
            return Err(Error::InvalidPolicy(PolicyError::Invalid {
                field: "password.breached",
                reason: "\"block\" needs a store of breached passwords, and this server has none"
                    .to_owned(),
            }));
        }
        Ok(())
    }

    /// The range answer for a 5-hex-digit prefix: the suffixes of the stored fingerprints
    /// under it, padded to the same count for every prefix. The client's budget is taken
    /// before the store is read.
    ///
    /// # Errors
    /// [`Error::NoBreachStore`], [`Error::InvalidPrefix`], [`Error::RateLimited`], or
    /// [`Error::Breach`] when reading the store fails.
    pub(crate) async fn breach_range(
        &self,
        client: &ClientKey,
        prefix: &str,
    ) -> Result<String, Error> {
        let store = self.inner.breach.clone().ok_or(Error::NoBreachStore)?;
        // Refused before the client's budget is spent on it.
        if !passguard_breach::is_range_prefix(prefix) {
            return Err(Error::InvalidPrefix);
        }
        let _spent = self.take_for(Budget::BreachRange, client).await?;
        let prefix = prefix.to_owned();
        tokio::task::spawn_blocking(move || store.range(&prefix))
            .await
            .map_err(Error::HashingThread)?
            .map_err(Error::Breach)
    }
}
