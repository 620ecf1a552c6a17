//! What the server says about itself: the policy in force, the site's contact, and (with
//! `--test-clock` only) the test hooks.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use passguard_wire::{ClockAnswer, ClockRequest, Site, TestCounters};

use axum::extract::RawQuery;
use passguard_wire::ErrorBody;

use super::error::ApiError;
use super::extract::{ApiJson, SignedIn, Small};
use super::lang::Lang;
use super::query::query_params;
use super::state::AppState;
use crate::texts;

/// The policy in force, exactly as the engine reads it (SPEC §1, JSON field names): for the
/// signed-in account, or with `token` for the account of that registration or reset link,
/// the one its organization's overlay makes of the site's; otherwise the site's.
#[utoipa::path(get, path = "/api/policy", tag = "policy",
    params(("token" = Option<String>, Query, description = "The token of a registration or reset link")),
    responses(
        (status = 200, description = "The policy the server enforces", body = super::schemas::PolicyDoc),
        (status = 404, description = "`token-unknown`", body = ErrorBody),
        (status = 410, description = "`token-expired` or `token-used`", body = ErrorBody),
    ))]
pub(crate) async fn policy(
    State(state): State<AppState>,
    signed_in: Result<SignedIn, ApiError>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let params = query_params(query.as_deref(), &["token"])?;
    let accounts = state.accounts();
    let body = match (params.get("token"), signed_in) {
        (Some(token), _) => policy_json(&*accounts.policy_for_link(token).await?)?,
        (None, Ok(SignedIn(session))) => policy_json(&*accounts.policy_of(&session.user)?)?,
        (None, Err(_)) => state.policy_json().clone(),
    };
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    headers.insert(header::VARY, HeaderValue::from_static("cookie"));
    Ok(response)
}

fn policy_json(policy: &passguard_policy::Policy) -> Result<bytes::Bytes, ApiError> {
    serde_json::to_vec(policy)
        .map(bytes::Bytes::from)
        .map_err(ApiError::internal)
}

/// The site's support contact and public URL.
#[utoipa::path(get, path = "/api/site", tag = "policy", responses((status = 200, body = Site)))]
pub(crate) async fn site(State(state): State<AppState>, lang: Lang) -> impl IntoResponse {
    let site = Json(Site {
        site_name: state.accounts().site_name().to_owned(),
        support_contact: state.accounts().support_contact().render(lang.locale),
        public_url: state.public_url().to_string(),
    });
    (axum::Extension(super::error::Localized), site)
}

/// Moves the test clock forward and runs the jobs that became due.
pub(crate) async fn advance_clock(
    State(state): State<AppState>,
    ApiJson(request, ..): ApiJson<ClockRequest, Small>,
) -> Result<Json<ClockAnswer>, ApiError> {
    if !(0..=crate::clock::Clock::MAX_ADVANCE).contains(&request.advance_seconds) {
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

/// Reads the hashing counters (tests compare them for known and unknown users) and the
/// connection counters.
pub(crate) async fn counters(State(state): State<AppState>) -> Json<TestCounters> {
    let hashing = state.hasher().counters();
    Json(TestCounters {
        verifications: hashing.verifications,
        hashes: hashing.hashes,
        now: state.clock().now(),
        connections: state.connections().snapshot(),
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
