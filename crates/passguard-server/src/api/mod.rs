//! The HTTP API of SPEC §4 and the web pages: [`app`] builds the whole router from an
//! [`AppState`], apart from any listener, so tests drive it in-process.

mod account;
mod admin;
mod body;
mod breach;
mod conn;
mod error;
mod extract;
mod forms;
mod lang;
mod meta;
mod openapi;
mod query;
mod recovery;
mod schemas;
mod server;
mod state;
mod web;

use axum::Router;
use axum::http::{Extensions, HeaderMap, StatusCode, Version};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::IntoResponse;
use axum::routing::{any, get, patch, post};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::trace::TraceLayer;

use self::error::localize;

pub(crate) use error::ApiError;
pub use openapi::openapi_json;
pub use server::{Server, StartError, open};
pub use state::AppState;

/// The application: every endpoint of SPEC §4, the web pages at `/`, and with a test clock
/// `POST /api/test/clock` and `GET /api/test/counters`.
///
/// # Examples
/// ```no_run
/// # async fn run(state: passguard_server::AppState) -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
/// axum::serve(listener, passguard_server::app(state)).await
/// # }
/// ```
pub fn app(state: AppState) -> Router {
    let mut api = Router::new()
        .route("/api/policy", get(meta::policy))
        .route("/api/policy/audit", get(admin::policy_audit))
        .route("/api/admin/policy/impact", get(admin::policy_impact))
        .route("/api/site", get(meta::site))
        .route("/api/openapi.json", get(openapi::openapi))
        .route("/api/register/{token}", get(account::invitation))
        .route("/api/register", post(account::register))
        .route("/api/login", post(account::login))
        .route("/api/logout", post(account::logout))
        .route("/api/me", get(account::me))
        .route("/api/password/change", post(account::change))
        .route("/api/password/forgot", post(recovery::forgot))
        .route("/api/password/reset/{token}", get(recovery::questions))
        .route("/api/password/reset", post(recovery::reset))
        .route("/api/unlock", post(recovery::unlock))
        .route("/api/breach/range/{prefix}", get(breach::range))
        .route("/api/admin/users", get(admin::list).post(admin::invite))
        .route(
            "/api/admin/users/{username}",
            patch(admin::patch).delete(admin::delete),
        )
        .route("/api/admin/users/{username}/unlock", post(admin::unlock))
        .route(
            "/api/admin/users/{username}/reset-password",
            post(admin::reset_password),
        )
        .route(
            "/api/admin/users/{username}/resend-invitation",
            post(admin::resend_invitation),
        )
        .route("/api/admin/users/{username}/disable", post(admin::disable))
        .route("/api/admin/users/{username}/enable", post(admin::enable))
        .route("/api/admin/events", get(admin::events))
        .route("/api/admin/orgs", get(admin::orgs).post(admin::create_org))
        .route("/api/admin/orgs/{slug}", patch(admin::patch_org));
    if state.clock().is_test() {
        api = api
            .route("/api/test/clock", post(meta::advance_clock))
            .route("/api/test/counters", get(meta::counters));
    }
    let https = state.https();
    let mut router = api
        .route("/api/{*rest}", any(meta::no_such_endpoint))
        .route("/login", get(forms::login_form).post(forms::login_post))
        .route("/forgot", get(forms::forgot_form).post(forms::forgot_post))
        .route("/.well-known/change-password", get(web::change_password))
        .route("/.well-known", any(meta::no_such_endpoint))
        .route("/.well-known/", any(meta::no_such_endpoint))
        .route("/.well-known/{*rest}", any(meta::no_such_endpoint))
        .method_not_allowed_fallback(meta::method_not_allowed)
        .fallback(web::static_files(state.static_dir()))
        .layer(from_fn_with_state(state.clone(), web::refuse_cross_site))
        .layer(from_fn_with_state(state.clone(), body::deadline));
    for header in web::security_headers(https, state.hsts_include_subdomains()) {
        router = router.layer(header);
    }
    // Outermost first. `localize` words every error answer, the panic's included, in the
    // request's language, and so sits inside compression, which must see the final body.
    router
        .layer(
            ServiceBuilder::new()
                .layer(TraceLayer::new_for_http().make_span_with(web::request_span))
                .layer(
                    CompressionLayer::new().compress_when(DefaultPredicate::new().and(
                        |_: StatusCode, _: Version, _: &HeaderMap, extensions: &Extensions| {
                            extensions.get::<breach::Uncompressed>().is_none()
                        },
                    )),
                )
                .layer(from_fn(localize))
                .layer(CatchPanicLayer::custom(|_| {
                    ApiError::internal("a request handler panicked").into_response()
                })),
        )
        .with_state(state)
}
