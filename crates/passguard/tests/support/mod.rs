//! Real `passguard serve` processes over HTTP: start one on a free port, talk to it with an
//! HTTP client that keeps cookies like a browser, kill it (`kill -9` included).

#![allow(dead_code)]

#[path = "../../../passguard-server/tests/support/database.rs"]
#[macro_use]
pub mod database;
#[path = "../../../passguard-server/tests/support/mailbox.rs"]
pub mod mailbox;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use reqwest::StatusCode;
use serde_json::{Value, json};

pub use database::{Backend, TestDatabase};

pub const BIN: &str = env!("CARGO_BIN_EXE_passguard");

/// Passwords that satisfy `security-admin`, all different.
pub const GOOD: [&str; 8] = [
    "Correct1!horse",
    "Battery2!staple",
    "Purple3#monkey",
    "Orange4$falcon",
    "Silver5%river",
    "Copper6&forest",
    "Amber7(meadow",
    "Cobalt8)canyon",
];

/// A database, a mail directory and a scratch directory shared by the processes of a test.
pub struct World {
    pub db: TestDatabase,
    pub dir: tempfile::TempDir,
}

impl World {
    pub async fn new(backend: Backend) -> Self {
        Self {
            db: TestDatabase::new(backend).await,
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn mail(&self) -> PathBuf {
        self.dir.path().join("mail")
    }

    /// `passguard admin create …` against this world's database; returns stdout's lines.
    pub fn admin_create(&self, username: &str, admin: bool, extra: &[&str]) -> Vec<String> {
        let email = format!("{username}@example.com");
        let mut args = vec![
            "admin",
            "create",
            "--username",
            username,
            "--email",
            &email,
            "--database",
            self.db.url(),
        ];
        let mail = self.mail().display().to_string();
        args.extend(["--mail-dir", &mail]);
        if admin {
            args.push("--admin");
        }
        args.extend(extra);
        let output = Command::new(BIN).args(&args).output().unwrap();
        assert!(
            output.status.success(),
            "admin create: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Starts `passguard serve --test-clock` on a free port over this world's database.
    /// Runs `passguard ARGS` on this world's database and mail directory; its status,
    /// stdout and stderr.
    pub fn run(&self, args: &[&str]) -> (bool, String, String) {
        let mail = self.mail().display().to_string();
        let output = Command::new(BIN)
            .args(args)
            .args(["--database", self.db.url()])
            .args(if args.first() == Some(&"org") {
                vec![]
            } else {
                vec!["--mail-dir", &mail]
            })
            .output()
            .unwrap();
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    /// The world's scratch directory (for files a command reads).
    pub fn scratch(&self) -> &Path {
        self.dir.path()
    }

    pub fn serve(&self, extra: &[&str]) -> Server {
        let mail = self.mail().display().to_string();
        let mut args = vec![
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--test-clock",
            "--database",
            self.db.url(),
            "--mail-dir",
            &mail,
        ];
        args.extend(extra);
        Server::start(&args, self.dir.path())
    }
}

/// A running server process.
pub struct Server {
    pub child: Child,
    pub url: String,
    pub log: PathBuf,
}

impl Server {
    pub fn start(args: &[&str], scratch: &Path) -> Self {
        static COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let log = scratch.join(format!("server-{n}.log"));
        let mut child = Command::new(BIN)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let mut first = String::new();
        let stdout = child.stdout.take().unwrap();
        let mut reader = BufReader::new(stdout);
        reader.read_line(&mut first).unwrap();
        let url = first
            .trim()
            .strip_prefix("passguard listening on ")
            .unwrap_or_else(|| {
                panic!(
                    "unexpected first line {first:?}; log: {}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                )
            })
            .to_owned();
        // Keep reading stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut sink = String::new();
            while reader.read_line(&mut sink).is_ok_and(|n| n > 0) {
                sink.clear();
            }
        });
        Self { child, url, log }
    }

    /// `kill -9`.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn client(&self) -> Client {
        Client {
            base: self.url.clone(),
            http: reqwest::Client::builder()
                .cookie_store(true)
                .build()
                .unwrap(),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// One browser: a base URL and a cookie jar.
#[derive(Clone)]
pub struct Client {
    pub base: String,
    pub http: reqwest::Client,
}

/// An answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: StatusCode,
    pub body: Value,
    pub text: String,
}

impl Reply {
    pub fn error(&self) -> &str {
        self.body["error"].as_str().unwrap_or("")
    }
}

impl Client {
    /// The same browser talking to another server (sharing the database).
    pub fn at(&self, server: &Server) -> Client {
        Client {
            base: server.url.clone(),
            http: self.http.clone(),
        }
    }

    async fn reply(response: reqwest::Response) -> Reply {
        let status = response.status();
        let text = response.text().await.unwrap();
        Reply {
            status,
            body: serde_json::from_str(&text).unwrap_or(Value::Null),
            text,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        Self::reply(
            self.http
                .get(format!("{}{path}", self.base))
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .unwrap();
        Self::reply(response).await
    }

    /// A `DELETE`.
    pub async fn delete(&self, path: &str) -> Reply {
        let response = self
            .http
            .delete(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        Self::reply(response).await
    }

    /// Like `post`, but a connection error (a killed server) is `None`.
    pub async fn try_post(&self, path: &str, body: Value) -> Option<Reply> {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .ok()?;
        let status = response.status();
        let text = response.text().await.ok()?;
        Some(Reply {
            status,
            body: serde_json::from_str(&text).unwrap_or(Value::Null),
            text,
        })
    }

    pub async fn login(&self, username: &str, password: &str) -> Reply {
        self.post(
            "/api/login",
            json!({"username": username, "password": password}),
        )
        .await
    }

    pub async fn advance(&self, seconds: i64) -> Value {
        let reply = self
            .post("/api/test/clock", json!({"advance_seconds": seconds}))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
        reply.body
    }

    pub async fn verifications(&self) -> u64 {
        self.get("/api/test/counters").await.body["verifications"]
            .as_u64()
            .unwrap()
    }

    /// Registers from an invitation token with two security questions.
    pub async fn register(&self, token: &str, password: &str) -> Reply {
        self.post(
            "/api/register",
            json!({
                "token": token,
                "password": password,
                "security_questions": [
                    {"question": "Name of your first pet?", "answer": "Rex"},
                    {"question": "Town you were born in?", "answer": "Saint-Malo"},
                ],
            }),
        )
        .await
    }
}

/// The right answers to the questions [`Client::register`] chooses.
pub fn answers() -> Value {
    json!(["rex", "SAINT-MALO"])
}

/// The token at the end of a registration or reset link.
pub fn token_of(link: &str) -> String {
    link.rsplit("token=").next().unwrap().to_owned()
}
