//! The one error type of the HTTP layer: every failure becomes `{"error": id, "message": ...}`
//! with a stable kebab-case id (SPEC §4), and internals never reach the client. A domain
//! [`Error`] becomes an `ApiError` in one place ([`From`] below); the message is a catalogue
//! sentence, worded in the request's language by [`localize`], which also logs the cause of
//! every 500 once.

use std::sync::Arc;

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use passguard_i18n::Locale;
use passguard_wire::{ErrorBody, ErrorDetails};

use crate::accounts::Error;
use crate::texts::{self, Key, Message};

/// An error answer: a status, a stable id, a sentence from the catalogue, the details some
/// ids carry, and for a 500 the cause (logged, never sent).
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    status: StatusCode,
    id: &'static str,
    message: Message,
    /// Boxed: most errors have none, and a `Result` carrying this stays small.
    details: Option<Box<ErrorDetails>>,
    retry_after: Option<i64>,
    cause: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

impl ApiError {
    /// An error with `status`, stable `id` and the catalogue sentence `key`.
    pub(crate) fn new(status: StatusCode, id: &'static str, key: Key) -> Self {
        Self::saying(status, id, Message::new(key))
    }

    fn saying(status: StatusCode, id: &'static str, message: Message) -> Self {
        Self {
            status,
            id,
            message,
            details: None,
            retry_after: None,
            cause: None,
        }
    }

    /// Gives the sentence its parameter `name`.
    #[must_use]
    pub(crate) fn arg(mut self, name: &'static str, value: impl Into<texts::Value>) -> Self {
        self.message = self.message.arg(name, value);
        self
    }

    /// The stable id.
    #[cfg(test)]
    pub(crate) fn id(&self) -> &'static str {
        self.id
    }

    /// The status it answers with.
    pub(crate) fn status(&self) -> StatusCode {
        self.status
    }

    /// When to try again, for a refusal that says.
    pub(crate) fn retry_after(&self) -> Option<i64> {
        self.retry_after
    }

    /// The message in `locale` (for the server-rendered pages, which show it in HTML).
    pub(crate) fn message_in(&self, locale: Locale) -> String {
        self.message.render(locale)
    }

    /// The message in English.
    pub(crate) fn message(&self) -> String {
        self.message.render(Locale::En)
    }

    /// 400 with `id`: the request itself is malformed.
    pub(crate) fn bad_request(id: &'static str, key: Key) -> Self {
        Self::new(StatusCode::BAD_REQUEST, id, key)
    }

    /// 404 `not-found` for an endpoint.
    pub(crate) fn no_such_endpoint() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not-found", texts::NO_SUCH_ENDPOINT)
    }

    /// 500 `internal` for `cause`, which [`localize`] logs once and the client never sees.
    pub(crate) fn internal(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        let mut error = Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            texts::INTERNAL,
        );
        error.cause = Some(Arc::from(cause.into()));
        error
    }

    /// The details, made empty when there were none.
    fn details(&mut self) -> &mut ErrorDetails {
        self.details.get_or_insert_default()
    }

    /// The JSON body with the message in `locale`.
    fn body(&self, locale: Locale) -> Vec<u8> {
        let body = ErrorBody {
            error: self.id.to_owned(),
            message: self.message.render(locale),
            details: self.details.as_deref().cloned().unwrap_or_default(),
        };
        // Strings, numbers and a report: serde_json cannot fail on these.
        serde_json::to_vec(&body).unwrap_or_default()
    }
}

impl From<Error> for ApiError {
    /// Each refusal's status and id (SPEC §4), and a 500 keeping the cause of each failure.
    fn from(error: Error) -> Self {
        let message = error.sentence();
        let (status, id) = match &error {
            Error::InvalidUsername { .. } => (StatusCode::BAD_REQUEST, "invalid-username"),
            Error::InvalidEmail => (StatusCode::BAD_REQUEST, "invalid-email"),
            Error::Exists { .. } => (StatusCode::CONFLICT, "exists"),
            Error::InvalidCredentials => (StatusCode::UNAUTHORIZED, "invalid-credentials"),
            Error::Locked { .. } => (StatusCode::LOCKED, "locked"),
            Error::PasswordExpired { .. } | Error::ChangeOnlySession => {
                (StatusCode::FORBIDDEN, "password-expired")
            }
            Error::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated"),
            Error::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            Error::NoSuchAccount => (StatusCode::NOT_FOUND, "not-found"),
            Error::TokenUnknown => (StatusCode::NOT_FOUND, "token-unknown"),
            Error::TokenUsed => (StatusCode::GONE, "token-used"),
            Error::TokenExpired => (StatusCode::GONE, "token-expired"),
            Error::WrongAnswers => (StatusCode::UNAUTHORIZED, "wrong-answers"),
            Error::AnswerCount { .. } => (StatusCode::BAD_REQUEST, "invalid-request"),
            Error::Questions(_) => (StatusCode::BAD_REQUEST, "invalid-security-questions"),
            Error::Rejected(_) => (StatusCode::UNPROCESSABLE_ENTITY, "password-rejected"),
            Error::MinAge { .. } => (StatusCode::TOO_MANY_REQUESTS, "min-age"),
            Error::Conflict => (StatusCode::CONFLICT, "conflict"),
            Error::Invited => (StatusCode::CONFLICT, "invited"),
            Error::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, "rate-limited"),
            Error::ResetRequired { .. } => (StatusCode::FORBIDDEN, "reset-required"),
            Error::LockedUnlockFirst => (StatusCode::CONFLICT, "locked"),
            Error::Disabled => (StatusCode::CONFLICT, "disabled"),
            Error::NotInvited => (StatusCode::CONFLICT, "not-invited"),
            Error::OwnAccount => (StatusCode::FORBIDDEN, "own-account"),
            Error::AdminRoleForbidden => (StatusCode::FORBIDDEN, "forbidden"),
            Error::AdminInOrg => (StatusCode::BAD_REQUEST, "admin-in-org"),
            Error::OrgRequired => (StatusCode::BAD_REQUEST, "org-required"),
            Error::NoSuchOrg => (StatusCode::NOT_FOUND, "not-found"),
            Error::OrgExists { .. } => (StatusCode::CONFLICT, "exists"),
            Error::InvalidSlug { .. } => (StatusCode::BAD_REQUEST, "invalid-slug"),
            Error::InvalidOrgName { .. } => (StatusCode::BAD_REQUEST, "invalid-name"),
            Error::InvalidText { .. } => (StatusCode::BAD_REQUEST, "invalid-text"),
            Error::InvalidPolicy(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid-policy"),
            Error::InvalidPrefix => (StatusCode::BAD_REQUEST, "invalid-prefix"),
            Error::NoBreachStore => (StatusCode::NOT_FOUND, "breach-store-missing"),
            Error::NoStagedPolicy => (StatusCode::NOT_FOUND, "no-staged-policy"),
            Error::Busy => (StatusCode::SERVICE_UNAVAILABLE, "busy"),
            Error::Db(_)
            | Error::Mail(_)
            | Error::Csprng(_)
            | Error::HashingThread(_)
            | Error::Hashing(_)
            | Error::Breach(_)
            | Error::OrgPolicy { .. } => return ApiError::internal(error),
        };
        let mut answer = ApiError::saying(status, id, message);
        match error {
            Error::PasswordExpired { expired_at, .. } => {
                answer.details().can_change = Some(false);
                answer.details().expired_at = Some(expired_at);
            }
            Error::Rejected(report) => answer.details().report = Some(report),
            Error::MinAge {
                report,
                allowed_at,
                wait,
            } => {
                answer.details().allowed_at = Some(allowed_at);
                answer.details().report = Some(report);
                answer.retry_after = Some(wait);
            }
            Error::Busy => answer.retry_after = Some(1),
            Error::RateLimited { retry_after } => answer.retry_after = Some(retry_after),
            Error::InvalidPolicy(policy) => {
                answer.details().field = policy.field().map(str::to_owned);
            }
            _ => {}
        }
        answer
    }
}

impl ApiError {
    /// 403 `password-noncompliant` for a login whose password the policy in force now
    /// refuses: the report says why, and the session it comes with may only change it.
    pub(crate) fn noncompliant(report: passguard_policy::Report) -> Self {
        let mut error = Self::new(
            StatusCode::FORBIDDEN,
            "password-noncompliant",
            texts::PASSWORD_NONCOMPLIANT,
        );
        error.details().can_change = Some(true);
        error.details().report = Some(Box::new(report));
        error
    }

    /// 403 `password-expired` for a login within the grace period: the session it comes
    /// with may only change the password.
    pub(crate) fn expired_change_only(expired_at: i64) -> Self {
        let mut error = Self::new(
            StatusCode::FORBIDDEN,
            "password-expired",
            texts::EXPIRED_CHANGE,
        );
        error.details().can_change = Some(true);
        error.details().expired_at = Some(expired_at);
        error
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
        set_retry_after(&mut response, self.retry_after);
        response.extensions_mut().insert(self);
        response
    }
}

/// The `Retry-After` of a refusal that has one (429, 423 with a timed unlock).
pub(crate) fn set_retry_after(response: &mut Response, seconds: Option<i64>) {
    if let Some(seconds) = seconds
        && let Ok(value) = HeaderValue::from_str(&seconds.to_string())
    {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
}

/// Marks a successful answer whose text depends on `Accept-Language`, so that [`localize`]
/// adds `Vary: Accept-Language` to it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Localized;

/// Words every error answer in the language the request's `Accept-Language` asks for, logs
/// the cause of every 500 once, and marks answers that depend on the language with
/// `Vary: Accept-Language`. Errors are made in many places (extractors, fallbacks, the
/// cross-site guard, the domain layer) that do not know the request; this one layer does,
/// so none of them needs to.
pub(crate) async fn localize(request: Request, next: Next) -> Response {
    let locale = super::lang::requested_locale(request.headers()).locale;
    let mut response = next.run(request).await;
    let error = response.extensions_mut().remove::<ApiError>();
    let localized = response.extensions_mut().remove::<Localized>().is_some();
    if let Some(cause) = error.as_ref().and_then(|e| e.cause.as_ref()) {
        tracing::error!("internal error: {cause}");
    }
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
