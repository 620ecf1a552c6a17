//! The JSON API of SPEC §4 as the pages use it: typed requests, and every failure turned into
//! a sentence a person can act on (network down, server error, locked, expired link...).

use gloo_net::http::{Request, RequestBuilder, Response};
use passguard_i18n::Arg;
use passguard_policy::{Policy, Report};
use passguard_wire::ErrorBody;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::i18n::tr_now;

/// What went wrong with a request, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ApiError {
    /// HTTP status; 0 when the server could not be reached at all.
    pub(crate) status: u16,
    /// The server's kebab-case error id (`invalid-credentials`, `locked`, ...), when it sent one.
    pub(crate) error: String,
    /// A sentence for the person at the keyboard.
    pub(crate) message: String,
    /// The rule report of a 422 or 429, rendered into the same checklist as the live feedback.
    pub(crate) report: Option<Report>,
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
        // A proxy's or a crashed server's page is no error body: the status then speaks.
        let body: Option<ErrorBody> = serde_json::from_str(&text).ok();
        let error = body.as_ref().map(|b| b.error.clone()).unwrap_or_default();
        let server_message = body.as_ref().map(|b| b.message.clone());
        let report = body.and_then(|b| b.details.report).map(|report| *report);
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

/// The status and body of a successful answer to `request`.
async fn answer_text(request: Result<Request, gloo_net::Error>) -> Result<(u16, String), ApiError> {
    let request = request.map_err(|_| ApiError::network())?;
    let response = request.send().await.map_err(|_| ApiError::network())?;
    if !response.ok() {
        return Err(ApiError::from_response(response).await);
    }
    let text = response.text().await.map_err(|_| ApiError::network())?;
    Ok((response.status(), text))
}

async fn send<T: DeserializeOwned>(
    request: Result<Request, gloo_net::Error>,
) -> Result<T, ApiError> {
    let (status, text) = answer_text(request).await?;
    // Empty bodies (201, 202, 204) read as JSON null.
    let text = if text.trim().is_empty() {
        "null"
    } else {
        &text
    };
    serde_json::from_str(text).map_err(|e| ApiError {
        status,
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

/// A `POST` without a body (logout, the admin grid's actions).
pub(crate) async fn post_empty<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    send(builder("POST", path).build()).await
}

/// The policy in force, parsed by the very engine that checks passwords here.
pub(crate) async fn policy() -> Result<Policy, ApiError> {
    let (_, text) = answer_text(builder("GET", "/api/policy").build()).await?;
    Policy::from_json(&text).map_err(|e| ApiError {
        status: 200,
        error: "bad-policy".to_owned(),
        message: format!("{} {e}", tr_now("page.error.bad-policy", &[])),
        report: None,
    })
}
