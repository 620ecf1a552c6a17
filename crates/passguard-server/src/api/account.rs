//! An account's own endpoints: registration from an invitation link, login and logout, the
//! account's state, and changing the password. Each parses, calls the domain layer, answers.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passguard_wire::{
    ChangeRequest, Done, ErrorBody, Invitation, LoginRequest, Me, RegisterRequest,
};

use super::error::ApiError;
use super::extract::{
    ApiJson, Client, LinkToken, Passwords, SignedIn, WithAnswers, set_session_cookie,
};
use super::lang::Lang;
use super::state::AppState;
use crate::accounts::Login;

/// Signs in. Exactly one Argon2 verification whatever the username, and the same answers
/// for unknown names as for real accounts, including the lock after `max_failed_logins`.
/// A successful login remembers the language `Accept-Language` names for the account's
/// e-mails.
#[utoipa::path(post, path = "/api/login", tag = "account", request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in; sets the session cookie", body = Me),
        (status = 401, description = "`invalid-credentials`", body = ErrorBody),
        (status = 403, description = "`password-expired`: the session cookie set (when `can_change` is true) only allows changing the password; `password-noncompliant` (policy `check_at_login`): the policy in force now refuses the password, the report says why, and the session cookie set only allows changing it", body = ErrorBody),
        (status = 423, description = "`locked`", body = ErrorBody),
        (status = 429, description = "`rate-limited`: this client spent its budget of failed logins (`Retry-After`)", body = ErrorBody),
    ))]
pub(crate) async fn login(
    State(state): State<AppState>,
    Client(client): Client,
    lang: Lang,
    ApiJson(request, ..): ApiJson<LoginRequest, Passwords>,
) -> Result<Response, ApiError> {
    let login = state
        .accounts()
        .login(
            &client,
            &request.username,
            request.password,
            lang.remembered(),
        )
        .await?;
    Ok(match login {
        Login::Full { me, session } => {
            set_session_cookie(Json(me).into_response(), &state, Some(&session))
        }
        Login::ChangeOnly {
            expired_at,
            session,
        } => set_session_cookie(
            ApiError::expired_change_only(expired_at).into_response(),
            &state,
            Some(&session),
        ),
        Login::Noncompliant { report, session } => set_session_cookie(
            ApiError::noncompliant(*report).into_response(),
            &state,
            Some(&session),
        ),
    })
}

/// Ends the session; answers 204 with or without one.
#[utoipa::path(post, path = "/api/logout", tag = "account",
    responses((status = 204, description = "Signed out; the cookie is cleared")))]
pub(crate) async fn logout(
    State(state): State<AppState>,
    signed_in: Result<SignedIn, ApiError>,
) -> Result<Response, ApiError> {
    if let Ok(SignedIn(session)) = signed_in {
        state.accounts().end_session(&session.selector).await?;
    }
    Ok(set_session_cookie(
        StatusCode::NO_CONTENT.into_response(),
        &state,
        None,
    ))
}

/// The signed-in account.
#[utoipa::path(get, path = "/api/me", tag = "account",
    responses(
        (status = 200, body = Me),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
    ))]
pub(crate) async fn me(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    lang: Lang,
) -> Result<Json<Me>, ApiError> {
    let accounts = state.accounts();
    let now = accounts.clock().now();
    Ok(Json(
        accounts
            .me(&session.user, session.scope, now, lang.locale)
            .await?,
    ))
}

/// Changes the password, given the current one. Allowed to a session opened with an
/// expired password. Revokes every session and answers with a new cookie.
#[utoipa::path(post, path = "/api/password/change", tag = "account", request_body = ChangeRequest,
    responses(
        (status = 200, description = "Changed; every other session is revoked and a new cookie set", body = Me),
        (status = 401, description = "`unauthenticated`, or `invalid-credentials` for a wrong current password (counted toward the lock)", body = ErrorBody),
        (status = 409, description = "`conflict`: the password changed meanwhile", body = ErrorBody),
        (status = 422, description = "`password-rejected` with the engine's `report`", body = super::schemas::RejectedBody),
        (status = 423, description = "`locked`", body = ErrorBody),
        (status = 429, description = "`min-age`: `allowed_at` says when a change is allowed again", body = super::schemas::MinAgeBody),
    ))]
pub(crate) async fn change(
    State(state): State<AppState>,
    Client(client): Client,
    SignedIn(session): SignedIn,
    lang: Lang,
    ApiJson(request, ..): ApiJson<ChangeRequest, Passwords>,
) -> Result<Response, ApiError> {
    let (me, new) = state
        .accounts()
        .change(&client, &session, request, lang.locale)
        .await?;
    Ok(set_session_cookie(
        Json(me).into_response(),
        &state,
        Some(&new),
    ))
}

/// Looks up an invitation link.
#[utoipa::path(get, path = "/api/register/{token}", tag = "account",
    params(("token" = String, Path, description = "The token of the registration link")),
    responses(
        (status = 200, body = Invitation),
        (status = 404, description = "`token-unknown`", body = ErrorBody),
        (status = 410, description = "`token-expired` or `token-used`", body = ErrorBody),
    ))]
pub(crate) async fn invitation(
    State(state): State<AppState>,
    LinkToken(token): LinkToken,
) -> Result<Json<Invitation>, ApiError> {
    Ok(Json(state.accounts().invitation(&token).await?))
}

/// Registers: chooses the password and the security questions of an invited account. The
/// language `Accept-Language` names becomes the account's language for e-mails.
#[utoipa::path(post, path = "/api/register", tag = "account", request_body = RegisterRequest,
    responses(
        (status = 201, description = "Registered; sign in next", body = Done),
        (status = 400, description = "`invalid-security-questions`", body = ErrorBody),
        (status = 404, description = "`token-unknown`", body = ErrorBody),
        (status = 410, description = "`token-expired` or `token-used`", body = ErrorBody),
        (status = 422, description = "`password-rejected` with the engine's `report`", body = super::schemas::RejectedBody),
    ))]
pub(crate) async fn register(
    State(state): State<AppState>,
    Client(client): Client,
    lang: Lang,
    ApiJson(request, ..): ApiJson<RegisterRequest, WithAnswers>,
) -> Result<(StatusCode, Json<Done>), ApiError> {
    let done = state
        .accounts()
        .register(&client, request, lang.locale, lang.remembered())
        .await?;
    Ok((StatusCode::CREATED, Json(done)))
}
