//! A forgotten password: asking for a reset link, and redeeming it with the security
//! answers and a new password.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passguard_policy::Context;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::account::{Done, keep, refuse_unless_accepted, remembered};
use super::extract::{ApiJson, Lang, Secret, Small, WithAnswers};
use super::links::{LinkPath, redeemable, used};
use crate::error::{ApiError, ErrorBody, Localized};
use crate::mail;
use crate::state::{AppState, PURPOSE_RESET, email_key, username_key};
use crate::store::{Guard, NewPassword, User};
use crate::texts;

/// `POST /api/password/forgot`: a username or an e-mail address.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ForgotRequest {
    username: Option<String>,
    email: Option<String>,
}

/// The one answer to a forgotten-password request.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Accepted {
    /// In the request's language.
    message: String,
}

/// Asks for a reset link. Always 202 with the same body, at once: the lookup and the e-mail
/// (a link, or "contact an administrator" for a locked account) happen in the background.
/// The e-mail is in the account's language, whoever asks.
#[utoipa::path(post, path = "/api/password/forgot", tag = "recovery", request_body = ForgotRequest,
    responses(
        (status = 202, description = "The same answer whether or not the account exists", body = Accepted),
        (status = 400, description = "`invalid-request`: neither a username nor an e-mail", body = ErrorBody),
    ))]
pub(crate) async fn forgot(
    State(state): State<AppState>,
    lang: Lang,
    ApiJson(request, ..): ApiJson<ForgotRequest, Small>,
) -> Result<Response, ApiError> {
    let name = request
        .username
        .or(request.email)
        .filter(|name| !name.trim().is_empty())
        .ok_or_else(|| ApiError::bad_request("invalid-request", texts::REQUEST_FORGOT))?;
    let job_state = state.clone();
    state.spawn_background("forgotten-password e-mail", async move {
        send_recovery(&job_state, &name).await
    });
    let accepted = Accepted {
        message: texts::text(lang.locale, texts::FORGOT_ACCEPTED),
    };
    let mut response = (StatusCode::ACCEPTED, Json(accepted)).into_response();
    response.extensions_mut().insert(Localized);
    Ok(response)
}

async fn send_recovery(state: &AppState, name: &str) -> Result<(), ApiError> {
    let store = state.store();
    let mut users = store
        .user_by_key(&username_key(name))
        .await?
        .into_iter()
        .collect::<Vec<_>>();
    if users.is_empty() {
        users = store.users_by_email_key(&email_key(name)).await?;
    }
    let now = state.clock().now();
    for user in users.iter().filter(|user| user.password_hash.is_some()) {
        if state.is_locked(user, now) {
            let message = mail::locked(user.locale, &user.username, state.support_contact());
            state.inner.mailer.send(&user.email, message).await?;
        } else {
            state.send_reset_link(user, now).await?;
        }
    }
    Ok(())
}

/// What a reset link shows before the answers.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ResetQuestions {
    username: String,
    /// The questions chosen at registration, in order; answer them in this order.
    security_questions: Vec<String>,
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
    token: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<Json<ResetQuestions>, ApiError> {
    let token = LinkPath::from(token)?;
    let (_, user) = redeemable(&state, &token.0, PURPOSE_RESET).await?;
    let questions = state.store().security_answers(user.id).await?;
    Ok(Json(ResetQuestions {
        username: user.username,
        security_questions: questions.into_iter().map(|(q, _)| q).collect(),
    }))
}

/// `POST /api/password/reset`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResetRequest {
    token: String,
    /// The answers, in the order of the questions.
    #[schema(value_type = Vec<String>)]
    answers: Vec<Secret>,
    #[schema(value_type = String, format = Password)]
    new_password: Secret,
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
        (status = 422, description = "`password-rejected` with the engine's `report`", body = super::meta::RejectedBody),
        (status = 423, description = "`locked`, also on the wrong answer that locks", body = ErrorBody),
    ))]
pub(crate) async fn reset(
    State(state): State<AppState>,
    lang: Lang,
    ApiJson(request, ..): ApiJson<ResetRequest, WithAnswers>,
) -> Result<Json<Done>, ApiError> {
    let (link, user) = redeemable(&state, &request.token, PURPOSE_RESET).await?;
    let now = state.clock().now();
    if state.is_locked(&user, now) {
        return Err(ApiError::locked(state.support_contact()));
    }
    let stored_answers = state.store().security_answers(user.id).await?;
    if request.answers.len() != stored_answers.len() {
        return Err(
            ApiError::bad_request("invalid-request", texts::REQUEST_ANSWERS)
                .arg("count", stored_answers.len()),
        );
    }
    let history = remembered(&state, user.id).await?;
    let context = Context {
        username: Some(user.username.clone()),
        email: Some(user.email.clone()),
        password_changed_at: None,
        now: Some(now),
        locale: Some(lang.locale),
        ..Context::default()
    };
    let policy = state.policy().clone();
    let answers = request.answers;
    let password = request.new_password;
    let outcome = state
        .hasher()
        .run(move |work| {
            // Every answer is verified, right or wrong, so the time taken says nothing.
            let right = answers
                .iter()
                .zip(&stored_answers)
                .map(|(answer, (_, stored))| work.verify_answer(&answer.0, stored))
                .fold(true, |all, one| all & one);
            if !right {
                return None;
            }
            let report = policy.check_with(&password.0, &context, &work.history(&history));
            let hash = report.accepted.then(|| work.hash_password(&password.0));
            Some((report, hash))
        })
        .await?;
    let Some((report, hash)) = outcome else {
        return Err(wrong_answers(&state, &user, now).await?);
    };
    state.store().answers_succeeded(user.id).await?;
    refuse_unless_accepted(&report, now)?;
    let hash = hash.ok_or_else(|| ApiError::internal(&"accepted password without a hash"))??;
    let reset = state
        .store()
        .set_password(&NewPassword {
            user_id: user.id,
            hash: &hash,
            now,
            keep: keep(state.policy()),
            guard: Guard::Link {
                selector: &link.selector,
                purpose: PURPOSE_RESET,
            },
            answers: None,
            lifted_until: state.lifted_until(now),
            locale: None,
        })
        .await?;
    if !reset {
        return Err(used());
    }
    Ok(Json(Done {
        username: user.username,
    }))
}

/// Counts a wrong set of answers: 401 `wrong-answers`, or 423 `locked` when this one locks.
async fn wrong_answers(state: &AppState, user: &User, now: i64) -> Result<ApiError, ApiError> {
    let lock = state
        .store()
        .answers_failed(user.id, state.answers_lock(now))
        .await?;
    Ok(if lock.locked {
        ApiError::locked(state.support_contact())
    } else {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "wrong-answers",
            texts::WRONG_ANSWERS,
        )
    })
}
