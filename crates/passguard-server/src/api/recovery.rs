//! A forgotten password: asking for a reset link, and redeeming it with the security
//! answers and a new password.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passguard_wire::{
    Accepted, Done, ErrorBody, ForgotRequest, ResetQuestions, ResetRequest, UnlockRequest,
};

use super::error::{ApiError, Localized};
use super::extract::{ApiJson, Client, LinkToken, Small, WithAnswers};
use super::lang::Lang;
use super::state::AppState;
use crate::texts;

/// Asks for a reset link. Always 202 with the same body, at once: the lookup and the e-mail
/// (a link, or "contact an administrator" for a locked account) happen in the background.
/// The e-mail is in the account's language, whoever asks.
#[utoipa::path(post, path = "/api/password/forgot", tag = "recovery", request_body = ForgotRequest,
    responses(
        (status = 202, description = "The same answer whether or not the account exists", body = Accepted),
        (status = 400, description = "`invalid-request`: neither a username nor an e-mail", body = ErrorBody),
        (status = 429, description = "`rate-limited`: this client asked too often, whatever the name (`Retry-After`)", body = ErrorBody),
    ))]
pub(crate) async fn forgot(
    State(state): State<AppState>,
    Client(client): Client,
    lang: Lang,
    ApiJson(request, ..): ApiJson<ForgotRequest, Small>,
) -> Result<Response, ApiError> {
    let name = forgot_name(request)?;
    state.accounts().forgot(&client, name).await?;
    let accepted = Accepted {
        message: texts::text(lang.locale, texts::FORGOT_ACCEPTED),
    };
    let mut response = (StatusCode::ACCEPTED, Json(accepted)).into_response();
    response.extensions_mut().insert(Localized);
    Ok(response)
}

/// Looks up a reset link and the account's security questions.
#[utoipa::path(get, path = "/api/password/reset/{token}", tag = "recovery",
    params(("token" = String, Path, description = "The token of the reset link")),
    responses(
        (status = 200, body = ResetQuestions),
        (status = 404, description = "`token-unknown`", body = ErrorBody),
        (status = 410, description = "`token-expired` or `token-used`", body = ErrorBody),
    ))]
pub(crate) async fn questions(
    State(state): State<AppState>,
    LinkToken(token): LinkToken,
) -> Result<Json<ResetQuestions>, ApiError> {
    Ok(Json(state.accounts().reset_questions(&token).await?))
}

/// Redeems a reset link: the answers first (counted toward the lock), then the engine's
/// rules, then the link is consumed atomically with the new password.
#[utoipa::path(post, path = "/api/password/reset", tag = "recovery", request_body = ResetRequest,
    responses(
        (status = 200, description = "The password is set; every session is revoked", body = Done),
        (status = 400, description = "`invalid-request`: not one answer per question", body = ErrorBody),
        (status = 401, description = "`wrong-answers`", body = ErrorBody),
        (status = 404, description = "`token-unknown`", body = ErrorBody),
        (status = 410, description = "`token-expired` or `token-used`", body = ErrorBody),
        (status = 422, description = "`password-rejected` with the engine's `report`", body = super::schemas::RejectedBody),
        (status = 423, description = "`locked`, also on the wrong answer that locks", body = ErrorBody),
    ))]
pub(crate) async fn reset(
    State(state): State<AppState>,
    Client(client): Client,
    lang: Lang,
    ApiJson(request, ..): ApiJson<ResetRequest, WithAnswers>,
) -> Result<Json<Done>, ApiError> {
    Ok(Json(
        state
            .accounts()
            .reset(&client, request, lang.locale)
            .await?,
    ))
}

/// Redeems the unlock link of a lock e-mail (policy `unlock = "email"`): the lock lifts and
/// the failure counters start again; the password stays as it is.
#[utoipa::path(post, path = "/api/unlock", tag = "recovery", request_body = UnlockRequest,
    responses(
        (status = 200, description = "The account is unlocked", body = Done),
        (status = 404, description = "`token-unknown`", body = ErrorBody),
        (status = 410, description = "`token-expired` or `token-used`", body = ErrorBody),
    ))]
pub(crate) async fn unlock(
    State(state): State<AppState>,
    ApiJson(request, ..): ApiJson<UnlockRequest, Small>,
) -> Result<Json<Done>, ApiError> {
    Ok(Json(state.accounts().unlock_by_link(&request.token).await?))
}

/// The name a forgotten-password request gives, username or e-mail address (the JSON API's
/// and the plain form's alike): 400 `invalid-request` when it gives neither.
pub(super) fn forgot_name(request: ForgotRequest) -> Result<String, ApiError> {
    request
        .username
        .or(request.email)
        .filter(|name| !name.trim().is_empty())
        .ok_or_else(|| ApiError::bad_request("invalid-request", texts::REQUEST_FORGOT))
}
