//! Request extractors that never let a malformed request reach a 5xx: JSON bodies capped
//! before they are read and parsed strictly, the session cookie (and the administrator
//! behind it), and path tokens.

use std::convert::Infallible;
use std::net::SocketAddr;

use axum::extract::rejection::PathRejection;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Path, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header, request::Parts};
use axum::response::Response;
use passguard_policy::Policy;
use serde::de::DeserializeOwned;

use super::body::BodyTimedOut;
use super::error::ApiError;
use super::state::AppState;
use crate::accounts::{Administrator, Error, MAX_QUESTION_CHARS, NewSession, Session};
use crate::client::ClientKey;
use crate::texts::{self, Key};

/// Room for the JSON around the secrets of a request.
const ENVELOPE_BYTES: usize = 4096;
/// The most bytes one character of a string can take in JSON (`\ud83d\ude00`).
const JSON_BYTES_PER_CHAR: usize = 12;
/// The session cookie's name.
pub(crate) const SESSION_COOKIE: &str = "passguard_session";

/// What bounds a request body's size.
pub(crate) trait BodyLimit {
    /// The most bytes accepted for this body under `policy`.
    fn limit(policy: &Policy) -> usize;
}

/// Bodies with no password in them: a few names.
pub(crate) struct Small;
/// Bodies with up to two passwords.
pub(crate) struct Passwords;
/// A registration or reset: a password and the security questions or answers.
pub(crate) struct WithAnswers;

impl BodyLimit for Small {
    fn limit(_: &Policy) -> usize {
        ENVELOPE_BYTES
    }
}

impl BodyLimit for Passwords {
    fn limit(policy: &Policy) -> usize {
        ENVELOPE_BYTES + 2 * JSON_BYTES_PER_CHAR * policy.password.max_length as usize
    }
}

impl BodyLimit for WithAnswers {
    fn limit(policy: &Policy) -> usize {
        let questions = policy.reset.security_questions as usize;
        Passwords::limit(policy) + questions * 2 * JSON_BYTES_PER_CHAR * MAX_QUESTION_CHARS
    }
}

/// A JSON body of type `T`, at most `L::limit` bytes, with `Content-Type: application/json`.
/// Unknown fields, duplicate fields, wrong types, invalid UTF-8 and lone surrogates are all
/// 400 `invalid-json`; an oversized body is 413 `body-too-large`, never parsed, and read (to
/// be thrown away) only up to [`DRAIN_LIMIT`].
pub(crate) struct ApiJson<T, L>(pub(crate) T, pub(crate) std::marker::PhantomData<L>);

impl<T, L> FromRequest<AppState> for ApiJson<T, L>
where
    T: DeserializeOwned,
    L: BodyLimit,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let bytes = capped_body::<L>(request, state, "application/json").await?;
        let value = serde_json::from_slice(&bytes).map_err(|e| describe(&e))?;
        Ok(ApiJson(value, std::marker::PhantomData))
    }
}

/// A form body (`application/x-www-form-urlencoded`) of type `T`, from a page working
/// without JavaScript: capped at `L::limit` like [`ApiJson`] (a form encodes a character in
/// at most 12 bytes too: `%F0%9F%98%80`), never parsed past it; a malformed one is 400
/// `invalid-request`.
pub(crate) struct FormBody<T, L>(pub(crate) T, pub(crate) std::marker::PhantomData<L>);

impl<T, L> FromRequest<AppState> for FormBody<T, L>
where
    T: DeserializeOwned,
    L: BodyLimit,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let bytes = capped_body::<L>(request, state, "application/x-www-form-urlencoded").await?;
        let value = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| ApiError::bad_request("invalid-request", texts::REQUEST_VALUE))?;
        Ok(FormBody(value, std::marker::PhantomData))
    }
}

/// The body of a request whose `Content-Type` is `media_type` (else 415
/// `unsupported-media-type`), at most `L::limit` bytes: a larger one is 413 `body-too-large`,
/// refused on its declared length before any byte is read when it declares one, and read (to
/// be thrown away) only up to [`DRAIN_LIMIT`].
async fn capped_body<L: BodyLimit>(
    request: Request,
    state: &AppState,
    media_type: &str,
) -> Result<bytes::Bytes, ApiError> {
    let declared_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next());
    if !declared_type.is_some_and(|v| v.trim().eq_ignore_ascii_case(media_type)) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            texts::UNSUPPORTED_MEDIA_TYPE,
        ));
    }
    let limit = L::limit(state.accounts().policy());
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body-too-large",
            texts::BODY_TOO_LARGE,
        )
        .arg("limit", limit)
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        if declared.is_some_and(|n| n <= DRAIN_LIMIT) {
            drain(request.into_body(), 0).await;
        }
        return Err(too_large());
    }
    match read_capped(request.into_body(), limit).await {
        Ok(bytes) => Ok(bytes),
        Err(Unread::TooLarge) => Err(too_large()),
        Err(Unread::TimedOut) => Err(timed_out()),
    }
}

/// How much of an oversized body is read, and thrown away, before the 413 goes out. A client
/// still sending when the answer arrives can lose it if the connection closes under unread
/// data (the peer sees a reset), so a moderate excess is drained first; past this the
/// connection is closed without reading on. Draining costs bandwidth, never parsing or
/// hashing, and nothing is kept in memory.
const DRAIN_LIMIT: u64 = 4 * 1024 * 1024;

/// Why a body was not read.
enum Unread {
    /// It holds more than the limit (or broke off).
    TooLarge,
    /// It did not arrive within `body_timeout`.
    TimedOut,
}

/// 408 `request-timeout`.
fn timed_out() -> ApiError {
    ApiError::new(
        StatusCode::REQUEST_TIMEOUT,
        "request-timeout",
        texts::REQUEST_TIMEOUT,
    )
}

/// The body, if it holds at most `limit` bytes; otherwise why not, after draining the rest
/// of an oversized one (up to [`DRAIN_LIMIT`]).
async fn read_capped(body: axum::body::Body, limit: usize) -> Result<bytes::Bytes, Unread> {
    use http_body_util::BodyExt;
    let mut body = body;
    let mut collected = bytes::BytesMut::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|error| {
            if BodyTimedOut::caused(error) {
                Unread::TimedOut
            } else {
                Unread::TooLarge
            }
        })?;
        if let Some(data) = frame.data_ref() {
            if collected.len() + data.len() > limit {
                drain(body, (collected.len() + data.len()) as u64).await;
                return Err(Unread::TooLarge);
            }
            collected.extend_from_slice(data);
        }
    }
    Ok(collected.freeze())
}

/// Reads and discards the rest of `body`, stopping once [`DRAIN_LIMIT`] bytes (counting
/// `seen` already read) have passed, or the body's time is up.
async fn drain(mut body: axum::body::Body, mut seen: u64) {
    use http_body_util::BodyExt;
    while seen <= DRAIN_LIMIT {
        match body.frame().await {
            Some(Ok(frame)) => seen += frame.data_ref().map_or(0, |d| d.len() as u64),
            _ => return,
        }
    }
}

/// 400 `invalid-json`, saying what serde_json found without echoing input: a field's name,
/// the list of fields expected, or a position, never a string's content.
fn describe(error: &serde_json::Error) -> ApiError {
    use serde_json::error::Category;
    let invalid = |key: Key| ApiError::bad_request("invalid-json", key);
    let at = |key: Key| {
        invalid(key)
            .arg("line", error.line())
            .arg("column", error.column())
    };
    match error.classify() {
        Category::Io | Category::Eof => invalid(texts::JSON_EOF),
        Category::Syntax => at(texts::JSON_SYNTAX),
        Category::Data => {
            // serde's data errors name fields in backquotes ("missing field `password`",
            // "unknown field `x`, expected one of `a`, `b`"); strings are quoted only as
            // `string "..."`, which is never looked at.
            let text = error.to_string();
            let text = text.split(" at line ").next().unwrap_or_default();
            if let Some(rest) = text.strip_prefix("missing field ") {
                return invalid(texts::JSON_MISSING_FIELD).arg("field", quoted(rest).join(""));
            }
            if let Some(rest) = text.strip_prefix("duplicate field ") {
                return invalid(texts::JSON_DUPLICATE_FIELD).arg("field", quoted(rest).join(""));
            }
            if let Some(rest) = text.strip_prefix("unknown field `") {
                // The unknown name itself is left out: it could be anything the client sent.
                let expected = rest.split_once("`, ").map_or("", |(_, e)| e);
                let fields = quoted(expected);
                if !fields.is_empty() {
                    return invalid(texts::JSON_UNKNOWN_FIELD).arg("fields", fields.join(", "));
                }
            }
            at(texts::JSON_VALUE)
        }
    }
}

/// The names between backquotes in `text`.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// Who the request comes from, for the abuse controls: the peer the connection came from
/// (or what `X-Forwarded-For` says it relayed, from a trusted proxy). A request without a
/// peer (driven in-process, as tests do) is the server's own.
pub(crate) struct Client(pub(crate) ClientKey);

impl FromRequestParts<AppState> for Client {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let Some(ConnectInfo(peer)) = parts.extensions.get::<ConnectInfo<SocketAddr>>() else {
            return Ok(Client(ClientKey::Local));
        };
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok());
        let trusted = &state.accounts().limits().trusted_proxies;
        Ok(Client(ClientKey::resolve(peer.ip(), forwarded, trusted)))
    }
}

/// The account behind the session cookie.
pub(crate) struct SignedIn(pub(crate) Session);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = session_token(parts).ok_or(Error::Unauthenticated)?;
        Ok(SignedIn(state.accounts().session(token).await?))
    }
}

/// A signed-in administrator, in a full session. A handler that takes this cannot run for
/// anyone else, and the domain's administration needs the [`Administrator`] it carries.
pub(crate) struct Admin(pub(crate) Administrator);

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let SignedIn(session) = SignedIn::from_request_parts(parts, state).await?;
        Ok(Admin(state.accounts().administrator(&session)?))
    }
}

/// A token taken from the URL path (`/api/register/{token}`); a segment that is not even
/// text is an unknown link.
pub(crate) struct LinkToken(pub(crate) String);

impl<S: Send + Sync> FromRequestParts<S> for LinkToken {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let token: Result<Path<String>, PathRejection> =
            Path::from_request_parts(parts, state).await;
        token
            .map(|Path(token)| LinkToken(token))
            .map_err(|_| Error::TokenUnknown.into())
    }
}

/// A username taken from the URL path (`/api/admin/users/{username}/…`); a segment that is
/// not even text is an unknown account.
pub(crate) struct UsernamePath(pub(crate) String);

impl<S: Send + Sync> FromRequestParts<S> for UsernamePath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let name: Result<Path<String>, PathRejection> =
            Path::from_request_parts(parts, state).await;
        name.map(|Path(name)| UsernamePath(name))
            .map_err(|_| Error::NoSuchAccount.into())
    }
}

/// An organization's slug taken from the URL path (`/api/admin/orgs/{slug}`).
pub(crate) struct OrgSlug(pub(crate) String);

impl<S: Send + Sync> FromRequestParts<S> for OrgSlug {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let slug: Result<Path<String>, PathRejection> =
            Path::from_request_parts(parts, state).await;
        slug.map(|Path(slug)| OrgSlug(slug))
            .map_err(|_| Error::NoSuchOrg.into())
    }
}

/// Adds the `Set-Cookie` of `session` to `response`: HttpOnly, SameSite=Strict, Secure
/// behind https. `None` clears the cookie.
pub(crate) fn set_session_cookie(
    mut response: Response,
    state: &AppState,
    session: Option<&NewSession>,
) -> Response {
    let (value, max_age) = session.map_or(("", 0), |s| (s.token.as_str(), s.lifetime));
    append_cookie(
        &mut response,
        state,
        &format!("{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}"),
    );
    response
}

/// Adds `Set-Cookie: {cookie}` to `response`, marked `Secure` when the site is HTTPS.
pub(crate) fn append_cookie(response: &mut Response, state: &AppState, cookie: &str) {
    let secure = if state.https() { "; Secure" } else { "" };
    if let Ok(value) = HeaderValue::from_str(&format!("{cookie}{secure}")) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// The session token in a `Cookie` header, if any.
pub(crate) fn session_token(parts: &Parts) -> Option<&str> {
    cookie(&parts.headers, SESSION_COOKIE)
}

/// The value of the cookie `name` the request carries, if any.
pub(crate) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(cookie, _)| *cookie == name)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn error(json: &str) -> String {
        describe(&serde_json::from_str::<passguard_wire::LoginRequest>(json).unwrap_err()).message()
    }

    #[test]
    fn messages_never_echo_string_content() {
        let message = error(r#"{"username": 1, "password": "hunter2"}"#);
        assert!(
            message.contains("wrong type or form at line 1"),
            "{message}"
        );
        let message = error(r#"{"username": "ada", "password": ["hunter2"]}"#);
        assert!(!message.contains("hunter2"), "{message}");
        let message = error(r#"{"username": "ada", "password": "x", "password": "hunter2"}"#);
        assert!(
            message.contains("the field password appears twice"),
            "{message}"
        );
        assert!(!message.contains("hunter2"), "{message}");
        let message = error(r#"{"username": "ada", "hunter2": "x"}"#);
        assert!(!message.contains("hunter2"), "{message}");
        assert!(
            message.contains("expected: username, password"),
            "{message}"
        );
        let message = error(r#"{"username": "ada"}"#);
        assert!(
            message.contains("the field password is missing"),
            "{message}"
        );
        assert!(error(r#"{"username": "#).contains("ends too early"));
        assert!(error("{]").contains("syntax error at line 1, column 2"));
    }
}
