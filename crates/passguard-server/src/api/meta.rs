//! What the server says about itself: the policy in force, the site's contact, the OpenAPI
//! description, and (with `--test-clock` only) the test hooks.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use super::extract::{ApiJson, Small};
use crate::error::{ApiError, ErrorBody};
use crate::hashing::HashCounters;
use crate::state::AppState;
use crate::texts;

/// The policy in force, exactly as the engine reads it (SPEC §1, JSON field names).
#[utoipa::path(get, path = "/api/policy", tag = "policy",
    responses((status = 200, description = "The policy the server enforces", body = PolicyDoc)))]
pub(crate) async fn policy(State(state): State<AppState>) -> Response {
    let mut response = state.inner.policy_json.clone().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// What the pages show before anyone signs in.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Site {
    /// Who to contact, as in "Contact {support_contact} for assistance."
    support_contact: String,
    /// The public base URL.
    public_url: String,
}

/// The site's support contact and public URL.
#[utoipa::path(get, path = "/api/site", tag = "policy", responses((status = 200, body = Site)))]
pub(crate) async fn site(State(state): State<AppState>) -> Json<Site> {
    Json(Site {
        support_contact: state.support_contact().to_owned(),
        public_url: state.public_url().to_string(),
    })
}

/// A policy document (see SPEC §1 for every field).
#[derive(ToSchema)]
#[expect(dead_code, reason = "describes JSON for the OpenAPI document only")]
pub(crate) struct PolicyDoc {
    name: String,
    /// `min_length`, `max_length`, `character_groups`, `special_characters`, …
    #[schema(value_type = Object)]
    password: (),
    /// `max_failed_logins`, `max_failed_security_answers`, `unlock`.
    #[schema(value_type = Object)]
    lockout: (),
    /// `token_lifetime`, `security_questions`.
    #[schema(value_type = Object)]
    reset: (),
}

/// The engine's report on a password (SPEC §2).
#[derive(ToSchema)]
#[expect(dead_code, reason = "describes JSON for the OpenAPI document only")]
pub(crate) struct ReportDoc {
    /// True when no rule failed.
    accepted: bool,
    rules: Vec<RuleDoc>,
    /// The strength estimate, when the engine makes one.
    #[schema(value_type = Option<Object>)]
    strength: (),
}

/// One rule's verdict.
#[derive(ToSchema)]
#[expect(dead_code, reason = "describes JSON for the OpenAPI document only")]
pub(crate) struct RuleDoc {
    /// `min-length`, `max-length`, `character-groups`, `allowed-characters`, `not-common`,
    /// `not-personal`, `min-strength`, `not-current`, `not-reused` or `min-age`.
    id: String,
    /// `pass`, `fail` or `pending`.
    status: String,
    /// In the request's language (`Accept-Language`: English, German or French); `id` and
    /// `params` let a front end word it itself.
    message: String,
    #[schema(value_type = Object)]
    params: (),
}

/// 422 `password-rejected`.
#[derive(ToSchema)]
#[expect(dead_code, reason = "describes JSON for the OpenAPI document only")]
pub(crate) struct RejectedBody {
    error: String,
    message: String,
    report: ReportDoc,
}

/// 429 `min-age`.
#[derive(ToSchema)]
#[expect(dead_code, reason = "describes JSON for the OpenAPI document only")]
pub(crate) struct MinAgeBody {
    error: String,
    message: String,
    /// When a change is allowed again (Unix seconds); also in `Retry-After`.
    allowed_at: i64,
    report: ReportDoc,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "passguard",
        description = "Accounts under one password policy, re-validated by the same engine the \
            browser runs. Errors are `{\"error\": \"<kebab-id>\", \"message\": \"...\"}`. Times are \
            Unix seconds. State-changing requests need `Content-Type: application/json` and \
            must not come from another site. Every human sentence (error messages, the \
            reports' rule messages, audit explanations) follows `Accept-Language`: English, \
            German or French, English for any other language. E-mails go out in the account's \
            language, remembered from its registration and latest login."
    ),
    paths(
        policy,
        site,
        openapi,
        super::account::invitation,
        super::account::register,
        super::account::login,
        super::account::logout,
        super::account::me,
        super::account::change,
        super::recovery::forgot,
        super::recovery::questions,
        super::recovery::reset,
        super::admin::list,
        super::admin::invite,
        super::admin::unlock,
        super::admin::reset_password,
        super::admin::policy_audit,
    ),
    components(schemas(ErrorBody)),
    tags(
        (name = "policy", description = "The policy in force"),
        (name = "account", description = "Registration, sessions and password changes"),
        (name = "recovery", description = "Forgotten passwords"),
        (name = "admin", description = "Administration (admin role)"),
    )
)]
struct ApiDoc;

/// The OpenAPI 3 description, generated from the handlers' annotations.
#[must_use]
pub fn openapi_json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

/// This document.
#[utoipa::path(get, path = "/api/openapi.json", tag = "policy",
    responses((status = 200, description = "The OpenAPI 3 description of this API")))]
pub(crate) async fn openapi() -> Response {
    static DOCUMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let body = DOCUMENT.get_or_init(openapi_json).clone();
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// `POST /api/test/clock`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClockRequest {
    advance_seconds: i64,
}

/// The test clock after a move.
#[derive(Debug, Serialize)]
pub(crate) struct ClockAnswer {
    now: i64,
    notices_sent: usize,
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
    let notices_sent = crate::jobs::run_due(&state).await?;
    Ok(Json(ClockAnswer { now, notices_sent }))
}

/// The work counters and the test clock's time.
#[derive(Debug, Serialize)]
pub(crate) struct TestCounters {
    #[serde(flatten)]
    hashing: HashCounters,
    now: i64,
}

/// Reads the hashing counters (tests compare them for known and unknown users).
pub(crate) async fn counters(State(state): State<AppState>) -> Json<TestCounters> {
    Json(TestCounters {
        hashing: state.hasher().counters(),
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
