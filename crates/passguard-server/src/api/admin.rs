//! Administration (SPEC §4, §7), for a signed-in administrator: the operator sees every
//! account and the organizations, an organization's administrator its own organization's
//! accounts only. The users grid with search and paging, invitations, an account's changes
//! and events, the organizations, and the standards audit of the policy in force. Every
//! handler takes the `Admin` guard.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use passguard_policy::{AuditOptions, AuditReport};
use passguard_wire::{
    ErrorBody, Event, InviteRequest, NewOrganization, Organization, OrganizationPatch, UserPatch,
    UserRow,
};

use super::error::{ApiError, Localized};
use super::extract::{Admin, ApiJson, OrgSlug, Small, UsernamePath};
use super::lang::Lang;
use super::query::{invalid_value, number, query_params};
use super::state::AppState;
use crate::accounts::UsersQuery;
use crate::model::AccountStatus;
use crate::texts;

/// `GET /api/admin/users?q=&status=&org=&page=&per_page=`.
fn users_query(query: Option<&str>) -> Result<UsersQuery, ApiError> {
    let params = query_params(query, &["q", "status", "org", "page", "per_page"])?;
    let status = match params.get("status").map(String::as_str) {
        None | Some("") => None,
        Some(id) => Some(AccountStatus::from_id(id).ok_or_else(|| invalid_value("status"))?),
    };
    Ok(UsersQuery {
        q: params.get("q").cloned().filter(|q| !q.trim().is_empty()),
        status,
        org: params.get("org").cloned().filter(|org| !org.is_empty()),
        page: number(&params, "page", 1, u32::MAX)?,
        per_page: number(
            &params,
            "per_page",
            UsersQuery::DEFAULT_PER_PAGE,
            UsersQuery::MAX_PER_PAGE,
        )?,
    })
}

/// `value` as JSON with the total count of what it is a page of in `X-Total-Count`.
fn paged<T: serde::Serialize>(value: T, total: i64) -> Response {
    let mut response = Json(value).into_response();
    if let Ok(total) = HeaderValue::from_str(&total.to_string()) {
        response.headers_mut().insert("x-total-count", total);
    }
    response
}

/// The accounts the administrator may see, filtered and one page at a time.
#[utoipa::path(get, path = "/api/admin/users", tag = "admin",
    params(
        ("q" = Option<String>, Query, description = "A piece of the username or e-mail address"),
        ("status" = Option<AccountStatus>, Query, description = "One status only"),
        ("org" = Option<String>, Query, description = "One organization only (its slug)"),
        ("page" = Option<u32>, Query, description = "From 1 (the default)"),
        ("per_page" = Option<u32>, Query, description = "1 to 500 rows, 50 by default"),
    ),
    responses(
        (status = 200, description = "One page, by username; `X-Total-Count` holds how many match", body = Vec<UserRow>),
        (status = 400, description = "`invalid-request`: an unknown parameter or a value not allowed", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not an administrator", body = ErrorBody),
        (status = 404, description = "`not-found`: no such organization (or not yours)", body = ErrorBody),
    ))]
pub(crate) async fn list(
    State(state): State<AppState>,
    Admin(admin): Admin,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let query = users_query(query.as_deref())?;
    let (rows, total) = state.accounts().users(&admin, query).await?;
    Ok(paged(rows, total))
}

/// Invites an account: its registration link goes out by e-mail, in the administrator's
/// language (`Accept-Language`), which stays the account's until its owner registers. An
/// organization's administrator invites into its own organization.
#[utoipa::path(post, path = "/api/admin/users", tag = "admin", request_body = InviteRequest,
    responses(
        (status = 201, description = "Invited; status `invited` until registered", body = UserRow),
        (status = 400, description = "`invalid-username`, `invalid-email`, `org-required` or `admin-in-org`", body = ErrorBody),
        (status = 403, description = "`forbidden`: only the operator invites an `admin`", body = ErrorBody),
        (status = 404, description = "`not-found`: no such organization (or not yours)", body = ErrorBody),
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

/// Changes an account's e-mail address or role.
#[utoipa::path(patch, path = "/api/admin/users/{username}", tag = "admin", request_body = UserPatch,
    params(("username" = String, Path)),
    responses(
        (status = 200, description = "Changed", body = UserRow),
        (status = 400, description = "`invalid-email`, `org-required` or `admin-in-org`", body = ErrorBody),
        (status = 403, description = "`own-account`, or `forbidden` for the `admin` role", body = ErrorBody),
        (status = 404, description = "`not-found`", body = ErrorBody),
    ))]
pub(crate) async fn patch(
    State(state): State<AppState>,
    Admin(admin): Admin,
    UsernamePath(username): UsernamePath,
    ApiJson(patch, ..): ApiJson<UserPatch, Small>,
) -> Result<Json<UserRow>, ApiError> {
    Ok(Json(
        state
            .accounts()
            .patch_user(&admin, &username, patch)
            .await?,
    ))
}

/// Deletes an account and everything of it; the event log keeps that it happened and who
/// did it.
#[utoipa::path(delete, path = "/api/admin/users/{username}", tag = "admin",
    params(("username" = String, Path)),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "`own-account`", body = ErrorBody),
        (status = 404, description = "`not-found`", body = ErrorBody),
    ))]
pub(crate) async fn delete(
    State(state): State<AppState>,
    Admin(admin): Admin,
    UsernamePath(username): UsernamePath,
) -> Result<StatusCode, ApiError> {
    state.accounts().delete(&admin, &username).await?;
    Ok(StatusCode::NO_CONTENT)
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
        (status = 409, description = "`locked`: unlock first; `invited`: not registered yet; `disabled`", body = ErrorBody),
    ))]
pub(crate) async fn reset_password(
    State(state): State<AppState>,
    Admin(admin): Admin,
    UsernamePath(username): UsernamePath,
) -> Result<StatusCode, ApiError> {
    state.accounts().reset_by(&admin, &username).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Sends an invited account a new registration link; the old one dies.
#[utoipa::path(post, path = "/api/admin/users/{username}/resend-invitation", tag = "admin",
    params(("username" = String, Path)),
    responses(
        (status = 202, description = "A new registration link is on its way"),
        (status = 404, description = "`not-found`", body = ErrorBody),
        (status = 409, description = "`not-invited`: registered already; `disabled`", body = ErrorBody),
    ))]
pub(crate) async fn resend_invitation(
    State(state): State<AppState>,
    Admin(admin): Admin,
    UsernamePath(username): UsernamePath,
) -> Result<StatusCode, ApiError> {
    state
        .accounts()
        .resend_invitation(&admin, &username)
        .await?;
    Ok(StatusCode::ACCEPTED)
}

/// Disables an account: it cannot sign in (it answers as a wrong password does) and its
/// sessions and links die.
#[utoipa::path(post, path = "/api/admin/users/{username}/disable", tag = "admin",
    params(("username" = String, Path)),
    responses(
        (status = 204, description = "Disabled"),
        (status = 403, description = "`own-account`", body = ErrorBody),
        (status = 404, description = "`not-found`", body = ErrorBody),
    ))]
pub(crate) async fn disable(
    State(state): State<AppState>,
    Admin(admin): Admin,
    UsernamePath(username): UsernamePath,
) -> Result<StatusCode, ApiError> {
    state.accounts().disable(&admin, &username).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Enables a disabled account again (a new invitation or reset link is then needed).
#[utoipa::path(post, path = "/api/admin/users/{username}/enable", tag = "admin",
    params(("username" = String, Path)),
    responses(
        (status = 204, description = "Enabled"),
        (status = 404, description = "`not-found`", body = ErrorBody),
    ))]
pub(crate) async fn enable(
    State(state): State<AppState>,
    Admin(admin): Admin,
    UsernamePath(username): UsernamePath,
) -> Result<StatusCode, ApiError> {
    state.accounts().enable(&admin, &username).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The account event log, newest first: who did what to which account and when.
#[utoipa::path(get, path = "/api/admin/events", tag = "admin",
    params(
        ("username" = Option<String>, Query, description = "One account's events only"),
        ("page" = Option<u32>, Query, description = "From 1 (the default); 50 events a page"),
    ),
    responses(
        (status = 200, description = "One page, newest first; `X-Total-Count` holds how many match", body = Vec<Event>),
        (status = 400, description = "`invalid-request`", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not an administrator", body = ErrorBody),
    ))]
pub(crate) async fn events(
    State(state): State<AppState>,
    Admin(admin): Admin,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let params = query_params(query.as_deref(), &["username", "page"])?;
    let page = number(&params, "page", 1, u32::MAX)?;
    let username = params
        .get("username")
        .map(String::as_str)
        .filter(|u| !u.is_empty());
    let (events, total) = state.accounts().events(&admin, username, page).await?;
    Ok(paged(events, total))
}

/// The organizations: every one for the operator, its own for an organization's
/// administrator.
#[utoipa::path(get, path = "/api/admin/orgs", tag = "admin",
    responses(
        (status = 200, body = Vec<Organization>),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not an administrator", body = ErrorBody),
    ))]
pub(crate) async fn orgs(
    State(state): State<AppState>,
    Admin(admin): Admin,
) -> Result<Json<Vec<Organization>>, ApiError> {
    Ok(Json(state.accounts().orgs(&admin).await?))
}

/// Creates an organization (the operator only). Its policy may only tighten the site's.
#[utoipa::path(post, path = "/api/admin/orgs", tag = "admin", request_body = NewOrganization,
    responses(
        (status = 201, body = Organization),
        (status = 400, description = "`invalid-slug`, `invalid-name` or `invalid-text`", body = ErrorBody),
        (status = 403, description = "`forbidden`: only the operator", body = ErrorBody),
        (status = 409, description = "`exists`", body = ErrorBody),
        (status = 422, description = "`invalid-policy`: `field` names the field that would loosen the site policy", body = ErrorBody),
    ))]
pub(crate) async fn create_org(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiJson(new, ..): ApiJson<NewOrganization, Small>,
) -> Result<(StatusCode, Json<Organization>), ApiError> {
    let org = state.accounts().create_org(&admin, new).await?;
    Ok((StatusCode::CREATED, Json(org)))
}

/// Changes an organization (the operator only).
#[utoipa::path(patch, path = "/api/admin/orgs/{slug}", tag = "admin", request_body = OrganizationPatch,
    params(("slug" = String, Path)),
    responses(
        (status = 200, body = Organization),
        (status = 403, description = "`forbidden`: only the operator", body = ErrorBody),
        (status = 404, description = "`not-found`", body = ErrorBody),
        (status = 422, description = "`invalid-policy`", body = ErrorBody),
    ))]
pub(crate) async fn patch_org(
    State(state): State<AppState>,
    Admin(admin): Admin,
    OrgSlug(slug): OrgSlug,
    ApiJson(patch, ..): ApiJson<OrganizationPatch, Small>,
) -> Result<Json<Organization>, ApiError> {
    Ok(Json(
        state.accounts().update_org(&admin, &slug, patch).await?,
    ))
}

/// The audit's ASVS level (1 when absent; given twice, it is a level not allowed) and
/// organization.
fn audit_params(query: Option<&str>) -> Result<(u8, Option<String>), ApiError> {
    let invalid_level = || ApiError::bad_request("invalid-asvs-level", texts::INVALID_ASVS_LEVEL);
    let params = query_params(query, &["asvs_level", "org"]).map_err(|error| {
        let pairs = url::form_urlencoded::parse(query.unwrap_or_default().as_bytes());
        if pairs.filter(|(name, _)| name == "asvs_level").count() > 1 {
            invalid_level()
        } else {
            error
        }
    })?;
    let level = match params.get("asvs_level").map(String::as_str) {
        None | Some("1") => 1,
        Some("2") => 2,
        Some("3") => 3,
        Some(_) => return Err(invalid_level()),
    };
    Ok((level, params.get("org").cloned()))
}

/// Where the policy in force departs from NIST SP 800-63B-4 and OWASP ASVS 5.0 chapter V6,
/// as `passguard policy audit --json` says it, explained in the request's language: the
/// site's, or with `org` that organization's effective policy (an organization's
/// administrator: its own).
#[utoipa::path(get, path = "/api/policy/audit", tag = "admin",
    params(
        ("asvs_level" = Option<u8>, Query, description = "The OWASP ASVS level the application targets, 1 (the default), 2 or 3: its requirements up to this level are SHALL"),
        ("org" = Option<String>, Query, description = "Audit this organization's effective policy"),
    ),
    responses(
        (status = 200, body = super::schemas::AuditReportDoc),
        (status = 400, description = "`invalid-asvs-level`, or `invalid-request` for another parameter", body = ErrorBody),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not an administrator", body = ErrorBody),
        (status = 404, description = "`not-found`: no such organization (or not yours)", body = ErrorBody),
    ))]
pub(crate) async fn policy_audit(
    State(state): State<AppState>,
    Admin(admin): Admin,
    lang: Lang,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let (asvs_level, org) = audit_params(query.as_deref())?;
    let options = AuditOptions {
        asvs_level,
        locale: lang.locale,
    };
    let accounts = state.accounts();
    let org = match (org, admin.org()) {
        (Some(slug), _) => Some(accounts.org_for(&admin, &slug).await?),
        (None, own) => own.cloned(),
    };
    let policy = accounts.policy_in(org.as_ref())?;
    let mut response = Json(AuditReport::new(&policy, options)).into_response();
    response.extensions_mut().insert(Localized);
    Ok(response)
}

/// What the staged policy would do (SPEC §9): of the accounts that signed in since it was
/// staged (an organization's administrator: of its own), how many passwords it would refuse,
/// and by which rules. Only rule ids are kept, never anything of a password.
#[utoipa::path(get, path = "/api/admin/policy/impact", tag = "admin",
    responses(
        (status = 200, body = passguard_wire::PolicyImpact),
        (status = 401, description = "`unauthenticated`", body = ErrorBody),
        (status = 403, description = "`forbidden`: not an administrator", body = ErrorBody),
        (status = 404, description = "`no-staged-policy`", body = ErrorBody),
    ))]
pub(crate) async fn policy_impact(
    State(state): State<AppState>,
    Admin(admin): Admin,
) -> Result<Json<passguard_wire::PolicyImpact>, ApiError> {
    Ok(Json(state.accounts().policy_impact(&admin).await?))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_asvs_level_is_one_two_or_three() {
        let level = |query: Option<&str>| audit_params(query).map(|(l, _)| l).map_err(|e| e.id());
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
        assert_eq!(
            audit_params(Some("org=acme")).map_err(|e| e.id()),
            Ok((1, Some("acme".to_owned())))
        );
    }

    #[test]
    fn the_grid_query_is_read_strictly() {
        let query = users_query(Some("q=ada&status=locked&org=acme&page=2&per_page=10")).unwrap();
        assert_eq!(
            query,
            UsersQuery {
                q: Some("ada".to_owned()),
                status: Some(AccountStatus::Locked),
                org: Some("acme".to_owned()),
                page: 2,
                per_page: 10,
            }
        );
        assert_eq!(users_query(None).unwrap().per_page, 50);
        for bad in [
            "status=sleepy",
            "page=0",
            "page=x",
            "per_page=501",
            "per_page=05",
            "page=1&page=2",
            "sort=name",
        ] {
            assert!(users_query(Some(bad)).is_err(), "{bad}");
        }
    }
}
