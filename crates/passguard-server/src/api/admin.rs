//! Administration, for a signed-in account with the admin role: invite, list, unlock and
//! send a reset link, and the standards audit of the policy in force. An administrator never
//! sees or chooses a password.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passguard_policy::{AuditOptions, Finding, audit};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, Lang, SignedIn, Small};
use crate::error::{ApiError, ErrorBody, Localized};
use crate::state::{AccountStatus, AppState, username_key};
use crate::store::User;
use crate::texts;

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

/// Invites an account: its registration link goes out by e-mail, in the administrator's
/// language (`Accept-Language`), which stays the account's until its owner registers.
#[utoipa::path(post, path = "/api/admin/users", tag = "admin", request_body = InviteRequest,
    responses(
        (status = 201, description = "Invited; status `invited` until registered", body = UserRow),
        (status = 400, description = "`invalid-username`, `invalid-email` or `invalid-role`", body = ErrorBody),
        (status = 409, description = "`exists`", body = ErrorBody),
    ))]
pub(crate) async fn invite(
    State(state): State<AppState>,
    signed_in: SignedIn,
    lang: Lang,
    ApiJson(request, ..): ApiJson<InviteRequest, Small>,
) -> Result<(StatusCode, Json<UserRow>), ApiError> {
    signed_in.require_admin()?;
    let admin = match request.role.as_deref() {
        None | Some("user") => false,
        Some("admin") => true,
        Some(_) => {
            return Err(ApiError::bad_request("invalid-role", texts::INVALID_ROLE));
        }
    };
    state
        .invite_in(
            &request.username,
            &request.email,
            admin,
            false,
            Some(lang.locale),
        )
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
        .ok_or_else(ApiError::no_such_account)
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
    let Path(username) = username.map_err(|_| ApiError::no_such_account())?;
    let user = target(&state, &username).await?;
    if !state.store().unlock(user.id).await? {
        return Err(ApiError::no_such_account());
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
    let Path(username) = username.map_err(|_| ApiError::no_such_account())?;
    let user = target(&state, &username).await?;
    let now = state.clock().now();
    if user.password_hash.is_none() {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "invited",
            texts::INVITED,
        ));
    }
    if state.is_locked(&user, now) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "locked",
            texts::LOCKED_UNLOCK_FIRST,
        ));
    }
    state.send_reset_link(&user, now).await?;
    tracing::info!(admin = %signed_in.user.username, reset = %user.username, "reset link sent");
    Ok(StatusCode::ACCEPTED)
}

/// The answer of `GET /api/policy/audit`: what `passguard policy audit --json` prints.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AuditReport {
    /// The policy's name.
    policy: String,
    /// The OWASP ASVS level audited against (1 to 3).
    asvs_level: u8,
    /// True when no finding is SHALL or SHALL NOT.
    conforms: bool,
    /// Every departure from NIST SP 800-63B-4 and OWASP ASVS 5.0 V6.
    #[schema(value_type = Vec<FindingDoc>)]
    findings: Vec<Finding>,
}

/// One departure from a standard.
#[derive(ToSchema)]
#[expect(dead_code, reason = "describes JSON for the OpenAPI document only")]
pub(crate) struct FindingDoc {
    /// A stable kebab-case id, such as `nist-min-length`.
    id: String,
    /// `nist-sp-800-63b-4` or `owasp-asvs-5.0`.
    standard: String,
    /// The clause as the standard numbers it, such as `§3.1.1.2 item 1` or `v5.0.0-6.2.1`.
    clause: String,
    /// `SHALL`, `SHALL NOT` or `SHOULD`.
    level: String,
    /// The policy field concerned, such as `password.min_length`.
    field: String,
    /// What the standard asks and what to change, in the request's language.
    explanation: String,
}

/// The only query parameter of the audit.
const ASVS_LEVEL: &str = "asvs_level";

/// The ASVS level a query asks for: 1 when absent.
fn asvs_level(query: Option<&str>) -> Result<u8, ApiError> {
    let mut level = None;
    for (name, value) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        if name != ASVS_LEVEL {
            return Err(
                ApiError::bad_request("invalid-request", texts::REQUEST_QUERY)
                    .arg("allowed", ASVS_LEVEL),
            );
        }
        let parsed = match value.as_ref() {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            _ => 0,
        };
        if parsed == 0 || level.is_some() {
            return Err(ApiError::bad_request(
                "invalid-asvs-level",
                texts::INVALID_ASVS_LEVEL,
            ));
        }
        level = Some(parsed);
    }
    Ok(level.unwrap_or(1))
}

/// Where the policy in force departs from NIST SP 800-63B-4 and OWASP ASVS 5.0 chapter V6,
/// as `passguard policy audit --json` says it, explained in the request's language.
#[utoipa::path(get, path = "/api/policy/audit", tag = "admin",
    params(("asvs_level" = Option<u8>, Query, description = "The OWASP ASVS level the application targets, 1 (the default), 2 or 3: its requirements up to this level are SHALL")),
    responses(
        (status = 200, body = AuditReport),
        (status = 400, description = "`invalid-asvs-level`, or `invalid-request` for another parameter", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not an administrator", body = ErrorBody),
    ))]
pub(crate) async fn policy_audit(
    State(state): State<AppState>,
    signed_in: SignedIn,
    lang: Lang,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    signed_in.require_admin()?;
    let asvs_level = asvs_level(query.as_deref())?;
    let policy = state.policy();
    let findings = audit(
        policy,
        AuditOptions {
            asvs_level,
            locale: lang.locale,
        },
    );
    let report = AuditReport {
        policy: policy.name.clone(),
        asvs_level,
        conforms: !findings.iter().any(|f| f.level.is_mandatory()),
        findings,
    };
    let mut response = Json(report).into_response();
    response.extensions_mut().insert(Localized);
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asvs_level_is_one_two_or_three() {
        let level = |query| asvs_level(query).map_err(|e| e.id());
        assert_eq!(level(None), Ok(1));
        assert_eq!(level(Some("")), Ok(1));
        assert_eq!(level(Some("asvs_level=3")), Ok(3));
        for bad in [
            "asvs_level=4",
            "asvs_level=0",
            "asvs_level=",
            "asvs_level=02",
            "asvs_level=1&asvs_level=2",
            "asvs_level=%32x",
        ] {
            assert_eq!(level(Some(bad)), Err("invalid-asvs-level"), "{bad}");
        }
        assert_eq!(level(Some("level=2")), Err("invalid-request"));
    }
}
