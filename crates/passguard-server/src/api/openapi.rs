//! The OpenAPI 3 description of the API, generated from the handlers' annotations and served
//! at `GET /api/openapi.json`.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use passguard_wire::ErrorBody;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "passguard",
        description = "Accounts under one password policy, re-validated by the same engine the \
            browser runs. Errors are `{\"error\": \"<kebab-id>\", \"message\": \"...\"}`. Times are \
            Unix seconds. State-changing requests need `Content-Type: application/json` and \
            must not come from another site. Every human sentence (error messages, the \
            reports' rule messages, audit explanations) follows `Accept-Language`: English, \
            German or French, English for any other language. E-mails go out in the account's \
            language, remembered from its registration and latest login."
    ),
    paths(
        super::meta::policy,
        super::meta::site,
        openapi,
        super::account::invitation,
        super::account::register,
        super::account::login,
        super::account::logout,
        super::account::me,
        super::account::change,
        super::recovery::forgot,
        super::recovery::questions,
        super::recovery::reset,
        super::recovery::unlock,
        super::breach::range,
        super::admin::list,
        super::admin::invite,
        super::admin::patch,
        super::admin::delete,
        super::admin::unlock,
        super::admin::reset_password,
        super::admin::resend_invitation,
        super::admin::disable,
        super::admin::enable,
        super::admin::events,
        super::admin::orgs,
        super::admin::create_org,
        super::admin::patch_org,
        super::admin::policy_audit,
        super::admin::policy_impact,
    ),
    components(schemas(ErrorBody)),
    tags(
        (name = "policy", description = "The policy in force"),
        (name = "account", description = "Registration, sessions and password changes"),
        (name = "recovery", description = "Forgotten passwords and locked accounts"),
        (name = "admin", description = "Administration: the operator (`admin`) and each organization's administrator (`org-admin`, its own organization only)"),
    )
)]
struct ApiDoc;

/// The OpenAPI 3 description, generated from the handlers' annotations.
#[must_use]
pub fn openapi_json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

/// This document.
#[utoipa::path(get, path = "/api/openapi.json", tag = "policy",
    responses((status = 200, description = "The OpenAPI 3 description of this API")))]
pub(crate) async fn openapi() -> Response {
    static DOCUMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let body = DOCUMENT.get_or_init(openapi_json).clone();
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}
