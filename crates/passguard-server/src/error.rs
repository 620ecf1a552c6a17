//! The one error type of the HTTP layer: every failure becomes `{"error": id, "message": ...}`
//! with a stable kebab-case id (SPEC §4), and internals never reach the client. The message
//! is a catalogue sentence, worded in the request's language by [`localize`] (English when
//! nothing else was asked for).

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use passguard_i18n::Locale;
use passguard_policy::Report;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::texts::{self, Key, Message};

/// An error answer: a status, a stable id, a sentence from the catalogue and, for some ids,
/// extra fields (the report of a refused password, when a change is allowed again).
#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    id: &'static str,
    message: Message,
    extra: Map<String, Value>,
    retry_after: Option<i64>,
}

/// The JSON shape of every error answer (documented in the OpenAPI description).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The stable kebab-case id, such as `invalid-credentials`.
    pub error: String,
    /// A sentence for the user, in the language `Accept-Language` asks for (English, German
    /// or French; English otherwise).
    pub message: String,
}

impl ApiError {
    /// An error with `status`, stable `id` and the catalogue sentence `key`.
    pub(crate) fn new(status: StatusCode, id: &'static str, key: Key) -> Self {
        Self {
            status,
            id,
            message: Message::new(key),
            extra: Map::new(),
            retry_after: None,
        }
    }

    /// Gives the sentence its parameter `name`.
    #[must_use]
    pub(crate) fn arg(mut self, name: &'static str, value: impl Into<texts::Value>) -> Self {
        self.message = self.message.arg(name, value);
        self
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

    /// The message in English.
    #[must_use]
    pub fn message(&self) -> String {
        self.message.render(Locale::En)
    }

    /// The message in `locale`.
    #[must_use]
    pub fn message_in(&self, locale: Locale) -> String {
        self.message.render(locale)
    }

    /// 400 with `id`: the request itself is malformed.
    pub(crate) fn bad_request(id: &'static str, key: Key) -> Self {
        Self::new(StatusCode::BAD_REQUEST, id, key)
    }

    /// 401 `invalid-credentials`: the same answer for an unknown user and a wrong password.
    pub fn invalid_credentials() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "invalid-credentials",
            texts::INVALID_CREDENTIALS,
        )
    }

    /// 401 `unauthenticated`: no valid session.
    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            texts::UNAUTHENTICATED,
        )
    }

    /// 403 `forbidden`: signed in, but not allowed.
    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", texts::FORBIDDEN)
    }

    /// 404 `not-found` for an account.
    pub fn no_such_account() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not-found", texts::NO_SUCH_ACCOUNT)
    }

    /// 404 `not-found` for an endpoint.
    pub fn no_such_endpoint() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not-found", texts::NO_SUCH_ENDPOINT)
    }

    /// 423 `locked`, the same body whether or not the account exists.
    pub fn locked(support_contact: &str) -> Self {
        Self::new(StatusCode::LOCKED, "locked", texts::LOCKED).arg("contact", support_contact)
    }

    /// 422 `password-rejected` with the engine's full report.
    pub fn rejected(report: &Report) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "password-rejected",
            texts::PASSWORD_REJECTED,
        )
        .with("report", report)
    }

    /// 429 `min-age`: the password was changed too recently; `allowed_at` is when it may be
    /// changed again (Unix seconds).
    pub fn min_age(report: &Report, allowed_at: i64, now: i64) -> Self {
        let wait = allowed_at.saturating_sub(now).max(1);
        let mut error = Self::new(StatusCode::TOO_MANY_REQUESTS, "min-age", texts::MIN_AGE)
            .arg("remaining", texts::Value::Span(wait))
            .with("allowed_at", allowed_at)
            .with("report", report);
        error.retry_after = Some(wait);
        error
    }

    /// 503 `busy`: the hashing queue is full; the client may retry shortly.
    pub fn busy() -> Self {
        let mut error = Self::new(StatusCode::SERVICE_UNAVAILABLE, "busy", texts::BUSY);
        error.retry_after = Some(1);
        error
    }

    /// 500 `internal`: logs `detail` (never a secret) and tells the client nothing more.
    pub fn internal(detail: &dyn std::fmt::Display) -> Self {
        tracing::error!("internal error: {detail}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            texts::INTERNAL,
        )
    }

    /// The JSON body with the message in `locale`.
    fn body(&self, locale: Locale) -> Vec<u8> {
        #[derive(Serialize)]
        struct Body<'a> {
            error: &'a str,
            message: String,
            #[serde(flatten)]
            extra: &'a Map<String, Value>,
        }
        serde_json::to_vec(&Body {
            error: self.id,
            message: self.message_in(locale),
            extra: &self.extra,
        })
        .unwrap_or_default()
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.id,
            self.message()
        )
    }
}

impl std::error::Error for ApiError {}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        Self::internal(&format_args!("database: {error}"))
    }
}

impl IntoResponse for ApiError {
    /// The answer in English; [`localize`] words it again for the request's language.
    fn into_response(self) -> Response {
        let body = self.body(Locale::En);
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
        if let Some(seconds) = self.retry_after
            && let Ok(value) = HeaderValue::from_str(&seconds.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response.extensions_mut().insert(self);
        response
    }
}

/// Marks a successful answer whose text depends on `Accept-Language`, so that [`localize`]
/// adds `Vary: Accept-Language` to it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Localized;

/// Words every error answer in the language the request's `Accept-Language` asks for, and
/// marks answers that depend on it with `Vary: Accept-Language`. Errors are made in many
/// places (extractors, fallbacks, the cross-site guard, the hashing queue) that do not know
/// the request; this one layer does, so none of them needs to.
pub(crate) async fn localize(request: Request, next: Next) -> Response {
    let locale = crate::api::requested_locale(request.headers()).locale;
    let mut response = next.run(request).await;
    let error = response.extensions_mut().remove::<ApiError>();
    let localized = response.extensions_mut().remove::<Localized>().is_some();
    if let Some(error) = &error
        && locale != Locale::En
    {
        *response.body_mut() = axum::body::Body::from(error.body(locale));
        response.headers_mut().remove(header::CONTENT_LENGTH);
    }
    if error.is_some() || localized {
        response
            .headers_mut()
            .append(header::VARY, HeaderValue::from_static("accept-language"));
    }
    response
}
