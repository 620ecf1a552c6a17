//! Administration, for a signed-in account with the admin role: invite, list, unlock and
//! send a reset link. An administrator never sees or chooses a password.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, SignedIn, Small};
use crate::error::{ApiError, ErrorBody};
use crate::state::{AccountStatus, AppState, username_key};
use crate::store::User;

/// One row of the users grid.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct UserRow {
    username: String,
    email: String,
    /// `user` or `admin`.
    role: String,
    status: AccountStatus,
    failed_logins: i64,
    /// When the password was set (Unix seconds); null while invited.
    password_changed_at: Option<i64>,
}

/// Every account, by username.
#[utoipa::path(get, path = "/api/admin/users", tag = "admin",
    responses(
        (status = 200, body = Vec<UserRow>),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not an administrator", body = ErrorBody),
    ))]
pub(crate) async fn list(
    State(state): State<AppState>,
    signed_in: SignedIn,
) -> Result<Json<Vec<UserRow>>, ApiError> {
    signed_in.require_admin()?;
    let now = state.clock().now();
    let users = state.store().list_users(now).await?;
    Ok(Json(
        users
            .into_iter()
            .map(|listed| {
                let status = state.status(&listed.user, now, listed.reset_pending);
                let user = listed.user;
                UserRow {
                    username: user.username,
                    email: user.email,
                    role: user.role,
                    status,
                    failed_logins: user.failed_logins,
                    password_changed_at: user.password_changed_at,
                }
            })
            .collect(),
    ))
}

/// `POST /api/admin/users`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct InviteRequest {
    username: String,
    email: String,
    /// `user` (the default) or `admin`.
    role: Option<String>,
}

/// Invites an account: its registration link goes out by e-mail.
#[utoipa::path(post, path = "/api/admin/users", tag = "admin", request_body = InviteRequest,
    responses(
        (status = 201, description = "Invited; status `invited` until registered", body = UserRow),
        (status = 400, description = "`invalid-username`, `invalid-email` or `invalid-role`", body = ErrorBody),
        (status = 409, description = "`exists`", body = ErrorBody),
    ))]
pub(crate) async fn invite(
    State(state): State<AppState>,
    signed_in: SignedIn,
    ApiJson(request, ..): ApiJson<InviteRequest, Small>,
) -> Result<(StatusCode, Json<UserRow>), ApiError> {
    signed_in.require_admin()?;
    let admin = match request.role.as_deref() {
        None | Some("user") => false,
        Some("admin") => true,
        Some(_) => {
            return Err(ApiError::bad_request(
                "invalid-role",
                "A role is `user` or `admin`.",
            ));
        }
    };
    state
        .invite(&request.username, &request.email, admin, false)
        .await?;
    let user = target(&state, &request.username).await?;
    tracing::info!(admin = %signed_in.user.username, invited = %user.username, "invited");
    Ok((
        StatusCode::CREATED,
        Json(UserRow {
            status: AccountStatus::Invited,
            failed_logins: 0,
            password_changed_at: None,
            username: user.username,
            email: user.email,
            role: user.role,
        }),
    ))
}

async fn target(state: &AppState, username: &str) -> Result<User, ApiError> {
    state
        .store()
        .user_by_key(&username_key(username))
        .await?
        .ok_or_else(|| ApiError::not_found("account"))
}

/// Unlocks an account and clears its failure counters.
#[utoipa::path(post, path = "/api/admin/users/{username}/unlock", tag = "admin",
    params(("username" = String, Path)),
    responses(
        (status = 204, description = "Unlocked"),
        (status = 404, description = "`not-found`", body = ErrorBody),
    ))]
pub(crate) async fn unlock(
    State(state): State<AppState>,
    signed_in: SignedIn,
    username: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<StatusCode, ApiError> {
    signed_in.require_admin()?;
    let Path(username) = username.map_err(|_| ApiError::not_found("account"))?;
    let user = target(&state, &username).await?;
    if !state.store().unlock(user.id).await? {
        return Err(ApiError::not_found("account"));
    }
    tracing::info!(admin = %signed_in.user.username, unlocked = %user.username, "unlocked");
    Ok(StatusCode::NO_CONTENT)
}

/// Sends the account a reset link (replacing any older one). A locked account must be
/// unlocked first.
#[utoipa::path(post, path = "/api/admin/users/{username}/reset-password", tag = "admin",
    params(("username" = String, Path)),
    responses(
        (status = 202, description = "A reset link is on its way"),
        (status = 404, description = "`not-found`", body = ErrorBody),
        (status = 409, description = "`locked`: unlock first; `invited`: not registered yet", body = ErrorBody),
    ))]
pub(crate) async fn reset_password(
    State(state): State<AppState>,
    signed_in: SignedIn,
    username: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<StatusCode, ApiError> {
    signed_in.require_admin()?;
    let Path(username) = username.map_err(|_| ApiError::not_found("account"))?;
    let user = target(&state, &username).await?;
    let now = state.clock().now();
    if user.password_hash.is_none() {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "invited",
            "This account has not registered yet: it has no password to reset.",
        ));
    }
    if state.is_locked(&user, now) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "locked",
            "This account is locked: unlock it first.",
        ));
    }
    state.send_reset_link(&user, now).await?;
    tracing::info!(admin = %signed_in.user.username, reset = %user.username, "reset link sent");
    Ok(StatusCode::ACCEPTED)
}
