//! Every flow of SPEC §4, in-process through `passguard_server::app` with `oneshot`, on
//! SQLite and on PostgreSQL, with the test clock at the policy's boundaries (exactly at the
//! limit, and one second past it).

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

use axum::http::{StatusCode, header};
use passguard_policy::{AuditOptions, Locale, Policy, audit};
use serde_json::{Value, json};
use support::mailbox;
use support::{Backend, FAST_ARGON2, GOOD, TestApp, TestDatabase, rule};

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

on_both_databases!(
    registration,
    sessions,
    change_rules,
    history_of_six,
    expiry_forces_a_change,
    lockout_at_exactly_five,
    forgot_and_reset,
    wrong_answers_lock,
    link_lifetime,
    admin_grid,
    rehash_on_login,
    expiry_notices_at_expiry,
    expiry_notices_on_schedule,
    answers_in_the_requested_language,
    mail_in_the_accounts_language,
    expiry_notices_in_the_accounts_language,
    policy_audit,
    texts_of_a_deployment,
);

async fn registration(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    let token = app.invite("ada", false).await;
    let reply = app.get(&format!("/api/register/{token}"), None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.body,
        json!({"username": "ada", "email": "ada@example.com", "security_questions": 2})
    );

    let reply = app.register(&token, "Zq9").await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.error(), "password-rejected");
    assert_eq!(reply.body["report"]["accepted"], false);
    assert_eq!(rule(&reply.body, "min-length")["status"], "fail");
    assert_eq!(rule(&reply.body, "not-reused")["status"], "pending");
    assert!(!String::from_utf8_lossy(&reply.raw).contains("Zq9"));

    let one_question = json!([{"question": "Pet?", "answer": "Rex"}]);
    let reply = app
        .post(
            "/api/register",
            json!({"token": token, "password": GOOD[0], "security_questions": one_question}),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.error(), "invalid-security-questions");

    let reply = app.register(&token, GOOD[0]).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
    assert_eq!(reply.body, json!({"username": "ada"}));

    for reply in [
        app.get(&format!("/api/register/{token}"), None).await,
        app.register(&token, GOOD[1]).await,
    ] {
        assert_eq!(reply.status, StatusCode::GONE);
        assert_eq!(reply.error(), "token-used");
    }
    let reply = app.get("/api/register/not-a-token", None).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.error(), "token-unknown");
    assert_eq!(app.login("ada", GOOD[0]).await.status, StatusCode::OK);
}

async fn sessions(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    app.user("ada", GOOD[0], false).await;
    let changed_at = app.now();
    let reply = app.login("  ADA ", GOOD[0]).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    let set_cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    for flag in [
        "HttpOnly",
        "SameSite=Strict",
        "Secure",
        "Path=/",
        "Max-Age=28800",
    ] {
        assert!(set_cookie.contains(flag), "{set_cookie}");
    }
    assert_eq!(
        reply.body,
        json!({
            "username": "ada", "email": "ada@example.com", "role": "user", "status": "active",
            "org": null, "org_name": null, "password_changed_at": changed_at, "can_change_after": changed_at + 48 * HOUR,
            "expires_at": changed_at + 90 * DAY, "must_change_password": false,
            "notice": null, "support_contact": "the test desk", "now": changed_at,
        })
    );
    let cookie = reply.cookie().unwrap();
    assert_eq!(app.get("/api/me", Some(&cookie)).await.body, reply.body);

    let reply = app.post("/api/logout", json!({}), Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert!(
        reply.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let reply = app.get("/api/me", Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.error(), "unauthenticated");
    for junk in ["passguard_session=", "passguard_session=x", "other=1"] {
        assert_eq!(
            app.get("/api/me", Some(junk)).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        app.get("/api/me", None).await.status,
        StatusCode::UNAUTHORIZED
    );

    // A session lives 8 hours (the default), to the second.
    let cookie = app.session("ada", GOOD[0]).await;
    app.advance(8 * HOUR);
    assert_eq!(
        app.get("/api/me", Some(&cookie)).await.status,
        StatusCode::OK
    );
    app.advance(1);
    assert_eq!(
        app.get("/api/me", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

async fn change_rules(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    app.user("ada", GOOD[0], false).await;
    let changed_at = app.now();

    // min-age: 48 h. One second short of it is refused with when it becomes possible.
    app.advance(48 * HOUR - 1);
    let cookie = app.session("ada", GOOD[0]).await;
    let reply = app.change(&cookie, GOOD[0], GOOD[1]).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS, "{reply:?}");
    assert_eq!(reply.error(), "min-age");
    assert_eq!(reply.body["allowed_at"], changed_at + 48 * HOUR);
    assert_eq!(reply.headers[header::RETRY_AFTER], "1");
    assert_eq!(rule(&reply.body, "min-age")["status"], "fail");
    app.advance(1);

    let reply = app.change(&cookie, "Wrong1!current", GOOD[1]).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.error(), "invalid-credentials");

    let reply = app.change(&cookie, GOOD[0], GOOD[0]).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(rule(&reply.body, "not-current")["status"], "fail");

    let reply = app.change(&cookie, GOOD[0], "alllowercase").await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(rule(&reply.body, "character-groups")["status"], "fail");

    // Exactly at 48 h the change goes through; every session is revoked and a new one set.
    let other = app.session("ada", GOOD[0]).await;
    let reply = app.change(&cookie, GOOD[0], GOOD[1]).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    assert_eq!(reply.body["password_changed_at"], app.now());
    let fresh = reply.cookie().unwrap();
    assert_eq!(
        app.get("/api/me", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get("/api/me", Some(&other)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get("/api/me", Some(&fresh)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.login("ada", GOOD[0]).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.login("ada", GOOD[1]).await.status, StatusCode::OK);
}

async fn history_of_six(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    app.user("ada", GOOD[0], false).await;
    for pair in GOOD[..7].windows(2) {
        app.advance(48 * HOUR);
        let cookie = app.session("ada", pair[0]).await;
        let reply = app.change(&cookie, pair[0], pair[1]).await;
        assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    }
    // Set so far: GOOD[0..=6]; the last six are GOOD[1..=6].
    app.advance(48 * HOUR);
    let cookie = app.session("ada", GOOD[6]).await;
    for reused in &GOOD[1..6] {
        let reply = app.change(&cookie, GOOD[6], reused).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{reused}");
        assert_eq!(rule(&reply.body, "not-reused")["status"], "fail");
        assert_eq!(rule(&reply.body, "not-reused")["params"]["history"], 6);
    }
    let reply = app.change(&cookie, GOOD[6], GOOD[0]).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
}

async fn expiry_forces_a_change(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    app.user("ada", GOOD[0], true).await;
    app.advance(90 * DAY - HOUR);
    let early = app.session("ada", GOOD[0]).await;
    app.advance(HOUR);
    assert_eq!(app.login("ada", GOOD[0]).await.status, StatusCode::OK);
    assert_eq!(
        app.get("/api/admin/users", Some(&early)).await.status,
        StatusCode::OK
    );
    app.advance(1);
    // A session opened before the expiry is limited like a new login.
    let reply = app.get("/api/admin/users", Some(&early)).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::FORBIDDEN, "password-expired")
    );
    assert_eq!(
        app.get("/api/me", Some(&early)).await.body["must_change_password"],
        true
    );
    let reply = app.login("ada", GOOD[0]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{reply:?}");
    assert_eq!(reply.error(), "password-expired");
    assert_eq!(reply.body["can_change"], true);
    let cookie = reply.cookie().unwrap();
    let me = app.get("/api/me", Some(&cookie)).await;
    assert_eq!(me.body["status"], "expired");
    assert_eq!(me.body["must_change_password"], true);
    // Only the change is allowed: even an administrator cannot administer.
    let reply = app.get("/api/admin/users", Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.error(), "password-expired");
    let reply = app.change(&cookie, GOOD[0], GOOD[1]).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    assert_eq!(reply.body["status"], "active");
    let admin = reply.cookie().unwrap();
    assert_eq!(
        app.get("/api/admin/users", Some(&admin)).await.status,
        StatusCode::OK
    );
    assert_eq!(app.login("ada", GOOD[1]).await.status, StatusCode::OK);
}

#[tokio::test]
async fn expired_grace_ends_in_a_reset() {
    let app = TestApp::new(Backend::Sqlite, "partner-portal").await;
    app.user("ada", GOOD[0], false).await;
    // Expired 30 days ago, to the second: still allowed to change it.
    app.advance(365 * DAY + 30 * DAY);
    let reply = app.login("ada", GOOD[0]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.body["can_change"], true);
    app.advance(1);
    let reply = app.login("ada", GOOD[0]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.error(), "password-expired");
    assert_eq!(reply.body["can_change"], false);
    assert!(reply.cookie().is_none());
}

#[tokio::test]
async fn a_session_ends_when_the_grace_period_does() {
    let app = TestApp::with(
        TestDatabase::new(Backend::Sqlite).await,
        Policy::preset("partner-portal").unwrap(),
        FAST_ARGON2,
        "session_lifetime = \"30d\"",
    )
    .await;
    app.user("ada", GOOD[0], false).await;
    app.advance(365 * DAY);
    let cookie = app.session("ada", GOOD[0]).await;
    app.advance(30 * DAY);
    assert_eq!(
        app.get("/api/me", Some(&cookie)).await.body["must_change_password"],
        true
    );
    app.advance(1);
    assert_eq!(
        app.get("/api/me", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

async fn lockout_at_exactly_five(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    app.user("root", GOOD[1], true).await;
    app.user("ada", GOOD[0], false).await;
    app.invite("ivy", false).await;
    let admin = app.session("root", GOOD[1]).await;

    let verifications = || app.state.hasher().counters().verifications;
    for attempt in 1..=5 {
        let before = verifications();
        let known = app.login("ada", "Wrong1!pass").await;
        let middle = verifications();
        let unknown = app.login("nobody", "Wrong1!pass").await;
        let invited = app.login("ivy", "Wrong1!pass").await;
        assert_eq!(middle - before, 1);
        assert_eq!(
            verifications() - middle,
            2,
            "one verification each for unknown and invited"
        );
        assert_eq!(known.status, unknown.status);
        assert_eq!(known.raw, unknown.raw);
        assert_eq!(known.raw, invited.raw);
        let (status, id) = if attempt < 5 {
            (StatusCode::UNAUTHORIZED, "invalid-credentials")
        } else {
            (StatusCode::LOCKED, "locked")
        };
        assert_eq!(
            (known.status, known.error()),
            (status, id),
            "attempt {attempt}"
        );
        assert_eq!(app.row(&admin, "ada").await["failed_logins"], attempt);
    }
    // Locked: the right password answers 423 too, with the same body as an unknown name.
    let known = app.login("ada", GOOD[0]).await;
    let unknown = app.login("nobody", GOOD[0]).await;
    assert_eq!(known.status, StatusCode::LOCKED);
    assert_eq!(known.raw, unknown.raw);
    assert!(
        known.body["message"]
            .as_str()
            .unwrap()
            .contains("the test desk")
    );
    let row = app.row(&admin, "ada").await;
    assert_eq!(
        (row["status"].as_str(), row["failed_logins"].as_i64()),
        (Some("locked"), Some(5))
    );
    assert_eq!(app.row(&admin, "ivy").await["status"], "invited");

    let reply = app
        .post("/api/admin/users/ada/unlock", json!({}), Some(&admin))
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert_eq!(app.row(&admin, "ada").await["failed_logins"], 0);
    assert_eq!(app.login("ada", GOOD[0]).await.status, StatusCode::OK);

    // The count is of consecutive failures: a success starts it again.
    for _ in 0..4 {
        assert_eq!(
            app.login("ada", "Wrong1!pass").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(app.login("ada", GOOD[0]).await.status, StatusCode::OK);
    for _ in 0..4 {
        assert_eq!(
            app.login("ada", "Wrong1!pass").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test]
async fn a_timed_unlock_lifts_by_itself() {
    let policy = Policy::from_toml(
        "name = \"timed\"\n[lockout]\nmax_failed_logins = 3\nunlock = \"15min\"\n",
    )
    .unwrap();
    let db = TestDatabase::new(Backend::Sqlite).await;
    let app = TestApp::with(db, policy, FAST_ARGON2, "").await;
    app.user("ada", "a long enough passphrase", false).await;
    for status in [401, 401, 423, 423] {
        assert_eq!(
            app.login("ada", "wrong wrong wrong").await.status.as_u16(),
            status
        );
        assert_eq!(
            app.login("ghost", "wrong wrong wrong")
                .await
                .status
                .as_u16(),
            status
        );
    }
    app.advance(15 * 60 - 1);
    assert_eq!(
        app.login("ada", "a long enough passphrase").await.status,
        StatusCode::LOCKED
    );
    app.advance(1);
    assert_eq!(
        app.login("ghost", "wrong wrong wrong").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login("ada", "a long enough passphrase").await.status,
        StatusCode::OK
    );
}

async fn forgot_and_reset(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    app.user("root", GOOD[1], true).await;
    app.user("ada", GOOD[0], false).await;
    let admin = app.session("root", GOOD[1]).await;
    let ada = app.session("ada", GOOD[0]).await;
    let counters = app.state.hasher().counters();

    let known = app
        .post("/api/password/forgot", json!({"username": "ada"}), None)
        .await;
    let unknown = app
        .post("/api/password/forgot", json!({"username": "nobody"}), None)
        .await;
    assert_eq!(known.status, StatusCode::ACCEPTED);
    assert_eq!((known.status, &known.raw), (unknown.status, &unknown.raw));
    let first = mailbox::wait_for(app.mail.path(), "ada@example.com", 2).await;
    // Asking again at once sends nothing and keeps the young link alive: whoever keeps
    // asking cannot kill the owner's link.
    let again = app
        .post("/api/password/forgot", json!({"username": "ada"}), None)
        .await;
    assert_eq!((again.status, &again.raw), (known.status, &known.raw));
    let young = first[1].token("reset").unwrap();
    let reply = app.get(&format!("/api/password/reset/{young}"), None).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    app.advance(10 * 60 + 1);
    let by_email = app
        .post(
            "/api/password/forgot",
            json!({"email": "ADA@example.com"}),
            None,
        )
        .await;
    assert_eq!(by_email.raw, known.raw);
    let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 3).await;
    assert_eq!(
        app.state.hasher().counters(),
        counters,
        "forgot hashes nothing"
    );
    let old = first[1].token("reset").unwrap();
    let token = mails[2].token("reset").unwrap();
    assert!(
        mails[2]
            .text
            .contains("https://passguard.test/reset?token=")
    );
    assert!(
        mails[2]
            .text
            .contains("Contact the test desk for assistance.")
    );

    // A newer request replaces the older link.
    let reply = app.get(&format!("/api/password/reset/{old}"), None).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::GONE, "token-used")
    );
    let reply = app.get(&format!("/api/password/reset/{token}"), None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.body,
        json!({"username": "ada", "security_questions": ["Name of your first pet?", "Town you were born in?"], "attempts_left": 2})
    );
    assert_eq!(app.row(&admin, "ada").await["status"], "reset-pending");

    let reset = |answers: Value, password: &str| {
        app.post(
            "/api/password/reset",
            json!({"token": token, "answers": answers, "new_password": password}),
            None,
        )
    };
    let reply = reset(json!(["wrong", "saint-malo"]), GOOD[2]).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::UNAUTHORIZED, "wrong-answers")
    );
    let reply = reset(json!(["rex the dog"]), GOOD[2]).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let reply = reset(app.answers(), "weak").await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let reply = reset(app.answers(), GOOD[0]).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(rule(&reply.body, "not-reused")["status"], "fail");
    // min-age does not apply to a reset.
    let reply = reset(app.answers(), GOOD[2]).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    assert_eq!(reply.body, json!({"username": "ada"}));

    assert_eq!(
        app.get("/api/me", Some(&ada)).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login("ada", GOOD[0]).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.login("ada", GOOD[2]).await.status, StatusCode::OK);
    let reply = reset(app.answers(), GOOD[3]).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::GONE, "token-used")
    );
    assert_eq!(app.row(&admin, "ada").await["status"], "active");
    // Invitation, first link, the one by e-mail; the request within the grace sent nothing.
    assert_eq!(mailbox::to(app.mail.path(), "ada@example.com").len(), 3);
}

async fn wrong_answers_lock(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    app.user("root", GOOD[1], true).await;
    app.user("ada", GOOD[0], false).await;
    let admin = app.session("root", GOOD[1]).await;
    app.post("/api/password/forgot", json!({"username": "ada"}), None)
        .await;
    let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 2).await;
    let token = mails[1].token("reset").unwrap();
    let reset = |answers: Value| {
        app.post(
            "/api/password/reset",
            json!({"token": token, "answers": answers, "new_password": GOOD[2]}),
            None,
        )
    };
    assert_eq!(
        reset(json!(["no", "no"])).await.status,
        StatusCode::UNAUTHORIZED
    );
    let reply = reset(json!(["no", "no"])).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::LOCKED, "locked")
    );
    assert_eq!(reset(app.answers()).await.status, StatusCode::LOCKED);
    assert_eq!(app.login("ada", GOOD[0]).await.status, StatusCode::LOCKED);
    assert_eq!(app.row(&admin, "ada").await["status"], "locked");

    // Locked: the forgotten-password flow says "contact an administrator", with no link.
    app.post("/api/password/forgot", json!({"username": "ada"}), None)
        .await;
    let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 3).await;
    assert!(
        mails[2].subject.contains("contact an administrator"),
        "{}",
        mails[2].subject
    );
    assert!(mails[2].text.contains("Contact the test desk"));
    assert_eq!(mails[2].token("reset"), None);

    let reply = app
        .post(
            "/api/admin/users/ada/reset-password",
            json!({}),
            Some(&admin),
        )
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::CONFLICT, "locked")
    );
    let reply = app
        .post("/api/admin/users/ada/unlock", json!({}), Some(&admin))
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    let reply = app
        .post(
            "/api/admin/users/ada/reset-password",
            json!({}),
            Some(&admin),
        )
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED);
    let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 4).await;
    let token = mails[3].token("reset").unwrap();
    let reply = app.reset(&token, GOOD[2]).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
}

async fn link_lifetime(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    app.user("ada", GOOD[0], false).await;
    let invitation = app.invite("bob", false).await;
    app.post("/api/password/forgot", json!({"username": "ada"}), None)
        .await;
    let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 2).await;
    let token = mails[1].token("reset").unwrap();
    app.advance(7 * DAY);
    assert_eq!(
        app.get(&format!("/api/password/reset/{token}"), None)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.get(&format!("/api/register/{invitation}"), None)
            .await
            .status,
        StatusCode::OK
    );
    app.advance(1);
    for reply in [
        app.get(&format!("/api/password/reset/{token}"), None).await,
        app.get(&format!("/api/register/{invitation}"), None).await,
        app.register(&invitation, GOOD[1]).await,
        app.reset(&token, GOOD[1]).await,
    ] {
        assert_eq!(
            (reply.status, reply.error()),
            (StatusCode::GONE, "token-expired")
        );
    }
}

async fn admin_grid(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    app.user("old", GOOD[0], false).await;
    app.advance(90 * DAY + 1);
    app.user("root", GOOD[1], true).await;
    app.user("ada", GOOD[0], false).await;
    app.user("lou", GOOD[0], false).await;
    app.user("rex", GOOD[0], false).await;
    app.invite("ivy", false).await;
    for _ in 0..5 {
        app.login("lou", "Wrong1!pass").await;
    }
    let admin = app.session("root", GOOD[1]).await;
    let reply = app
        .post(
            "/api/admin/users/rex/reset-password",
            json!({}),
            Some(&admin),
        )
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED);

    let reply = app.get("/api/admin/users", Some(&admin)).await;
    let rows: Vec<(String, String, i64)> = reply
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["username"].as_str().unwrap().to_owned(),
                row["status"].as_str().unwrap().to_owned(),
                row["failed_logins"].as_i64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("ada", "active", 0),
        ("ivy", "invited", 0),
        ("lou", "locked", 5),
        ("old", "expired", 0),
        ("rex", "reset-pending", 0),
        ("root", "active", 0),
    ];
    assert_eq!(
        rows,
        expected
            .iter()
            .map(|(u, s, f)| ((*u).to_owned(), (*s).to_owned(), *f))
            .collect::<Vec<_>>()
    );
    let ivy = &reply.body[1];
    assert_eq!(ivy["password_changed_at"], Value::Null);
    assert_eq!(ivy["email"], "ivy@example.com");

    let reply = app
        .post(
            "/api/admin/users",
            json!({"username": "new", "email": "new@example.com"}),
            Some(&admin),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
    assert_eq!(reply.body["status"], "invited");
    let mails = mailbox::wait_for(app.mail.path(), "new@example.com", 1).await;
    let token = mails[0].token("register").unwrap();
    assert_eq!(
        app.register(&token, GOOD[3]).await.status,
        StatusCode::CREATED
    );
    let reply = app
        .post(
            "/api/admin/users",
            json!({"username": "NEW", "email": "x@example.com"}),
            Some(&admin),
        )
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::CONFLICT, "exists")
    );
    let reply = app
        .post(
            "/api/admin/users",
            json!({"username": "x", "email": "not-an-address"}),
            Some(&admin),
        )
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::BAD_REQUEST, "invalid-email")
    );
    let reply = app
        .post(
            "/api/admin/users/ivy/reset-password",
            json!({}),
            Some(&admin),
        )
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::CONFLICT, "invited")
    );
    let reply = app
        .post("/api/admin/users/ghost/unlock", json!({}), Some(&admin))
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::NOT_FOUND, "not-found")
    );

    let user = app.session("ada", GOOD[0]).await;
    for reply in [
        app.get("/api/admin/users", Some(&user)).await,
        app.post("/api/admin/users/lou/unlock", json!({}), Some(&user))
            .await,
    ] {
        assert_eq!(
            (reply.status, reply.error()),
            (StatusCode::FORBIDDEN, "forbidden")
        );
    }
    assert_eq!(
        app.get("/api/admin/users", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.row(&admin, "lou").await["status"], "locked");
}

async fn stored_hashes(url: &str, username: &str) -> (String, Vec<String>) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url).await.unwrap();
    let current: String =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE username_key = $1")
            .bind(username)
            .fetch_one(&pool)
            .await
            .unwrap();
    let history: Vec<String> = sqlx::query_scalar(
        "SELECT h.password_hash FROM password_history h JOIN users u ON u.id = h.user_id \
         WHERE u.username_key = $1 ORDER BY h.seq DESC",
    )
    .bind(username)
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    (current, history)
}

async fn rehash_on_login(backend: Backend) {
    let policy = Policy::preset("security-admin").unwrap();
    let db = TestDatabase::new(backend).await;
    let app = TestApp::with(db, policy.clone(), FAST_ARGON2, "").await;
    app.user("ada", GOOD[0], false).await;
    let TestApp { db, state, .. } = app;
    state.store().close().await;
    let (before, _) = stored_hashes(db.url(), "ada").await;
    assert!(
        before.starts_with("$argon2id$v=19$m=1024,t=1,p=1$"),
        "{before}"
    );

    let stronger = "[argon2]\nmemory_kib = 2048\niterations = 2\nparallelism = 1\n";
    let app = TestApp::with(db, policy, stronger, "").await;
    assert_eq!(app.login("ada", GOOD[0]).await.status, StatusCode::OK);
    let (after, history) = stored_hashes(app.db.url(), "ada").await;
    assert!(
        after.starts_with("$argon2id$v=19$m=2048,t=2,p=1$"),
        "{after}"
    );
    assert_eq!(history.first(), Some(&after));
    assert_eq!(app.login("ada", GOOD[0]).await.status, StatusCode::OK);
    assert_eq!(stored_hashes(app.db.url(), "ada").await.0, after);
}

async fn expiry_notices_at_expiry(backend: Backend) {
    // partner-portal: expire after 365 days, a notice with a reset link at expiry.
    let app = TestApp::new(backend, "partner-portal").await;
    app.user("ada", GOOD[0], false).await;
    assert_eq!(
        app.advance_and_run_jobs(365 * DAY - 1).await["notices_sent"],
        0
    );
    assert_eq!(app.advance_and_run_jobs(1).await["notices_sent"], 1);
    assert_eq!(app.advance_and_run_jobs(3600).await["notices_sent"], 0);
    let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 2).await;
    assert_eq!(mails.len(), 2);
    assert!(mails[1].subject.contains("expiring"));
    let token = mails[1].token("reset").unwrap();
    let reply = app
        .post(
            "/api/password/reset",
            json!({"token": token, "answers": [], "new_password": GOOD[1]}),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
}

async fn expiry_notices_on_schedule(backend: Backend) {
    let policy = Policy::from_toml(
        "name = \"notices\"\n[password]\nmin_length = 8\nmax_age = \"90d\"\n\
         expiry_notice = [\"14d\", \"1d\"]\n",
    )
    .unwrap();
    let app = TestApp::with(TestDatabase::new(backend).await, policy, FAST_ARGON2, "").await;
    app.user("ada", GOOD[0], false).await;
    app.advance(1);
    app.user("bob", GOOD[0], false).await;
    // ada's 14-day notice is due 76 days after her change, bob's a second later.
    assert_eq!(
        app.advance_and_run_jobs(76 * DAY - 2).await["notices_sent"],
        0
    );
    assert_eq!(app.advance_and_run_jobs(1).await["notices_sent"], 1);
    assert_eq!(app.advance_and_run_jobs(1).await["notices_sent"], 1);
    assert_eq!(
        app.advance_and_run_jobs(13 * DAY - 2).await["notices_sent"],
        0
    );
    assert_eq!(app.advance_and_run_jobs(1).await["notices_sent"], 1);
    assert_eq!(app.advance_and_run_jobs(1).await["notices_sent"], 1);
    // A password whose notices all fell due while nobody looked gets one notice, the latest.
    app.user("cyd", GOOD[0], false).await;
    assert_eq!(
        app.advance_and_run_jobs(89 * DAY + 2).await["notices_sent"],
        1
    );
    assert_eq!(
        mailbox::wait_for(app.mail.path(), "cyd@example.com", 2)
            .await
            .len(),
        2
    );
    assert_eq!(mailbox::to(app.mail.path(), "ada@example.com").len(), 3);
    assert_eq!(mailbox::to(app.mail.path(), "bob@example.com").len(), 3);
}

/// Asking with `Accept-Language`: German, French, English, or a language passguard does not
/// speak (English). The error ids stay the same in every language.
async fn answers_in_the_requested_language(backend: Backend) {
    struct Case {
        language: &'static str,
        rejected: &'static str,
        min_length: &'static str,
        credentials: &'static str,
        unauthenticated: &'static str,
        missing_field: &'static str,
        no_endpoint: &'static str,
        forgot: &'static str,
    }
    let english = Case {
        language: "en-GB",
        rejected: "The password does not meet the policy.",
        min_length: "Use at least 8 characters (3 so far).",
        credentials: "The username or password is incorrect.",
        unauthenticated: "Please sign in first.",
        missing_field: "The request body is not the JSON expected: the field password is missing.",
        no_endpoint: "No such endpoint.",
        forgot: "If an account matches, an e-mail with the next step is on its way.",
    };
    let cases = [
        Case {
            language: "de-DE,de;q=0.9,en;q=0.8",
            rejected: "Das Passwort erfüllt die Richtlinie nicht.",
            min_length: "Verwenden Sie mindestens 8 Zeichen (bisher 3).",
            credentials: "Benutzername oder Passwort ist falsch.",
            unauthenticated: "Bitte melden Sie sich zuerst an.",
            missing_field: "Der Anfragetext ist nicht das erwartete JSON: Das Feld password fehlt.",
            no_endpoint: "Diesen Endpunkt gibt es nicht.",
            forgot: "Falls ein Konto passt, ist eine E-Mail mit dem nächsten Schritt unterwegs.",
        },
        Case {
            language: "fr-CH, fr;q=0.9, en;q=0.5",
            rejected: "Le mot de passe ne respecte pas la politique.",
            min_length: "Utilisez au moins 8 caractères (3 pour l’instant).",
            credentials: "L’identifiant ou le mot de passe est incorrect.",
            unauthenticated: "Veuillez d’abord vous connecter.",
            missing_field: "Le corps de la requête n’est pas le JSON attendu : le champ password manque.",
            no_endpoint: "Ce point d’accès n’existe pas.",
            forgot: "Si un compte correspond, un e-mail indiquant la marche à suivre est en route.",
        },
        Case {
            language: "it-IT, es;q=0.8",
            ..english
        },
        english,
    ];
    let app = TestApp::new(backend, "security-admin").await;
    let token = app.invite("ada", false).await;
    for case in &cases {
        let language = case.language;
        let reply = app.register_in(language, &token, "Zq9").await;
        assert_eq!(
            (reply.status, reply.error()),
            (StatusCode::UNPROCESSABLE_ENTITY, "password-rejected"),
            "{language}"
        );
        assert_eq!(reply.body["message"], case.rejected, "{language}");
        assert_eq!(
            rule(&reply.body, "min-length")["message"],
            case.min_length,
            "{language}"
        );
        assert_eq!(reply.headers[header::VARY], "accept-language");

        let login = json!({"username": "nobody", "password": "Wrong1!pass"});
        let reply = app.post_in(language, "/api/login", login, None).await;
        assert_eq!(
            (reply.status, reply.error()),
            (StatusCode::UNAUTHORIZED, "invalid-credentials")
        );
        assert_eq!(reply.body["message"], case.credentials, "{language}");
        let reply = app.get_in(language, "/api/me", None).await;
        assert_eq!(reply.error(), "unauthenticated");
        assert_eq!(reply.body["message"], case.unauthenticated, "{language}");
        let reply = app
            .post_in(language, "/api/login", json!({"username": "ada"}), None)
            .await;
        assert_eq!(
            (reply.status, reply.error()),
            (StatusCode::BAD_REQUEST, "invalid-json")
        );
        assert_eq!(reply.body["message"], case.missing_field, "{language}");
        let reply = app.get_in(language, "/api/nothing-here", None).await;
        assert_eq!(reply.error(), "not-found");
        assert_eq!(reply.body["message"], case.no_endpoint, "{language}");
        let reply = app
            .post_in(
                language,
                "/api/password/forgot",
                json!({"username": "nobody"}),
                None,
            )
            .await;
        assert_eq!(reply.status, StatusCode::ACCEPTED);
        assert_eq!(reply.body, json!({"message": case.forgot}), "{language}");
        assert_eq!(reply.headers[header::VARY], "accept-language");
    }

    // Durations and counts in the sentences are worded for the language.
    assert_eq!(
        app.register_in("de", &token, GOOD[0]).await.status,
        StatusCode::CREATED
    );
    let cookie = app.session("ada", GOOD[0]).await;
    let change = json!({"current_password": GOOD[0], "new_password": GOOD[1]});
    let reply = app
        .post_in("de", "/api/password/change", change.clone(), Some(&cookie))
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::TOO_MANY_REQUESTS, "min-age")
    );
    assert_eq!(
        reply.body["message"],
        "Das Passwort wurde erst vor Kurzem geändert und kann noch nicht wieder geändert \
         werden; noch 2 Tage bis zur nächsten möglichen Änderung."
    );
    let reply = app
        .post_in("fr", "/api/password/change", change, Some(&cookie))
        .await;
    assert_eq!(
        reply.body["message"],
        "Le mot de passe a été changé trop récemment pour être changé à nouveau : réessayez \
         dans 2 jours."
    );
    let one_question = json!([{"question": "Pet?", "answer": "Rex"}]);
    let other = app.invite("bob", false).await;
    let reply = app
        .post_in(
            "fr",
            "/api/register",
            json!({"token": other, "password": GOOD[0], "security_questions": one_question}),
            None,
        )
        .await;
    assert_eq!(reply.error(), "invalid-security-questions");
    assert_eq!(
        reply.body["message"],
        "Choisissez exactement 2 questions de sécurité (reçues : 1)."
    );
    for _ in 0..5 {
        app.login("ada", "Wrong1!pass").await;
    }
    let reply = app
        .post_in(
            "de",
            "/api/login",
            json!({"username": "ada", "password": GOOD[0]}),
            None,
        )
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::LOCKED, "locked")
    );
    assert_eq!(
        reply.body["message"],
        "Dieses Konto ist gesperrt. Wenden Sie sich an the test desk, um es entsperren zu lassen."
    );
}

/// E-mails go out in the recipient's language: the inviting administrator's for an
/// invitation, then the one the person's browser named at registration and at the latest
/// login, whoever asks for the e-mail.
async fn mail_in_the_accounts_language(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    app.user("root", GOOD[1], true).await;
    let admin = app.session("root", GOOD[1]).await;

    let reply = app
        .post_in(
            "fr-FR",
            "/api/admin/users",
            json!({"username": "bob", "email": "bob@example.com"}),
            Some(&admin),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
    let invitation = &mailbox::wait_for(app.mail.path(), "bob@example.com", 1).await[0];
    assert_eq!(
        invitation.subject,
        "Votre nouveau compte : choisissez un mot de passe – passguard"
    );
    let text = invitation.part("text/plain").unwrap();
    assert!(text.starts_with("Bonjour bob,"), "{text}");
    assert!(
        text.contains("Ce lien ne fonctionne qu’une fois, pendant 7 jours, jusqu’au "),
        "{text}"
    );
    assert!(text.contains("Contactez the test desk pour obtenir de l’aide."));

    let token = app.invite("ada", false).await;
    let reply = app
        .register_in("de-DE,de;q=0.9,en;q=0.8", &token, GOOD[0])
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    // A French visitor asks for ada's reset link: it goes out in ada's German.
    app.post_in(
        "fr",
        "/api/password/forgot",
        json!({"username": "ada"}),
        None,
    )
    .await;
    let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 2).await;
    let reset = &mails[1];
    assert_eq!(reset.subject, "Passwort zurücksetzen – passguard");
    let text = reset.part("text/plain").unwrap();
    let html = reset.part("text/html").unwrap();
    for part in [&text, &html] {
        for sentence in [
            "Hallo ada,",
            "Für Ihr Konto wurde das Zurücksetzen des Passworts angefordert. Falls Sie das \
             nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.",
            "Dieser Link funktioniert einmal und 7 Tage lang, bis ",
            "Neues Passwort wählen",
            "Wenden Sie sich für Unterstützung an the test desk.",
        ] {
            assert!(part.contains(sentence), "{sentence:?} not in {part}");
        }
    }
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    let token = reset.token("reset").unwrap();
    assert_eq!(
        app.get(&format!("/api/password/reset/{token}"), None)
            .await
            .status,
        StatusCode::OK
    );

    // A login from a French browser makes French her language; logins that name no
    // language she speaks leave it.
    let login = json!({"username": "ada", "password": GOOD[0]});
    assert_eq!(
        app.post_in("fr-BE", "/api/login", login.clone(), None)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(app.login("ada", GOOD[0]).await.status, StatusCode::OK);
    assert_eq!(
        app.post_in("it", "/api/login", login, None).await.status,
        StatusCode::OK
    );
    let reply = app
        .post(
            "/api/admin/users/ada/reset-password",
            json!({}),
            Some(&admin),
        )
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED);
    let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 3).await;
    assert_eq!(
        mails[2].subject,
        "Réinitialisez votre mot de passe – passguard"
    );
    assert!(
        mails[2]
            .part("text/html")
            .unwrap()
            .contains("Choisir un nouveau mot de passe")
    );

    // Locked, she is told in French to contact an administrator.
    for _ in 0..5 {
        app.login("ada", "Wrong1!pass").await;
    }
    app.post(
        "/api/password/forgot",
        json!({"email": "ada@example.com"}),
        None,
    )
    .await;
    let mails = mailbox::wait_for(app.mail.path(), "ada@example.com", 4).await;
    assert_eq!(
        mails[3].subject,
        "Votre compte est verrouillé : contactez un administrateur – passguard"
    );
    assert!(
        mails[3]
            .part("text/plain")
            .unwrap()
            .contains("Contactez the test desk pour le faire déverrouiller ;")
    );
    assert_eq!(mails[3].token("reset"), None);
}

/// The background job writes each notice in the account's language, with the time left
/// worded for it.
async fn expiry_notices_in_the_accounts_language(backend: Backend) {
    let policy = Policy::from_toml(
        "name = \"notices\"\n[password]\nmin_length = 8\nmax_age = \"90d\"\n\
         expiry_notice = [\"14d\", \"1d\"]\n",
    )
    .unwrap();
    let app = TestApp::with(TestDatabase::new(backend).await, policy, FAST_ARGON2, "").await;
    for (username, language) in [("ada", "de"), ("bob", "fr-CA"), ("cyd", "es")] {
        let token = app.invite(username, false).await;
        let reply = app.register_in(language, &token, GOOD[0]).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
    }
    assert_eq!(app.advance_and_run_jobs(76 * DAY).await["notices_sent"], 3);
    let expected = [
        (
            "ada@example.com",
            "Ihr Passwort läuft ab",
            "(noch 14 Tage)",
            "er funktioniert einmal und 1 Tag lang, bis ",
        ),
        (
            "bob@example.com",
            "Votre mot de passe arrive à expiration",
            ", dans 14 jours.",
            "il ne fonctionne qu’une fois, pendant 1 jour, jusqu’au ",
        ),
        (
            "cyd@example.com",
            "Your password is expiring",
            ", in 14 days.",
            "it works once and for 1 day, until ",
        ),
    ];
    for (address, subject, remaining, validity) in expected {
        let notice = &mailbox::wait_for(app.mail.path(), address, 2).await[1];
        assert_eq!(notice.subject, format!("{subject} – passguard"));
        for part in [
            notice.part("text/plain").unwrap(),
            notice.part("text/html").unwrap(),
        ] {
            assert!(part.contains(remaining), "{remaining:?} not in {part}");
            assert!(part.contains(validity), "{validity:?} not in {part}");
        }
    }
    // A day before expiry, the last notice: one day, in the singular of each language.
    assert_eq!(app.advance_and_run_jobs(13 * DAY).await["notices_sent"], 3);
    for (address, remaining) in [
        ("ada@example.com", "(noch 1 Tag)"),
        ("bob@example.com", ", dans 1 jour."),
        ("cyd@example.com", ", in 1 day."),
    ] {
        let notice = &mailbox::wait_for(app.mail.path(), address, 3).await[2];
        let text = notice.part("text/plain").unwrap();
        assert!(text.contains(remaining), "{remaining:?} not in {text}");
    }
}

/// `GET /api/policy/audit`: administrators only, ASVS level 1 to 3, explanations in the
/// request's language, the JSON of `passguard policy audit --json`.
async fn policy_audit(backend: Backend) {
    let app = TestApp::new(backend, "security-admin").await;
    app.user("root", GOOD[1], true).await;
    app.user("ada", GOOD[0], false).await;
    let admin = app.session("root", GOOD[1]).await;
    let user = app.session("ada", GOOD[0]).await;
    let expected = |asvs_level, locale| {
        let findings = audit(&app.policy, AuditOptions { asvs_level, locale });
        let conforms = !findings.iter().any(|f| f.level.is_mandatory());
        json!({
            "policy": "security-admin",
            "asvs_level": asvs_level,
            "conforms": conforms,
            "findings": findings,
        })
    };

    let reply = app.get("/api/policy/audit", None).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::UNAUTHORIZED, "unauthenticated")
    );
    for path in ["/api/policy/audit", "/api/policy/audit?asvs_level=9"] {
        let reply = app.get(path, Some(&user)).await;
        assert_eq!(
            (reply.status, reply.error()),
            (StatusCode::FORBIDDEN, "forbidden"),
            "{path}"
        );
    }

    let reply = app.get("/api/policy/audit", Some(&admin)).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    assert_eq!(reply.body, expected(1, Locale::En));
    assert_eq!(reply.body["conforms"], false);
    let ids: Vec<&str> = reply.body["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    for id in [
        "nist-composition",
        "nist-periodic-change",
        "nist-security-questions",
        "nist-min-length",
        "nist-recovery-lifetime",
        "nist-printable-ascii",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    for (query, level) in [
        ("asvs_level=1", 1),
        ("asvs_level=2", 2),
        ("asvs_level=3", 3),
    ] {
        let reply = app
            .get(&format!("/api/policy/audit?{query}"), Some(&admin))
            .await;
        assert_eq!(reply.body, expected(level, Locale::En), "{query}");
    }
    let reply = app
        .get_in("de-AT", "/api/policy/audit?asvs_level=2", Some(&admin))
        .await;
    assert_eq!(reply.body, expected(2, Locale::De));
    assert_eq!(reply.headers[header::VARY], "accept-language");
    let composition = reply.body["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "nist-composition")
        .unwrap();
    assert!(
        composition["explanation"]
            .as_str()
            .unwrap()
            .starts_with("Kompositionsregeln"),
        "{composition}"
    );
    let reply = app
        .get_in("fr", "/api/policy/audit?asvs_level=3", Some(&admin))
        .await;
    assert_eq!(reply.body, expected(3, Locale::Fr));

    for query in [
        "asvs_level=4",
        "asvs_level=0",
        "asvs_level=",
        "asvs_level=two",
        "asvs_level=1&asvs_level=2",
    ] {
        let reply = app
            .get_in("de", &format!("/api/policy/audit?{query}"), Some(&admin))
            .await;
        assert_eq!(
            (reply.status, reply.error()),
            (StatusCode::BAD_REQUEST, "invalid-asvs-level"),
            "{query}"
        );
        assert_eq!(
            reply.body["message"],
            "Die ASVS-Stufe (asvs_level) muss 1, 2 oder 3 sein."
        );
    }
    let reply = app.get("/api/policy/audit?level=2", Some(&admin)).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::BAD_REQUEST, "invalid-request")
    );

    // The preset made from the standard has nothing to report.
    let nist = TestApp::new(backend, "nist-800-63b").await;
    nist.user("root", "violet tram sings under basalt", true)
        .await;
    let admin = nist.session("root", "violet tram sings under basalt").await;
    let reply = nist.get("/api/policy/audit", Some(&admin)).await;
    assert_eq!(
        reply.body,
        json!({"policy": "nist-800-63b", "asvs_level": 1, "conforms": true, "findings": []})
    );
}

/// What a company deploys: its site name and its support contact per language in the pages'
/// answers and in the e-mails, which go out in the account's language; sign-in by e-mail
/// address; and security answers that protect (3 characters or more, distinct, neither the
/// username nor the password).
async fn texts_of_a_deployment(backend: Backend) {
    let policy = Policy::preset("security-admin").unwrap();
    let extra = "site_name = \"Partner portal\"\n\
                 support_contact = { en = \"the service desk\", de = \"den Service-Desk\" }\n";
    let app = TestApp::with(TestDatabase::new(backend).await, policy, FAST_ARGON2, extra).await;
    let site = app.get_in("de-DE", "/api/site", None).await;
    assert_eq!(site.body["site_name"], "Partner portal");
    assert_eq!(site.body["support_contact"], "den Service-Desk");
    assert_eq!(site.headers[header::VARY], "accept-language");
    let site = app.get_in("fr", "/api/site", None).await;
    assert_eq!(site.body["support_contact"], "the service desk");

    let token = app.invite("carol", false).await;
    let reply = app.register_in("de", &token, GOOD[0]).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
    app.post_in(
        "en",
        "/api/password/forgot",
        json!({"username": "carol"}),
        None,
    )
    .await;
    let mails = mailbox::wait_for(app.mail.path(), "carol@example.com", 2).await;
    let reset = &mails[1];
    assert_eq!(reset.subject, "Passwort zurücksetzen – Partner portal");
    let text = reset.part("text/plain").unwrap();
    for sentence in [
        "Hallo carol,",
        "Wenden Sie sich für Unterstützung an den Service-Desk.",
        "Gesendet von Partner portal.",
        "E-Mails von Partner portal kommen nur von ",
    ] {
        assert!(text.contains(sentence), "{sentence:?} not in {text}");
    }
    assert!(
        reset
            .part("text/html")
            .unwrap()
            .contains("<html lang=\"de\">")
    );

    // Sign-in by e-mail address, as "Forgot password" takes it.
    let login = json!({"username": "carol@example.com", "password": GOOD[0]});
    let reply = app.post("/api/login", login, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    assert_eq!(reply.body["username"], "carol");
    let wrong = json!({"username": "carol@example.com", "password": GOOD[1]});
    assert_eq!(
        app.post("/api/login", wrong, None).await.status,
        StatusCode::UNAUTHORIZED
    );

    let token = app.invite("dan", false).await;
    let register = |answers: [&str; 2]| {
        json!({"token": token, "password": GOOD[0], "security_questions": [
            {"question": "First pet?", "answer": answers[0]},
            {"question": "First school?", "answer": answers[1]},
        ]})
    };
    for (answers, message) in [
        (["x", "Saint-Malo"], "An answer is 3 to 200 characters."),
        (
            ["Saint-Malo", " saint-MALO"],
            "Give each question its own answer.",
        ),
        (
            ["Dan", "Saint-Malo"],
            "An answer may not be your username or your password.",
        ),
        (
            ["Rex", GOOD[0]],
            "An answer may not be your username or your password.",
        ),
    ] {
        let reply = app.post("/api/register", register(answers), None).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{answers:?}");
        assert_eq!(reply.error(), "invalid-security-questions");
        assert_eq!(reply.body["message"], message, "{answers:?}");
    }
    let reply = app
        .post("/api/register", register(["Rex", "Saint-Malo"]), None)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
}
