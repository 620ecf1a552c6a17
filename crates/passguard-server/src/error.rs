//! The one error type of the HTTP layer: every failure becomes `{"error": id, "message": ...}`
//! with a stable kebab-case id (SPEC §4), and internals never reach the client.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use passguard_policy::Report;
use serde::Serialize;
use serde_json::{Map, Value};

/// An error answer: a status, a stable id, an English message and, for some ids, extra
/// fields (the report of a refused password, when a change is allowed again).
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    id: &'static str,
    message: String,
    extra: Map<String, Value>,
    retry_after: Option<i64>,
}

/// The JSON shape of every error answer (documented in the OpenAPI description).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The stable kebab-case id, such as `invalid-credentials`.
    pub error: String,
    /// An English sentence for the user.
    pub message: String,
}

impl ApiError {
    /// An error with `status`, stable `id` and `message`.
    pub fn new(status: StatusCode, id: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            id,
            message: message.into(),
            extra: Map::new(),
            retry_after: None,
        }
    }

    /// Adds a field beside `error` and `message`.
    #[must_use]
    pub fn with(mut self, key: &str, value: impl Serialize) -> Self {
        if let Ok(value) = serde_json::to_value(value) {
            self.extra.insert(key.to_owned(), value);
        }
        self
    }

    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The stable id.
    #[must_use]
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The English message.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// 400 with `id`: the request itself is malformed.
    pub fn bad_request(id: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, id, message)
    }

    /// 401 `invalid-credentials`: the same answer for an unknown user and a wrong password.
    pub fn invalid_credentials() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "invalid-credentials",
            "The username or password is incorrect.",
        )
    }

    /// 401 `unauthenticated`: no valid session.
    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "Please sign in first.",
        )
    }

    /// 403 `forbidden`: signed in, but not allowed.
    pub fn forbidden() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "You are not allowed to do this.",
        )
    }

    /// 404 `not-found`.
    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not-found",
            format!("No such {what}."),
        )
    }

    /// 423 `locked`, the same body whether or not the account exists.
    pub fn locked(support_contact: &str) -> Self {
        Self::new(
            StatusCode::LOCKED,
            "locked",
            format!(
                "This account is locked. Contact {support_contact} for assistance to unlock it."
            ),
        )
    }

    /// 422 `password-rejected` with the engine's full report.
    pub fn rejected(report: &Report) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "password-rejected",
            "The password does not meet the policy.",
        )
        .with("report", report)
    }

    /// 429 `min-age`: the password was changed too recently; `allowed_at` is when it may be
    /// changed again (Unix seconds).
    pub fn min_age(report: &Report, allowed_at: i64, now: i64) -> Self {
        let mut error = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "min-age",
            "The password was changed too recently to change it again yet.",
        )
        .with("allowed_at", allowed_at)
        .with("report", report);
        error.retry_after = Some(allowed_at.saturating_sub(now).max(1));
        error
    }

    /// 503 `busy`: the hashing queue is full; the client may retry shortly.
    pub fn busy() -> Self {
        let mut error = Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "busy",
            "The server is busy. Please try again in a moment.",
        );
        error.retry_after = Some(1);
        error
    }

    /// 500 `internal`: logs `detail` (never a secret) and tells the client nothing more.
    pub fn internal(detail: &dyn std::fmt::Display) -> Self {
        tracing::error!("internal error: {detail}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Something went wrong on the server.",
        )
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.id, self.message)
    }
}

impl std::error::Error for ApiError {}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        Self::internal(&format_args!("database: {error}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = Map::new();
        body.insert("error".to_owned(), Value::from(self.id));
        body.insert("message".to_owned(), Value::from(self.message));
        body.extend(self.extra);
        let mut response = (self.status, axum::Json(Value::Object(body))).into_response();
        if let Some(seconds) = self.retry_after
            && let Ok(value) = HeaderValue::from_str(&seconds.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}
