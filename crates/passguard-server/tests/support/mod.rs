//! In-process harness: the real router (`passguard_server::app`) over a real database and a
//! mail directory, driven with `tower::ServiceExt::oneshot`, with a test clock.

#![allow(dead_code)]

#[macro_use]
pub mod database;
pub mod mailbox;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use passguard_policy::Policy;
use passguard_server::{AppState, Clock, ConfigFile, Role, Store};
use serde_json::{Value, json};
use tower::ServiceExt;

pub use database::{Backend, TestDatabase};

/// The public URL the test server builds links with; requests use other Host headers.
pub const PUBLIC_URL: &str = "https://passguard.test/";

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

/// The rule `id` of the report in a 422 (or 403 `password-noncompliant`) answer's body.
pub fn rule<'a>(body: &'a Value, id: &str) -> &'a Value {
    body["report"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|rule| rule["id"] == id)
        .unwrap_or_else(|| panic!("no rule {id} in {body}"))
}

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub policy: Policy,
    pub mail: tempfile::TempDir,
    pub db: TestDatabase,
}

/// One answer.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub raw: Vec<u8>,
}

impl Reply {
    /// The `name=value` of the session cookie this answer sets, if any.
    pub fn cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| v.split(';').next())
            .find(|pair| pair.starts_with("passguard_session=") && pair.len() > 20)
            .map(str::to_owned)
    }

    /// The error id.
    pub fn error(&self) -> &str {
        self.body["error"].as_str().unwrap_or("")
    }
}

/// Small Argon2 parameters: the in-process tests are about behaviour; the real-process tests
/// run the OWASP defaults.
pub const FAST_ARGON2: &str = "[argon2]\nmemory_kib = 1024\niterations = 1\nparallelism = 1\n";

impl TestApp {
    pub async fn new(backend: Backend, preset: &str) -> Self {
        let policy = Policy::preset(preset).unwrap();
        Self::with(TestDatabase::new(backend).await, policy, FAST_ARGON2, "").await
    }

    /// A server over `db` with `policy`, Argon2 settings and extra config TOML.
    pub async fn with(db: TestDatabase, policy: Policy, argon2: &str, extra: &str) -> Self {
        let mail = tempfile::tempdir().unwrap();
        let pages = if extra.contains("static_dir") {
            ""
        } else {
            "static_dir = \"/nonexistent\"\n"
        };
        let contact = if extra.contains("support_contact") {
            ""
        } else {
            "support_contact = \"the test desk\"\n"
        };
        let toml = format!(
            "public_url = {PUBLIC_URL:?}\ndatabase = {:?}\nmail_dir = {:?}\n{pages}\
             {contact}{extra}\n{argon2}",
            db.url(),
            mail.path().display().to_string(),
        );
        let mut file = ConfigFile::from_toml(&toml).unwrap();
        // What `passguard serve` does with `staged_policy` (a preset name, in these tests).
        let staged = match file.staged_policy.take() {
            Some(passguard_server::PolicySetting::Source(name)) => {
                Some(Policy::preset(&name).unwrap())
            }
            _ => None,
        };
        let mut config = file.resolve(policy.clone(), true).unwrap();
        config.staged_policy = staged;
        let store = Store::connect(db.url()).await.unwrap();
        let public = config.public_url.clone().unwrap();
        let state = AppState::new(config, public, store, Clock::test()).unwrap();
        Self {
            router: passguard_server::app(state.clone()),
            state,
            policy,
            mail,
            db,
        }
    }

    pub fn now(&self) -> i64 {
        self.state.clock().now()
    }

    pub fn advance(&self, seconds: i64) {
        self.state.clock().advance(seconds).unwrap();
    }

    /// Moves the clock through the API, which also runs the jobs that became due.
    pub async fn advance_and_run_jobs(&self, seconds: i64) -> Value {
        let reply = self
            .post("/api/test/clock", json!({"advance_seconds": seconds}), None)
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
        reply.body
    }

    pub async fn request(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let raw = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        let body = serde_json::from_slice(&raw).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
            raw,
        }
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        cookie: Option<&str>,
    ) -> Reply {
        self.send_in(None, method, path, body, cookie).await
    }

    /// [`TestApp::send`] with `Accept-Language: {language}` when one is given.
    pub async fn send_in(
        &self,
        language: Option<&str>,
        method: Method,
        path: &str,
        body: Option<Value>,
        cookie: Option<&str>,
    ) -> Reply {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, "evil-host.example");
        if let Some(language) = language {
            request = request.header(header::ACCEPT_LANGUAGE, language);
        }
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        let body = match body {
            Some(body) => {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Body::from(body.to_string())
            }
            None => Body::empty(),
        };
        self.request(request.body(body).unwrap()).await
    }

    /// A JSON POST that reached the server from `peer` (as the accept loop says), with
    /// these extra headers.
    pub async fn post_from(
        &self,
        peer: &str,
        path: &str,
        body: Value,
        headers: &[(&str, &str)],
    ) -> Reply {
        let peer: std::net::SocketAddr = peer.parse().unwrap();
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::HOST, "evil-host.example")
            .header(header::CONTENT_TYPE, "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut request = request.body(Body::from(body.to_string())).unwrap();
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(peer));
        self.request(request).await
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        self.send(Method::GET, path, None, cookie).await
    }

    pub async fn post(&self, path: &str, body: Value, cookie: Option<&str>) -> Reply {
        self.send(Method::POST, path, Some(body), cookie).await
    }

    /// A GET asking for `language` with `Accept-Language`.
    pub async fn get_in(&self, language: &str, path: &str, cookie: Option<&str>) -> Reply {
        self.send_in(Some(language), Method::GET, path, None, cookie)
            .await
    }

    /// A POST asking for `language` with `Accept-Language`.
    pub async fn post_in(
        &self,
        language: &str,
        path: &str,
        body: Value,
        cookie: Option<&str>,
    ) -> Reply {
        self.send_in(Some(language), Method::POST, path, Some(body), cookie)
            .await
    }

    /// Invites `username` and returns the registration token.
    pub async fn invite(&self, username: &str, admin: bool) -> String {
        let role = if admin { Role::Admin } else { Role::User };
        let link = self
            .state
            .accounts()
            .invite(
                username,
                &format!("{username}@example.com"),
                role,
                None,
                false,
            )
            .await
            .unwrap();
        assert!(
            link.starts_with(&format!("{PUBLIC_URL}register?token=")),
            "{link}"
        );
        link.rsplit('=').next().unwrap().to_owned()
    }

    /// The security questions a registration sends, as many as the policy asks.
    pub fn questions(&self) -> Value {
        let all = [
            ("Name of your first pet?", "Rex the Dog"),
            ("Town you were born in?", "Saint-Malo"),
            ("Your first teacher?", "Mrs Adams"),
            ("Favourite book?", "Dune"),
            ("First car?", "A red Fiat"),
        ];
        let wanted = self.policy.reset.security_questions as usize;
        Value::Array(
            all.iter()
                .take(wanted)
                .map(|(q, a)| json!({"question": q, "answer": a}))
                .collect(),
        )
    }

    /// The right answers to [`TestApp::questions`], typed carelessly.
    pub fn answers(&self) -> Value {
        let all = [
            "  rex THE dog",
            "saint-malo ",
            "mrs  adams",
            "DUNE",
            "a red fiat",
        ];
        let wanted = self.policy.reset.security_questions as usize;
        json!(all.iter().take(wanted).collect::<Vec<_>>())
    }

    pub async fn register(&self, token: &str, password: &str) -> Reply {
        self.post(
            "/api/register",
            json!({"token": token, "password": password, "security_questions": self.questions()}),
            None,
        )
        .await
    }

    /// Registers asking for `language` with `Accept-Language`.
    pub async fn register_in(&self, language: &str, token: &str, password: &str) -> Reply {
        self.post_in(
            language,
            "/api/register",
            json!({"token": token, "password": password, "security_questions": self.questions()}),
            None,
        )
        .await
    }

    /// Invites `username` with `role` into organization `org` (by slug), and returns the
    /// registration token.
    pub async fn invite_into(&self, username: &str, role: Role, org: Option<&str>) -> String {
        let link = self
            .state
            .accounts()
            .invite(
                username,
                &format!("{username}@example.com"),
                role,
                org,
                false,
            )
            .await
            .unwrap();
        link.rsplit('=').next().unwrap().to_owned()
    }

    /// Invites `username` into `org` with `role` and registers it with `password`.
    pub async fn member(&self, username: &str, password: &str, role: Role, org: &str) {
        let token = self.invite_into(username, role, Some(org)).await;
        let reply = self.register(&token, password).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
    }

    /// Invites and registers `username` with `password`.
    pub async fn user(&self, username: &str, password: &str, admin: bool) {
        let token = self.invite(username, admin).await;
        let reply = self.register(&token, password).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
    }

    pub async fn login(&self, username: &str, password: &str) -> Reply {
        self.post(
            "/api/login",
            json!({"username": username, "password": password}),
            None,
        )
        .await
    }

    /// Signs in and returns the cookie.
    pub async fn session(&self, username: &str, password: &str) -> String {
        let reply = self.login(username, password).await;
        assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
        reply.cookie().unwrap()
    }

    pub async fn change(&self, cookie: &str, current: &str, new: &str) -> Reply {
        self.post(
            "/api/password/change",
            json!({"current_password": current, "new_password": new}),
            Some(cookie),
        )
        .await
    }

    /// Chooses `new_password` with the reset link's `token`, answering the questions right.
    pub async fn reset(&self, token: &str, new_password: &str) -> Reply {
        self.post(
            "/api/password/reset",
            json!({"token": token, "answers": self.answers(), "new_password": new_password}),
            None,
        )
        .await
    }

    /// The admin grid's row for `username`.
    pub async fn row(&self, admin_cookie: &str, username: &str) -> Value {
        let reply = self.get("/api/admin/users", Some(admin_cookie)).await;
        assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
        reply
            .body
            .as_array()
            .unwrap()
            .iter()
            .find(|row| row["username"] == username)
            .cloned()
            .unwrap_or(Value::Null)
    }
}
