//! The JSON API of SPEC §4 as the pages use it: typed requests, and every failure turned into
//! a sentence a person can act on (network down, server error, locked, expired link...).

use gloo_net::http::{Request, RequestBuilder, Response};
use passguard_i18n::Arg;
use passguard_policy::Policy;

use crate::i18n::tr_now;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// What went wrong with a request, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ApiError {
    /// HTTP status; 0 when the server could not be reached at all.
    pub(crate) status: u16,
    /// The server's kebab-case error id (`invalid-credentials`, `locked`, ...), when it sent one.
    pub(crate) error: String,
    /// A sentence for the person at the keyboard.
    pub(crate) message: String,
    /// The rule report of a 422, rendered into the same checklist as the live feedback.
    pub(crate) report: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: Option<String>,
    message: Option<String>,
    #[serde(default)]
    rules: Option<serde_json::Value>,
    #[serde(default)]
    report: Option<serde_json::Value>,
}

impl ApiError {
    fn network() -> Self {
        Self {
            status: 0,
            error: "network".to_owned(),
            message: tr_now("page.error.network", &[]),
            report: None,
        }
    }

    async fn from_response(response: Response) -> Self {
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        let body: Option<ErrorBody> = serde_json::from_str(&text).ok();
        let error = body
            .as_ref()
            .and_then(|b| b.error.clone())
            .unwrap_or_default();
        let server_message = body.as_ref().and_then(|b| b.message.clone());
        let report = body.and_then(|b| {
            b.report
                .or_else(|| b.rules.map(|rules| serde_json::json!({ "rules": rules })))
        });
        // The server answers in the language the page asked for (Accept-Language); the
        // page's own sentences cover what it cannot say (it is down, or the link is bad).
        let message = match (status, error.as_str()) {
            (500..=599, _) => tr_now("page.error.server", &[]),
            (410, "token-used") => tr_now("page.error.link-used", &[]),
            (410, _) => tr_now("page.error.link-expired", &[]),
            (404, "token-unknown") => tr_now("page.error.link-unknown", &[]),
            (423, _) => server_message.unwrap_or_else(|| tr_now("page.error.locked", &[])),
            (422, _) => server_message.unwrap_or_else(|| tr_now("page.error.rejected", &[])),
            _ => server_message.unwrap_or_else(|| {
                tr_now(
                    "page.error.failed",
                    &[("status", Arg::Int(i64::from(status)))],
                )
            }),
        };
        Self {
            status,
            error,
            message,
            report,
        }
    }
}

async fn send<T: DeserializeOwned>(
    request: Result<Request, gloo_net::Error>,
) -> Result<T, ApiError> {
    let request = request.map_err(|_| ApiError::network())?;
    let response = request.send().await.map_err(|_| ApiError::network())?;
    if !response.ok() {
        return Err(ApiError::from_response(response).await);
    }
    let text = response.text().await.map_err(|_| ApiError::network())?;
    // Empty bodies (201, 202, 204) read as JSON null.
    let text = if text.trim().is_empty() {
        "null"
    } else {
        &text
    };
    serde_json::from_str(text).map_err(|e| ApiError {
        status: response.status(),
        error: "bad-response".to_owned(),
        message: format!("{} ({e})", tr_now("page.error.bad-response", &[])),
        report: None,
    })
}

fn builder(method: &str, path: &str) -> RequestBuilder {
    let builder = match method {
        "POST" => Request::post(path),
        _ => Request::get(path),
    };
    builder
        .header("Accept", "application/json")
        .header("Accept-Language", crate::i18n::now().tag())
}

pub(crate) async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    send(builder("GET", path).build()).await
}

pub(crate) async fn post<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    send(builder("POST", path).json(body)).await
}

/// The policy in force, parsed by the very engine that checks passwords here.
pub(crate) async fn policy() -> Result<Policy, ApiError> {
    let value: serde_json::Value = get("/api/policy").await?;
    Policy::from_deserializer(value).map_err(|e| ApiError {
        status: 200,
        error: "bad-policy".to_owned(),
        message: format!("{} {e}", tr_now("page.error.bad-policy", &[])),
        report: None,
    })
}

/// `GET /api/me`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct Me {
    pub(crate) username: String,
    pub(crate) email: String,
    pub(crate) status: String,
    /// `user` or `admin`.
    pub(crate) role: String,
    pub(crate) password_changed_at: Option<serde_json::Value>,
    pub(crate) can_change_after: Option<serde_json::Value>,
    pub(crate) expires_at: Option<serde_json::Value>,
    /// This session may only change the (expired) password.
    #[serde(default)]
    pub(crate) must_change_password: bool,
    /// The login notice for the account's role.
    #[serde(default)]
    pub(crate) notice: Option<String>,
    /// The server's clock (Unix seconds): countdowns and `min-age` follow the server's time,
    /// not a browser clock that may be off.
    #[serde(default)]
    pub(crate) now: Option<i64>,
}

/// `GET /api/admin/users` rows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct UserRow {
    pub(crate) username: String,
    pub(crate) email: String,
    pub(crate) status: String,
    #[serde(default)]
    pub(crate) failed_logins: u32,
    pub(crate) password_changed_at: Option<serde_json::Value>,
}
