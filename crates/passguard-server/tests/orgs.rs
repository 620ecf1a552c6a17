//! Organizations (SPEC §7) in-process on SQLite and PostgreSQL: the boundary between two
//! organizations' administrators, each organization's effective policy, notices and
//! contact, the account lifecycle, the grid's search and paging, and the event log.

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
use passguard_server::Role;
use serde_json::{Value, json};
use sqlx::{AnyPool, Row};
use support::{Backend, GOOD, TestApp, mailbox};

const DAY: i64 = 86_400;

on_both_databases!(
    the_boundary_between_organizations,
    an_organization_may_only_tighten_the_site_policy,
    each_role_sees_its_organizations_notice_and_contact,
    disable_enable_and_delete,
    resend_and_change_e_mail,
    the_grid_searches_filters_and_pages,
    the_grid_status_is_the_accounts_status,
    the_event_log_tells_the_story,
);

/// The operator `root`, organizations acme (min length 12, history 10) and globex, an
/// org-admin and a user in each.
async fn two_organizations(backend: Backend) -> (TestApp, String) {
    let app = TestApp::new(backend, "security-admin").await;
    app.user("root", GOOD[0], true).await;
    let root = app.session("root", GOOD[0]).await;
    for (slug, policy) in [
        (
            "acme",
            json!({"password": {"min_length": 12, "history": 10}}),
        ),
        ("globex", json!({})),
    ] {
        let reply = app
            .post(
                "/api/admin/orgs",
                json!({"slug": slug, "name": format!("{slug} Ltd"), "policy": policy,
                       "support_contact": format!("{slug}'s desk"),
                       "notices": {"user": format!("{slug} users: authorised use only."),
                                   "admin": format!("{slug} administrators: every action is logged.")}}),
                Some(&root),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
    }
    app.member("wile", "Acme1!coyote-admin", Role::OrgAdmin, "acme")
        .await;
    app.member("road", "Acme2!runner-user", Role::User, "acme")
        .await;
    app.member("hank", GOOD[2], Role::OrgAdmin, "globex").await;
    app.member("homer", GOOD[3], Role::User, "globex").await;
    (app, root)
}

/// Every column of every account of `org` (and its links, sessions and history), to show
/// that nothing changed there.
async fn snapshot(app: &TestApp, org: &str) -> Vec<String> {
    sqlx::any::install_default_drivers();
    let pool = AnyPool::connect(app.db.url()).await.unwrap();
    let mut out = Vec::new();
    for query in [
        "SELECT u.username || '|' || u.email || '|' || u.role || '|' || COALESCE(u.password_hash, '') \
           || '|' || CAST(u.failed_logins AS TEXT) || '|' || COALESCE(CAST(u.locked_at AS TEXT), '') \
           || '|' || COALESCE(CAST(u.disabled_at AS TEXT), '') AS line \
         FROM users u JOIN organizations o ON o.id = u.org_id WHERE o.slug = $1 ORDER BY u.username",
        "SELECT l.selector || '|' || COALESCE(CAST(l.used_at AS TEXT), '') AS line FROM links l \
         JOIN users u ON u.id = l.user_id JOIN organizations o ON o.id = u.org_id WHERE o.slug = $1 \
         ORDER BY l.selector",
        "SELECT s.selector AS line FROM sessions s JOIN users u ON u.id = s.user_id \
         JOIN organizations o ON o.id = u.org_id WHERE o.slug = $1 ORDER BY s.selector",
        "SELECT h.password_hash AS line FROM password_history h JOIN users u ON u.id = h.user_id \
         JOIN organizations o ON o.id = u.org_id WHERE o.slug = $1 ORDER BY h.password_hash",
    ] {
        for row in sqlx::query(query).bind(org).fetch_all(&pool).await.unwrap() {
            out.push(row.try_get::<String, _>("line").unwrap());
        }
    }
    pool.close().await;
    out
}

async fn the_boundary_between_organizations(backend: Backend) {
    let (app, _root) = two_organizations(backend).await;
    let wile = app.session("wile", "Acme1!coyote-admin").await;
    let _homer_session = app.session("homer", GOOD[3]).await;
    let before = snapshot(&app, "globex").await;

    // The grid: its own organization only; another's is unknown.
    let reply = app.get("/api/admin/users", Some(&wile)).await;
    let names: Vec<&str> = reply
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["road", "wile"]);
    assert_eq!(reply.headers["x-total-count"], "2");
    let other = app.get("/api/admin/users?org=globex", Some(&wile)).await;
    let unknown = app.get("/api/admin/users?org=nowhere", Some(&wile)).await;
    assert_eq!(
        (other.status, &other.raw),
        (StatusCode::NOT_FOUND, &unknown.raw)
    );

    // Every action on another organization's account answers as on no account at all.
    for (method, path, body) in [
        (Method::POST, "unlock", None),
        (Method::POST, "reset-password", None),
        (Method::POST, "resend-invitation", None),
        (Method::POST, "disable", None),
        (Method::POST, "enable", None),
        (Method::DELETE, "", None),
        (
            Method::PATCH,
            "",
            Some(json!({"email": "evil@example.com"})),
        ),
        (Method::PATCH, "", Some(json!({"role": "user"}))),
    ] {
        let at = |name: &str| {
            if path.is_empty() {
                format!("/api/admin/users/{name}")
            } else {
                format!("/api/admin/users/{name}/{path}")
            }
        };
        let theirs = app
            .send(method.clone(), &at("homer"), body.clone(), Some(&wile))
            .await;
        let nobody = app
            .send(method.clone(), &at("nobody"), body.clone(), Some(&wile))
            .await;
        assert_eq!(
            theirs.status,
            StatusCode::NOT_FOUND,
            "{method} {path}: {theirs:?}"
        );
        assert_eq!(
            theirs.raw, nobody.raw,
            "{method} {path}: the same body as an unknown account"
        );
    }
    // Inviting into another organization: as into none that exists.
    let into_theirs = app
        .post(
            "/api/admin/users",
            json!({"username": "spy", "email": "spy@example.com", "org": "globex"}),
            Some(&wile),
        )
        .await;
    let into_nowhere = app
        .post(
            "/api/admin/users",
            json!({"username": "spy", "email": "spy@example.com", "org": "nowhere"}),
            Some(&wile),
        )
        .await;
    assert_eq!(
        (into_theirs.status, &into_theirs.raw),
        (StatusCode::NOT_FOUND, &into_nowhere.raw)
    );
    // Raising anyone to admin, and changing one's own role, are refused.
    let raise = app
        .post(
            "/api/admin/users",
            json!({"username": "boss", "email": "boss@example.com", "role": "admin"}),
            Some(&wile),
        )
        .await;
    assert_eq!(
        (raise.status, raise.error()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    let raise = app
        .send(
            Method::PATCH,
            "/api/admin/users/road",
            Some(json!({"role": "admin"})),
            Some(&wile),
        )
        .await;
    assert_eq!(
        (raise.status, raise.error()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    let own = app
        .send(
            Method::PATCH,
            "/api/admin/users/wile",
            Some(json!({"role": "user"})),
            Some(&wile),
        )
        .await;
    assert_eq!(
        (own.status, own.error()),
        (StatusCode::FORBIDDEN, "own-account")
    );
    // Organizations are the operator's.
    let create = app
        .post(
            "/api/admin/orgs",
            json!({"slug": "mine", "name": "Mine"}),
            Some(&wile),
        )
        .await;
    assert_eq!(
        (create.status, create.error()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    let orgs = app.get("/api/admin/orgs", Some(&wile)).await;
    let slugs: Vec<&str> = orgs
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["acme"]);
    // The events of another organization's account are not there.
    let events = app
        .get("/api/admin/events?username=homer", Some(&wile))
        .await;
    assert_eq!(events.body, json!([]));
    // An invitation lands in its own organization, whatever it says.
    let invited = app
        .post(
            "/api/admin/users",
            json!({"username": "bugs", "email": "bugs@example.com", "role": "org-admin"}),
            Some(&wile),
        )
        .await;
    assert_eq!(invited.status, StatusCode::CREATED, "{invited:?}");
    assert_eq!(
        (invited.body["org"].as_str(), invited.body["role"].as_str()),
        (Some("acme"), Some("org-admin"))
    );

    assert_eq!(
        snapshot(&app, "globex").await,
        before,
        "nothing changed in globex"
    );
    // A user is no administrator at all.
    let road = app.session("road", "Acme2!runner-user").await;
    assert_eq!(
        app.get("/api/admin/users", Some(&road)).await.status,
        StatusCode::FORBIDDEN
    );
}

async fn an_organization_may_only_tighten_the_site_policy(backend: Backend) {
    let (app, root) = two_organizations(backend).await;
    // The server refuses an 11-character password for acme's people, not for globex's.
    for (org, accepted) in [("acme", false), ("globex", true)] {
        let token = app
            .invite_into(&format!("new-{org}"), Role::User, Some(org))
            .await;
        let policy = app.get(&format!("/api/policy?token={token}"), None).await;
        assert_eq!(
            policy.body["password"]["min_length"],
            if accepted { 8 } else { 12 }
        );
        let reply = app.register(&token, "Eleven1!chr").await;
        assert_eq!(
            reply.status == StatusCode::CREATED,
            accepted,
            "{org}: {reply:?}"
        );
        if !accepted {
            assert_eq!(reply.error(), "password-rejected");
            let rule = reply.body["report"]["rules"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == "min-length")
                .unwrap()
                .clone();
            assert_eq!(
                (rule["status"].as_str(), rule["params"]["min"].as_i64()),
                (Some("fail"), Some(12))
            );
        }
    }
    // The signed-in account's policy is its organization's.
    let road = app.session("road", "Acme2!runner-user").await;
    let policy = app.get("/api/policy", Some(&road)).await;
    assert_eq!(
        (
            policy.body["password"]["min_length"].as_i64(),
            policy.body["password"]["history"].as_i64()
        ),
        (Some(12), Some(10))
    );
    assert_eq!(
        app.get("/api/policy", None).await.body["password"]["min_length"],
        8
    );
    // A loosening overlay is refused at creation and at change, naming the field.
    let loose = app
        .post(
            "/api/admin/orgs",
            json!({"slug": "lax", "name": "Lax", "policy": {"password": {"history": 2}}}),
            Some(&root),
        )
        .await;
    assert_eq!(
        (loose.status, loose.error()),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid-policy")
    );
    assert_eq!(loose.body["field"], "password.history");
    assert!(
        loose.body["message"]
            .as_str()
            .unwrap()
            .contains("password.history"),
        "{loose:?}"
    );
    let loose = app
        .send(
            Method::PATCH,
            "/api/admin/orgs/acme",
            Some(json!({"policy": {"lockout": {"max_failed_logins": 50}}})),
            Some(&root),
        )
        .await;
    assert_eq!(
        (loose.status, loose.body["field"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("lockout.max_failed_logins")
        )
    );
    // The audit is of the organization's effective policy.
    let audit = app.get("/api/policy/audit?org=acme", Some(&root)).await;
    assert_eq!(audit.status, StatusCode::OK);
    let site = app.get("/api/policy/audit", Some(&root)).await;
    let min_length = |reply: &support::Reply| {
        reply.body["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == "nist-min-length")
            .unwrap()["explanation"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(
        min_length(&site).contains("allows 8."),
        "{}",
        min_length(&site)
    );
    assert!(
        min_length(&audit).contains("allows 12."),
        "{}",
        min_length(&audit)
    );
}

async fn each_role_sees_its_organizations_notice_and_contact(backend: Backend) {
    let (app, root) = two_organizations(backend).await;
    let wile = app.login("wile", "Acme1!coyote-admin").await;
    assert_eq!(
        wile.body["notice"],
        "acme administrators: every action is logged."
    );
    assert_eq!(wile.body["support_contact"], "acme's desk");
    let road = app.login("road", "Acme2!runner-user").await;
    assert_eq!(road.body["notice"], "acme users: authorised use only.");
    let root_me = app.get("/api/me", Some(&root)).await;
    assert_eq!(root_me.body["support_contact"], "the test desk");
    // The organization's contact is in its people's e-mails.
    let cookie = road.cookie().unwrap();
    let reply = app
        .post(
            "/api/password/forgot",
            json!({"username": "road"}),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED);
    let mails = mailbox::wait_for(app.mail.path(), "road@example.com", 2).await;
    assert!(mails[1].text.contains("acme's desk"), "{}", mails[1].text);
}

async fn disable_enable_and_delete(backend: Backend) {
    let (app, _root) = two_organizations(backend).await;
    let wile = app.session("wile", "Acme1!coyote-admin").await;
    let road = app.session("road", "Acme2!runner-user").await;
    let reply = app
        .post("/api/admin/users/road/disable", json!({}), Some(&wile))
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{reply:?}");
    // Its session is gone; the right password answers as a wrong one would.
    assert_eq!(
        app.get("/api/me", Some(&road)).await.status,
        StatusCode::UNAUTHORIZED
    );
    let right = app.login("road", "Acme2!runner-user").await;
    let wrong = app.login("road", "Wrong1!password").await;
    assert_eq!(
        (right.status, &right.raw),
        (StatusCode::UNAUTHORIZED, &wrong.raw)
    );
    assert_eq!(app.row(&wile, "road").await["status"], "disabled");
    // Nobody disables or deletes their own account.
    let own = app
        .post("/api/admin/users/wile/disable", json!({}), Some(&wile))
        .await;
    assert_eq!(
        (own.status, own.error()),
        (StatusCode::FORBIDDEN, "own-account")
    );
    // Enabled again, it signs in.
    assert_eq!(
        app.post("/api/admin/users/road/enable", json!({}), Some(&wile))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    app.advance(1);
    assert_eq!(
        app.login("road", "Acme2!runner-user").await.status,
        StatusCode::OK
    );
    // Deleted, nothing of it is left; invited again, it starts from nothing.
    let reply = app
        .send(Method::DELETE, "/api/admin/users/road", None, Some(&wile))
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{reply:?}");
    assert_eq!(app.row(&wile, "road").await, Value::Null);
    sqlx::any::install_default_drivers();
    let pool = AnyPool::connect(app.db.url()).await.unwrap();
    for table in ["password_history", "security_answers", "links", "sessions"] {
        let orphans: i64 = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM {table} t WHERE NOT EXISTS \
             (SELECT 1 FROM users u WHERE u.id = t.user_id)"
        )))
        .fetch_one(&pool)
        .await
        .unwrap()
        .try_get("n")
        .unwrap();
        assert_eq!(orphans, 0, "{table}");
    }
    let token = app.invite_into("road", Role::User, Some("acme")).await;
    let count = |table: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM {table} t JOIN users u ON u.id = t.user_id \
                 WHERE u.username_key = 'road'"
            )))
            .fetch_one(&pool)
            .await
            .unwrap()
            .try_get::<i64, _>("n")
            .unwrap()
        }
    };
    assert_eq!(
        (
            count("password_history").await,
            count("security_answers").await
        ),
        (0, 0)
    );
    // The old password is no longer history: it may be chosen again.
    let reply = app.register(&token, "Acme2!runner-user").await;
    assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
    assert_eq!(count("password_history").await, 1);
    pool.close().await;
}

async fn resend_and_change_e_mail(backend: Backend) {
    let (app, _root) = two_organizations(backend).await;
    let wile = app.session("wile", "Acme1!coyote-admin").await;
    let first = app.invite_into("newbie", Role::User, Some("acme")).await;
    let reply = app
        .post(
            "/api/admin/users/newbie/resend-invitation",
            json!({}),
            Some(&wile),
        )
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED, "{reply:?}");
    let mails = mailbox::wait_for(app.mail.path(), "newbie@example.com", 2).await;
    // Not `mails[1]`: two messages written within one tick of the file system's clock
    // have the same modification time, so their order in the folder is not theirs.
    let second = mails
        .iter()
        .filter_map(|mail| mail.token("register"))
        .find(|token| *token != first)
        .unwrap();
    assert_eq!(
        app.get(&format!("/api/register/{first}"), None)
            .await
            .error(),
        "token-used"
    );
    assert_eq!(
        app.get(&format!("/api/register/{second}"), None)
            .await
            .status,
        StatusCode::OK
    );
    let registered = app
        .post(
            "/api/admin/users/road/resend-invitation",
            json!({}),
            Some(&wile),
        )
        .await;
    assert_eq!(
        (registered.status, registered.error()),
        (StatusCode::CONFLICT, "not-invited")
    );
    // A mistyped address: corrected without a word to anyone...
    let reply = app
        .send(
            Method::PATCH,
            "/api/admin/users/newbie",
            Some(json!({"email": "newbie@example.org"})),
            Some(&wile),
        )
        .await;
    assert_eq!(
        (reply.status, reply.body["email"].as_str()),
        (StatusCode::OK, Some("newbie@example.org"))
    );
    assert!(mailbox::to(app.mail.path(), "newbie@example.org").is_empty());
    // ...or with a new invitation to the new address when asked.
    let reply = app
        .send(
            Method::PATCH,
            "/api/admin/users/newbie",
            Some(json!({"email": "newbie@example.net", "send_link": true})),
            Some(&wile),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    let mails = mailbox::wait_for(app.mail.path(), "newbie@example.net", 1).await;
    let third = mails[0].token("register").unwrap();
    assert_eq!(
        app.get(&format!("/api/register/{second}"), None)
            .await
            .error(),
        "token-used"
    );
    assert_eq!(
        app.get(&format!("/api/register/{third}"), None).await.body["email"],
        "newbie@example.net"
    );
    let bad = app
        .send(
            Method::PATCH,
            "/api/admin/users/newbie",
            Some(json!({"email": "not an address"})),
            Some(&wile),
        )
        .await;
    assert_eq!(
        (bad.status, bad.error()),
        (StatusCode::BAD_REQUEST, "invalid-email")
    );
}

async fn the_grid_searches_filters_and_pages(backend: Backend) {
    let (app, root) = two_organizations(backend).await;
    for n in 0..12 {
        app.invite_into(&format!("temp{n:02}"), Role::User, Some("globex"))
            .await;
    }
    let names = |reply: &support::Reply| {
        reply
            .body
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["username"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let page = app
        .get("/api/admin/users?org=globex&per_page=5&page=2", Some(&root))
        .await;
    assert_eq!(page.headers["x-total-count"], "14");
    assert_eq!(
        names(&page),
        ["temp03", "temp04", "temp05", "temp06", "temp07"]
    );
    let last = app
        .get("/api/admin/users?org=globex&per_page=5&page=3", Some(&root))
        .await;
    assert_eq!(names(&last), ["temp08", "temp09", "temp10", "temp11"]);
    let search = app
        .get("/api/admin/users?q=EXAMPLE.COM&status=active", Some(&root))
        .await;
    assert_eq!(names(&search), ["hank", "homer", "road", "root", "wile"]);
    let search = app.get("/api/admin/users?q=temp1", Some(&root)).await;
    assert_eq!(names(&search), ["temp10", "temp11"]);
    // A wildcard in the search is a character, not a pattern.
    assert_eq!(
        app.get("/api/admin/users?q=%25", Some(&root)).await.headers["x-total-count"],
        "0"
    );
    let invited = app
        .get("/api/admin/users?status=invited", Some(&root))
        .await;
    assert_eq!(invited.headers["x-total-count"], "12");
    for bad in ["status=sleepy", "page=0", "per_page=9999", "sort=name"] {
        let reply = app
            .get(&format!("/api/admin/users?{bad}"), Some(&root))
            .await;
        assert_eq!(
            (reply.status, reply.error()),
            (StatusCode::BAD_REQUEST, "invalid-request"),
            "{bad}"
        );
    }
}

/// The grid tells each status in SQL; it must say what the account rules say, under the
/// site policy and under an organization's stricter one.
async fn the_grid_status_is_the_accounts_status(backend: Backend) {
    let (app, root) = two_organizations(backend).await;
    // acme's passwords expire after 30 days, the site's (security-admin) after 90.
    let reply = app
        .send(Method::PATCH, "/api/admin/orgs/acme", Some(json!({"policy": {"password": {"min_length": 12, "history": 10, "max_age": "30d"}}})), Some(&root))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    app.invite_into("ivy", Role::User, Some("acme")).await;
    app.member("lock", "Acme3!lockedout-x", Role::User, "acme")
        .await;
    for _ in 0..5 {
        app.login("lock", "Wrong1!password").await;
    }
    app.member("resetme", "Acme4!resetting-x", Role::User, "acme")
        .await;
    let reply = app
        .post(
            "/api/admin/users/resetme/reset-password",
            json!({}),
            Some(&root),
        )
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED);
    app.member("off", "Acme5!disabled-xx", Role::User, "acme")
        .await;
    assert_eq!(
        app.post("/api/admin/users/off/disable", json!({}), Some(&root))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let expected = [
        ("ivy", "invited"),
        ("lock", "locked"),
        ("resetme", "reset-pending"),
        ("off", "disabled"),
        ("road", "active"),
        ("homer", "active"),
    ];
    for (name, wanted) in expected {
        assert_eq!(status(&app, &root, name).await, wanted, "{name}");
    }
    // 30 days and a second later: acme's passwords have expired, globex's (90 days) not.
    app.advance(30 * DAY + 1);
    let root = app.session("root", GOOD[0]).await;
    assert_eq!(status(&app, &root, "road").await, "expired");
    assert_eq!(status(&app, &root, "homer").await, "active");
    let me = app.login("road", "Acme2!runner-user").await;
    assert_eq!(me.error(), "password-expired", "the rules agree: {me:?}");
    let expired = app
        .get("/api/admin/users?status=expired", Some(&root))
        .await;
    let names: Vec<&str> = expired
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["username"].as_str().unwrap())
        .collect();
    // resetme's link lived 7 days: it is no longer pending, and its password has expired.
    assert_eq!(names, ["resetme", "road", "wile"]);
}

async fn status(app: &TestApp, root: &str, name: &str) -> String {
    app.row(root, name).await["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn the_event_log_tells_the_story(backend: Backend) {
    let (app, root) = two_organizations(backend).await;
    let wile = app.session("wile", "Acme1!coyote-admin").await;
    app.login("road", "Wrong1!password").await;
    let _ = app
        .send(
            Method::PATCH,
            "/api/admin/users/road",
            Some(json!({"email": "road@example.org"})),
            Some(&wile),
        )
        .await;
    assert_eq!(
        app.post("/api/admin/users/road/disable", json!({}), Some(&wile))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.post("/api/admin/users/road/enable", json!({}), Some(&wile))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.send(Method::DELETE, "/api/admin/users/road", None, Some(&wile))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let events = app
        .get("/api/admin/events?username=road", Some(&wile))
        .await;
    let actions: Vec<(&str, &str)> = events
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["action"].as_str().unwrap(), e["actor"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actions,
        [
            ("deleted", "wile"),
            ("enabled", "wile"),
            ("disabled", "wile"),
            ("e-mail-changed", "wile"),
            ("login-failed", "road"),
            ("registered", "road"),
            ("invited", "command-line"),
        ]
    );
    assert!(
        events
            .body
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["org"] == "acme")
    );
    // The operator sees every organization's events; nothing secret is in any.
    let all = app.get("/api/admin/events", Some(&root)).await;
    let text = all.raw.iter().map(|b| *b as char).collect::<String>();
    for secret in ["Acme2!runner-user", "Wrong1!password", "argon2", "token="] {
        assert!(!text.contains(secret), "{secret} in the event log");
    }
    assert!(
        all.headers["x-total-count"]
            .to_str()
            .unwrap()
            .parse::<i64>()
            .unwrap()
            > 10
    );
}
