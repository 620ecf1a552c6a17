//! `/login` and `/forgot` without JavaScript (SPEC §6): the first HTML answer already holds
//! the form, in the request's language, and a plain form post is handled here through the
//! very calls the JSON API makes (`POST /api/login`, `POST /api/password/forgot`), so limits,
//! timing, errors and cookies are the same. The page still loads the app, which takes the
//! form over when it arrives (`www/src/takeover.rs`), keeping what was typed and focused.
//! Every text is the catalogue's and every value is escaped.

use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use passguard_policy::Locale;
use passguard_wire::{ForgotRequest, LoginRequest};

use super::error::{ApiError, Localized, set_retry_after};
use super::extract::{Client, FormBody, Passwords, Small, set_session_cookie};
use super::lang::Lang;
use super::state::AppState;
use crate::accounts::Login;
use crate::mail::escape;
use crate::texts::{self, Key};

/// What a form page shows above its fields.
enum Notice {
    None,
    Error(String),
    Done(String),
}

fn say(locale: Locale, key: Key) -> String {
    escape(&texts::text(locale, key))
}

/// The whole page around `card`: the head `index.html` has (so the app loads and takes
/// over), the card inside `#server-form`, which the app replaces.
fn page(locale: Locale, site: &str, title: Key, card: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"same-origin\">\n\
         <title>{title} – {site}</title>\n\
         <link rel=\"stylesheet\" href=\"/style.css\">\n\
         <link rel=\"modulepreload\" href=\"/pkg/passguard_www.js\">\n\
         <link rel=\"preload\" href=\"/pkg/passguard_www_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n\
         <script type=\"module\" src=\"/boot.js\"></script>\n\
         </head>\n<body>\n<main id=\"server-form\" class=\"server-form\">\n{card}</main>\n</body>\n</html>\n",
        lang = locale.tag(),
        title = say(locale, title),
        site = escape(site),
    )
}

fn notice_html(notice: &Notice) -> String {
    match notice {
        Notice::None => String::new(),
        Notice::Error(text) => format!(
            "<div class=\"alert-region\" role=\"alert\"><p class=\"alert error\" data-alert=\"error\">{}</p></div>\n",
            escape(text)
        ),
        Notice::Done(text) => format!(
            "<div class=\"alert-region\" role=\"status\"><p class=\"alert ok\" data-alert=\"ok\">{}</p></div>\n",
            escape(text)
        ),
    }
}

/// Where a sign-in may lead, from `?next=`: only pages of this site, as the app allows.
fn next_page(next: Option<&str>) -> Option<&'static str> {
    match next {
        Some("/account") => Some("/account"),
        Some("/admin") => Some("/admin"),
        _ => None,
    }
}

/// The sign-in page of `site`; `username` is what was typed (never the password); the form
/// posts back with the allowed `next`.
fn login_page(
    locale: Locale,
    site: &str,
    next: Option<&'static str>,
    username: &str,
    notice: &Notice,
) -> String {
    let action = next.map_or_else(|| "/login".to_owned(), |n| format!("/login?next={n}"));
    let card = format!(
        "<section class=\"card\">\n<h1>{title}</h1>\n\
         <form method=\"post\" action=\"{action}\" novalidate>\n\
         <div class=\"field\"><label for=\"username\">{username_label}</label>\n\
         <input id=\"username\" name=\"username\" autocomplete=\"username\" autocapitalize=\"off\" spellcheck=\"false\" required value=\"{username}\"></div>\n\
         <div class=\"field\"><label for=\"password\">{password_label}</label>\n\
         <div class=\"password-row\"><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" spellcheck=\"false\" autocapitalize=\"off\" required></div></div>\n\
         {notice}<button type=\"submit\" class=\"primary\">{submit}</button>\n</form>\n\
         <nav class=\"links\" aria-label=\"{help}\"><a href=\"/forgot\">{forgot}</a> <a href=\"/login?next=/account\" data-link=\"change\">{change}</a></nav>\n\
         </section>\n",
        title = say(locale, texts::FORM_LOGIN_TITLE),
        username_label = say(locale, texts::FORM_USERNAME_OR_EMAIL),
        username = escape(username),
        password_label = say(locale, texts::FORM_PASSWORD),
        notice = notice_html(notice),
        submit = say(locale, texts::FORM_LOGIN_SUBMIT),
        help = say(locale, texts::FORM_LOGIN_HELP),
        forgot = say(locale, texts::FORM_LOGIN_FORGOT),
        change = say(locale, texts::FORM_LOGIN_CHANGE),
    );
    page(locale, site, texts::FORM_LOGIN_TITLE, &card)
}

/// The page asking for a reset link.
fn forgot_page(locale: Locale, site: &str, notice: &Notice) -> String {
    let card = format!(
        "<section class=\"card\">\n<h1>{title}</h1>\n<p>{intro}</p>\n\
         <form method=\"post\" action=\"/forgot\" novalidate>\n\
         <div class=\"field\"><label for=\"username\">{label}</label>\n\
         <input id=\"username\" name=\"username\" autocomplete=\"username\"></div>\n\
         {notice}<button type=\"submit\" class=\"primary\">{submit}</button>\n</form>\n\
         <nav class=\"links\"><a href=\"/login\">{back}</a></nav>\n</section>\n",
        title = say(locale, texts::FORM_FORGOT_TITLE),
        intro = say(locale, texts::FORM_FORGOT_INTRO),
        label = say(locale, texts::FORM_USERNAME_OR_EMAIL),
        notice = notice_html(notice),
        submit = say(locale, texts::FORM_FORGOT_SUBMIT),
        back = say(locale, texts::FORM_BACK_TO_SIGN_IN),
    );
    page(locale, site, texts::FORM_FORGOT_TITLE, &card)
}

/// An HTML answer whose words depend on `Accept-Language`; never cached. Its referrer
/// policy is `same-origin` rather than the site's `no-referrer`: under `no-referrer` a
/// browser sends `Origin: null` with a form post, which the cross-site guard must refuse;
/// other sites still get no referrer.
fn html(status: StatusCode, body: String) -> Response {
    let headers = [
        (header::CACHE_CONTROL, "no-cache"),
        (header::REFERRER_POLICY, "same-origin"),
    ];
    let mut response = (status, headers, Html(body)).into_response();
    response.extensions_mut().insert(Localized);
    response
}

/// The allowed `next` of a query string.
fn next_of(query: Option<&str>) -> Option<&'static str> {
    let query = query?;
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(name, _)| name == "next")
        .and_then(|(_, value)| next_page(Some(&value)))
}

/// `GET /login`.
pub(crate) async fn login_form(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    lang: Lang,
) -> Response {
    let site = state.accounts().site_name();
    let next = next_of(query.as_deref());
    html(
        StatusCode::OK,
        login_page(lang.locale, site, next, "", &Notice::None),
    )
}

/// `GET /forgot`.
pub(crate) async fn forgot_form(State(state): State<AppState>, lang: Lang) -> Response {
    let site = state.accounts().site_name();
    html(
        StatusCode::OK,
        forgot_page(lang.locale, site, &Notice::None),
    )
}

/// A refusal `error` as the page `render` draws with its message: the JSON API's status
/// and `Retry-After`, the text in the request's language. A failure (5xx) stays the JSON
/// API's answer, so `localize` logs its cause once.
fn refused(error: ApiError, locale: Locale, render: impl FnOnce(&Notice) -> String) -> Response {
    let status = error.status();
    if status.is_server_error() {
        return error.into_response();
    }
    let retry_after = error.retry_after();
    let mut response = html(status, render(&Notice::Error(error.message_in(locale))));
    set_retry_after(&mut response, retry_after);
    response
}

/// `POST /login` from the plain form: `POST /api/login`'s call, then a 303 to where the
/// app would go (the account page, the administration for administrators, the change form
/// for an expired password), or the form again with the error and the typed username.
pub(crate) async fn login_post(
    State(state): State<AppState>,
    Client(client): Client,
    RawQuery(query): RawQuery,
    lang: Lang,
    form: Result<FormBody<LoginRequest, Passwords>, ApiError>,
) -> Response {
    let locale = lang.locale;
    let site = state.accounts().site_name().to_owned();
    let next = next_of(query.as_deref());
    let request = match form {
        Ok(FormBody(request, ..)) => request,
        Err(error) => {
            return refused(error, locale, |n| login_page(locale, &site, next, "", n));
        }
    };
    // Trimmed, as the app sends it.
    let username = request.username.trim().to_owned();
    let login = state
        .accounts()
        .login(&client, &username, request.password, lang.remembered())
        .await;
    match login {
        Ok(Login::Full { me, session }) => {
            let to = next.unwrap_or(if me.role.administers() {
                "/admin"
            } else {
                "/account"
            });
            set_session_cookie(Redirect::to(to).into_response(), &state, Some(&session))
        }
        // The change form, saying why, as the app leads there.
        Ok(Login::ChangeOnly { session, .. }) => set_session_cookie(
            Redirect::to("/account?expired=1").into_response(),
            &state,
            Some(&session),
        ),
        Ok(Login::Noncompliant { session, .. }) => set_session_cookie(
            Redirect::to("/account?noncompliant=1").into_response(),
            &state,
            Some(&session),
        ),
        Err(error) => refused(error.into(), locale, |n| {
            login_page(locale, &site, next, &username, n)
        }),
    }
}

/// `POST /forgot` from the plain form: `POST /api/password/forgot`'s call, then the same
/// confirmation page whether or not the account exists.
pub(crate) async fn forgot_post(
    State(state): State<AppState>,
    Client(client): Client,
    lang: Lang,
    form: Result<FormBody<ForgotRequest, Small>, ApiError>,
) -> Response {
    let locale = lang.locale;
    let site = state.accounts().site_name().to_owned();
    let render = |n: &Notice| forgot_page(locale, &site, n);
    let request = match form {
        Ok(FormBody(request, ..)) => request,
        Err(error) => return refused(error, locale, render),
    };
    let name = match super::recovery::forgot_name(request) {
        Ok(name) => name,
        Err(error) => return refused(error, locale, render),
    };
    if let Err(error) = state.accounts().forgot(&client, name).await {
        return refused(error.into(), locale, render);
    }
    html(
        StatusCode::OK,
        render(&Notice::Done(texts::text(locale, texts::FORGOT_ACCEPTED))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_are_escaped() {
        let page = login_page(
            Locale::De,
            "<site>",
            None,
            "\"><script>x</script>",
            &Notice::Error("<b>".into()),
        );
        assert!(page.contains("&lt;site&gt;"));
        assert!(!page.contains("<script>x"));
        assert!(page.contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
        assert!(page.contains("&lt;b&gt;"));
        assert!(page.contains("<html lang=\"de\">"));
        // Only this site's pages are a `next`.
        assert_eq!(next_of(Some("next=%2Faccount")), Some("/account"));
        assert_eq!(next_of(Some("next=https://evil.example/")), None);
        assert_eq!(next_of(Some("next=//evil.example")), None);
    }
}
