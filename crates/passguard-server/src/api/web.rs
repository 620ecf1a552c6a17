//! What every response shares: security headers, the refusal of cross-site state changes,
//! request logging that never records a secret, and the web pages' static files.

use std::path::Path;

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use url::Url;

use super::error::{ApiError, Localized};
use super::lang::Lang;
use super::state::AppState;
use crate::texts;

/// The content security policy: own origin only; wasm may be compiled (Leptos pages);
/// no framing, no plugins, no base tag, forms post only here.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
    object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// Headers set on every response unless the handler set its own.
pub(crate) fn security_headers(
    https: bool,
    hsts_include_subdomains: bool,
) -> Vec<SetResponseHeaderLayer<HeaderValue>> {
    let mut headers = vec![
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        // API answers carry accounts and must not be cached; the static files and
        // `GET /api/policy` set their own.
        (header::CACHE_CONTROL, "no-store"),
    ];
    if https {
        headers.push((
            header::STRICT_TRANSPORT_SECURITY,
            if hsts_include_subdomains {
                "max-age=31536000; includeSubDomains"
            } else {
                "max-age=31536000"
            },
        ));
    }
    headers
        .into_iter()
        .map(|(name, value)| {
            SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
        })
        .collect()
}

/// Refuses state-changing requests that a browser marks as coming from another site
/// (`Sec-Fetch-Site: cross-site`, or an `Origin` that is neither the public URL's nor the
/// request's own: the `Host` it was sent to, under the public URL's scheme). Requests without these headers (scripts, curl) pass: they carry no
/// ambient cookie of a victim's browser.
pub(crate) async fn refuse_cross_site(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    if cross_site(request.headers(), state.public_url()) {
        return ApiError::new(StatusCode::FORBIDDEN, "cross-origin", texts::CROSS_ORIGIN)
            .into_response();
    }
    next.run(request).await
}

fn cross_site(headers: &HeaderMap, public_url: &Url) -> bool {
    if headers
        .get("sec-fetch-site")
        .is_some_and(|site| site.as_bytes().eq_ignore_ascii_case(b"cross-site"))
    {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let Ok(origin) = origin.to_str() else {
        return true;
    };
    if origin.eq_ignore_ascii_case(&public_url.origin().ascii_serialization()) {
        return false;
    }
    // The request's own origin: what the browser sent it to is in `Host`, and the scheme is
    // the public URL's (a page over plain http is another origin than the site over https).
    let Some((scheme, authority)) = origin.split_once("://") else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    !(scheme.eq_ignore_ascii_case(public_url.scheme())
        && host.is_some_and(|host| authority.eq_ignore_ascii_case(host)))
}

/// The span of one request: its method and its route (`/api/register/{token}`), or for a
/// page its path without the query, so that tokens in URLs never reach the log.
pub(crate) fn request_span(request: &Request<Body>) -> tracing::Span {
    let path = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| request.uri().path(), MatchedPath::as_str);
    let path = if path.starts_with("/api/") && request.extensions().get::<MatchedPath>().is_none() {
        "/api/…"
    } else {
        path
    };
    tracing::debug_span!("request", method = %request.method(), path = %path)
}

/// `GET /.well-known/change-password` (W3C "A Well-Known URL for Changing Passwords"): a
/// password manager sends its user here to change a password, so it leads to the account
/// page, which signs in first when needed. Every other `/.well-known/` path is a 404, never
/// the pages' `index.html`: a client tells a real resource from the fallback by the status.
pub(crate) async fn change_password() -> Response {
    (StatusCode::FOUND, [(header::LOCATION, "/account")]).into_response()
}

/// The built web pages from `dir`, any unknown path answering `index.html` (the pages route
/// in the browser), or a placeholder page when they are not built.
pub(crate) fn static_files(dir: &Path) -> axum::routing::MethodRouter<AppState> {
    let index = dir.join("index.html");
    if !index.is_file() {
        tracing::info!(
            "no web pages in {}: serving a placeholder page",
            dir.display()
        );
        return axum::routing::get(placeholder);
    }
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(ServeFile::new(index));
    let cached = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            cache_control as fn(&Response<_>) -> Option<HeaderValue>,
        ))
        .service(files);
    axum::routing::get_service(cached).layer(axum::middleware::from_fn(keep_hashed))
}

/// Whether `path` names a file by its content's hash, `/pkg/words-<16 hex digits>.bin` (the
/// pages' words asset, `scripts/words-asset.mjs`): such a file never changes.
fn is_hashed(path: &str) -> bool {
    path.strip_prefix("/pkg/words-")
        .and_then(|rest| rest.strip_suffix(".bin"))
        .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A file named by its hash may be kept for good: a new one has a new name. Not the pages'
/// HTML, which the static files answer for a name they do not hold (a stale hash).
async fn keep_hashed(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    if hashed && response.status().is_success() && !html {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
    }
    response
}

/// HTML revalidates every time (it names the current assets); other files may be kept an
/// hour, so a new release reaches every browser within the hour.
fn cache_control<B>(response: &Response<B>) -> Option<HeaderValue> {
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    Some(HeaderValue::from_static(if html {
        "no-cache"
    } else {
        "public, max-age=3600"
    }))
}

/// The page served while the web pages are not built, in the request's language.
fn placeholder_page(locale: passguard_policy::Locale) -> String {
    let escape = crate::mail::escape;
    let say = |key| escape(&texts::text(locale, key));
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head><meta charset=\"utf-8\"><title>passguard</title>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>\n\
         <body style=\"font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5\">\n\
         <h1>passguard</h1>\n<p>{not_built}</p>\n<p>{api}</p>\n<ul>\n\
         <li><a href=\"/api/openapi.json\">{openapi}</a></li>\n\
         <li><a href=\"/api/policy\">{policy}</a></li>\n</ul>\n</body>\n</html>\n",
        lang = locale.tag(),
        not_built = say(texts::PLACEHOLDER_NOT_BUILT),
        api = say(texts::PLACEHOLDER_API),
        openapi = say(texts::PLACEHOLDER_OPENAPI),
        policy = say(texts::PLACEHOLDER_POLICY),
    )
}

async fn placeholder(lang: Lang) -> Response {
    let mut response = (
        [(header::CACHE_CONTROL, "no-cache")],
        Html(placeholder_page(lang.locale)),
    )
        .into_response();
    response.extensions_mut().insert(Localized);
    response
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| {
                (
                    HeaderName::from_bytes(k.as_bytes()).unwrap(),
                    HeaderValue::from_str(v).unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn only_files_named_by_their_hash_are_kept_for_good() {
        assert!(is_hashed("/pkg/words-0123456789abcdef.bin"));
        for path in [
            "/pkg/words.bin",
            "/pkg/words-0123456789abcde.bin",
            "/pkg/words-0123456789abcdeg.bin",
            "/pkg/passguard_www_bg.wasm",
            "/words-0123456789abcdef.bin",
            "/pkg/words-0123456789abcdef.bin.br",
        ] {
            assert!(!is_hashed(path), "{path}");
        }
    }

    #[test]
    fn cross_site_requests_are_recognised() {
        let public = Url::parse("https://pw.example.com/").unwrap();
        assert!(!cross_site(&headers(&[]), &public));
        assert!(!cross_site(
            &headers(&[("origin", "https://pw.example.com")]),
            &public
        ));
        // The request's own host, under the site's scheme: reached by another name.
        assert!(!cross_site(
            &headers(&[
                ("origin", "https://localhost:8080"),
                ("host", "localhost:8080")
            ]),
            &public
        ));
        // The same host over plain http is another origin (a page injected there must not
        // act on the https site).
        assert!(cross_site(
            &headers(&[
                ("origin", "http://pw.example.com"),
                ("host", "pw.example.com")
            ]),
            &public
        ));
        let plain = Url::parse("http://127.0.0.1:8080/").unwrap();
        assert!(!cross_site(
            &headers(&[
                ("origin", "http://localhost:8080"),
                ("host", "localhost:8080")
            ]),
            &plain
        ));
        assert!(cross_site(
            &headers(&[("origin", "localhost:8080"), ("host", "localhost:8080")]),
            &plain
        ));
        assert!(cross_site(
            &headers(&[
                ("origin", "https://evil.example"),
                ("host", "pw.example.com")
            ]),
            &public
        ));
        assert!(cross_site(&headers(&[("origin", "null")]), &public));
        assert!(cross_site(
            &headers(&[("sec-fetch-site", "cross-site")]),
            &public
        ));
        assert!(!cross_site(
            &headers(&[("sec-fetch-site", "same-origin")]),
            &public
        ));
    }
}
