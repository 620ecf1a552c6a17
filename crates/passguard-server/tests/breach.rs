//! Breached passwords (SPEC §9) through the real router on SQLite and PostgreSQL: a store
//! built by the breach crate's import, `not-breached` decided by the server at registration,
//! change and reset (as typed and in NFKC), and the padded range endpoint with its budget.

#![allow(
    missing_docs,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[macro_use]
mod support;

use std::collections::BTreeSet;
use std::io::Cursor;
use std::ops::ControlFlow;
use std::path::PathBuf;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use passguard_breach::{BreachStore, Fingerprint, Format, ImportOptions, Source, import};
use passguard_policy::{Breached, Policy};
use serde_json::{Value, json};
use support::mailbox;
use support::{Backend, FAST_ARGON2, GOOD, TestApp, TestDatabase, rule};

const HOUR: i64 = 3600;

on_both_databases!(breached_passwords_are_refused, range_answers);

/// Passwords of the corpus that `security-admin` would accept; `GOOD[3..]` are not in it.
const BREACHED: [&str; 3] = [GOOD[0], GOOD[1], GOOD[2]];

/// A store of `BREACHED` and a thousand generated passwords, in a scratch directory.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("breached.pgbs");
    let mut text = String::new();
    for password in BREACHED {
        text.push_str(password);
        text.push('\n');
    }
    for i in 0..1000 {
        text.push_str(&format!("generated-{i}\n"));
    }
    let mut reader = Cursor::new(text.into_bytes());
    let options = ImportOptions {
        format: Format::Plaintext,
        ..ImportOptions::default()
    };
    import(&store, Source::Reader(&mut reader), &options, &mut |_| {
        ControlFlow::Continue(())
    })
    .unwrap();
    (dir, store)
}

fn blocking() -> Policy {
    let mut policy = Policy::preset("security-admin").unwrap();
    policy.password.breached = Breached::Block;
    policy
}

async fn with_store(backend: Backend, store: &std::path::Path, extra: &str) -> TestApp {
    let config = format!(
        "{extra}\n[breach]\nstore = {:?}\n",
        store.display().to_string()
    );
    TestApp::with(
        TestDatabase::new(backend).await,
        blocking(),
        FAST_ARGON2,
        &config,
    )
    .await
}

async fn breached_passwords_are_refused(backend: Backend) {
    let (_dir, store) = corpus();
    let app = with_store(backend, &store, "").await;
    // The policy served says so, for the pages to look it up live.
    assert_eq!(
        app.get("/api/policy", None).await.body["password"]["breached"],
        "block"
    );

    let token = app.invite("ada", false).await;
    let reply = app.register(&token, BREACHED[0]).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{reply:?}");
    assert_eq!(reply.error(), "password-rejected");
    assert_eq!(rule(&reply.body, "not-breached")["status"], "fail");
    // Nothing else failed: the store alone refused it.
    let failed: Vec<&Value> = reply.body["report"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "fail")
        .collect();
    assert_eq!(failed.len(), 1, "{reply:?}");
    let reply = app.register(&token, GOOD[3]).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");

    // A change, past security-admin's 48 h minimum age: full-width characters are the
    // breached password once NFKC-normalised, and the server looks that form up too.
    app.advance(49 * HOUR);
    let ada = app.session("ada", GOOD[3]).await;
    let wide: String = BREACHED[2]
        .chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap(),
            other => other,
        })
        .collect();
    assert_ne!(wide, BREACHED[2]);
    let reply = app.change(&ada, GOOD[3], &wide).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{reply:?}");
    assert_eq!(rule(&reply.body, "not-breached")["status"], "fail");
    let reply = app.change(&ada, GOOD[3], GOOD[4]).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    assert_eq!(rule_status_in_ok(&reply.body), None);

    // A reset by e-mail.
    let reply = app
        .post("/api/password/forgot", json!({"username": "ada"}), None)
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED);
    let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 2).await;
    let link = mails[1].token("reset").unwrap();
    let reset = |password: &str| {
        app.post(
            "/api/password/reset",
            json!({"token": link, "answers": app.answers(), "new_password": password}),
            None,
        )
    };
    let reply = reset(BREACHED[1]).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{reply:?}");
    assert_eq!(rule(&reply.body, "not-breached")["status"], "fail");
    let reply = reset(GOOD[5]).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    assert_eq!(app.login("ada", GOOD[5]).await.status, StatusCode::OK);
}

/// A change answers the account, not a report.
fn rule_status_in_ok(body: &Value) -> Option<&Value> {
    body.get("report")
}

async fn range(app: &TestApp, prefix: &str, gzip: bool) -> support::Reply {
    let mut request = Request::builder()
        .method(Method::GET)
        .uri(format!("/api/breach/range/{prefix}"));
    if gzip {
        request = request.header(header::ACCEPT_ENCODING, "gzip, br");
    }
    app.request(request.body(Body::empty()).unwrap()).await
}

async fn range_answers(backend: Backend) {
    let (_dir, store) = corpus();
    let app = with_store(backend, &store, "").await;
    let opened = BreachStore::open(&store).unwrap();
    let padded = opened.padded_lines() as usize;
    assert!(padded >= 2, "{padded}");

    let breached = Fingerprint::of(BREACHED[0]);
    let prefix = breached.prefix_hex();
    let suffix = breached.suffix_hex();
    let reply = range(&app, &prefix, true).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    assert_eq!(
        reply.headers[header::CONTENT_TYPE],
        "text/plain; charset=utf-8"
    );
    // Never compressed: every answer has the same length.
    assert!(reply.headers.get(header::CONTENT_ENCODING).is_none());
    let text = String::from_utf8(reply.raw.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), padded);
    assert!(lines.iter().all(|line| {
        line.len() == 10
            && line
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
    }));
    assert!(
        lines.iter().any(|line| suffix.starts_with(line)),
        "{suffix} in {prefix}'s range"
    );
    // The same for the prefix in lower case, and the same on every call.
    let again = range(&app, &prefix.to_lowercase(), false).await;
    assert_eq!(again.raw, reply.raw);

    // Every prefix answers the same number of bytes, an empty bucket included.
    let mut lengths = BTreeSet::new();
    for other in ["00000", "FFFFF", "12345", "ABCDE"] {
        let reply = range(&app, other, true).await;
        assert_eq!(reply.status, StatusCode::OK);
        lengths.insert(reply.raw.len());
    }
    lengths.insert(reply.raw.len());
    assert_eq!(lengths.len(), 1, "{lengths:?}");

    for bad in [
        "1234",
        "123456",
        "XYZ12",
        "12%2034",
        "%20%20%20%20%20",
        "5BAA6%0A",
    ] {
        let reply = range(&app, bad, false).await;
        assert_eq!(
            (reply.status, reply.error()),
            (StatusCode::BAD_REQUEST, "invalid-prefix"),
            "{bad}"
        );
    }
}

#[tokio::test]
async fn without_a_store_the_range_is_404() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    let reply = range(&app, "5BAA6", false).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::NOT_FOUND, "breach-store-missing")
    );
    // And a policy that blocks breached passwords needs one.
    let db = TestDatabase::new(Backend::Sqlite).await;
    let mail = tempfile::tempdir().unwrap();
    let toml = format!(
        "database = {:?}\nmail_dir = {:?}\n",
        db.url(),
        mail.path().display().to_string()
    );
    let config = passguard_server::ConfigFile::from_toml(&toml)
        .unwrap()
        .resolve(blocking(), true)
        .unwrap();
    let store = passguard_server::Store::connect(db.url()).await.unwrap();
    let error = passguard_server::AppState::new(
        config,
        url::Url::parse("https://passguard.test/").unwrap(),
        store,
        passguard_server::Clock::test(),
    )
    .unwrap_err();
    assert!(error.0.contains("[breach] store"), "{error}");
}

#[tokio::test]
async fn range_lookups_have_a_budget_per_client() {
    let (_dir, store) = corpus();
    let app = with_store(
        Backend::Sqlite,
        &store,
        "[limits]\nbreach_range_per_client = \"3/h\"\n",
    )
    .await;
    let from = |peer: &str| {
        let peer: std::net::SocketAddr = peer.parse().unwrap();
        let mut request = Request::builder()
            .uri("/api/breach/range/5BAA6")
            .body(Body::empty())
            .unwrap();
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(peer));
        app.request(request)
    };
    for _ in 0..3 {
        assert_eq!(from("203.0.113.7:4000").await.status, StatusCode::OK);
    }
    let refused = from("203.0.113.7:4001").await;
    assert_eq!(
        (refused.status, refused.error()),
        (StatusCode::TOO_MANY_REQUESTS, "rate-limited")
    );
    let wait: i64 = refused.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=1200).contains(&wait), "{wait}");
    // Another client is not concerned.
    assert_eq!(from("198.51.100.9:4000").await.status, StatusCode::OK);
}
