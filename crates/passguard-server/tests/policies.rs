//! Policies that bite (SPEC §9), in-process on SQLite and PostgreSQL: `check_at_login`
//! refuses a password the policy in force no longer accepts (here because an organization's
//! overlay tightened), leaving a session that may only change it; a staged policy is
//! evaluated at each login and `GET /api/admin/policy/impact` counts whom it would hit.

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

use axum::http::{Method, StatusCode};
use passguard_policy::Policy;
use passguard_server::Role;
use serde_json::json;
use support::{Backend, FAST_ARGON2, GOOD, TestApp, TestDatabase, rule};

on_both_databases!(check_at_login_forces_a_change, staged_policy_impact);

async fn check_at_login_forces_a_change(backend: Backend) {
    let mut policy = Policy::preset("security-admin").unwrap();
    policy.password.check_at_login = true;
    let app = TestApp::with(TestDatabase::new(backend).await, policy, FAST_ARGON2, "").await;
    app.user("root", GOOD[1], true).await;
    let root = app.session("root", GOOD[1]).await;
    let reply = app
        .post(
            "/api/admin/orgs",
            json!({"slug": "acme", "name": "Acme"}),
            Some(&root),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
    // 14 characters: fine under the site's 8.
    app.member("ada", GOOD[0], Role::User, "acme").await;
    assert_eq!(app.login("ada", GOOD[0]).await.status, StatusCode::OK);

    // Acme tightens to 15 characters: Ada's password, still right, is now refused.
    let reply = app
        .send(
            Method::PATCH,
            "/api/admin/orgs/acme",
            Some(json!({"policy": {"password": {"min_length": 15}}})),
            Some(&root),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    let refused = app.login("ada", GOOD[0]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{refused:?}");
    assert_eq!(refused.error(), "password-noncompliant");
    assert_eq!(refused.body["can_change"], true);
    assert_eq!(rule(&refused.body, "min-length")["status"], "fail");
    assert_eq!(rule(&refused.body, "min-length")["params"]["min"], 15);
    let cookie = refused
        .cookie()
        .expect("a session that may change the password");
    // It may only change the password, and says so.
    let me = app.get("/api/me", Some(&cookie)).await;
    assert_eq!(me.body["must_change_password"], true, "{me:?}");
    // A wrong password says nothing about the policy.
    let wrong = app.login("ada", "Wrong1!password").await;
    assert_eq!(wrong.error(), "invalid-credentials");
    // The change goes through at once, minimum age or not (Ada registered just now).
    let longer = "Correct1!horse-battery";
    let reply = app.change(&cookie, GOOD[0], longer).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    assert_eq!(app.login("ada", longer).await.status, StatusCode::OK);
    // The site's own accounts are not concerned.
    assert_eq!(app.login("root", GOOD[1]).await.status, StatusCode::OK);
}

async fn staged_policy_impact(backend: Backend) {
    let app = TestApp::with(
        TestDatabase::new(backend).await,
        Policy::preset("security-admin").unwrap(),
        FAST_ARGON2,
        "staged_policy = \"nist-800-63b\"",
    )
    .await;
    app.user("root", "Silver5%river-long", true).await;
    app.user("ada", GOOD[0], false).await;
    app.user("bob", GOOD[3], false).await;
    app.user("eve", GOOD[4], false).await;
    let root = app.session("root", "Silver5%river-long").await;
    let impact = app.get("/api/admin/policy/impact", Some(&root)).await;
    assert_eq!(impact.status, StatusCode::OK, "{impact:?}");
    assert_eq!(impact.body["staged"], "nist-800-63b");
    assert_eq!(impact.body["accounts_seen"], 1);
    assert_eq!(impact.body["would_fail"], 0);
    let since = impact.body["since"].as_i64().unwrap();
    assert!(since <= app.now(), "{since}");

    // 14 characters each: short of NIST's 15. Ada signs in twice and counts once; a wrong
    // password counts nothing.
    for (name, password) in [("ada", GOOD[0]), ("bob", GOOD[3]), ("ada", GOOD[0])] {
        assert_eq!(app.login(name, password).await.status, StatusCode::OK);
    }
    assert_eq!(
        app.login("eve", "Wrong1!password").await.error(),
        "invalid-credentials"
    );
    let impact = app.get("/api/admin/policy/impact", Some(&root)).await;
    assert_eq!(
        impact.body,
        json!({"staged": "nist-800-63b", "since": since, "accounts_seen": 3, "would_fail": 2,
               "by_rule": {"min-length": 2}}),
    );
    // The policy in force is not the staged one: everyone still signs in.
    assert_eq!(app.login("eve", GOOD[4]).await.status, StatusCode::OK);

    // Only administrators read it.
    let ada = app.session("ada", GOOD[0]).await;
    let reply = app.get("/api/admin/policy/impact", Some(&ada)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn without_a_staged_policy_the_impact_is_404() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    app.user("root", GOOD[1], true).await;
    let root = app.session("root", GOOD[1]).await;
    let reply = app.get("/api/admin/policy/impact", Some(&root)).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::NOT_FOUND, "no-staged-policy")
    );
}
