//! Abuse controls (SPEC §8) in-process on SQLite and PostgreSQL, with the test clock and
//! short configured budgets: failed logins and forgotten-password requests per client, the
//! same for every name; e-mails per account; the lock that ends sessions, tells its owner
//! and lifts by an e-mailed link or a reset where the policy allows; an administrator's
//! reset that revokes the old password; counters of unknown names swept. The connection
//! limits and timeouts need real sockets: `crates/passguard/tests/abuse.rs`.

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

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use passguard_policy::{Policy, Unlock};
use serde_json::{Value, json};
use support::{Backend, FAST_ARGON2, GOOD, TestApp, TestDatabase, mailbox};

const DAY: i64 = 86_400;

on_both_databases!(
    failed_logins_are_limited_per_client_the_same_for_every_name,
    forgot_is_limited_per_client_and_e_mails_per_account,
    an_e_mailed_link_unlocks_and_a_lock_ends_the_sessions,
    a_reset_by_e_mail_lifts_a_lock_only_where_the_owner_may_help_themselves,
    an_administrators_reset_may_revoke_the_old_password,
    counters_of_names_that_are_no_account_are_swept,
);

async fn app_with(backend: Backend, policy: Policy, limits: &str) -> TestApp {
    TestApp::with(
        TestDatabase::new(backend).await,
        policy,
        FAST_ARGON2,
        &format!("[limits]\n{limits}\n"),
    )
    .await
}

fn login(username: &str, password: &str) -> Value {
    json!({"username": username, "password": password})
}

/// security-admin, but unlocked by an e-mailed link, with a lock notice.
fn e_mailed_unlock() -> Policy {
    let mut policy = Policy::preset("security-admin").unwrap();
    policy.lockout.unlock = Unlock::Email;
    policy.lockout.notify = true;
    policy
}

async fn failed_logins_are_limited_per_client_the_same_for_every_name(backend: Backend) {
    let app = app_with(
        backend,
        Policy::preset("security-admin").unwrap(),
        "failed_logins_per_client = \"3/10min\"",
    )
    .await;
    app.user("root", GOOD[0], true).await;
    app.user("ada", GOOD[1], false).await;
    let attacker = "192.0.2.66:40000";
    // Logins that succeed give their token back: a client signing in often is never held.
    for _ in 0..5 {
        let reply = app
            .post_from(attacker, "/api/login", login("ada", GOOD[1]), &[])
            .await;
        assert_eq!(reply.status, StatusCode::OK);
    }
    // Three failures spread over a real name and two that are none: the budget is the
    // client's, across all names.
    for name in ["ada", "nobody", "nemo"] {
        let reply = app
            .post_from(attacker, "/api/login", login(name, "Wrong1!guess"), &[])
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{name}");
    }
    let known = app
        .post_from(attacker, "/api/login", login("ada", "Wrong1!guess"), &[])
        .await;
    let unknown = app
        .post_from(attacker, "/api/login", login("nobody", "Wrong1!guess"), &[])
        .await;
    assert_eq!(
        (known.status, known.error()),
        (StatusCode::TOO_MANY_REQUESTS, "rate-limited")
    );
    // The same answer whatever the name; one token every 200 s.
    assert_eq!(known.raw, unknown.raw);
    assert_eq!(known.headers[header::RETRY_AFTER], "200");
    assert_eq!(unknown.headers[header::RETRY_AFTER], "200");
    // Past the budget even the right password waits.
    let right = app
        .post_from(attacker, "/api/login", login("ada", GOOD[1]), &[])
        .await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
    // Refused attempts never reached the account: it counts one failure, far from its lock.
    let root = app.session("root", GOOD[0]).await;
    assert_eq!(app.row(&root, "ada").await["failed_logins"], 1);
    // Another client is not held.
    let other = app
        .post_from("192.0.2.7:1234", "/api/login", login("ada", GOOD[1]), &[])
        .await;
    assert_eq!(other.status, StatusCode::OK);
    // One token back after 200 s, and only one.
    app.advance(200);
    let reply = app
        .post_from(attacker, "/api/login", login("ada", "Wrong1!guess"), &[])
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    let reply = app
        .post_from(attacker, "/api/login", login("ada", "Wrong1!guess"), &[])
        .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
}

async fn forgot_is_limited_per_client_and_e_mails_per_account(backend: Backend) {
    let app = app_with(
        backend,
        Policy::preset("security-admin").unwrap(),
        "forgot_per_client = \"2/h\"\nforgot_per_account = \"2/h\"",
    )
    .await;
    app.user("ada", GOOD[1], false).await;
    let forgot = |peer: &'static str, name: &'static str| {
        app.post_from(peer, "/api/password/forgot", json!({"username": name}), &[])
    };
    let a = "198.51.100.1:1";
    assert_eq!(forgot(a, "ada").await.status, StatusCode::ACCEPTED);
    assert_eq!(forgot(a, "nobody").await.status, StatusCode::ACCEPTED);
    // The client's third request in the hour, whatever the name.
    for name in ["ada", "nobody"] {
        let reply = forgot(a, name).await;
        assert_eq!(
            (reply.status, reply.error()),
            (StatusCode::TOO_MANY_REQUESTS, "rate-limited")
        );
        assert_eq!(reply.headers[header::RETRY_AFTER], "1800");
    }
    app.state.accounts().background_settled().await;
    // Invitation and one reset link.
    assert_eq!(mailbox::to(app.mail.path(), "ada@example.com").len(), 2);

    // The account's second e-mail (other clients, past the young link's grace), then none:
    // the answer is 202 as always, nothing is sent, and the live link is not replaced.
    app.advance(601);
    assert_eq!(
        forgot("198.51.100.2:1", "ada").await.status,
        StatusCode::ACCEPTED
    );
    let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 3).await;
    let live = mails[2].token("reset").unwrap();
    app.advance(601);
    assert_eq!(
        forgot("198.51.100.3:1", "ada").await.status,
        StatusCode::ACCEPTED
    );
    app.state.accounts().background_settled().await;
    assert_eq!(mailbox::to(app.mail.path(), "ada@example.com").len(), 3);
    let reply = app.get(&format!("/api/password/reset/{live}"), None).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
}

async fn an_e_mailed_link_unlocks_and_a_lock_ends_the_sessions(backend: Backend) {
    let app = app_with(backend, e_mailed_unlock(), "").await;
    app.user("ada", GOOD[1], false).await;
    let session = app.session("ada", GOOD[1]).await;
    for _ in 0..4 {
        assert_eq!(
            app.login("ada", "Wrong1!guess").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let fifth = app.login("ada", "Wrong1!guess").await;
    assert_eq!(
        (fifth.status, fifth.error()),
        (StatusCode::LOCKED, "locked")
    );
    // The answer says what helps, in the site's terms (the same for every name).
    assert!(
        fifth.body["message"]
            .as_str()
            .unwrap()
            .contains("unlock link"),
        "{fifth:?}"
    );
    // Whoever held a session is signed out with the lock.
    assert_eq!(
        app.get("/api/me", Some(&session)).await.status,
        StatusCode::UNAUTHORIZED
    );
    // The owner is told, with the link.
    let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 2).await;
    assert!(mails[1].subject.contains("locked"), "{}", mails[1].subject);
    assert!(mails[1].text.contains("wrong passwords"));
    let token = mails[1].token("unlock").unwrap();
    assert!(
        mails[1]
            .text
            .contains("https://passguard.test/unlock?token=")
    );
    // Still locked until the link is used; more failures send no more mail.
    assert_eq!(app.login("ada", GOOD[1]).await.status, StatusCode::LOCKED);
    app.state.accounts().background_settled().await;
    assert_eq!(mailbox::to(app.mail.path(), "ada@example.com").len(), 2);

    let reply = app.post("/api/unlock", json!({"token": token}), None).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    assert_eq!(reply.body, json!({"username": "ada"}));
    assert_eq!(app.login("ada", GOOD[1]).await.status, StatusCode::OK);
    let again = app.post("/api/unlock", json!({"token": token}), None).await;
    assert_eq!(
        (again.status, again.error()),
        (StatusCode::GONE, "token-used")
    );
    let unknown = app
        .post("/api/unlock", json!({"token": "not-a-token"}), None)
        .await;
    assert_eq!(
        (unknown.status, unknown.error()),
        (StatusCode::NOT_FOUND, "token-unknown")
    );
    // The counter starts again: four more failures do not lock.
    for _ in 0..4 {
        assert_eq!(
            app.login("ada", "Wrong1!guess").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}

async fn a_reset_by_e_mail_lifts_a_lock_only_where_the_owner_may_help_themselves(backend: Backend) {
    for (policy, lifts) in [
        (e_mailed_unlock(), true),
        (Policy::preset("security-admin").unwrap(), false),
    ] {
        let app = app_with(backend, policy, "").await;
        app.user("ada", GOOD[1], false).await;
        for _ in 0..5 {
            app.login("ada", "Wrong1!guess").await;
        }
        assert_eq!(app.login("ada", GOOD[1]).await.status, StatusCode::LOCKED);
        app.state.accounts().background_settled().await;
        let before = mailbox::to(app.mail.path(), "ada@example.com").len();
        app.post("/api/password/forgot", json!({"username": "ada"}), None)
            .await;
        let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", before + 1).await;
        let last = mails.last().unwrap();
        if !lifts {
            // Only an administrator unlocks: no link, "contact an administrator".
            assert!(last.token("reset").is_none());
            assert!(last.subject.contains("contact an administrator"));
            continue;
        }
        let token = last.token("reset").unwrap();
        let reply = app.reset(&token, GOOD[2]).await;
        assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
        assert_eq!(app.login("ada", GOOD[2]).await.status, StatusCode::OK);
    }
}

async fn an_administrators_reset_may_revoke_the_old_password(backend: Backend) {
    for revokes in [false, true] {
        let mut policy = Policy::preset("security-admin").unwrap();
        policy.reset.admin_reset_revokes = revokes;
        let app = app_with(backend, policy, "").await;
        app.user("root", GOOD[0], true).await;
        app.user("ada", GOOD[1], false).await;
        let root = app.session("root", GOOD[0]).await;
        let ada = app.session("ada", GOOD[1]).await;
        let reply = app
            .post(
                "/api/admin/users/ada/reset-password",
                json!({}),
                Some(&root),
            )
            .await;
        assert!(reply.status.is_success(), "{reply:?}");
        let me = app.get("/api/me", Some(&ada)).await.status;
        let old = app.login("ada", GOOD[1]).await;
        if !revokes {
            // The Security Administration product: the old password works meanwhile.
            assert_eq!((me, old.status), (StatusCode::OK, StatusCode::OK));
            continue;
        }
        assert_eq!(me, StatusCode::UNAUTHORIZED);
        assert_eq!(
            (old.status, old.error()),
            (StatusCode::FORBIDDEN, "reset-required")
        );
        // A wrong password still says only that.
        assert_eq!(
            app.login("ada", "Wrong1!guess").await.status,
            StatusCode::UNAUTHORIZED
        );
        let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 2).await;
        let token = mails[1].token("reset").unwrap();
        let reply = app.reset(&token, GOOD[2]).await;
        assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
        assert_eq!(app.login("ada", GOOD[2]).await.status, StatusCode::OK);
    }
}

async fn counters_of_names_that_are_no_account_are_swept(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    for name in ["nobody", "nemo"] {
        app.login(name, "Wrong1!guess").await;
    }
    let rows = || async {
        let pool = sqlx::AnyPool::connect(app.db.url()).await.unwrap();
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM login_throttle")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        count
    };
    assert_eq!(rows().await, 2);
    app.advance_and_run_jobs(89 * DAY).await;
    app.login("nemo", "Wrong1!guess").await;
    app.advance_and_run_jobs(2 * DAY).await;
    // "nobody" idle for 91 days is forgotten; "nemo" failed again 2 days ago.
    assert_eq!(rows().await, 1);
}

#[tokio::test]
async fn forwarded_for_is_believed_only_from_trusted_proxies() {
    let app = app_with(
        Backend::Sqlite,
        Policy::preset("security-admin").unwrap(),
        "failed_logins_per_client = \"1/10min\"\ntrusted_proxies = [\"10.0.0.0/8\"]",
    )
    .await;
    let wrong = || login("nobody", "Wrong1!guess");
    let through = |client: &'static str| [("x-forwarded-for", client)];
    // Through the proxy, each client has its own budget.
    for client in ["203.0.113.1", "203.0.113.2"] {
        let reply = app
            .post_from("10.1.1.1:1", "/api/login", wrong(), &through(client))
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{client}");
    }
    let reply = app
        .post_from("10.1.1.1:1", "/api/login", wrong(), &through("203.0.113.1"))
        .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    // From anyone else the header is the client's own claim, and ignored.
    let direct = "198.51.100.9:1";
    let reply = app
        .post_from(direct, "/api/login", wrong(), &through("203.0.113.3"))
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    let reply = app
        .post_from(direct, "/api/login", wrong(), &through("203.0.113.4"))
        .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn an_ipv6_client_is_its_64() {
    let app = app_with(
        Backend::Sqlite,
        Policy::preset("security-admin").unwrap(),
        "failed_logins_per_client = \"1/10min\"",
    )
    .await;
    let wrong = || login("nobody", "Wrong1!guess");
    let reply = app
        .post_from("[2001:db8:1:2::1]:1", "/api/login", wrong(), &[])
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    let reply = app
        .post_from("[2001:db8:1:2:ffff::9]:1", "/api/login", wrong(), &[])
        .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    let reply = app
        .post_from("[2001:db8:1:3::1]:1", "/api/login", wrong(), &[])
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_test_clock_moves_only_within_range() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    for seconds in [i64::MAX, -1] {
        let reply = app
            .post("/api/test/clock", json!({"advance_seconds": seconds}), None)
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{seconds}");
    }
    // Moved from code, it clamps and saturates: time never wraps to the past.
    let before = app.now();
    for _ in 0..3 {
        app.state.clock().advance(i64::MAX).unwrap();
    }
    assert!(app.now() > before);
    assert!(app.state.clock().now_millis() > before);
}

#[tokio::test]
async fn a_body_that_does_not_arrive_in_time_is_cut_off() {
    let app = app_with(
        Backend::Sqlite,
        Policy::preset("security-admin").unwrap(),
        "body_timeout = \"1s\"",
    )
    .await;
    // Part of a body, then nothing: the client keeps the stream open.
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<bytes::Bytes, std::io::Error>>(1);
    tx.send(Ok(bytes::Bytes::from_static(b"{\"username\":")))
        .await
        .unwrap();
    let body = Body::from_stream(tokio_stream(rx));
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/login")
        .header(header::CONTENT_TYPE, "application/json")
        .body(body)
        .unwrap();
    let reply = app.request(request).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::REQUEST_TIMEOUT, "request-timeout")
    );
    drop(tx);
}

/// The receiver as a stream.
fn tokio_stream<T: Send + 'static>(
    mut rx: tokio::sync::mpsc::Receiver<T>,
) -> impl futures_util::Stream<Item = T> + Send {
    futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx))
}
