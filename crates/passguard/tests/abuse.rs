//! Connection limits and timeouts (SPEC §8) against a real `passguard serve` on loopback,
//! with short configured values; several 127.0.0.x source addresses play several clients.
//! What is asserted is what happened to each connection (closed, answered, refused) and the
//! server's own counts (`GET /api/test/counters`), never how long something took: the
//! waits below are only upper bounds for "eventually".

#![allow(
    missing_docs,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod support;

use std::net::SocketAddr;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;
use support::{Backend, Server, World};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// How long "eventually" may take before a test gives up.
const PATIENCE: Duration = Duration::from_secs(10);

/// A server whose `[limits]` are `limits`.
fn serve(world: &World, limits: &str) -> Server {
    let config = world.dir.path().join("limits.toml");
    std::fs::write(&config, format!("[limits]\n{limits}\n")).unwrap();
    world.serve(&["--config", &config.display().to_string()])
}

fn address(server: &Server) -> SocketAddr {
    let url = url::Url::parse(&server.url).unwrap();
    let port = url.port().unwrap();
    SocketAddr::from(([127, 0, 0, 1], port))
}

/// A connection to `server` from source address `from` (127.0.0.x).
async fn connect_from(from: [u8; 4], server: &Server) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::from((from, 0))).unwrap();
    socket.connect(address(server)).await.unwrap()
}

/// Whether the server closes `stream` (a read ends or fails) within [`PATIENCE`];
/// whatever it sent before closing is returned.
async fn closed(stream: &mut TcpStream) -> Option<String> {
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0) | Err(_)) => return Some(String::from_utf8_lossy(&seen).into_owned()),
            Ok(Ok(n)) => seen.extend_from_slice(&buf[..n]),
        }
    }
}

/// An HTTP client whose connections come from `from`.
fn client_from(from: [u8; 4]) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(std::net::IpAddr::from(from))
        .timeout(PATIENCE)
        .build()
        .unwrap()
}

async fn connections(server: &Server) -> Value {
    server.client().get("/api/test/counters").await.body["connections"].clone()
}

/// A client sending its headers a byte at a time loses the connection at the header
/// timeout, while another client is answered meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_headers_are_cut_off_while_others_are_served() {
    let world = World::new(Backend::Sqlite).await;
    let server = serve(&world, "header_timeout = \"1s\"\nidle_timeout = \"30s\"");
    let mut slow = connect_from([127, 0, 0, 2], &server).await;
    let dripping = tokio::spawn(async move {
        for byte in b"GET /api/site HTTP/1.1\r\nHost: x\r\nX-Slow: "
            .iter()
            .cycle()
        {
            if slow.write_all(&[*byte]).await.is_err() {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            let mut probe = [0u8; 1];
            if let Ok(Ok(0) | Err(_)) =
                tokio::time::timeout(Duration::from_millis(1), slow.read(&mut probe)).await
            {
                return true;
            }
        }
        false
    });
    let other = client_from([127, 0, 0, 3]);
    let reply = other
        .get(format!("{}/api/site", server.url.trim_end_matches('/')))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::OK);
    let cut_off = tokio::time::timeout(PATIENCE, dripping).await;
    assert!(
        matches!(cut_off, Ok(Ok(true))),
        "the dripping client was never cut off"
    );
    let counts = connections(&server).await;
    assert!(counts["header_timeouts"].as_u64().unwrap() >= 1, "{counts}");
    // A connection that sends nothing at all goes the same way.
    let mut silent = connect_from([127, 0, 0, 4], &server).await;
    assert_eq!(closed(&mut silent).await.as_deref(), Some(""));
}

/// Between requests a keep-alive connection may idle for `idle_timeout`, then it is closed
/// (counted as idle, not as a slow head).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_keep_alive_connections_are_closed() {
    let world = World::new(Backend::Sqlite).await;
    let server = serve(&world, "header_timeout = \"30s\"\nidle_timeout = \"1s\"");
    let mut stream = connect_from([127, 0, 0, 2], &server).await;
    stream
        .write_all(b"GET /api/site HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let answer = closed(&mut stream).await.expect("closed after idling");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let counts = connections(&server).await;
    assert_eq!(counts["idle_closed"], 1, "{counts}");
    assert_eq!(counts["header_timeouts"], 0, "{counts}");
}

/// A connection from `from` that the server admitted and answered once, and that stays
/// open (keep-alive). A refused one is closed at once; it is tried again until admitted.
async fn hold(from: [u8; 4], server: &Server) -> TcpStream {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        if let Some(stream) = answered(from, server).await {
            return stream;
        }
        assert!(tokio::time::Instant::now() < deadline, "never admitted");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A connection from `from` with one request answered on it, or `None` when the server
/// closed it without an answer.
async fn answered(from: [u8; 4], server: &Server) -> Option<TcpStream> {
    let mut stream = connect_from(from, server).await;
    stream
        .write_all(b"GET /api/site HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .ok()?;
    let mut buf = [0u8; 4096];
    match tokio::time::timeout(PATIENCE, stream.read(&mut buf)).await {
        Ok(Ok(n)) if n > 0 => {
            assert!(buf.starts_with(b"HTTP/1.1 200"));
            Some(stream)
        }
        _ => None,
    }
}

/// One client holds at most `max_connections_per_client`, everyone at most
/// `max_connections`; past them a connection is closed at once, unanswered, and others
/// are still accepted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_are_capped_per_client_and_in_all() {
    let world = World::new(Backend::Sqlite).await;
    let server = serve(
        &world,
        "max_connections_per_client = 3\nmax_connections = 5",
    );
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(hold([127, 0, 0, 2], &server).await);
    }
    assert!(
        answered([127, 0, 0, 2], &server).await.is_none(),
        "a fourth from .2"
    );
    // 127.0.0.3 is not held back by 127.0.0.2's share.
    for _ in 0..2 {
        held.push(hold([127, 0, 0, 3], &server).await);
    }
    // Five open: a sixth from anyone is closed, until one of the five goes.
    assert!(answered([127, 0, 0, 4], &server).await.is_none(), "a sixth");
    drop(held.pop());
    held.push(hold([127, 0, 0, 4], &server).await);
    drop(held);
    let deadline = tokio::time::Instant::now() + PATIENCE;
    let counts = loop {
        let counts = connections(&server).await;
        if counts["open"] == 1 || tokio::time::Instant::now() > deadline {
            break counts;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(counts["open"], 1, "only the counting one: {counts}");
    assert!(
        counts["refused_per_client"].as_u64().unwrap() >= 1,
        "{counts}"
    );
    assert!(counts["refused_total"].as_u64().unwrap() >= 1, "{counts}");
}

/// A body that does not arrive within `body_timeout` is answered 408 `request-timeout`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_drips_is_answered_408() {
    let world = World::new(Backend::Sqlite).await;
    let server = serve(&world, "body_timeout = \"1s\"");
    let mut stream = connect_from([127, 0, 0, 2], &server).await;
    stream
        .write_all(
            b"POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
              Content-Length: 100\r\n\r\n{\"username\":",
        )
        .await
        .unwrap();
    let answer = closed(&mut stream).await.expect("answered and closed");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"error\":\"request-timeout\""), "{answer}");
}
