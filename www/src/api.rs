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

/// A successful answer: its status, body and `X-Total-Count` (for pages of a list).
struct Answer {
    status: u16,
    text: String,
    total: Option<u64>,
}

async fn answer(request: Result<Request, gloo_net::Error>) -> Result<Answer, ApiError> {
    let request = request.map_err(|_| ApiError::network())?;
    let response = request.send().await.map_err(|_| ApiError::network())?;
    if !response.ok() {
        return Err(ApiError::from_response(response).await);
    }
    let total = response
        .headers()
        .get("x-total-count")
        .and_then(|total| total.parse().ok());
    let text = response.text().await.map_err(|_| ApiError::network())?;
    Ok(Answer {
        status: response.status(),
        text,
        total,
    })
}

async fn send<T: DeserializeOwned>(
    request: Result<Request, gloo_net::Error>,
) -> Result<T, ApiError> {
    send_paged(request).await.map(|(value, _)| value)
}

/// The answer and how many items there are in all, when it is a page of a list.
async fn send_paged<T: DeserializeOwned>(
    request: Result<Request, gloo_net::Error>,
) -> Result<(T, u64), ApiError> {
    let Answer {
        status,
        text,
        total,
    } = answer(request).await?;
    // Empty bodies (201, 202, 204) read as JSON null.
    let text = if text.trim().is_empty() {
        "null"
    } else {
        &text
    };
    let value = serde_json::from_str(text).map_err(|e| ApiError {
        status,
        error: "bad-response".to_owned(),
        message: format!("{} ({e})", tr_now("page.error.bad-response", &[])),
        report: None,
    })?;
    Ok((value, total.unwrap_or(0)))
}

fn builder(method: &str, path: &str) -> RequestBuilder {
    let builder = match method {
        "POST" => Request::post(path),
        "PATCH" => Request::patch(path),
        "DELETE" => Request::delete(path),
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

/// One page of a list, and how many items there are in all (`X-Total-Count`).
pub(crate) async fn get_paged<T: DeserializeOwned>(path: &str) -> Result<(T, u64), ApiError> {
    send_paged(builder("GET", path).build()).await
}

pub(crate) async fn patch<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    send(builder("PATCH", path).json(body)).await
}

pub(crate) async fn delete(path: &str) -> Result<(), ApiError> {
    send(builder("DELETE", path).build()).await
}

/// A `POST` without a body (logout, the admin grid's actions).
pub(crate) async fn post_empty<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    send(builder("POST", path).build()).await
}

/// The policy in force, parsed by the very engine that checks passwords here.
pub(crate) async fn policy() -> Result<Policy, ApiError> {
    policy_at("/api/policy").await
}

/// The policy `path` answers (`/api/policy?token=…` for a link's account).
pub(crate) async fn policy_at(path: &str) -> Result<Policy, ApiError> {
    let text = answer(builder("GET", path).build()).await?.text;
    Policy::from_json(&text).map_err(|e| ApiError {
        status: 200,
        error: "bad-policy".to_owned(),
        message: format!("{} {e}", tr_now("page.error.bad-policy", &[])),
        report: None,
    })
}
