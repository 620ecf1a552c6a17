//! Connections, before any request: how many one client and all clients may hold, how long a
//! request's head may take, how long a keep-alive connection may idle, and how long a client
//! may leave a response unread. A slow or greedy client loses its own connections; the server
//! keeps accepting everyone else's.
//!
//! hyper's HTTP/1 connection gives one deadline, armed whenever it waits for a request head:
//! at connect and between keep-alive requests. [`HeadTimer`] makes that one deadline serve
//! two limits: `header_timeout` from the first byte of a head (or from the connect), and
//! `idle_timeout` while no byte of a next request has come.

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, ready};
use std::time::{Duration, Instant};

use ipnet::IpNet;
use passguard_wire::ConnectionCounters;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Sleep;

use crate::client::ClientKey;

/// What happened to connections, for tests and benchmarks (they count, never time).
#[derive(Debug, Default)]
pub(crate) struct ConnStats {
    open: AtomicU64,
    refused_per_client: AtomicU64,
    refused_total: AtomicU64,
    header_timeouts: AtomicU64,
    idle_closed: AtomicU64,
    stalled: AtomicU64,
}

impl ConnStats {
    pub(crate) fn snapshot(&self) -> ConnectionCounters {
        let read = |counter: &AtomicU64| counter.load(Ordering::Relaxed);
        ConnectionCounters {
            open: read(&self.open),
            refused_per_client: read(&self.refused_per_client),
            refused_total: read(&self.refused_total),
            header_timeouts: read(&self.header_timeouts),
            idle_closed: read(&self.idle_closed),
            stalled: read(&self.stalled),
        }
    }

    fn count(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// How many connections the file-handle limit `soft` leaves room for: each connection holds
/// one handle and its request at most one more (a static file), after a reserve for the
/// database pool, the mailer, SQLite's files, logs and the runtime. `configured` may only
/// lower it.
#[must_use]
pub(crate) fn connection_cap(soft: u64, configured: Option<usize>) -> usize {
    let reserve = (soft / 8).max(64);
    let room = usize::try_from(soft.saturating_sub(reserve) / 2).unwrap_or(usize::MAX);
    configured.map_or(room, |wanted| wanted.min(room)).max(1)
}

/// Why a connection was not admitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    /// Its client holds `max_connections_per_client` already.
    PerClient,
    /// The server holds `max_connections` already.
    Total,
}

/// The connection caps. Connections are grouped by peer the way clients are (an IPv6 /64
/// is one client); a peer that is a trusted proxy speaks for many clients and is capped only
/// by the total.
#[derive(Debug)]
pub(crate) struct ConnLimits {
    total: usize,
    per_client: usize,
    trusted: Vec<IpNet>,
    held: Mutex<Held>,
    stats: Arc<ConnStats>,
}

#[derive(Debug, Default)]
struct Held {
    total: usize,
    by_client: HashMap<ClientKey, usize>,
}

impl ConnLimits {
    pub(crate) fn new(
        total: usize,
        per_client: usize,
        trusted: Vec<IpNet>,
        stats: Arc<ConnStats>,
    ) -> Arc<Self> {
        Arc::new(Self {
            total,
            per_client,
            trusted,
            held: Mutex::default(),
            stats,
        })
    }

    fn held(&self) -> std::sync::MutexGuard<'_, Held> {
        // Only counts are kept under the lock: nothing can panic halfway.
        self.held.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Admits a connection from `peer`, or says why not (and counts it).
    pub(crate) fn admit(self: &Arc<Self>, peer: IpAddr) -> Result<ConnGuard, Refused> {
        let peer = peer.to_canonical();
        // A proxy's connections carry many clients: no per-client cap for them.
        let key = (!crate::client::is_trusted(peer, &self.trusted)).then(|| ClientKey::of(peer));
        let mut held = self.held();
        if held.total >= self.total {
            ConnStats::count(&self.stats.refused_total);
            return Err(Refused::Total);
        }
        if let Some(key) = &key {
            let mine = held.by_client.entry(key.clone()).or_insert(0);
            if *mine >= self.per_client {
                ConnStats::count(&self.stats.refused_per_client);
                return Err(Refused::PerClient);
            }
            *mine += 1;
        }
        held.total += 1;
        self.stats.open.store(held.total as u64, Ordering::Relaxed);
        Ok(ConnGuard {
            limits: Arc::clone(self),
            key,
        })
    }
}

/// A connection admitted: its places are given back when it closes.
#[derive(Debug)]
pub(crate) struct ConnGuard {
    limits: Arc<ConnLimits>,
    key: Option<ClientKey>,
}

impl Drop for ConnGuard {
    fn drop(&mut self) {
        let mut held = self.limits.held();
        held.total = held.total.saturating_sub(1);
        if let Some(key) = &self.key
            && let Some(mine) = held.by_client.get_mut(key)
        {
            *mine = mine.saturating_sub(1);
            if *mine == 0 {
                held.by_client.remove(key);
            }
        }
        self.limits
            .stats
            .open
            .store(held.total as u64, Ordering::Relaxed);
    }
}

/// A client's socket, watched: bytes read are counted (for [`HeadTimer`]), and a write the
/// client leaves unread for `stall_after` fails, closing the connection.
pub(crate) struct Watched<S = TcpStream> {
    tcp: S,
    read: Arc<AtomicU64>,
    stall: Option<Pin<Box<Sleep>>>,
    stall_after: Duration,
    stats: Arc<ConnStats>,
    _guard: ConnGuard,
}

impl<S> Watched<S> {
    pub(crate) fn new(
        tcp: S,
        read: Arc<AtomicU64>,
        stall_after: Duration,
        stats: Arc<ConnStats>,
        guard: ConnGuard,
    ) -> Self {
        Self {
            tcp,
            read,
            stall: None,
            stall_after,
            stats,
            _guard: guard,
        }
    }

    /// A write could not proceed: fails once it has waited `stall_after`.
    fn stalled<T>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<T>> {
        let after = self.stall_after;
        let stall = self
            .stall
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(after)));
        ready!(stall.as_mut().poll(cx));
        ConnStats::count(&self.stats.stalled);
        Poll::Ready(Err(io::Error::new(
            io::ErrorKind::TimedOut,
            "the client stopped reading",
        )))
    }

    fn progressed<T>(&mut self, result: io::Result<T>) -> Poll<io::Result<T>> {
        self.stall = None;
        Poll::Ready(result)
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Watched<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        ready!(Pin::new(&mut self.tcp).poll_read(cx, buf))?;
        let got = buf.filled().len().saturating_sub(before);
        self.read.fetch_add(got as u64, Ordering::Relaxed);
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Watched<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.tcp).poll_write(cx, data) {
            Poll::Ready(result) => self.progressed(result),
            Poll::Pending => self.stalled(cx),
        }
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.tcp).poll_write_vectored(cx, data) {
            Poll::Ready(result) => self.progressed(result),
            Poll::Pending => self.stalled(cx),
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.tcp.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match Pin::new(&mut self.tcp).poll_flush(cx) {
            Poll::Ready(result) => self.progressed(result),
            Poll::Pending => self.stalled(cx),
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.tcp).poll_shutdown(cx)
    }
}

/// The deadline hyper arms while it waits for a request head, one per connection.
pub(crate) struct HeadTimer {
    read: Arc<AtomicU64>,
    header: Duration,
    idle: Duration,
    armed_before: AtomicU64,
    stats: Arc<ConnStats>,
}

impl HeadTimer {
    pub(crate) fn new(
        read: Arc<AtomicU64>,
        header: Duration,
        idle: Duration,
        stats: Arc<ConnStats>,
    ) -> Self {
        Self {
            read,
            header,
            idle,
            armed_before: AtomicU64::new(0),
            stats,
        }
    }
}

impl hyper::rt::Timer for HeadTimer {
    fn sleep(&self, duration: Duration) -> Pin<Box<dyn hyper::rt::Sleep>> {
        self.sleep_until(Instant::now() + duration)
    }

    /// hyper asks for `header_timeout` from now; the connection's own rule decides.
    fn sleep_until(&self, _deadline: Instant) -> Pin<Box<dyn hyper::rt::Sleep>> {
        let first = self.armed_before.fetch_add(1, Ordering::Relaxed) == 0;
        let armed = Instant::now();
        let deadline = armed + if first { self.header } else { self.idle };
        Box::pin(HeadSleep {
            read: Arc::clone(&self.read),
            seen: self.read.load(Ordering::Relaxed),
            first,
            armed,
            started: None,
            header: self.header,
            idle: self.idle,
            stats: Arc::clone(&self.stats),
            sleep: Box::pin(tokio::time::sleep_until(deadline.into())),
        })
    }
}

/// Waiting for a head: for the first request, `header` from the connect; for the next ones,
/// `idle` until a byte comes, then `header` from that byte.
struct HeadSleep {
    read: Arc<AtomicU64>,
    seen: u64,
    first: bool,
    armed: Instant,
    started: Option<Instant>,
    header: Duration,
    idle: Duration,
    stats: Arc<ConnStats>,
    sleep: Pin<Box<Sleep>>,
}

impl Future for HeadSleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if !self.first && self.started.is_none() && self.read.load(Ordering::Relaxed) != self.seen {
            self.started = Some(Instant::now());
        }
        let deadline = match (self.first, self.started) {
            (true, _) => self.armed + self.header,
            (false, Some(started)) => started + self.header,
            (false, None) => self.armed + self.idle,
        };
        let deadline = tokio::time::Instant::from_std(deadline);
        if self.sleep.deadline() != deadline {
            self.sleep.as_mut().reset(deadline);
        }
        ready!(self.sleep.as_mut().poll(cx));
        let reason = if self.first || self.started.is_some() {
            &self.stats.header_timeouts
        } else {
            &self.stats.idle_closed
        };
        ConnStats::count(reason);
        Poll::Ready(())
    }
}

impl hyper::rt::Sleep for HeadSleep {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_cap_leaves_room_below_the_file_handle_limit() {
        assert_eq!(connection_cap(1024, None), 448);
        assert_eq!(connection_cap(1024, Some(100)), 100);
        assert_eq!(connection_cap(1024, Some(100_000)), 448);
        assert_eq!(connection_cap(256, None), 96);
        assert_eq!(connection_cap(1_048_576, None), 458_752);
        assert_eq!(connection_cap(10, None), 1);
    }

    #[test]
    fn each_client_has_its_share_and_the_total_is_kept() {
        let stats = Arc::new(ConnStats::default());
        let proxy: IpNet = "10.0.0.1/32".parse().unwrap();
        let limits = ConnLimits::new(5, 2, vec![proxy], Arc::clone(&stats));
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "2001:db8:0:1::1".parse().unwrap();
        let b_too: IpAddr = "2001:db8:0:1::2".parse().unwrap();
        let first = limits.admit(a).unwrap();
        let _second = limits.admit(a).unwrap();
        assert_eq!(limits.admit(a).unwrap_err(), Refused::PerClient);
        let _b = limits.admit(b).unwrap();
        assert_eq!(
            limits.admit(b_too).map(|_| ()),
            Ok(()),
            "the guard is dropped at once"
        );
        let _b_too = limits.admit(b_too).unwrap();
        assert_eq!(limits.admit(b).unwrap_err(), Refused::PerClient);
        // The proxy is not capped per client, only by the total.
        let proxy_ip: IpAddr = "10.0.0.1".parse().unwrap();
        let _p = limits.admit(proxy_ip).unwrap();
        assert_eq!(limits.admit(proxy_ip).unwrap_err(), Refused::Total);
        drop(first);
        let _again = limits.admit(a).unwrap();
        let counters = stats.snapshot();
        assert_eq!(
            (
                counters.open,
                counters.refused_per_client,
                counters.refused_total
            ),
            (5, 2, 1)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_client_that_stops_reading_loses_its_connection() {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let stats = Arc::new(ConnStats::default());
        let limits = ConnLimits::new(4, 4, Vec::new(), Arc::clone(&stats));
        let guard = limits.admit("192.0.2.1".parse().unwrap()).unwrap();
        let (server, mut client) = tokio::io::duplex(64);
        let read = Arc::new(AtomicU64::new(0));
        let mut watched = Watched::new(
            server,
            Arc::clone(&read),
            Duration::from_secs(120),
            Arc::clone(&stats),
            guard,
        );
        // A client that reads keeps it going, however slowly.
        watched.write_all(&[b'x'; 64]).await.unwrap();
        tokio::time::sleep(Duration::from_secs(100)).await;
        let mut got = [0u8; 64];
        client.read_exact(&mut got).await.unwrap();
        watched.write_all(&[b'y'; 64]).await.unwrap();
        // One that does not: the write waits 120 s, then fails.
        let stalled = watched.write_all(&[b'z'; 65]).await.unwrap_err();
        assert_eq!(stalled.kind(), io::ErrorKind::TimedOut);
        assert_eq!(stats.snapshot().stalled, 1);
        // What it sent was counted for the head timer.
        client.write_all(b"GET /").await.unwrap();
        let mut buf = [0u8; 8];
        let n = watched.read(&mut buf).await.unwrap();
        assert_eq!((n, read.load(Ordering::Relaxed)), (5, 5));
        drop(watched);
        assert_eq!(stats.snapshot().open, 0);
    }
}
