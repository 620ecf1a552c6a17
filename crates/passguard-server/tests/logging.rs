//! What the server logs when a background job fails: the database's own error, once, in the
//! job's line (not an HTTP sentence such as "Something went wrong on the server").
//!
//! A binary of its own: the log is captured by a global subscriber, which sees every test of
//! the binary it is installed in.

#![allow(
    missing_docs,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::StatusCode;
use serde_json::json;
use sqlx::{AssertSqlSafe, Connection};
use support::{Backend, GOOD, TestApp, database::postgres_admin_url};

/// Everything logged, as text.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn lines(&self) -> Vec<String> {
        String::from_utf8_lossy(&self.0.lock().unwrap())
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Waits until a line holds `needle`; returns every line then.
    async fn wait_for(&self, needle: &str) -> Vec<String> {
        for _ in 0..200 {
            let lines = self.lines();
            if lines.iter().any(|line| line.contains(needle)) {
                // Whatever else the failure logs comes with it.
                tokio::time::sleep(Duration::from_millis(200)).await;
                return self.lines();
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("nothing logged {needle:?}:\n{}", self.lines().join("\n"));
    }
}

/// Cuts the database off: SQLite's pool is closed; PostgreSQL refuses new connections to the
/// test's database and ends the ones the pool holds.
async fn outage(app: &TestApp, backend: Backend) {
    match backend {
        Backend::Sqlite => app.state.store().close().await,
        Backend::Postgres => {
            let name = app.db.url().rsplit('/').next().unwrap().to_owned();
            let mut admin = sqlx::PgConnection::connect(&postgres_admin_url())
                .await
                .unwrap();
            for statement in [
                format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false"),
                format!(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
                ),
            ] {
                sqlx::query(AssertSqlSafe(statement))
                    .execute(&mut admin)
                    .await
                    .unwrap();
            }
            admin.close().await.unwrap();
        }
    }
}

#[tokio::test]
async fn a_database_outage_in_a_background_job_logs_the_databases_error_once() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();
    for (backend, cause) in [
        (Backend::Sqlite, "closed pool"),
        (Backend::Postgres, "not currently accepting connections"),
    ] {
        let app = TestApp::new(backend, "security-admin").await;
        app.user("ada", GOOD[0], false).await;
        outage(&app, backend).await;
        let before = captured.lines().len();
        let answer = app
            .post("/api/password/forgot", json!({"username": "ada"}), None)
            .await;
        assert_eq!(answer.status, StatusCode::ACCEPTED, "{backend:?}");
        let lines = captured.wait_for(cause).await.split_off(before);
        let about: Vec<&String> = lines.iter().filter(|line| line.contains(cause)).collect();
        assert_eq!(
            about.len(),
            1,
            "{backend:?}: logged once:\n{}",
            lines.join("\n")
        );
        assert!(
            about[0].contains("forgotten-password e-mail: database:"),
            "{backend:?}: the job's own line: {}",
            about[0]
        );
        assert!(
            !lines
                .iter()
                .any(|line| line.contains("Something went wrong")),
            "{backend:?}: no HTTP sentence:\n{}",
            lines.join("\n")
        );
    }
}
