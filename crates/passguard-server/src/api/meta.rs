//! What the server says about itself: the policy in force, the site's contact, and (with
//! `--test-clock` only) the test hooks.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use passguard_wire::{ClockAnswer, ClockRequest, Site, TestCounters};

use super::error::ApiError;
use super::extract::{ApiJson, Small};
use super::state::AppState;
use crate::texts;

/// The policy in force, exactly as the engine reads it (SPEC §1, JSON field names).
#[utoipa::path(get, path = "/api/policy", tag = "policy",
    responses((status = 200, description = "The policy the server enforces", body = super::schemas::PolicyDoc)))]
pub(crate) async fn policy(State(state): State<AppState>) -> Response {
    let mut response = state.policy_json().clone().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The site's support contact and public URL.
#[utoipa::path(get, path = "/api/site", tag = "policy", responses((status = 200, body = Site)))]
pub(crate) async fn site(State(state): State<AppState>) -> Json<Site> {
    Json(Site {
        support_contact: state.accounts().support_contact().to_owned(),
        public_url: state.public_url().to_string(),
    })
}

/// Moves the test clock forward and runs the jobs that became due.
pub(crate) async fn advance_clock(
    State(state): State<AppState>,
    ApiJson(request, ..): ApiJson<ClockRequest, Small>,
) -> Result<Json<ClockAnswer>, ApiError> {
    if request.advance_seconds < 0 {
        return Err(ApiError::bad_request(
            "invalid-request",
            texts::REQUEST_CLOCK,
        ));
    }
    let now = state
        .clock()
        .advance(request.advance_seconds)
        .ok_or_else(ApiError::no_such_endpoint)?;
    let notices_sent = crate::jobs::run_due(state.accounts()).await?;
    Ok(Json(ClockAnswer { now, notices_sent }))
}

/// Reads the hashing counters (tests compare them for known and unknown users).
pub(crate) async fn counters(State(state): State<AppState>) -> Json<TestCounters> {
    let hashing = state.hasher().counters();
    Json(TestCounters {
        verifications: hashing.verifications,
        hashes: hashing.hashes,
        now: state.clock().now(),
    })
}

/// JSON 404 for unknown `/api/…` paths.
pub(crate) async fn no_such_endpoint() -> ApiError {
    ApiError::no_such_endpoint()
}

/// JSON 405.
pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
        texts::METHOD_NOT_ALLOWED,
    )
}
