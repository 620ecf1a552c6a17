//! The pages reached without a session: sign in, register through an invitation, forgot and
//! reset through an e-mailed link.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use passguard_policy::Context;
use passguard_wire::{
    Done, ForgotRequest, Invitation, LoginRequest, Me, QuestionAnswer, RegisterRequest,
    ResetQuestions, ResetRequest, Secret,
};

use crate::api::{self, ApiError};
use crate::app::Alert;
use crate::form::{ErrorSummary, Errors, FieldError};
use crate::i18n::{t, tr, tr_now};
use crate::pages::chooser::{NewPassword, NewPasswordFields};
use passguard_i18n::Arg;

#[component]
pub(crate) fn Home() -> impl IntoView {
    let navigate = use_navigate();
    Effect::new(move |_| navigate("/login", Default::default()));
}

#[component]
pub(crate) fn NotFound() -> impl IntoView {
    view! {
        <section class="card">
            <h1>{t("page.not-found.title")}</h1>
            <p><a href="/login">{t("page.not-found.link")}</a></p>
        </section>
    }
}

#[component]
pub(crate) fn Login() -> impl IntoView {
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let alert = RwSignal::new(None);
    let errors = Errors::new();
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let shared = crate::app::shared();
    // Where to go after signing in: only pages of this site, never an address from outside.
    let next = Memo::new(move |_| {
        use_query_map().with(|q| {
            q.get("next")
                .filter(|n| matches!(n.as_str(), "/account" | "/admin"))
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        alert.set(None);
        let mut refused = Vec::new();
        if username.with_untracked(|u| u.trim().is_empty()) {
            refused.push((
                "username".to_owned(),
                tr_now("page.login.need-username", &[]),
            ));
        }
        if password.with_untracked(String::is_empty) {
            refused.push((
                "password".to_owned(),
                tr_now("page.login.need-password", &[]),
            ));
        }
        if errors.refuse(refused) {
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        let body = LoginRequest {
            username: username.get_untracked().trim().to_owned(),
            password: Secret::new(password.get_untracked()),
        };
        leptos::task::spawn_local(async move {
            let answer: Result<Me, ApiError> = api::post("/api/login", &body).await;
            busy.set(false);
            match answer {
                Ok(me) => {
                    shared.signed_in_changed();
                    let to = next.get_untracked().unwrap_or_else(|| {
                        if me.role.administers() {
                            "/admin"
                        } else {
                            "/account"
                        }
                        .to_owned()
                    });
                    password.set(String::new());
                    navigate(&to, Default::default());
                }
                Err(error) if error.error == "password-expired" => {
                    navigate("/account?expired=1", Default::default());
                }
                Err(error) if error.error == "password-noncompliant" => {
                    // Signed in for one thing only: choosing a password the policy accepts.
                    shared.signed_in_changed();
                    password.set(String::new());
                    navigate("/account?noncompliant=1", Default::default());
                }
                Err(error) => {
                    let text = match error.error.as_str() {
                        "invalid-credentials" => tr_now("page.login.invalid", &[]),
                        _ => error.message,
                    };
                    alert.set(Some((false, text)));
                }
            }
        });
    };
    let signed_in = move || shared.signed_in().is_some();
    view! {
        <section class="card">
            <h1>{t("page.login.title")}</h1>
            {move || (next.get().as_deref() == Some("/account")).then(|| view! {
                <p class="hint" data-hint="change">{t("page.login.change-hint")}</p>
            })}
            <form on:submit=submit novalidate>
                <ErrorSummary errors=errors/>
                <div class="field" class:invalid=move || errors.of("username").is_some()>
                    <label for="username">{t("page.field.username-or-email")}</label>
                    <FieldError errors=errors id="username"/>
                    <input id="username" name="username" autocomplete="username" autocapitalize="off"
                        spellcheck="false" required
                        aria-invalid=move || errors.of("username").map(|_| "true")
                        aria-describedby=move || errors.of("username").map(|_| "username-error")
                        prop:value=move || username.get()
                        on:input=move |ev| username.set(event_target_value(&ev))/>
                </div>
                <crate::checker::PasswordInput id="password" label="page.field.password" value=password autocomplete="current-password" errors=errors/>
                <Alert message=alert/>
                <button type="submit" class="primary" aria-disabled=move || busy.get().then_some("true")>
                    {move || tr(if busy.get() { "page.form.busy" } else { "page.login.submit" }, &[])}
                </button>
            </form>
            <nav class="links" aria-label=t("page.login.help-label")>
                <a href="/forgot">{t("page.login.forgot")}</a>
                <a href=move || if signed_in() { "/account" } else { "/login?next=/account" } data-link="change">{t("page.login.change")}</a>
            </nav>
        </section>
    }
}

/// Catalogue keys of suggested security questions (the user may write their own).
const QUESTION_IDEAS: [&str; 6] = [
    "page.question-idea.1",
    "page.question-idea.2",
    "page.question-idea.3",
    "page.question-idea.4",
    "page.question-idea.5",
    "page.question-idea.6",
];

#[component]
pub(crate) fn Register() -> impl IntoView {
    let (token, invitation) = link_resource::<Invitation>("/api/register/");
    let done = RwSignal::new(false);
    view! {
        <section class="card">
            <h1>{t("page.register.title")}</h1>
            <Suspense fallback=|| view! { <p>{t("page.register.checking")}</p> }>
                {move || invitation.get().map(|answer| match answer {
                    Err(error) => view! { <LinkProblem error=error page=LinkPage::Register/> }.into_any(),
                    Ok(_) if done.get() => view! {
                        <p class="alert ok" data-alert="ok">{t("page.register.done")} " " <a href="/login">{t("page.login.submit")}</a></p>
                    }.into_any(),
                    Ok(invitation) => view! { <RegisterForm token=token.get_untracked() invitation=invitation done=done/> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

/// The pages an e-mailed link opens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LinkPage {
    Register,
    Reset,
}

/// What is wrong with the link (none, used, expired, unknown) and what to do next: a
/// registration link only an administrator can send again; a reset link anyone can ask for.
#[component]
fn LinkProblem(error: ApiError, page: LinkPage) -> impl IntoView {
    let missing = error.error == "token-missing";
    let used = error.error == "token-used";
    let next = match (page, used) {
        (LinkPage::Register, true) => "page.link.next.register-used",
        (LinkPage::Register, false) => "page.link.next.register",
        (LinkPage::Reset, true) => "page.link.next.reset-used",
        (LinkPage::Reset, false) => "page.link.next.reset",
    };
    view! {
        <p class="alert error" data-alert="error" data-link-problem=if missing { "missing".to_owned() } else { error.error.clone() }>{error.message}</p>
        <p data-next-step="">{t(next)}</p>
        <p>
            <a href="/login">{t("page.login.submit")}</a>
            {(page == LinkPage::Reset || used).then(|| view! { " · " <a href="/forgot">{t("page.reset.new-link")}</a> })}
        </p>
    }
}

/// What is wrong with a new security answer, if anything: empty, shorter than
/// [`MIN_ANSWER_CHARS`], the username or the new password.
fn answer_problem(answer: &str, username: &str, password: &str) -> Option<&'static str> {
    let answer = answer.trim();
    let same =
        |other: &str| !other.is_empty() && answer.to_lowercase() == other.trim().to_lowercase();
    if answer.is_empty() {
        Some("page.questions.need-answer")
    } else if answer.chars().count() < MIN_ANSWER_CHARS {
        Some("page.questions.short-answer")
    } else if same(username) || same(password) {
        Some("page.questions.answer-is-secret")
    } else {
        None
    }
}

/// The fewest characters a security answer may have (the server refuses fewer too).
const MIN_ANSWER_CHARS: usize = 3;

#[component]
fn RegisterForm(token: String, invitation: Invitation, done: RwSignal<bool>) -> impl IntoView {
    let context = Signal::stored(Context {
        username: Some(invitation.username.clone()),
        email: Some(invitation.email.clone()),
        now: Some(crate::time::now_seconds()),
        ..Context::default()
    });
    let state = NewPassword::under(link_policy(&token), context);
    let count = invitation.security_questions as usize;
    // Empty, with a suggestion as placeholder: a pre-filled question is kept unread.
    let questions: Vec<(RwSignal<String>, RwSignal<String>)> = (0..count)
        .map(|_| (RwSignal::new(String::new()), RwSignal::new(String::new())))
        .collect();
    let alert = RwSignal::new(None);
    let errors = Errors::new();
    let busy = RwSignal::new(false);
    let username = invitation.username.clone();
    let submit = {
        let questions = questions.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            alert.set(None);
            let mut refused = state.errors();
            let password = state.password.get_untracked();
            let mut seen_questions: Vec<String> = Vec::new();
            let mut seen_answers: Vec<String> = Vec::new();
            for (i, (question, answer)) in questions.iter().enumerate() {
                let n = [("n", Arg::Int(i as i64 + 1))];
                let question = question.get_untracked().trim().to_lowercase();
                let answer = answer.get_untracked();
                if question.is_empty() {
                    refused.push((
                        format!("question-{i}"),
                        tr_now("page.questions.need-question", &n),
                    ));
                } else if seen_questions.contains(&question) {
                    refused.push((
                        format!("question-{i}"),
                        tr_now("page.questions.same-question", &n),
                    ));
                }
                seen_questions.push(question);
                let key = answer.trim().to_lowercase();
                if let Some(problem) = answer_problem(&answer, &username, &password) {
                    refused.push((format!("answer-{i}"), tr_now(problem, &n)));
                } else if seen_answers.contains(&key) {
                    refused.push((
                        format!("answer-{i}"),
                        tr_now("page.questions.same-answer", &n),
                    ));
                }
                seen_answers.push(key);
            }
            if errors.refuse(refused) {
                return;
            }
            let body = RegisterRequest {
                token: token.clone(),
                password: Secret::new(password),
                security_questions: questions
                    .iter()
                    .map(|(q, a)| QuestionAnswer {
                        question: q.get_untracked().trim().to_owned(),
                        answer: Secret::new(a.get_untracked()),
                    })
                    .collect(),
            };
            busy.set(true);
            leptos::task::spawn_local(async move {
                let answer: Result<Done, ApiError> = api::post("/api/register", &body).await;
                busy.set(false);
                match answer {
                    Ok(_) => done.set(true),
                    Err(error) => {
                        if let Some(report) = &error.report {
                            state.show_server_report(report);
                        }
                        alert.set(Some((false, error.message)));
                    }
                }
            });
        }
    };
    view! {
        <p>{t("page.register.account")} " " <strong data-username=invitation.username.clone()>{invitation.username.clone()}</strong> " (" {invitation.email.clone()} ")"</p>
        <form on:submit=submit novalidate>
            <ErrorSummary errors=errors/>
            <NewPasswordFields state=state errors=errors/>
            {(count > 0).then(|| view! {
                <fieldset class="questions">
                    <legend>{t("page.questions.legend")}</legend>
                    <p class="hint" id="questions-hint">{t("page.questions.hint")}</p>
                    <datalist id="question-ideas">
                        {move || QUESTION_IDEAS.iter().map(|key| view! { <option value=tr(key, &[])></option> }).collect_view()}
                    </datalist>
                    {questions.iter().enumerate().map(|(i, (question, answer))| {
                        let (question, answer) = (*question, *answer);
                        let (qid, aid) = (format!("question-{i}"), format!("answer-{i}"));
                        let idea = QUESTION_IDEAS.get(i).copied().unwrap_or("page.question-idea.1");
                        view! {
                            <div class="field" class:invalid={ let qid = qid.clone(); move || errors.of(&qid).is_some() }>
                                <label for=qid.clone()>{move || tr("page.questions.question", &[("n", Arg::Int(i as i64 + 1))])}</label>
                                <FieldError errors=errors id=qid.clone()/>
                                <input id=qid.clone() list="question-ideas" required
                                    placeholder=move || tr("page.questions.placeholder", &[("idea", Arg::Text(&tr(idea, &[])))])
                                    aria-invalid={ let qid = qid.clone(); move || errors.of(&qid).map(|_| "true") }
                                    aria-describedby={ let qid = qid.clone(); move || errors.of(&qid).map_or_else(|| "questions-hint".to_owned(), |_| format!("{qid}-error questions-hint")) }
                                    prop:value=move || question.get()
                                    on:input=move |ev| question.set(event_target_value(&ev))/>
                            </div>
                            <div class="field" class:invalid={ let aid = aid.clone(); move || errors.of(&aid).is_some() }>
                                <label for=aid.clone()>{move || tr("page.questions.answer", &[("n", Arg::Int(i as i64 + 1))])}</label>
                                <FieldError errors=errors id=aid.clone()/>
                                <input id=aid.clone() autocomplete="off" required
                                    aria-invalid={ let aid = aid.clone(); move || errors.of(&aid).map(|_| "true") }
                                    aria-describedby={ let aid = aid.clone(); move || errors.of(&aid).map(|_| format!("{aid}-error")) }
                                    prop:value=move || answer.get()
                                    on:input=move |ev| answer.set(event_target_value(&ev))/>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            <Alert message=alert/>
            <button type="submit" class="primary" aria-disabled=move || busy.get().then_some("true")>
                {move || tr(if busy.get() { "page.form.busy" } else { "page.register.submit" }, &[])}
            </button>
        </form>
    }
}

#[component]
pub(crate) fn Forgot() -> impl IntoView {
    let who = RwSignal::new(String::new());
    let alert = RwSignal::new(None);
    let errors = Errors::new();
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let who = who.get_untracked().trim().to_owned();
        let refused = if who.is_empty() {
            vec![(
                "username".to_owned(),
                tr_now("page.login.need-username", &[]),
            )]
        } else {
            Vec::new()
        };
        if errors.refuse(refused) {
            return;
        }
        let body = if who.contains('@') {
            ForgotRequest {
                email: Some(who),
                ..ForgotRequest::default()
            }
        } else {
            ForgotRequest {
                username: Some(who),
                ..ForgotRequest::default()
            }
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let answer: Result<passguard_wire::Accepted, ApiError> =
                api::post("/api/password/forgot", &body).await;
            busy.set(false);
            alert.set(Some(match answer {
                Ok(_) => (true, tr_now("page.forgot.sent", &[])),
                Err(error) => (false, error.message),
            }));
        });
    };
    view! {
        <section class="card">
            <h1>{t("page.forgot.title")}</h1>
            <p>{t("page.forgot.intro")}</p>
            <form on:submit=submit novalidate>
                <ErrorSummary errors=errors/>
                <div class="field" class:invalid=move || errors.of("username").is_some()>
                    <label for="username">{t("page.field.username-or-email")}</label>
                    <FieldError errors=errors id="username"/>
                    <input id="username" autocomplete="username" required prop:value=move || who.get()
                        aria-invalid=move || errors.of("username").map(|_| "true")
                        aria-describedby=move || errors.of("username").map(|_| "username-error")
                        on:input=move |ev| who.set(event_target_value(&ev))/>
                </div>
                <Alert message=alert/>
                <button type="submit" class="primary" aria-disabled=move || busy.get().then_some("true")>
                    {move || tr(if busy.get() { "page.form.busy" } else { "page.forgot.submit" }, &[])}
                </button>
            </form>
            <nav class="links"><a href="/login">{t("page.back-to-sign-in")}</a></nav>
        </section>
    }
}

/// `/unlock?token=…`, from a lock e-mail: one button that lifts the lock (a button rather
/// than on load, so a mail scanner following the link spends nothing).
#[component]
pub(crate) fn Unlock() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.with_untracked(|q| q.get("token").unwrap_or_default());
    let alert = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let done = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || done.get_untracked() {
            return;
        }
        busy.set(true);
        alert.set(None);
        let body = passguard_wire::UnlockRequest { token: token() };
        leptos::task::spawn_local(async move {
            let answer: Result<Done, ApiError> = api::post("/api/unlock", &body).await;
            busy.set(false);
            match answer {
                Ok(_) => done.set(true),
                Err(error) => alert.set(Some((false, error.message))),
            }
        });
    };
    view! {
        <section class="card">
            <h1>{t("page.unlock.title")}</h1>
            <Show when=move || done.get() fallback=move || view! {
                <p>{t("page.unlock.intro")}</p>
                <form on:submit=submit novalidate>
                    <Alert message=alert/>
                    <button type="submit" class="primary" id="unlock" disabled=move || busy.get()>{t("page.unlock.submit")}</button>
                </form>
                <nav class="links"><a href="/forgot">{t("page.reset.new-link")}</a></nav>
            }>
                <p class="alert ok" data-alert="ok" role="status">{t("page.unlock.done")} " " <a href="/login">{t("page.login.submit")}</a></p>
            </Show>
        </section>
    }
}

#[component]
pub(crate) fn Reset() -> impl IntoView {
    let (token, info) = link_resource::<ResetQuestions>("/api/password/reset/");
    let done = RwSignal::new(false);
    view! {
        <section class="card">
            <h1>{t("page.reset.title")}</h1>
            <Suspense fallback=|| view! { <p>{t("page.reset.checking")}</p> }>
                {move || info.get().map(|answer| match answer {
                    Err(error) => view! { <LinkProblem error=error page=LinkPage::Reset/> }.into_any(),
                    Ok(_) if done.get() => view! {
                        <p class="alert ok" data-alert="ok">{t("page.reset.done")} " " <a href="/login">{t("page.login.submit")}</a></p>
                    }.into_any(),
                    Ok(info) => view! { <ResetForm token=token.get_untracked() info=info done=done/> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ResetForm(token: String, info: ResetQuestions, done: RwSignal<bool>) -> impl IntoView {
    let context = Signal::stored(Context {
        username: Some(info.username.clone()),
        now: Some(crate::time::now_seconds()),
        ..Context::default()
    });
    let state = NewPassword::under(link_policy(&token), context);
    let questions = info.security_questions;
    let answers: Vec<RwSignal<String>> = questions
        .iter()
        .map(|_| RwSignal::new(String::new()))
        .collect();
    let alert = RwSignal::new(None);
    let errors = Errors::new();
    let busy = RwSignal::new(false);
    let locked = RwSignal::new(false);
    // Wrong answers the account still takes before it locks (the server's count).
    let attempts_left = RwSignal::new(info.attempts_left);
    let submit = {
        let answers = answers.clone();
        let questions = questions.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() || locked.get_untracked() {
                return;
            }
            alert.set(None);
            let mut refused: Vec<(String, String)> = answers
                .iter()
                .zip(&questions)
                .enumerate()
                .filter(|(_, (answer, _))| answer.with_untracked(|a| a.trim().is_empty()))
                .map(|(i, (_, question))| {
                    (
                        format!("answer-{i}"),
                        tr_now(
                            "page.reset.need-answer",
                            &[("question", Arg::Text(question))],
                        ),
                    )
                })
                .collect();
            refused.extend(state.errors());
            if errors.refuse(refused) {
                return;
            }
            let body = ResetRequest {
                token: token.clone(),
                answers: answers
                    .iter()
                    .map(|a| Secret::new(a.get_untracked()))
                    .collect(),
                new_password: Secret::new(state.password.get_untracked()),
            };
            busy.set(true);
            leptos::task::spawn_local(async move {
                let answer: Result<Done, ApiError> = api::post("/api/password/reset", &body).await;
                busy.set(false);
                match answer {
                    Ok(_) => done.set(true),
                    Err(error) => {
                        if let Some(report) = &error.report {
                            state.show_server_report(report);
                        }
                        let text = match error.error.as_str() {
                            "wrong-answers" => {
                                attempts_left.update(|left| {
                                    *left = left.map(|n| n.saturating_sub(1));
                                });
                                if attempts_left.get_untracked() == Some(1) {
                                    tr_now("page.reset.wrong-answers-last", &[])
                                } else {
                                    tr_now("page.reset.wrong-answers", &[])
                                }
                            }
                            "locked" => {
                                locked.set(true);
                                tr_now("page.reset.locked", &[])
                            }
                            _ => error.message,
                        };
                        alert.set(Some((false, text)));
                    }
                }
            });
        }
    };
    view! {
        <form on:submit=submit novalidate>
            <ErrorSummary errors=errors/>
            {(!questions.is_empty()).then(|| view! {
                <fieldset class="questions">
                    <legend>{t("page.reset.questions")}</legend>
                    {move || attempts_left.get().map(|left| view! {
                        <p class=if left <= 1 { "notice warn" } else { "hint" } data-attempts-left=left.to_string() id="attempts-hint">
                            {tr(if left <= 1 { "page.reset.last-attempt" } else { "page.reset.attempts" }, &[("n", Arg::Int(i64::from(left)))])}
                        </p>
                    })}
                    {questions.iter().zip(answers.iter()).enumerate().map(|(i, (question, answer))| {
                        let answer = *answer;
                        let aid = format!("answer-{i}");
                        view! {
                            <div class="field" class:invalid={ let aid = aid.clone(); move || errors.of(&aid).is_some() }>
                                <label for=aid.clone()>{question.clone()}</label>
                                <FieldError errors=errors id=aid.clone()/>
                                <input id=aid.clone() autocomplete="off" required
                                    aria-invalid={ let aid = aid.clone(); move || errors.of(&aid).map(|_| "true") }
                                    aria-describedby={ let aid = aid.clone(); move || errors.of(&aid).map(|_| format!("{aid}-error")) }
                                    prop:value=move || answer.get()
                                    on:input=move |ev| answer.set(event_target_value(&ev))/>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            <NewPasswordFields state=state errors=errors/>
            <Alert message=alert/>
            <button type="submit" class="primary" aria-disabled=move || (busy.get() || locked.get()).then_some("true")>
                {move || tr(if busy.get() { "page.form.busy" } else { "page.change.submit" }, &[])}
            </button>
        </form>
    }
}

/// The e-mailed link's `token` (from the page's query) and what `GET {path}{token}` says
/// about it: the invitation or the reset it opens.
fn link_resource<T>(path: &'static str) -> (Memo<String>, LocalResource<Result<T, ApiError>>)
where
    T: serde::de::DeserializeOwned + 'static,
{
    let token = Memo::new(move |_| use_query_map().with(|q| q.get("token").unwrap_or_default()));
    let answer = LocalResource::new(move || {
        let token = token.get();
        async move {
            if token.trim().is_empty() {
                // Opened without the link's token (typed or bookmarked): say so, and what next.
                return Err(ApiError {
                    status: 0,
                    error: "token-missing".to_owned(),
                    message: tr_now("page.link.missing", &[]),
                    report: None,
                });
            }
            api::get::<T>(&format!("{path}{}", encode(&token))).await
        }
    });
    (token, answer)
}

/// The policy in force for the account of link `token` (its organization's, if any).
fn link_policy(token: &str) -> Signal<Option<passguard_policy::Policy>> {
    let path = format!("/api/policy?token={}", encode(token));
    let policy = LocalResource::new(move || {
        let path = path.clone();
        async move { api::policy_at(&path).await.ok() }
    });
    Signal::derive(move || policy.get().flatten())
}

/// Percent-encodes a token for a path segment (tokens are URL-safe already; this guards
/// against anything pasted by hand).
pub(crate) fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}
