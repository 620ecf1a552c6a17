//! The HTTP surface, in-process: the policy and OpenAPI documents, hostile bodies (always a
//! 4xx with an error id, never a 5xx), cross-site refusal, security headers and the pages.

#![allow(
    missing_docs,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use passguard_policy::Policy;
use serde_json::json;
use support::{Backend, FAST_ARGON2, GOOD, TestApp, TestDatabase};

#[tokio::test]
async fn the_policy_served_is_the_policy_enforced() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    let reply = app.get("/api/policy", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(reply.body, serde_json::to_value(&app.policy).unwrap());
    // The JSON reads back as the very same policy.
    let served = Policy::from_deserializer(&mut serde_json::Deserializer::from_slice(&reply.raw));
    assert_eq!(served.unwrap(), app.policy);
    let site = app.get("/api/site", None).await;
    assert_eq!(
        site.body,
        json!({"site_name": "passguard", "support_contact": "the test desk", "public_url": "https://passguard.test/"})
    );
}

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    let reply = app.get("/api/openapi.json", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body["openapi"].as_str().unwrap().starts_with("3."));
    let paths = &reply.body["paths"];
    for (method, path) in [
        ("get", "/api/policy"),
        ("get", "/api/register/{token}"),
        ("post", "/api/register"),
        ("post", "/api/login"),
        ("post", "/api/logout"),
        ("get", "/api/me"),
        ("post", "/api/password/change"),
        ("post", "/api/password/forgot"),
        ("get", "/api/password/reset/{token}"),
        ("post", "/api/password/reset"),
        ("get", "/api/admin/users"),
        ("post", "/api/admin/users"),
        ("post", "/api/admin/users/{username}/unlock"),
        ("post", "/api/admin/users/{username}/reset-password"),
        ("patch", "/api/admin/users/{username}"),
        ("delete", "/api/admin/users/{username}"),
        ("post", "/api/admin/users/{username}/resend-invitation"),
        ("post", "/api/admin/users/{username}/disable"),
        ("post", "/api/admin/users/{username}/enable"),
        ("get", "/api/admin/events"),
        ("get", "/api/admin/orgs"),
        ("post", "/api/admin/orgs"),
        ("patch", "/api/admin/orgs/{slug}"),
        ("get", "/api/openapi.json"),
        ("get", "/api/policy/audit"),
    ] {
        assert!(paths[path][method].is_object(), "{method} {path}");
    }
    let login = &paths["/api/login"]["post"]["responses"];
    for status in ["200", "401", "403", "423"] {
        assert!(login[status].is_object(), "login {status}");
    }
    let me = &reply.body["components"]["schemas"]["Me"]["properties"];
    for field in [
        "username",
        "email",
        "status",
        "password_changed_at",
        "can_change_after",
        "expires_at",
    ] {
        assert!(me[field].is_object(), "Me.{field}");
    }
    let audit = &paths["/api/policy/audit"]["get"];
    assert_eq!(audit["parameters"][0]["name"], "asvs_level");
    for status in ["200", "400", "401", "403"] {
        assert!(audit["responses"][status].is_object(), "audit {status}");
    }
    let report = &reply.body["components"]["schemas"]["AuditReport"]["properties"];
    for field in ["policy", "asvs_level", "conforms", "findings"] {
        assert!(report[field].is_object(), "AuditReport.{field}");
    }
    let statuses = &reply.body["components"]["schemas"]["AccountStatus"]["enum"];
    assert_eq!(
        statuses,
        &json!([
            "invited",
            "active",
            "locked",
            "reset-pending",
            "expired",
            "disabled"
        ])
    );
}

fn raw(method: Method, path: &str, content_type: &str, body: Body) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, content_type)
        .body(body)
        .unwrap()
}

#[tokio::test]
async fn hostile_bodies_get_a_4xx_with_an_error_id() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    app.user("ada", GOOD[0], false).await;
    let cookie = app.session("ada", GOOD[0]).await;
    let deep = format!(
        "{{\"username\": {}1{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let megabyte = format!(
        "{{\"username\": \"ada\", \"password\": \"{}\"}}",
        "a".repeat(1 << 20)
    );
    let bodies: Vec<(&str, Vec<u8>)> = vec![
        ("a megabyte", megabyte.clone().into_bytes()),
        (
            "invalid UTF-8",
            b"{\"username\": \"\xff\xfe\", \"password\": \"x\"}".to_vec(),
        ),
        (
            "a lone surrogate",
            br#"{"username": "\ud800", "password": "x"}"#.to_vec(),
        ),
        (
            "a lone low surrogate",
            br#"{"username": "a", "password": "\udc00x"}"#.to_vec(),
        ),
        (
            "wrong types",
            br#"{"username": 1, "password": ["x"]}"#.to_vec(),
        ),
        ("null", b"null".to_vec()),
        (
            "duplicate keys",
            br#"{"username": "a", "username": "b", "password": "x"}"#.to_vec(),
        ),
        ("deep nesting", deep.into_bytes()),
        ("nothing", Vec::new()),
        ("not JSON", b"username=ada&password=x".to_vec()),
        (
            "trailing bytes",
            br#"{"username": "a", "password": "b"} {}"#.to_vec(),
        ),
        (
            "an unknown field",
            br#"{"username": "a", "password": "b", "admin": true}"#.to_vec(),
        ),
        ("missing fields", b"{}".to_vec()),
        (
            "a NUL",
            b"{\"username\": \"a\0\", \"password\": \"b\"}".to_vec(),
        ),
        (
            "a number too big",
            br#"{"advance_seconds": 1e400}"#.to_vec(),
        ),
    ];
    let endpoints = [
        "/api/login",
        "/api/register",
        "/api/password/change",
        "/api/password/forgot",
        "/api/password/reset",
        "/api/admin/users",
        "/api/test/clock",
    ];
    for endpoint in endpoints {
        for (what, body) in &bodies {
            let mut request = raw(
                Method::POST,
                endpoint,
                "application/json",
                Body::from(body.clone()),
            );
            request
                .headers_mut()
                .insert(header::COOKIE, cookie.parse().unwrap());
            let reply = app.request(request).await;
            assert!(
                reply.status.is_client_error(),
                "{endpoint} with {what}: {}",
                reply.status
            );
            assert!(
                reply.body["error"]
                    .as_str()
                    .is_some_and(|id| !id.is_empty()),
                "{endpoint} with {what}: no error id in {:?}",
                String::from_utf8_lossy(&reply.raw)
            );
        }
    }
    // A megabyte is refused for its size, streamed without a Content-Length too.
    let reply = app
        .request(raw(
            Method::POST,
            "/api/login",
            "application/json",
            Body::from(megabyte.clone()),
        ))
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::PAYLOAD_TOO_LARGE, "body-too-large")
    );
    let chunks = megabyte
        .into_bytes()
        .chunks(8192)
        .map(|chunk| Ok::<_, std::io::Error>(bytes::Bytes::copy_from_slice(chunk)))
        .collect::<Vec<_>>();
    let streamed = Body::from_stream(futures_util::stream::iter(chunks));
    let reply = app
        .request(raw(
            Method::POST,
            "/api/login",
            "application/json",
            streamed,
        ))
        .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    let reply = app
        .request(raw(
            Method::POST,
            "/api/login",
            "text/plain",
            Body::from("{}"),
        ))
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type")
    );
    for path in [
        "/api/register/%FF%FE",
        "/api/password/reset/%00",
        "/api/nothing-here",
    ] {
        let reply = app.get(path, None).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!reply.error().is_empty());
    }
    let reply = app.send(Method::DELETE, "/api/login", None, None).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::METHOD_NOT_ALLOWED, "method-not-allowed")
    );
    // And the server is none the worse.
    assert_eq!(app.login("ada", GOOD[0]).await.status, StatusCode::OK);
}

#[tokio::test]
async fn requests_from_other_sites_are_refused() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    app.user("ada", GOOD[0], false).await;
    let login = json!({"username": "ada", "password": GOOD[0]}).to_string();
    for (name, value) in [
        ("origin", "https://evil.example"),
        ("origin", "null"),
        ("sec-fetch-site", "cross-site"),
        // The site's host, or the request's own, over plain http: another origin.
        ("origin", "http://passguard.test"),
        ("origin", "http://evil-host.example"),
    ] {
        let mut request = raw(
            Method::POST,
            "/api/login",
            "application/json",
            Body::from(login.clone()),
        );
        request.headers_mut().insert(name, value.parse().unwrap());
        let reply = app.request(request).await;
        assert_eq!(
            (reply.status, reply.error()),
            (StatusCode::FORBIDDEN, "cross-origin"),
            "{name}: {value}"
        );
    }
    for origin in ["https://passguard.test", "https://evil-host.example"] {
        // The public origin, or the request's own (its Host header, under the site's
        // scheme) are fine.
        let mut request = raw(
            Method::POST,
            "/api/login",
            "application/json",
            Body::from(login.clone()),
        );
        request
            .headers_mut()
            .insert("origin", origin.parse().unwrap());
        request
            .headers_mut()
            .insert(header::HOST, "evil-host.example".parse().unwrap());
        assert_eq!(
            app.request(request).await.status,
            StatusCode::OK,
            "{origin}"
        );
    }
}

#[tokio::test]
async fn links_use_the_public_url_never_the_host_header() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    app.user("ada", GOOD[0], false).await;
    // Every request of the harness says `Host: evil-host.example`.
    app.post("/api/password/forgot", json!({"username": "ada"}), None)
        .await;
    let mails = support::mailbox::wait_for(app.mail.path(), "ada@example.com", 2).await;
    assert!(
        mails[1]
            .text
            .contains("https://passguard.test/reset?token=")
    );
    assert!(!mails.iter().any(|mail| mail.text.contains("evil-host")));
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    for (path, referrer) in [
        ("/api/policy", "no-referrer"),
        ("/api/me", "no-referrer"),
        ("/", "no-referrer"),
        // The server's form keeps its origin for its own form post (tests/forms.rs).
        ("/login", "same-origin"),
    ] {
        let reply = app.get(path, None).await;
        let headers = &reply.headers;
        assert_eq!(headers["referrer-policy"], referrer, "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["x-frame-options"], "DENY");
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"));
        assert_eq!(
            headers["strict-transport-security"], "max-age=31536000; includeSubDomains",
            "public URL is https"
        );
    }
    assert_eq!(
        app.get("/api/me", None).await.headers[header::CACHE_CONTROL],
        "no-store"
    );
    // A site whose subdomains are not all https may keep HSTS to its own host.
    let own_host = TestApp::with(
        TestDatabase::new(Backend::Sqlite).await,
        Policy::preset("security-admin").unwrap(),
        FAST_ARGON2,
        "hsts_include_subdomains = false",
    )
    .await;
    assert_eq!(
        own_host.get("/api/policy", None).await.headers["strict-transport-security"],
        "max-age=31536000"
    );
}

#[tokio::test]
async fn without_built_pages_a_placeholder_says_so() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    // `/login` and `/forgot` are the server's own forms, built or not (tests/forms.rs).
    for path in ["/", "/account", "/reset?token=abc"] {
        let reply = app.get(path, None).await;
        assert_eq!(reply.status, StatusCode::OK);
        let html = String::from_utf8_lossy(&reply.raw);
        assert!(html.contains("the web pages are not built yet"), "{html}");
    }
    let reply = app.get_in("de", "/", None).await;
    assert_eq!(reply.headers[header::VARY], "accept-language");
    let html = String::from_utf8_lossy(&reply.raw);
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    assert!(
        html.contains("Der Server läuft, aber die Webseiten sind noch nicht gebaut."),
        "{html}"
    );
}

#[tokio::test]
async fn every_error_is_worded_in_the_language_asked_for() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    // Errors made outside any handler: the cross-site guard, the body reader, the method
    // fallback. The JSON stays whole, and its id the same, whatever the language.
    let mut request = raw(
        Method::POST,
        "/api/login",
        "application/json",
        Body::from("{}"),
    );
    request
        .headers_mut()
        .insert("origin", "https://evil.example".parse().unwrap());
    request
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, "fr".parse().unwrap());
    let reply = app.request(request).await;
    assert_eq!(
        reply.body,
        json!({"error": "cross-origin", "message": "Les requêtes provenant d’autres sites sont refusées."})
    );
    let mut request = raw(Method::POST, "/api/login", "text/plain", Body::from("{}"));
    request
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, "de".parse().unwrap());
    let reply = app.request(request).await;
    assert_eq!(reply.error(), "unsupported-media-type");
    assert_eq!(
        reply.body["message"],
        "Senden Sie den Anfragetext als application/json."
    );
    let reply = app
        .send_in(Some("de"), Method::DELETE, "/api/login", None, None)
        .await;
    assert_eq!(
        reply.body,
        json!({"error": "method-not-allowed", "message": "Dieser Endpunkt unterstützt diese Methode nicht."})
    );
    // Compressed like any other answer, after the wording.
    let request = Request::builder()
        .uri("/api/nothing-here")
        .header(header::ACCEPT_ENCODING, "gzip")
        .header(header::ACCEPT_LANGUAGE, "fr")
        .body(Body::empty())
        .unwrap();
    let reply = app.request(request).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.headers[header::CONTENT_ENCODING], "gzip");
    assert!(reply.raw.starts_with(&[0x1f, 0x8b]));
}

#[tokio::test]
async fn built_pages_are_served_compressed_with_cache_headers() {
    let pages = tempfile::tempdir().unwrap();
    let script = format!("console.log({:?});\n", "passguard ".repeat(400));
    std::fs::write(
        pages.path().join("index.html"),
        "<!doctype html><title>pages</title>",
    )
    .unwrap();
    std::fs::write(pages.path().join("app.js"), &script).unwrap();
    let extra = format!("static_dir = {:?}", pages.path().display().to_string());
    let db = TestDatabase::new(Backend::Sqlite).await;
    let policy = Policy::preset("security-admin").unwrap();
    let app = TestApp::with(db, policy, FAST_ARGON2, &extra).await;

    let reply = app.get("/", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers[header::CACHE_CONTROL], "no-cache");
    assert!(String::from_utf8_lossy(&reply.raw).contains("<title>pages</title>"));
    // Any page path is the app's: it routes in the browser.
    let reply = app.get("/account", None).await;
    assert!(String::from_utf8_lossy(&reply.raw).contains("<title>pages</title>"));

    let request = Request::builder()
        .uri("/app.js")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::empty())
        .unwrap();
    let reply = app.request(request).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers[header::CONTENT_ENCODING], "gzip");
    assert_eq!(reply.headers[header::CACHE_CONTROL], "public, max-age=3600");
    assert!(reply.raw.len() < script.len() / 4);
}

#[tokio::test]
async fn well_known_change_password_leads_to_the_account_page() {
    // With built pages: the fallback would answer index.html with 200 to any path, which a
    // password manager takes for "this site has no change-password page" only when it is 404.
    let pages = tempfile::tempdir().unwrap();
    std::fs::write(
        pages.path().join("index.html"),
        "<!doctype html><title>pages</title>",
    )
    .unwrap();
    let extra = format!("static_dir = {:?}", pages.path().display().to_string());
    let db = TestDatabase::new(Backend::Sqlite).await;
    let policy = Policy::preset("security-admin").unwrap();
    let app = TestApp::with(db, policy, FAST_ARGON2, &extra).await;

    let reply = app.get("/.well-known/change-password", None).await;
    assert_eq!(reply.status, StatusCode::FOUND);
    assert_eq!(reply.headers[header::LOCATION], "/account");
    // Any other well-known resource is absent, so that a client probing for one (such as
    // the response-code reliability check `/.well-known/resource-that-should-not-exist-…`)
    // sees a 404 and not the pages' 200.
    for path in [
        "/.well-known/resource-that-should-not-exist-whose-status-code-should-not-be-200",
        "/.well-known/security.txt",
        "/.well-known/change-password/more",
        "/.well-known/",
    ] {
        let reply = app.get(path, None).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            !String::from_utf8_lossy(&reply.raw).contains("<title>pages</title>"),
            "{path}"
        );
    }
}
