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
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let shared = crate::app::shared();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        alert.set(None);
        let navigate = navigate.clone();
        let body = LoginRequest {
            username: username.get_untracked(),
            password: Secret::new(password.get_untracked()),
        };
        leptos::task::spawn_local(async move {
            let answer: Result<Me, ApiError> = api::post("/api/login", &body).await;
            busy.set(false);
            match answer {
                Ok(me) => {
                    shared.signed_in_changed();
                    let to = if me.role.administers() {
                        "/admin"
                    } else {
                        "/account"
                    };
                    password.set(String::new());
                    navigate(to, Default::default());
                }
                Err(error) if error.error == "password-expired" => {
                    navigate("/account?expired=1", Default::default());
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
    view! {
        <section class="card">
            <h1>{t("page.login.title")}</h1>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="username">{t("page.field.username")}</label>
                    <input id="username" name="username" autocomplete="username" autocapitalize="off"
                        spellcheck="false" required
                        prop:value=move || username.get()
                        on:input=move |ev| username.set(event_target_value(&ev))/>
                </div>
                <crate::checker::PasswordInput id="password" label="page.field.password" value=password autocomplete="current-password"/>
                <Alert message=alert/>
                <button type="submit" class="primary" disabled=move || busy.get()>{t("page.login.submit")}</button>
            </form>
            <nav class="links" aria-label=t("page.login.help-label")>
                <a href="/forgot">{t("page.login.forgot")}</a>
                <a href="/account">{t("page.login.change")}</a>
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
                    Err(error) => view! { <p class="alert error" data-alert="error">{error.message}</p> }.into_any(),
                    Ok(_) if done.get() => view! {
                        <p class="alert ok" data-alert="ok">{t("page.register.done")} " " <a href="/login">{t("page.login.submit")}</a></p>
                    }.into_any(),
                    Ok(invitation) => view! { <RegisterForm token=token.get_untracked() invitation=invitation done=done/> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

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
    let questions: Vec<(RwSignal<String>, RwSignal<String>)> = (0..count)
        .map(|i| {
            (
                RwSignal::new(
                    QUESTION_IDEAS
                        .get(i)
                        .map(|key| tr_now(key, &[]))
                        .unwrap_or_default(),
                ),
                RwSignal::new(String::new()),
            )
        })
        .collect();
    let alert = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let answers_ready = {
        let questions = questions.clone();
        Signal::derive(move || {
            questions
                .iter()
                .all(|(q, a)| q.with(|q| !q.trim().is_empty()) && a.with(|a| !a.trim().is_empty()))
        })
    };
    let ready = state.ready();
    let submit = {
        let questions = questions.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if !ready.get_untracked() || !answers_ready.get_untracked() || busy.get_untracked() {
                return;
            }
            let body = RegisterRequest {
                token: token.clone(),
                password: Secret::new(state.password.get_untracked()),
                security_questions: questions
                    .iter()
                    .map(|(q, a)| QuestionAnswer {
                        question: q.get_untracked(),
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
            <NewPasswordFields state=state/>
            {(count > 0).then(|| view! {
                <fieldset class="questions">
                    <legend>{t("page.questions.legend")}</legend>
                    <p class="hint">{t("page.questions.hint")}</p>
                    <datalist id="question-ideas">
                        {move || QUESTION_IDEAS.iter().map(|key| view! { <option value=tr(key, &[])></option> }).collect_view()}
                    </datalist>
                    {questions.iter().enumerate().map(|(i, (question, answer))| {
                        let (question, answer) = (*question, *answer);
                        view! {
                            <div class="field">
                                <label for=format!("question-{i}")>{move || tr("page.questions.question", &[("n", Arg::Int(i as i64 + 1))])}</label>
                                <input id=format!("question-{i}") list="question-ideas" prop:value=move || question.get()
                                    on:input=move |ev| question.set(event_target_value(&ev))/>
                            </div>
                            <div class="field">
                                <label for=format!("answer-{i}")>{move || tr("page.questions.answer", &[("n", Arg::Int(i as i64 + 1))])}</label>
                                <input id=format!("answer-{i}") autocomplete="off" prop:value=move || answer.get()
                                    on:input=move |ev| answer.set(event_target_value(&ev))/>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            <Alert message=alert/>
            <button type="submit" class="primary" disabled=move || !ready.get() || !answers_ready.get() || busy.get()>{t("page.register.submit")}</button>
        </form>
    }
}

#[component]
pub(crate) fn Forgot() -> impl IntoView {
    let who = RwSignal::new(String::new());
    let alert = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let who = who.get_untracked().trim().to_owned();
        if who.is_empty() || busy.get_untracked() {
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
                <div class="field">
                    <label for="username">{t("page.field.username-or-email")}</label>
                    <input id="username" autocomplete="username" prop:value=move || who.get()
                        on:input=move |ev| who.set(event_target_value(&ev))/>
                </div>
                <Alert message=alert/>
                <button type="submit" class="primary" disabled=move || busy.get()>{t("page.forgot.submit")}</button>
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
                    Err(error) => view! {
                        <p class="alert error" data-alert="error">{error.message}</p>
                        <p><a href="/forgot">{t("page.reset.new-link")}</a></p>
                    }.into_any(),
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
    let busy = RwSignal::new(false);
    let locked = RwSignal::new(false);
    let ready = state.ready();
    let answers_ready = {
        let answers = answers.clone();
        Signal::derive(move || answers.iter().all(|a| a.with(|a| !a.trim().is_empty())))
    };
    let submit = {
        let answers = answers.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if !ready.get_untracked()
                || !answers_ready.get_untracked()
                || busy.get_untracked()
                || locked.get_untracked()
            {
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
                            "wrong-answers" => tr_now("page.reset.wrong-answers", &[]),
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
            {(!questions.is_empty()).then(|| view! {
                <fieldset class="questions">
                    <legend>{t("page.reset.questions")}</legend>
                    {questions.iter().zip(answers.iter()).enumerate().map(|(i, (question, answer))| {
                        let answer = *answer;
                        view! {
                            <div class="field">
                                <label for=format!("answer-{i}")>{question.clone()}</label>
                                <input id=format!("answer-{i}") autocomplete="off" prop:value=move || answer.get()
                                    on:input=move |ev| answer.set(event_target_value(&ev))/>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            <NewPasswordFields state=state/>
            <Alert message=alert/>
            <button type="submit" class="primary" disabled=move || !ready.get() || !answers_ready.get() || busy.get() || locked.get()>{t("page.change.submit")}</button>
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
        async move { api::get::<T>(&format!("{path}{}", encode(&token))).await }
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
