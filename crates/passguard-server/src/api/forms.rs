//! `/login` and `/forgot` without JavaScript (SPEC §6): the first HTML answer already holds
//! the form, in the request's language, and a plain form post is handled here through the
//! very calls the JSON API makes (`POST /api/login`, `POST /api/password/forgot`), so limits,
//! timing, errors and cookies are the same. These pages load no wasm (issue 15: a sign-in
//! page holds no estimator): they are whole as sent, the app loads on the page a sign-in
//! leads to. The language is chosen here as in the app and remembered for both
//! ([`LANG_COOKIE`]). Every text is the catalogue's and every value is escaped.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use passguard_policy::Locale;
use passguard_wire::{ForgotRequest, LoginRequest};

use super::error::{ApiError, Localized, set_retry_after};
use super::extract::{Client, FormBody, Passwords, Small, append_cookie, set_session_cookie};
use super::lang::{LANG_COOKIE, page_locale};
use super::state::AppState;
use crate::accounts::Login;
use crate::mail::escape;
use crate::texts::{self, Key};

/// What a form page shows above its fields.
enum Notice {
    None,
    Error(String),
    Done(String),
    /// Fields left empty, each with what to do, in the order they appear (ids as the
    /// fields'): an error summary at the top, linking to each, and a message by each.
    Problems(Vec<(&'static str, String)>),
}

impl Notice {
    /// The message for field `id`, when it is at fault.
    fn problem(&self, id: &str) -> Option<&str> {
        match self {
            Self::Problems(problems) => problems
                .iter()
                .find(|(field, _)| *field == id)
                .map(|(_, message)| message.as_str()),
            _ => None,
        }
    }
}

fn say(locale: Locale, key: Key) -> String {
    escape(&texts::text(locale, key))
}

/// What every form page shows around its card: the site's name, the language, the page's
/// own address (where the language choice leads back to) and its allowed `next`, and whom
/// to contact.
struct Frame {
    locale: Locale,
    site: String,
    contact: String,
    path: &'static str,
    next: Option<&'static str>,
}

impl Frame {
    fn new(
        state: &AppState,
        locale: Locale,
        path: &'static str,
        next: Option<&'static str>,
    ) -> Self {
        Self {
            locale,
            site: state.accounts().site_name().to_owned(),
            contact: state.accounts().support_contact().render(locale),
            path,
            next,
        }
    }

    /// The whole page around `card`, with the header and footer the app's pages have. No
    /// wasm: these pages are complete as the server sends them (the app loads on the page a
    /// sign-in leads to); `/forms.js` only makes the language choice apply without its
    /// button.
    fn page(&self, title: Key, card: &str) -> String {
        let locale = self.locale;
        let languages: String = Locale::ALL
            .into_iter()
            .map(|option| {
                format!(
                    "<option value=\"{tag}\" lang=\"{tag}\"{selected}>{name}</option>",
                    tag = option.tag(),
                    selected = if option == locale { " selected" } else { "" },
                    name = option.native_name(),
                )
            })
            .collect();
        let next = self.next.map_or_else(String::new, |next| {
            format!("<input type=\"hidden\" name=\"next\" value=\"{next}\">")
        });
        let support = if self.contact.trim().is_empty() {
            String::new()
        } else {
            let sentence = texts::Message::new(texts::FORM_SUPPORT)
                .arg("contact", self.contact.as_str())
                .render(locale);
            format!("<p>{}</p>", escape(&sentence))
        };
        format!(
            "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"referrer\" content=\"same-origin\">\n\
             <title>{title} – {site}</title>\n\
             <link rel=\"stylesheet\" href=\"/style.css\">\n\
             <script src=\"/forms.js\" defer></script>\n\
             </head>\n<body>\n\
             <a class=\"skip-link\" href=\"#main\">{skip}</a>\n\
             <header class=\"top\"><a class=\"brand\" href=\"/login\">{site}</a>\n\
             <nav aria-label=\"{nav}\"><a href=\"/login\">{sign_in}</a><a href=\"/account\">{account}</a>\n\
             <form class=\"language\" method=\"get\" action=\"{path}\">{next}\
             <label class=\"language\"><span class=\"sr-only\">{language}</span>\
             <select id=\"locale\" name=\"lang\">{languages}</select></label>\
             <button type=\"submit\" class=\"header-button\" data-apply-language>{apply}</button></form>\n\
             </nav></header>\n\
             <main id=\"main\" tabindex=\"-1\" class=\"server-form\">\n{card}</main>\n\
             <footer class=\"support\">{support}</footer>\n</body>\n</html>\n",
            lang = locale.tag(),
            title = say(locale, title),
            site = escape(&self.site),
            skip = say(locale, texts::FORM_SKIP),
            nav = say(locale, texts::FORM_NAV_LABEL),
            sign_in = say(locale, texts::FORM_NAV_SIGN_IN),
            account = say(locale, texts::FORM_NAV_ACCOUNT),
            path = self.path,
            language = say(locale, texts::FORM_LANGUAGE),
            apply = say(locale, texts::FORM_LANGUAGE_APPLY),
        )
    }
}

fn notice_html(notice: &Notice) -> String {
    match notice {
        Notice::None | Notice::Problems(_) => String::new(),
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

/// "There is a problem" and a link to each field at fault, as the app's error summary.
fn summary_html(locale: Locale, notice: &Notice) -> String {
    let Notice::Problems(problems) = notice else {
        return String::new();
    };
    let items: String = problems
        .iter()
        .map(|(field, message)| {
            format!(
                "<li><a href=\"#{field}\" data-field=\"{field}\">{}</a></li>",
                escape(message)
            )
        })
        .collect();
    format!(
        "<div class=\"error-summary\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\">\
         <h2 id=\"error-summary-title\">{}</h2><ul>{items}</ul></div>\n",
        say(locale, texts::FORM_PROBLEM)
    )
}

/// What field `id` carries when it is at fault: the field's class, the input's attributes,
/// and the message shown above the input.
fn field_state(locale: Locale, notice: &Notice, id: &str) -> (&'static str, String, String) {
    match notice.problem(id) {
        None => ("field", String::new(), String::new()),
        Some(message) => (
            "field invalid",
            format!(" aria-invalid=\"true\" aria-describedby=\"{id}-error\""),
            format!(
                "<p class=\"field-error\" id=\"{id}-error\" data-field-error=\"{id}\"><span class=\"sr-only\">{}</span>{}</p>",
                say(locale, texts::FORM_ERROR),
                escape(message)
            ),
        ),
    }
}

/// The attributes every form of these pages has: what its submit button says while the
/// answer is awaited and what the page says when the server cannot be reached (for
/// `/forms.js`, which sends the form without leaving the page).
fn form_data(locale: Locale) -> String {
    format!(
        "data-busy=\"{}\" data-unreachable=\"{}\"",
        say(locale, texts::FORM_BUSY),
        say(locale, texts::FORM_UNREACHABLE)
    )
}

/// Where a sign-in may lead, from `?next=`: only pages of this site, as the app allows.
fn next_page(next: Option<&str>) -> Option<&'static str> {
    match next {
        Some("/account") => Some("/account"),
        Some("/admin") => Some("/admin"),
        _ => None,
    }
}

/// The sign-in page; `username` is what was typed (never the password); the form posts back
/// with the allowed `next`.
fn login_page(frame: &Frame, username: &str, notice: &Notice) -> String {
    let locale = frame.locale;
    let action = frame
        .next
        .map_or_else(|| "/login".to_owned(), |n| format!("/login?next={n}"));
    let (user_class, user_attrs, user_error) = field_state(locale, notice, "username");
    let (pass_class, pass_attrs, pass_error) = field_state(locale, notice, "password");
    let hint = if frame.next == Some("/account") {
        format!(
            "<p class=\"hint\" data-hint=\"change\">{}</p>\n",
            say(locale, texts::FORM_LOGIN_CHANGE_HINT)
        )
    } else {
        String::new()
    };
    let card = format!(
        "<section class=\"card\">\n<h1 tabindex=\"-1\">{title}</h1>\n{hint}\
         <form method=\"post\" action=\"{action}\" novalidate {data}>\n{summary}\
         <div class=\"{user_class}\"><label for=\"username\">{username_label}</label>{user_error}\n\
         <input id=\"username\" name=\"username\" autocomplete=\"username\" autocapitalize=\"off\" spellcheck=\"false\" required value=\"{username}\"{user_attrs}></div>\n\
         <div class=\"{pass_class}\"><label for=\"password\">{password_label}</label>{pass_error}\n\
         <div class=\"password-row\"><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" spellcheck=\"false\" autocapitalize=\"off\" required{pass_attrs}></div></div>\n\
         {notice}<button type=\"submit\" class=\"primary\">{submit}</button>\n</form>\n\
         <nav class=\"links\" aria-label=\"{help}\"><a href=\"/forgot\">{forgot}</a> <a href=\"/login?next=/account\" data-link=\"change\">{change}</a></nav>\n\
         </section>\n",
        title = say(locale, texts::FORM_LOGIN_TITLE),
        data = form_data(locale),
        summary = summary_html(locale, notice),
        username_label = say(locale, texts::FORM_USERNAME_OR_EMAIL),
        username = escape(username),
        password_label = say(locale, texts::FORM_PASSWORD),
        notice = notice_html(notice),
        submit = say(locale, texts::FORM_LOGIN_SUBMIT),
        help = say(locale, texts::FORM_LOGIN_HELP),
        forgot = say(locale, texts::FORM_LOGIN_FORGOT),
        change = say(locale, texts::FORM_LOGIN_CHANGE),
    );
    frame.page(texts::FORM_LOGIN_TITLE, &card)
}

/// The page asking for a reset link; `username` is what was typed.
fn forgot_page(frame: &Frame, username: &str, notice: &Notice) -> String {
    let locale = frame.locale;
    let (class, attrs, error) = field_state(locale, notice, "username");
    let card = format!(
        "<section class=\"card\">\n<h1 tabindex=\"-1\">{title}</h1>\n<p>{intro}</p>\n\
         <form method=\"post\" action=\"/forgot\" novalidate {data}>\n{summary}\
         <div class=\"{class}\"><label for=\"username\">{label}</label>{error}\n\
         <input id=\"username\" name=\"username\" autocomplete=\"username\" value=\"{username}\"{attrs}></div>\n\
         {notice}<button type=\"submit\" class=\"primary\">{submit}</button>\n</form>\n\
         <nav class=\"links\"><a href=\"/login\">{back}</a></nav>\n</section>\n",
        title = say(locale, texts::FORM_FORGOT_TITLE),
        intro = say(locale, texts::FORM_FORGOT_INTRO),
        data = form_data(locale),
        summary = summary_html(locale, notice),
        label = say(locale, texts::FORM_USERNAME_OR_EMAIL),
        username = escape(username),
        notice = notice_html(notice),
        submit = say(locale, texts::FORM_FORGOT_SUBMIT),
        back = say(locale, texts::FORM_BACK_TO_SIGN_IN),
    );
    frame.page(texts::FORM_FORGOT_TITLE, &card)
}

/// An HTML answer whose words depend on the language; never cached. `remember` is a
/// language just chosen with `?lang=`, kept in [`LANG_COOKIE`] for this site's pages and
/// the app (not `HttpOnly`: the app reads it). Its referrer policy is `same-origin` rather
/// than the site's `no-referrer`: under `no-referrer` a browser sends `Origin: null` with a
/// form post, which the cross-site guard must refuse; other sites still get no referrer.
fn html(state: &AppState, status: StatusCode, remember: Option<Locale>, body: String) -> Response {
    let headers = [
        (header::CACHE_CONTROL, "no-cache"),
        (header::REFERRER_POLICY, "same-origin"),
    ];
    let mut response = (status, headers, Html(body)).into_response();
    response.extensions_mut().insert(Localized);
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("cookie"));
    if let Some(locale) = remember {
        let cookie = format!(
            "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
            locale.tag()
        );
        append_cookie(&mut response, state, &cookie);
    }
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
    headers: HeaderMap,
) -> Response {
    let (lang, remember) = page_locale(query.as_deref(), &headers);
    let frame = Frame::new(&state, lang.locale, "/login", next_of(query.as_deref()));
    let page = login_page(&frame, "", &Notice::None);
    html(&state, StatusCode::OK, remember, page)
}

/// `GET /forgot`.
pub(crate) async fn forgot_form(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let (lang, remember) = page_locale(query.as_deref(), &headers);
    let frame = Frame::new(&state, lang.locale, "/forgot", None);
    let page = forgot_page(&frame, "", &Notice::None);
    html(&state, StatusCode::OK, remember, page)
}

/// A refusal `error` as the page `render` draws with its message: the JSON API's status
/// and `Retry-After`, the text in the page's language. A failure (5xx) stays the JSON
/// API's answer, so `localize` logs its cause once.
fn refused(
    state: &AppState,
    error: ApiError,
    locale: Locale,
    render: impl FnOnce(&Notice) -> String,
) -> Response {
    let status = error.status();
    if status.is_server_error() {
        return error.into_response();
    }
    let retry_after = error.retry_after();
    let page = render(&Notice::Error(error.message_in(locale)));
    let mut response = html(state, status, None, page);
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
    headers: HeaderMap,
    form: Result<FormBody<LoginRequest, Passwords>, ApiError>,
) -> Response {
    let (lang, _) = page_locale(None, &headers);
    let locale = lang.locale;
    let frame = Frame::new(&state, locale, "/login", next_of(query.as_deref()));
    let request = match form {
        Ok(FormBody(request, ..)) => request,
        Err(error) => {
            return refused(&state, error, locale, |n| login_page(&frame, "", n));
        }
    };
    // Trimmed, as the app sends it.
    let username = request.username.trim().to_owned();
    // Nothing to check: refused before any account is looked up, as the app refuses it.
    let mut problems = Vec::new();
    if username.is_empty() {
        problems.push(("username", texts::text(locale, texts::FORM_NEED_USERNAME)));
    }
    if request.password.expose().is_empty() {
        problems.push(("password", texts::text(locale, texts::FORM_NEED_PASSWORD)));
    }
    if !problems.is_empty() {
        let page = login_page(&frame, &username, &Notice::Problems(problems));
        return html(&state, StatusCode::UNPROCESSABLE_ENTITY, None, page);
    }
    let login = state
        .accounts()
        .login(&client, &username, request.password, lang.remembered())
        .await;
    match login {
        Ok(Login::Full { me, session }) => {
            let to = frame.next.unwrap_or(if me.role.administers() {
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
        Err(error) => refused(&state, error.into(), locale, |n| {
            login_page(&frame, &username, n)
        }),
    }
}

/// `POST /forgot` from the plain form: `POST /api/password/forgot`'s call, then the same
/// confirmation page whether or not the account exists.
pub(crate) async fn forgot_post(
    State(state): State<AppState>,
    Client(client): Client,
    headers: HeaderMap,
    form: Result<FormBody<ForgotRequest, Small>, ApiError>,
) -> Response {
    let (lang, _) = page_locale(None, &headers);
    let locale = lang.locale;
    let frame = Frame::new(&state, locale, "/forgot", None);
    let request = match form {
        Ok(FormBody(request, ..)) => request,
        Err(error) => {
            return refused(&state, error, locale, |n| forgot_page(&frame, "", n));
        }
    };
    let typed = request
        .username
        .as_deref()
        .unwrap_or_default()
        .trim()
        .to_owned();
    let render = |n: &Notice| forgot_page(&frame, &typed, n);
    if typed.is_empty() && request.email.as_deref().is_none_or(|e| e.trim().is_empty()) {
        let problems = vec![("username", texts::text(locale, texts::FORM_NEED_USERNAME))];
        let page = render(&Notice::Problems(problems));
        return html(&state, StatusCode::UNPROCESSABLE_ENTITY, None, page);
    }
    let name = match super::recovery::forgot_name(request) {
        Ok(name) => name,
        Err(error) => return refused(&state, error, locale, render),
    };
    if let Err(error) = state.accounts().forgot(&client, name).await {
        return refused(&state, error.into(), locale, render);
    }
    // The field is emptied: the page then reads the same for every name asked for.
    let done = Notice::Done(texts::text(locale, texts::FORGOT_ACCEPTED));
    let page = forgot_page(&frame, "", &done);
    html(&state, StatusCode::OK, None, page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_are_escaped() {
        let frame = Frame {
            locale: Locale::De,
            site: "<site>".into(),
            contact: "<i>help</i>".into(),
            path: "/login",
            next: Some("/account"),
        };
        let page = login_page(
            &frame,
            "\"><script>x</script>",
            &Notice::Error("<b>".into()),
        );
        assert!(page.contains("&lt;site&gt;"));
        assert!(!page.contains("<script>x"));
        assert!(page.contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
        assert!(page.contains("&lt;b&gt;"));
        assert!(page.contains("<html lang=\"de\">"));
        assert!(page.contains("&lt;i&gt;help"));
        // The language choice keeps the page's `next`, and names the language in force.
        assert!(page.contains("<input type=\"hidden\" name=\"next\" value=\"/account\">"));
        assert!(page.contains("<option value=\"de\" lang=\"de\" selected>Deutsch</option>"));
        assert!(!page.contains(".wasm"), "the page loads no wasm");
        // Only this site's pages are a `next`.
        assert_eq!(next_of(Some("next=%2Faccount")), Some("/account"));
        assert_eq!(next_of(Some("next=https://evil.example/")), None);
        assert_eq!(next_of(Some("next=//evil.example")), None);
    }
}
