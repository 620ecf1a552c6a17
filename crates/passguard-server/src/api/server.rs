//! Starting the server: bind, open the database, build the state, run the app and the
//! background jobs until shut down.
//!
//! The accept loop is ours rather than `axum::serve`'s, which offers no timeouts: each
//! connection is admitted under the caps, watched (`conn.rs`) and served by hyper's HTTP/1
//! with the head deadline; the peer's address reaches the handlers as axum's `ConnectInfo`.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::Duration;

use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt;

use super::AppState;
use super::conn::{ConnLimits, HeadTimer, Watched, connection_cap};
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

    /// Serves until `shutdown` completes, with the background jobs running; then stops
    /// accepting, lets requests in flight finish (for up to [`DRAIN`]) and closes the
    /// database.
    ///
    /// # Errors
    /// When the listener fails.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let Self { listener, state } = self;
        let jobs = crate::jobs::spawn(state.accounts().clone());
        let store = state.store().clone();
        let settings = state.accounts().limits().clone();
        let soft = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
        let total = connection_cap(soft, settings.max_connections);
        tracing::info!(
            file_handles = soft,
            max_connections = total,
            max_connections_per_client = settings.max_connections_per_client,
            "accepting connections"
        );
        let stats = Arc::clone(state.connections());
        let limits = ConnLimits::new(
            total,
            settings.max_connections_per_client,
            settings.trusted_proxies.clone(),
            Arc::clone(&stats),
        );
        let app = crate::app(state);
        let graceful = GracefulShutdown::new();
        let mut shutdown = std::pin::pin!(shutdown);
        loop {
            let (tcp, peer) = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(pair) => pair,
                    Err(error) => {
                        accept_failed(&error).await;
                        continue;
                    }
                },
                () = &mut shutdown => break,
            };
            // Refused: closed at once, so the client sees a close rather than a hang.
            let Ok(guard) = limits.admit(peer.ip()) else {
                continue;
            };
            let _ = tcp.set_nodelay(true);
            let read = Arc::new(AtomicU64::new(0));
            let timer = HeadTimer::new(
                Arc::clone(&read),
                settings.header_timeout,
                settings.idle_timeout,
                Arc::clone(&stats),
            );
            let io = TokioIo::new(Watched::new(
                tcp,
                read,
                settings.idle_timeout,
                Arc::clone(&stats),
                guard,
            ));
            let service =
                app.clone()
                    .map_request(move |mut request: axum::http::Request<Incoming>| {
                        request.extensions_mut().insert(ConnectInfo(peer));
                        request
                    });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(timer)
                .header_read_timeout(settings.header_timeout)
                .max_buf_size(MAX_BUFFER)
                .serve_connection(io, TowerToHyperService::new(service));
            let connection = graceful.watch(connection);
            tokio::spawn(async move {
                if let Err(error) = connection.await {
                    tracing::debug!(%peer, "connection closed: {error}");
                }
            });
        }
        drop(listener);
        if tokio::time::timeout(DRAIN, graceful.shutdown())
            .await
            .is_err()
        {
            tracing::warn!("requests still running after {DRAIN:?} were cut off");
        }
        jobs.abort();
        store.close().await;
        Ok(())
    }
}

/// How long requests in flight may take to finish once shutting down.
const DRAIN: Duration = Duration::from_secs(10);

/// A connection's read buffer: enough for any head this server accepts (hyper's default,
/// ~400 KB, would let each idle connection hold that much).
const MAX_BUFFER: usize = 64 * 1024;

/// An accept that failed: out of file handles (despite the cap: something else holds them)
/// waits a moment for some to close, rather than spinning; anything else is the one
/// connection's problem.
async fn accept_failed(error: &std::io::Error) {
    const EMFILE: i32 = 24;
    const ENFILE: i32 = 23;
    if matches!(error.raw_os_error(), Some(EMFILE | ENFILE)) {
        tracing::warn!("cannot accept: {error}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    } else {
        tracing::debug!("accept: {error}");
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
