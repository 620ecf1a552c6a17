//! Times the administrators' users grid over 10 000 accounts: the first page, a search, the
//! last page and a status filter, and the staged policy's impact report over a verdict for
//! every account, each answered in-process by the real router over a real database (SQLite
//! by default, PostgreSQL with `postgres`). Medians for BENCHMARKS.md:
//!
//! ```sh
//! cargo run --release -p passguard-server --example grid_bench            # SQLite
//! cargo run --release -p passguard-server --example grid_bench postgres   # PASSGUARD_TEST_POSTGRES
//! ```

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::time::Instant;

use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use passguard_policy::Policy;
use passguard_server::{AppState, Clock, ConfigFile, Role, Store};
use sqlx::Connection;
use tower::ServiceExt;

const ACCOUNTS: i64 = 10_000;
const RUNS: usize = 60;

#[tokio::main]
async fn main() {
    let backend = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "sqlite".to_owned());
    let dir = tempfile::tempdir().unwrap();
    let url = match backend.as_str() {
        "postgres" => {
            let admin = std::env::var("PASSGUARD_TEST_POSTGRES")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
            let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
            let name = format!("passguard_grid_bench_{}", std::process::id());
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name}"
            )))
            .execute(&mut conn)
            .await
            .unwrap();
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut conn)
                .await
                .unwrap();
            let mut url = url::Url::parse(&admin).unwrap();
            url.set_path(&format!("/{name}"));
            url.to_string()
        }
        _ => format!("sqlite://{}?mode=rwc", dir.path().join("grid.db").display()),
    };
    let toml = format!(
        "public_url = \"https://grid.test/\"\ndatabase = {url:?}\nmail_dir = {:?}\nstatic_dir = \"/nonexistent\"\n\
         [argon2]\nmemory_kib = 1024\niterations = 1\nparallelism = 1\n",
        dir.path().join("mail").display().to_string()
    );
    let mut config = ConfigFile::from_toml(&toml)
        .unwrap()
        .resolve(Policy::preset("security-admin").unwrap(), true)
        .unwrap();
    config.staged_policy = Some(Policy::preset("nist-800-63b").unwrap());
    let store = Store::connect(&url).await.unwrap();
    let public = config.public_url.clone().unwrap();
    let state = AppState::new(config, public, store, Clock::test()).unwrap();
    let router = passguard_server::app(state.clone());

    // The operator, through the real registration and login.
    let link = state
        .accounts()
        .invite("root", "root@example.com", Role::Admin, None, false)
        .await
        .unwrap();
    let token = link.rsplit('=').next().unwrap();
    let body = format!(
        r#"{{"token":"{token}","password":"Correct1!horse","security_questions":[{{"question":"Pet?","answer":"Rex"}},{{"question":"Town?","answer":"Paris"}}]}}"#
    );
    let reply = call(&router, "POST", "/api/register", Some(body), None).await;
    assert_eq!(reply.0, 201, "{}", reply.1);
    let reply = call(
        &router,
        "POST",
        "/api/login",
        Some(r#"{"username":"root","password":"Correct1!horse"}"#.to_owned()),
        None,
    )
    .await;
    let cookie = reply.2.unwrap();

    // 10 000 accounts in ten organizations, inserted in one transaction.
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let mut tx = pool.begin().await.unwrap();
    for org in 0..10_i64 {
        sqlx::query(
            "INSERT INTO organizations (id, slug, name, created_at) VALUES ($1, $2, $3, 0)",
        )
        .bind(1000 + org)
        .bind(format!("org{org}"))
        .bind(format!("Organization {org}"))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    let now = state.clock().now();
    for n in 0..ACCOUNTS {
        let name = format!("user{n:05}");
        let registered = n % 7 != 0;
        sqlx::query(
            "INSERT INTO users (id, username, username_key, email, email_key, role, created_at, \
               locale, org_id, password_hash, password_changed_at, failed_logins, locked_at) \
             VALUES ($1, $2, $2, $3, $3, 'user', 0, 'en', $4, $5, $6, $7, $8)",
        )
        .bind(10_000 + n)
        .bind(&name)
        .bind(format!("{name}@example.com"))
        .bind(1000 + n % 10)
        .bind(registered.then_some("$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"))
        .bind(registered.then_some(now - (n % 120) * 86_400))
        .bind(n % 6)
        .bind((n % 50 == 0).then_some(now))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    // A staged verdict for every account (the operator's login recorded the first, under the
    // staged policy's digest): a quarter pass, the rest fail one or two rules.
    sqlx::query(
        "INSERT INTO staged_checks (digest, user_id, checked_at, failed) \
         SELECT p.digest, u.id, 0, CASE u.id % 4 WHEN 0 THEN '' WHEN 1 THEN 'min-length' \
           WHEN 2 THEN 'min-length,not-common' ELSE 'not-common' END \
         FROM users u, staged_policies p WHERE u.username <> 'root'",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    pool.close().await;

    println!("{backend}: {ACCOUNTS} accounts, {RUNS} runs each, median and 95th percentile (ms)");
    for (what, path) in [
        ("first page", "/api/admin/users"),
        ("search", "/api/admin/users?q=user0421"),
        ("last page", "/api/admin/users?page=201"),
        ("status filter", "/api/admin/users?status=locked"),
        ("organization", "/api/admin/users?org=org3&page=20"),
        ("staged policy's impact", "/api/admin/policy/impact"),
    ] {
        let mut times = Vec::with_capacity(RUNS);
        let mut total = String::new();
        for _ in 0..RUNS {
            let start = Instant::now();
            let reply = call(&router, "GET", path, None, Some(&cookie)).await;
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(reply.0, 200, "{}", reply.1);
            // The impact report has no `X-Total-Count`: the accounts it counted.
            total = if reply.3.is_empty() {
                let report: serde_json::Value = serde_json::from_str(&reply.1).unwrap();
                format!(
                    "{} seen, {} would fail",
                    report["accounts_seen"], report["would_fail"]
                )
            } else {
                reply.3
            };
        }
        times.sort_by(f64::total_cmp);
        println!(
            "| {what} | `{path}` | {total} | {:.1} | {:.1} |",
            times[RUNS / 2],
            times[RUNS * 95 / 100]
        );
    }
    state.store().close().await;
    if backend == "postgres" {
        let admin = std::env::var("PASSGUARD_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
        let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
        let name = format!("passguard_grid_bench_{}", std::process::id());
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE {name} WITH (FORCE)"
        )))
        .execute(&mut conn)
        .await
        .unwrap();
    }
}

/// Status, body, the session cookie it sets, and `X-Total-Count`.
async fn call(
    router: &axum::Router,
    method: &str,
    path: &str,
    body: Option<String>,
    cookie: Option<&str>,
) -> (u16, String, Option<String>, String) {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    if body.is_some() {
        request = request.header(header::CONTENT_TYPE, "application/json");
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::from(body.unwrap_or_default())).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    let cookie = response
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::to_owned);
    let total = response
        .headers()
        .get("x-total-count")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        String::from_utf8_lossy(&bytes).into_owned(),
        cookie,
        total,
    )
}
