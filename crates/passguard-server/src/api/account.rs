//! An account's own endpoints: registration from an invitation link, login and logout, the
//! account's state, and changing the password.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use passguard_policy::{Context, NoHistory, Policy, Report, RuleId, Status};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, Lang, MAX_QUESTION_CHARS, Passwords, Secret, SignedIn, WithAnswers};
use super::links::{LinkPath, redeemable};
use crate::error::{ApiError, ErrorBody};
use crate::hashing::normalize_answer;
use crate::state::{
    AccountStatus, AppState, PURPOSE_REGISTER, SCOPE_CHANGE_PASSWORD, SCOPE_FULL, username_key,
};
use crate::store::{Guard, NewPassword, User};
use crate::texts::{self, Value};
use crate::tokens;

/// An account as its owner sees it (`GET /api/me`, and the answer to a login).
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Me {
    username: String,
    email: String,
    /// `user` or `admin`.
    role: String,
    status: AccountStatus,
    /// When the password was set (Unix seconds).
    password_changed_at: Option<i64>,
    /// When the password may be changed again (Unix seconds), if the policy sets a minimum age.
    can_change_after: Option<i64>,
    /// When the password expires (Unix seconds), if the policy lets passwords expire.
    expires_at: Option<i64>,
    /// True when this session may only change the (expired) password.
    must_change_password: bool,
    /// The login notice for the account's role, if one is configured.
    notice: Option<String>,
    /// Who to contact for assistance.
    support_contact: String,
    /// The server's clock (Unix seconds), so that pages count down against the time the
    /// server decides by, not a browser clock that may be off.
    now: i64,
}

pub(crate) async fn me_of(
    state: &AppState,
    user: &User,
    scope: &str,
    now: i64,
) -> Result<Me, ApiError> {
    let reset_pending = state.store().reset_pending(user.id, now).await?;
    Ok(Me {
        username: user.username.clone(),
        email: user.email.clone(),
        role: user.role.clone(),
        status: state.status(user, now, reset_pending),
        password_changed_at: user.password_changed_at,
        can_change_after: state.can_change_after(user),
        expires_at: state.expires_at(user),
        must_change_password: scope != SCOPE_FULL,
        notice: state.notice(&user.role).map(str::to_owned),
        support_contact: state.support_contact().to_owned(),
        now,
    })
}

fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// `POST /api/login`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct LoginRequest {
    username: String,
    #[schema(value_type = String, format = Password)]
    password: Secret,
}

/// Signs in. Exactly one Argon2 verification whatever the username, and the same answers
/// for unknown names as for real accounts, including the lock after `max_failed_logins`.
/// A successful login remembers the language `Accept-Language` names for the account's
/// e-mails.
#[utoipa::path(post, path = "/api/login", tag = "account", request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in; sets the session cookie", body = Me),
        (status = 401, description = "`invalid-credentials`", body = ErrorBody),
        (status = 403, description = "`password-expired`: the session cookie set (when `can_change` is true) only allows changing the password", body = ErrorBody),
        (status = 423, description = "`locked`", body = ErrorBody),
    ))]
pub(crate) async fn login(
    State(state): State<AppState>,
    lang: Lang,
    ApiJson(request, ..): ApiJson<LoginRequest, Passwords>,
) -> Result<Response, ApiError> {
    let key = username_key(&request.username);
    let registered = state
        .store()
        .user_by_key(&key)
        .await?
        .filter(|user| user.password_hash.is_some());
    let stored = registered
        .as_ref()
        .and_then(|user| user.password_hash.clone());
    let password = request.password;
    let (matches, rehashed) = state
        .hasher()
        .run(move |work| {
            let matches = work.verify_password(&password.0, stored.as_deref());
            let rehashed = match stored {
                Some(stored) if matches && work.needs_rehash(&stored) => work
                    .hash_password(&password.0)
                    .ok()
                    .map(|new| (stored, new)),
                _ => None,
            };
            (matches, rehashed)
        })
        .await?;
    let now = state.clock().now();
    let Some(user) = registered else {
        let digest = tokens::name_digest(&key);
        let lock = state
            .store()
            .unknown_login_failed(&digest, state.login_lock(now))
            .await?;
        return Err(failure(&state, lock.locked));
    };
    if !matches {
        let lock = state
            .store()
            .login_failed(user.id, state.login_lock(now))
            .await?;
        return Err(failure(&state, lock.locked));
    }
    if !state
        .store()
        .login_succeeded(
            user.id,
            state.lifted_until(now),
            lang.named.then_some(lang.locale),
        )
        .await?
    {
        return Err(ApiError::locked(state.support_contact()));
    }
    if let Some((old, new)) = rehashed {
        state.store().rehash(user.id, &old, &new).await?;
    }
    if state.is_expired(&user, now) {
        return expired_login(&state, &user, now).await;
    }
    let cookie = state.open_session(&user, SCOPE_FULL, now).await?;
    let me = me_of(&state, &user, SCOPE_FULL, now).await?;
    Ok(with_cookie(Json(me).into_response(), &cookie))
}

fn failure(state: &AppState, locked: bool) -> ApiError {
    if locked {
        ApiError::locked(state.support_contact())
    } else {
        ApiError::invalid_credentials()
    }
}

/// 403 `password-expired`: within the grace period (or with none set) a session that may
/// only change the password; after it, nothing but a reset link.
async fn expired_login(state: &AppState, user: &User, now: i64) -> Result<Response, ApiError> {
    let grace = state.policy().password.expired_grace;
    let expires_at = state.expires_at(user).unwrap_or(now);
    let can_change =
        grace.is_none_or(|grace| now <= expires_at.saturating_add(grace.as_secs_i64()));
    let error = if can_change {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "password-expired",
            texts::EXPIRED_CHANGE,
        )
    } else {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "password-expired",
            texts::EXPIRED_CLOSED,
        )
        .arg("date", Value::Time(expires_at))
        .arg("contact", state.support_contact())
    };
    let error = error
        .with("can_change", can_change)
        .with("expired_at", expires_at);
    if !can_change {
        return Ok(error.into_response());
    }
    let cookie = state.open_session(user, SCOPE_CHANGE_PASSWORD, now).await?;
    Ok(with_cookie(error.into_response(), &cookie))
}

/// Ends the session; answers 204 with or without one.
#[utoipa::path(post, path = "/api/logout", tag = "account",
    responses((status = 204, description = "Signed out; the cookie is cleared")))]
pub(crate) async fn logout(
    State(state): State<AppState>,
    signed_in: Result<SignedIn, ApiError>,
) -> Result<Response, ApiError> {
    if let Ok(signed_in) = signed_in {
        state.store().delete_session(&signed_in.selector).await?;
    }
    let response = StatusCode::NO_CONTENT.into_response();
    Ok(with_cookie(response, &state.cookie("", 0)))
}

/// The signed-in account.
#[utoipa::path(get, path = "/api/me", tag = "account",
    responses(
        (status = 200, body = Me),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
    ))]
pub(crate) async fn me(
    State(state): State<AppState>,
    signed_in: SignedIn,
) -> Result<Json<Me>, ApiError> {
    let now = state.clock().now();
    Ok(Json(
        me_of(&state, &signed_in.user, &signed_in.scope, now).await?,
    ))
}

/// `POST /api/password/change`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChangeRequest {
    #[schema(value_type = String, format = Password)]
    current_password: Secret,
    #[schema(value_type = String, format = Password)]
    new_password: Secret,
}

/// Changes the password, given the current one. Allowed to a session opened with an
/// expired password. Revokes every session and answers with a new cookie.
#[utoipa::path(post, path = "/api/password/change", tag = "account", request_body = ChangeRequest,
    responses(
        (status = 200, description = "Changed; every other session is revoked and a new cookie set", body = Me),
        (status = 401, description = "`unauthenticated`, or `invalid-credentials` for a wrong current password (counted toward the lock)", body = ErrorBody),
        (status = 409, description = "`conflict`: the password changed meanwhile", body = ErrorBody),
        (status = 422, description = "`password-rejected` with the engine's `report`", body = super::meta::RejectedBody),
        (status = 423, description = "`locked`", body = ErrorBody),
        (status = 429, description = "`min-age`: `allowed_at` says when a change is allowed again", body = super::meta::MinAgeBody),
    ))]
pub(crate) async fn change(
    State(state): State<AppState>,
    signed_in: SignedIn,
    lang: Lang,
    ApiJson(request, ..): ApiJson<ChangeRequest, Passwords>,
) -> Result<Response, ApiError> {
    let user = signed_in.user;
    let now = state.clock().now();
    if state.is_locked(&user, now) {
        return Err(ApiError::locked(state.support_contact()));
    }
    let Some(stored) = user.password_hash.clone() else {
        return Err(ApiError::unauthenticated());
    };
    let history = remembered(&state, user.id).await?;
    let context = Context {
        username: Some(user.username.clone()),
        email: Some(user.email.clone()),
        current_password: Some(request.current_password.0.clone()),
        password_changed_at: user.password_changed_at,
        now: Some(now),
        locale: Some(lang.locale),
        ..Context::default()
    };
    let policy = state.policy().clone();
    let too_soon = state.can_change_after(&user).is_some_and(|at| now < at);
    let current_hash = stored.clone();
    let outcome = state
        .hasher()
        .run(move |work| {
            if !work.verify_password(&request.current_password.0, Some(&current_hash)) {
                return None;
            }
            // A change refused for its age needs no history verifications: `not-reused`
            // then stays pending in the report.
            let report = if too_soon {
                policy.check_with(&request.new_password.0, &context, &NoHistory)
            } else {
                policy.check_with(&request.new_password.0, &context, &work.history(&history))
            };
            let hash = report
                .accepted
                .then(|| work.hash_password(&request.new_password.0));
            Some((report, hash))
        })
        .await?;
    let Some((report, hash)) = outcome else {
        let lock = state
            .store()
            .login_failed(user.id, state.login_lock(now))
            .await?;
        return Err(failure(&state, lock.locked));
    };
    refuse_unless_accepted(&report, now)?;
    let hash = hash.ok_or_else(|| ApiError::internal(&"accepted password without a hash"))??;
    let changed = state
        .store()
        .set_password(&NewPassword {
            user_id: user.id,
            hash: &hash,
            now,
            keep: keep(state.policy()),
            guard: Guard::CurrentHash(&stored),
            answers: None,
            lifted_until: state.lifted_until(now),
            locale: None,
        })
        .await?;
    if !changed {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "conflict",
            texts::CONFLICT,
        ));
    }
    let user = state.store().user_by_id(user.id).await?.unwrap_or(user);
    let cookie = state.open_session(&user, SCOPE_FULL, now).await?;
    let me = me_of(&state, &user, SCOPE_FULL, now).await?;
    Ok(with_cookie(Json(me).into_response(), &cookie))
}

/// The hashes the engine's `not-reused` rule compares against.
pub(crate) async fn remembered(state: &AppState, user_id: i64) -> Result<Vec<String>, ApiError> {
    let history = state.policy().password.history;
    if history == 0 {
        return Ok(Vec::new());
    }
    state.store().history(user_id, i64::from(history)).await
}

/// How many hashes to keep: the policy's history, at least the current one.
pub(crate) fn keep(policy: &Policy) -> i64 {
    i64::from(policy.password.history.max(1))
}

/// 429 when `min-age` failed, 422 when anything else did.
pub(crate) fn refuse_unless_accepted(report: &Report, now: i64) -> Result<(), ApiError> {
    if let Some(rule) = report
        .rule(RuleId::MinAge)
        .filter(|rule| rule.status == Status::Fail)
    {
        let allowed_at = rule.params.get_int("allowed_at").unwrap_or(now);
        return Err(ApiError::min_age(report, allowed_at, now));
    }
    if report.accepted {
        Ok(())
    } else {
        Err(ApiError::rejected(report))
    }
}

/// What an invitation link shows before registering.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Invitation {
    username: String,
    email: String,
    /// How many security questions to choose.
    security_questions: u32,
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
    token: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<Json<Invitation>, ApiError> {
    let token = LinkPath::from(token)?;
    let (_, user) = redeemable(&state, &token.0, PURPOSE_REGISTER).await?;
    Ok(Json(Invitation {
        username: user.username,
        email: user.email,
        security_questions: state.policy().reset.security_questions,
    }))
}

/// One security question and its answer.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuestionAnswer {
    question: String,
    #[schema(value_type = String)]
    answer: Secret,
}

/// `POST /api/register`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RegisterRequest {
    token: String,
    #[schema(value_type = String, format = Password)]
    password: Secret,
    security_questions: Vec<QuestionAnswer>,
}

/// The account a registration or reset was for.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Done {
    pub(crate) username: String,
}

/// Registers: chooses the password and the security questions of an invited account. The
/// language `Accept-Language` names becomes the account's language for e-mails.
#[utoipa::path(post, path = "/api/register", tag = "account", request_body = RegisterRequest,
    responses(
        (status = 201, description = "Registered; sign in next", body = Done),
        (status = 400, description = "`invalid-security-questions`", body = ErrorBody),
        (status = 404, description = "`token-unknown`", body = ErrorBody),
        (status = 410, description = "`token-expired` or `token-used`", body = ErrorBody),
        (status = 422, description = "`password-rejected` with the engine's `report`", body = super::meta::RejectedBody),
    ))]
pub(crate) async fn register(
    State(state): State<AppState>,
    lang: Lang,
    ApiJson(request, ..): ApiJson<RegisterRequest, WithAnswers>,
) -> Result<(StatusCode, Json<Done>), ApiError> {
    let (link, user) = redeemable(&state, &request.token, PURPOSE_REGISTER).await?;
    let questions = validate_questions(&state, request.security_questions)?;
    let now = state.clock().now();
    let context = Context {
        username: Some(user.username.clone()),
        email: Some(user.email.clone()),
        password_changed_at: None,
        now: Some(now),
        locale: Some(lang.locale),
        ..Context::default()
    };
    let policy = state.policy().clone();
    let password = request.password;
    let (report, hashes) = state
        .hasher()
        .run(move |work| {
            let report = policy.check_with(&password.0, &context, &work.history(&[]));
            if !report.accepted {
                return (report, None);
            }
            let hashes = work.hash_password(&password.0).and_then(|hash| {
                let answers = questions
                    .into_iter()
                    .map(|(question, answer)| Ok((question, work.hash_answer(&answer.0)?)))
                    .collect::<Result<Vec<_>, ApiError>>()?;
                Ok((hash, answers))
            });
            (report, Some(hashes))
        })
        .await?;
    refuse_unless_accepted(&report, now)?;
    let (hash, answers) =
        hashes.ok_or_else(|| ApiError::internal(&"accepted password without a hash"))??;
    let registered = state
        .store()
        .set_password(&NewPassword {
            user_id: user.id,
            hash: &hash,
            now,
            keep: keep(state.policy()),
            guard: Guard::Link {
                selector: &link.selector,
                purpose: PURPOSE_REGISTER,
            },
            answers: Some(&answers),
            lifted_until: state.lifted_until(now),
            locale: lang.named.then_some(lang.locale),
        })
        .await?;
    if !registered {
        return Err(super::links::used());
    }
    state
        .store()
        .forget_unknown_name(&tokens::name_digest(&username_key(&user.username)))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(Done {
            username: user.username,
        }),
    ))
}

/// Exactly the policy's number of questions, each 1 to 200 characters and distinct, each
/// with a non-empty answer of at most 200 characters.
fn validate_questions(
    state: &AppState,
    questions: Vec<QuestionAnswer>,
) -> Result<Vec<(String, Secret)>, ApiError> {
    let wanted = state.policy().reset.security_questions as usize;
    let invalid = |key| ApiError::bad_request("invalid-security-questions", key);
    if questions.len() != wanted {
        return Err(invalid(texts::QUESTIONS_COUNT)
            .arg("wanted", wanted)
            .arg("found", questions.len()));
    }
    let mut seen = Vec::with_capacity(wanted);
    let mut out = Vec::with_capacity(wanted);
    for QuestionAnswer { question, answer } in questions {
        let question = question.trim().to_owned();
        let length = question.chars().count();
        if length == 0 || length > MAX_QUESTION_CHARS || question.chars().any(char::is_control) {
            return Err(invalid(texts::QUESTIONS_QUESTION).arg("max", MAX_QUESTION_CHARS));
        }
        let key = normalize_answer(&question);
        if seen.contains(&key) {
            return Err(invalid(texts::QUESTIONS_DUPLICATE));
        }
        seen.push(key);
        let normalized = normalize_answer(&answer.0);
        if normalized.is_empty() || normalized.chars().count() > MAX_QUESTION_CHARS {
            return Err(invalid(texts::QUESTIONS_ANSWER).arg("max", MAX_QUESTION_CHARS));
        }
        out.push((question, answer));
    }
    Ok(out)
}
