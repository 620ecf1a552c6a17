//! `/login` and `/forgot` without JavaScript (SPEC §6), through the real router: the first
//! HTML answer holds the form in the language asked for, and plain form posts go through
//! the JSON API's calls: the same cookie, the same refusals, the same lock, no enumeration,
//! and the same cross-site refusal.

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
use support::{Backend, GOOD, Reply, TestApp};

fn text(reply: &Reply) -> String {
    String::from_utf8(reply.raw.clone()).unwrap()
}

async fn form(app: &TestApp, path: &str, body: &str, headers: &[(&str, &str)]) -> Reply {
    let mut request = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::HOST, "evil-host.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    app.request(request.body(Body::from(body.to_owned())).unwrap())
        .await
}

#[tokio::test]
async fn the_first_answer_holds_the_form_in_the_language_asked_for() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    let en = app.get("/login", None).await;
    assert_eq!(en.status, StatusCode::OK);
    let html = text(&en);
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("<form method=\"post\" action=\"/login\""));
    assert!(html.contains("id=\"username\" name=\"username\""));
    assert!(html.contains("id=\"password\" name=\"password\" type=\"password\""));
    assert!(html.contains(">Sign in</button>"));
    // Whole as sent: no app, no wasm (issue 15: a sign-in page holds no estimator); only
    // the small script that applies a language choice without its button.
    assert!(!html.contains("boot.js"), "{html}");
    assert!(!html.contains(".wasm"), "{html}");
    assert!(html.contains("<script src=\"/forms.js\" defer></script>"));
    assert!(html.contains("<select id=\"locale\" name=\"lang\">"));
    // A browser sends `Origin: null` with a form post under `no-referrer`, which the
    // cross-site guard refuses: these pages keep the referrer to their own origin.
    assert_eq!(en.headers[header::REFERRER_POLICY], "same-origin");
    assert!(html.contains("<meta name=\"referrer\" content=\"same-origin\">"));
    assert!(
        en.headers
            .get_all(header::VARY)
            .iter()
            .any(|v| v == "accept-language")
    );
    assert!(
        en.headers
            .get_all(header::VARY)
            .iter()
            .any(|v| v == "cookie")
    );

    let de = text(&app.get_in("de-CH, en;q=0.5", "/login", None).await);
    assert!(de.contains("<html lang=\"de\">"), "{de}");
    assert!(de.contains(">Anmelden</button>"));
    assert!(de.contains(">Benutzername oder E-Mail</label>"));
    assert!(de.contains(">Passwort</label>"));

    // A language chosen on the page wins over the browser's and is remembered, for these
    // pages and the app; a remembered one wins over the browser's.
    let chosen = app.get_in("de", "/login?next=/account&lang=fr", None).await;
    let french = text(&chosen);
    assert!(french.contains("<html lang=\"fr\">"), "{french}");
    assert!(french.contains("action=\"/login?next=/account\""));
    let cookie = chosen.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("passguard_lang=fr; Path=/;"), "{cookie}");
    assert!(!cookie.contains("HttpOnly"), "the app reads it: {cookie}");
    let remembered = text(&app.get_in("de", "/forgot", Some("passguard_lang=fr")).await);
    assert!(remembered.contains("<html lang=\"fr\">"), "{remembered}");

    let forgot = text(&app.get_in("fr", "/forgot", None).await);
    assert!(forgot.contains("<form method=\"post\" action=\"/forgot\""));
    assert!(
        forgot.contains(">Identifiant ou e-mail</label>"),
        "{forgot}"
    );
}

#[tokio::test]
async fn a_form_post_signs_in_like_the_json_api() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    app.user("ada", GOOD[0], false).await;
    let body = format!(
        "username=ada&password={}",
        url::form_urlencoded::byte_serialize(GOOD[0].as_bytes()).collect::<String>()
    );
    let reply = form(&app, "/login", &body, &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.headers[header::LOCATION], "/account");
    let cookie = reply.cookie().expect("a session cookie");
    let set = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict"),
        "{set}"
    );
    let me = app.get("/api/me", Some(&cookie)).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["username"], "ada");
}

#[tokio::test]
async fn a_wrong_password_shows_the_form_again_as_the_json_api_refuses() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    app.user("ada", GOOD[0], false).await;
    let json = app.login("ada", "wrong-password").await;
    let wrong = form(
        &app,
        "/login",
        "username=ada&password=wrong-password",
        &[("accept-language", "de")],
    )
    .await;
    // Same status as the JSON API, the message in German, the typed username kept
    // (escaped), the password never sent back.
    assert_eq!(wrong.status, json.status);
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.cookie().is_none());
    let html = text(&wrong);
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(html.contains("<html lang=\"de\">"));
    assert!(html.contains("value=\"ada\""), "{html}");
    assert!(!html.contains("wrong-password"));
    let german = app.post_in(
        "de",
        "/api/login",
        serde_json::json!({"username": "nobody", "password": "x"}),
        None,
    );
    let german = german.await.body["message"].as_str().unwrap().to_owned();
    assert!(html.contains(&german), "{german} in {html}");
    // The language chosen on the page (its cookie) words the refusal, not the browser's.
    let chosen = form(
        &app,
        "/login",
        "username=ada&password=wrong-password",
        &[("accept-language", "de"), ("cookie", "passguard_lang=fr")],
    )
    .await;
    assert!(text(&chosen).contains("<html lang=\"fr\">"));

    // No enumeration: an unknown name gets the very same page and status (its typed name
    // kept, escaped).
    let unknown = form(
        &app,
        "/login",
        "username=ada%22%3E&password=wrong-password",
        &[("accept-language", "de")],
    )
    .await;
    assert_eq!(unknown.status, wrong.status);
    let unknown = text(&unknown);
    assert!(unknown.contains("value=\"ada&quot;&gt;\""), "{unknown}");
    assert_eq!(
        unknown.replace("value=\"ada&quot;&gt;\"", "value=\"ada\""),
        html
    );

    // The failures count toward the same lock as the JSON API's: 5 in all locks.
    for _ in 0..3 {
        form(&app, "/login", "username=ada&password=nope", &[]).await;
    }
    let locked = form(
        &app,
        "/login",
        &format!(
            "username=ada&password={}",
            url::form_urlencoded::byte_serialize(GOOD[0].as_bytes()).collect::<String>()
        ),
        &[],
    )
    .await;
    assert_eq!(locked.status, app.login("ada", GOOD[0]).await.status);
    assert_eq!(locked.status, StatusCode::LOCKED);
}

#[tokio::test]
async fn a_form_post_from_another_site_is_refused() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    app.user("ada", GOOD[0], false).await;
    let body = format!(
        "username=ada&password={}",
        url::form_urlencoded::byte_serialize(GOOD[0].as_bytes()).collect::<String>()
    );
    for (name, value) in [
        ("origin", "https://evil.example"),
        ("origin", "null"),
        ("sec-fetch-site", "cross-site"),
    ] {
        for path in ["/login", "/forgot"] {
            let reply = form(&app, path, &body, &[(name, value)]).await;
            assert_eq!(
                reply.status,
                StatusCode::FORBIDDEN,
                "{path} {name}: {value}"
            );
            assert!(reply.cookie().is_none());
        }
    }
    let same = form(
        &app,
        "/login",
        &body,
        &[("origin", "https://passguard.test")],
    )
    .await;
    assert_eq!(same.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn forgot_answers_the_same_page_whether_or_not_the_account_exists() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    app.user("ada", GOOD[0], false).await;
    let known = form(
        &app,
        "/forgot",
        "username=ada",
        &[("accept-language", "fr")],
    )
    .await;
    let unknown = form(
        &app,
        "/forgot",
        "username=nobody",
        &[("accept-language", "fr")],
    )
    .await;
    assert_eq!(known.status, StatusCode::OK);
    assert_eq!(known.status, unknown.status);
    assert_eq!(text(&known), text(&unknown));
    assert!(
        text(&known).contains("Si un compte correspond"),
        "{}",
        text(&known)
    );
    // Nothing typed: the error summary, linking to the field, and the field marked.
    let empty = form(&app, "/forgot", "username=+", &[]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let empty = text(&empty);
    assert!(empty.contains("class=\"error-summary\" id=\"error-summary\" role=\"alert\""));
    assert!(
        empty.contains("<a href=\"#username\" data-field=\"username\">"),
        "{empty}"
    );
    assert!(empty.contains("aria-invalid=\"true\" aria-describedby=\"username-error\""));
}

#[tokio::test]
async fn an_empty_sign_in_is_refused_before_any_account_is_looked_up() {
    let app = TestApp::new(Backend::Sqlite, "security-admin").await;
    app.user("ada", GOOD[0], false).await;
    let empty = form(
        &app,
        "/login?next=/account",
        "username=+&password=",
        &[("accept-language", "de")],
    )
    .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(&empty);
    assert!(
        html.contains("<a href=\"#username\" data-field=\"username\">"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"#password\" data-field=\"password\">"),
        "{html}"
    );
    assert!(html.contains("Geben Sie Ihr Passwort ein."), "{html}");
    // Where sign-in leads is kept, with the hint for changing a password.
    assert!(html.contains("action=\"/login?next=/account\""));
    assert!(html.contains("data-hint=\"change\""));
    // Only the password left out: the typed name stays, and no attempt was counted.
    let half = form(&app, "/login", "username=ada&password=", &[]).await;
    assert_eq!(half.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(&half).contains("value=\"ada\""));
    assert!(!text(&half).contains("href=\"#username\""));
    app.user("root", GOOD[1], true).await;
    let admin = app.session("root", GOOD[1]).await;
    assert_eq!(app.row(&admin, "ada").await["failed_logins"], 0);
}
