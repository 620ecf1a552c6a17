//! Administration, for a signed-in account with the admin role: invite, list, unlock and
//! send a reset link, and the standards audit of the policy in force. An administrator never
//! sees or chooses a password.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passguard_policy::{AuditOptions, AuditReport};
use passguard_wire::{ErrorBody, InviteRequest, UserRow};

use super::error::{ApiError, Localized};
use super::extract::{Admin, ApiJson, Small, UsernamePath};
use super::lang::Lang;
use super::state::AppState;
use crate::texts;

/// Every account, by username.
#[utoipa::path(get, path = "/api/admin/users", tag = "admin",
    responses(
        (status = 200, body = Vec<UserRow>),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not an administrator", body = ErrorBody),
    ))]
pub(crate) async fn list(
    State(state): State<AppState>,
    Admin(admin): Admin,
) -> Result<Json<Vec<UserRow>>, ApiError> {
    Ok(Json(state.accounts().users(&admin).await?))
}

/// Invites an account: its registration link goes out by e-mail, in the administrator's
/// language (`Accept-Language`), which stays the account's until its owner registers.
#[utoipa::path(post, path = "/api/admin/users", tag = "admin", request_body = InviteRequest,
    responses(
        (status = 201, description = "Invited; status `invited` until registered", body = UserRow),
        (status = 400, description = "`invalid-username` or `invalid-email`", body = ErrorBody),
        (status = 409, description = "`exists`", body = ErrorBody),
    ))]
pub(crate) async fn invite(
    State(state): State<AppState>,
    Admin(admin): Admin,
    lang: Lang,
    ApiJson(request, ..): ApiJson<InviteRequest, Small>,
) -> Result<(StatusCode, Json<UserRow>), ApiError> {
    let row = state
        .accounts()
        .invite_by(&admin, request, lang.locale)
        .await?;
    Ok((StatusCode::CREATED, Json(row)))
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
    Admin(admin): Admin,
    UsernamePath(username): UsernamePath,
) -> Result<StatusCode, ApiError> {
    state.accounts().unlock(&admin, &username).await?;
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
    Admin(admin): Admin,
    UsernamePath(username): UsernamePath,
) -> Result<StatusCode, ApiError> {
    state.accounts().reset_by(&admin, &username).await?;
    Ok(StatusCode::ACCEPTED)
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
        (status = 200, body = super::schemas::AuditReportDoc),
        (status = 400, description = "`invalid-asvs-level`, or `invalid-request` for another parameter", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not an administrator", body = ErrorBody),
    ))]
pub(crate) async fn policy_audit(
    State(state): State<AppState>,
    _: Admin,
    lang: Lang,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let options = AuditOptions {
        asvs_level: asvs_level(query.as_deref())?,
        locale: lang.locale,
    };
    let report = AuditReport::new(state.accounts().policy(), options);
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
