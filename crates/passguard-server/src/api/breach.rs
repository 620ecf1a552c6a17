//! `GET /api/breach/range/{prefix}`: the k-anonymity range of the breach store, so the pages
//! decide `not-breached` live while the password never leaves the browser (only the first
//! 5 hex digits of its SHA-1 do).

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use passguard_wire::ErrorBody;

use super::error::ApiError;
use super::extract::Client;
use super::state::AppState;

/// Marks a response the compression layer must leave as it is: a range answer's length is
/// the same for every prefix, and compressing it would make its length depend on its
/// content again.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Uncompressed;

/// The suffixes stored under a 5-hex-digit SHA-1 prefix, one a line in upper-case hex (their
/// first 10 digits: the store keeps fingerprints), padded with lines that are no password's
/// to the same count for every prefix, as Have I Been Pwned's range API does. Never
/// compressed.
#[utoipa::path(get, path = "/api/breach/range/{prefix}", tag = "policy",
    params(("prefix" = String, Path, description = "The first 5 hex digits of the password's SHA-1")),
    responses(
        (status = 200, description = "One suffix a line, upper-case hex, padded to a constant count", content_type = "text/plain", body = String),
        (status = 400, description = "`invalid-prefix`", body = ErrorBody),
        (status = 404, description = "`breach-store-missing`: no store is configured", body = ErrorBody),
        (status = 429, description = "`rate-limited`: this client's budget of range lookups is spent (`Retry-After`)", body = ErrorBody),
    ))]
pub(crate) async fn range(
    State(state): State<AppState>,
    Client(client): Client,
    Path(prefix): Path<String>,
) -> Result<Response, ApiError> {
    let answer = state.accounts().breach_range(&client, &prefix).await?;
    let mut response = answer.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    // The same answer for the same prefix until the store changes.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=3600"),
    );
    response.extensions_mut().insert(Uncompressed);
    Ok(response)
}
