//! Starting the server: bind, open the database, build the state, run the app and the
//! background jobs until shut down.

use std::net::SocketAddr;

use tokio::net::TcpListener;

use super::AppState;
use crate::accounts::Accounts;
use crate::clock::Clock;
use crate::config::Config;
use crate::store::Store;

/// Why the server could not start.
#[derive(Debug)]
pub struct StartError(pub String);

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StartError {}

/// A bound, ready server.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    state: AppState,
}

impl Server {
    /// Binds `config.listen`, opens and migrates the database and builds the state. The
    /// public URL defaults to the address actually bound (so port 0 works).
    ///
    /// # Errors
    /// When the address cannot be bound, the database opened, or the settings are unusable.
    pub async fn bind(config: Config) -> Result<Self, StartError> {
        let listener = TcpListener::bind(config.listen)
            .await
            .map_err(|e| StartError(format!("cannot listen on {}: {e}", config.listen)))?;
        let bound = listener
            .local_addr()
            .map_err(|e| StartError(format!("cannot read the bound address: {e}")))?;
        let public_url = config
            .public_url_for(bound)
            .map_err(|e| StartError(e.to_string()))?;
        let clock = if config.test_clock {
            Clock::test()
        } else {
            Clock::system()
        };
        let store = Store::connect(&config.database)
            .await
            .map_err(|e| StartError(e.to_string()))?;
        let state = AppState::new(config, public_url, store, clock)
            .map_err(|e| StartError(e.to_string()))?;
        state
            .accounts()
            .refresh_orgs()
            .await
            .map_err(|e| StartError(e.to_string()))?;
        Ok(Self { listener, state })
    }

    /// The address bound.
    ///
    /// # Errors
    /// When the socket cannot say.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The state (public URL, clock, store).
    #[must_use]
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, with the background jobs running.
    ///
    /// # Errors
    /// When the listener fails.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let jobs = crate::jobs::spawn(self.state.accounts().clone());
        let store = self.state.store().clone();
        let served = axum::serve(self.listener, crate::app(self.state))
            .with_graceful_shutdown(shutdown)
            .await;
        jobs.abort();
        store.close().await;
        served
    }
}

/// The accounts without a server, for commands such as `passguard admin create`: links use
/// the configured public URL, or one derived from `config.listen`.
///
/// # Errors
/// When the database cannot be opened or the settings are unusable.
pub async fn open(config: Config) -> Result<Accounts, StartError> {
    let public_url = config
        .public_url_for(config.listen)
        .map_err(|e| StartError(e.to_string()))?;
    let store = Store::connect(&config.database)
        .await
        .map_err(|e| StartError(e.to_string()))?;
    Accounts::new(&config, public_url, store, Clock::system())
        .map_err(|e| StartError(e.to_string()))
}
