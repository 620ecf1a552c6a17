//! The pages reached without a session: sign in, register through an invitation, forgot and
//! reset through an e-mailed link.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use passguard_policy::Context;
use serde::Deserialize;
use serde_json::json;

use crate::api::{self, ApiError};
use crate::app::Alert;
use crate::pages::chooser::{NewPassword, NewPasswordFields};

#[component]
pub(crate) fn Home() -> impl IntoView {
    let navigate = use_navigate();
    Effect::new(move |_| navigate("/login", Default::default()));
}

#[component]
pub(crate) fn NotFound() -> impl IntoView {
    view! {
        <section class="card">
            <h1>"Page not found"</h1>
            <p><a href="/login">"Go to the sign-in page"</a></p>
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
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        alert.set(None);
        let navigate = navigate.clone();
        let body =
            json!({ "username": username.get_untracked(), "password": password.get_untracked() });
        leptos::task::spawn_local(async move {
            let answer: Result<crate::api::Me, ApiError> = api::post("/api/login", &body).await;
            busy.set(false);
            match answer {
                Ok(me) => {
                    let to = if me.role == "admin" {
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
                        "invalid-credentials" => {
                            "The username or password is not right.".to_owned()
                        }
                        _ => error.message,
                    };
                    alert.set(Some((false, text)));
                }
            }
        });
    };
    view! {
        <section class="card">
            <h1>"Sign in"</h1>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="username">"Username"</label>
                    <input id="username" name="username" autocomplete="username" autocapitalize="off"
                        spellcheck="false" required
                        prop:value=move || username.get()
                        on:input=move |ev| username.set(event_target_value(&ev))/>
                </div>
                <crate::checker::PasswordInput id="password" label="Password" value=password autocomplete="current-password"/>
                <Alert message=alert/>
                <button type="submit" class="primary" disabled=move || busy.get()>"Sign in"</button>
            </form>
            <nav class="links" aria-label="Password help">
                <a href="/forgot">"Forgot your password?"</a>
                <a href="/account">"Change your password"</a>
            </nav>
        </section>
    }
}

/// `GET /api/register/{token}`.
#[derive(Debug, Clone, Deserialize)]
struct Invitation {
    username: String,
    email: String,
    /// How many security questions to choose.
    #[serde(default)]
    security_questions: u32,
}

const QUESTION_IDEAS: [&str; 6] = [
    "What was the name of your first school?",
    "In which city did your parents meet?",
    "What was the make of your first car?",
    "What is the name of a street you lived on as a child?",
    "What was the name of your first pet?",
    "What was your childhood nickname?",
];

#[component]
pub(crate) fn Register() -> impl IntoView {
    let token = Memo::new(move |_| use_query_map().with(|q| q.get("token").unwrap_or_default()));
    let invitation = LocalResource::new(move || {
        let token = token.get();
        async move { api::get::<Invitation>(&format!("/api/register/{}", encode(&token))).await }
    });
    let done = RwSignal::new(false);
    view! {
        <section class="card">
            <h1>"Create your password"</h1>
            <Suspense fallback=|| view! { <p>"Checking your invitation…"</p> }>
                {move || invitation.get().map(|answer| match answer {
                    Err(error) => view! { <p class="alert error" data-alert="error">{error.message}</p> }.into_any(),
                    Ok(_) if done.get() => view! {
                        <p class="alert ok" data-alert="ok">"Your account is ready. "<a href="/login">"Sign in"</a></p>
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
    let state = NewPassword::new(context);
    let count = invitation.security_questions as usize;
    let questions: Vec<(RwSignal<String>, RwSignal<String>)> = (0..count)
        .map(|i| {
            (
                RwSignal::new(
                    QUESTION_IDEAS
                        .get(i)
                        .copied()
                        .unwrap_or_default()
                        .to_owned(),
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
            let body = json!({
                "token": token,
                "password": state.password.get_untracked(),
                "security_questions": questions.iter().map(|(q, a)| json!({"question": q.get_untracked(), "answer": a.get_untracked()})).collect::<Vec<_>>(),
            });
            busy.set(true);
            leptos::task::spawn_local(async move {
                let answer: Result<serde_json::Value, ApiError> =
                    api::post("/api/register", &body).await;
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
        <p>"Account " <strong data-username=invitation.username.clone()>{invitation.username.clone()}</strong> " (" {invitation.email.clone()} ")"</p>
        <form on:submit=submit novalidate>
            <NewPasswordFields state=state/>
            {(count > 0).then(|| view! {
                <fieldset class="questions">
                    <legend>"Security questions"</legend>
                    <p class="hint">"You will answer these before you can reset your password. Answers ignore case and extra spaces."</p>
                    <datalist id="question-ideas">
                        {QUESTION_IDEAS.iter().map(|q| view! { <option value=*q></option> }).collect_view()}
                    </datalist>
                    {questions.iter().enumerate().map(|(i, (question, answer))| {
                        let (question, answer) = (*question, *answer);
                        view! {
                            <div class="field">
                                <label for=format!("question-{i}")>{format!("Question {}", i + 1)}</label>
                                <input id=format!("question-{i}") list="question-ideas" prop:value=move || question.get()
                                    on:input=move |ev| question.set(event_target_value(&ev))/>
                            </div>
                            <div class="field">
                                <label for=format!("answer-{i}")>{format!("Answer {}", i + 1)}</label>
                                <input id=format!("answer-{i}") autocomplete="off" prop:value=move || answer.get()
                                    on:input=move |ev| answer.set(event_target_value(&ev))/>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            <Alert message=alert/>
            <button type="submit" class="primary" disabled=move || !ready.get() || !answers_ready.get() || busy.get()>"Create account"</button>
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
            json!({ "email": who })
        } else {
            json!({ "username": who })
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let answer: Result<serde_json::Value, ApiError> =
                api::post("/api/password/forgot", &body).await;
            busy.set(false);
            alert.set(Some(match answer {
                Ok(_) => (true, "If an account matches, we have e-mailed it a link to reset the password. The link works once.".to_owned()),
                Err(error) => (false, error.message),
            }));
        });
    };
    view! {
        <section class="card">
            <h1>"Forgot your password?"</h1>
            <p>"Enter your username or e-mail address and we will e-mail you a link to choose a new password."</p>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="username">"Username or e-mail"</label>
                    <input id="username" autocomplete="username" prop:value=move || who.get()
                        on:input=move |ev| who.set(event_target_value(&ev))/>
                </div>
                <Alert message=alert/>
                <button type="submit" class="primary" disabled=move || busy.get()>"E-mail me a link"</button>
            </form>
            <nav class="links"><a href="/login">"Back to sign in"</a></nav>
        </section>
    }
}

/// `GET /api/password/reset/{token}`.
#[derive(Debug, Clone, Default, Deserialize)]
struct ResetInfo {
    #[serde(default, alias = "security_questions")]
    questions: Vec<serde_json::Value>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    email: Option<String>,
}

impl ResetInfo {
    fn question_texts(&self) -> Vec<String> {
        self.questions
            .iter()
            .map(|q| match q {
                serde_json::Value::String(text) => text.clone(),
                other => other
                    .get("question")
                    .and_then(|q| q.as_str())
                    .unwrap_or_default()
                    .to_owned(),
            })
            .collect()
    }
}

#[component]
pub(crate) fn Reset() -> impl IntoView {
    let token = Memo::new(move |_| use_query_map().with(|q| q.get("token").unwrap_or_default()));
    let info = LocalResource::new(move || {
        let token = token.get();
        async move { api::get::<ResetInfo>(&format!("/api/password/reset/{}", encode(&token))).await }
    });
    let done = RwSignal::new(false);
    view! {
        <section class="card">
            <h1>"Choose a new password"</h1>
            <Suspense fallback=|| view! { <p>"Checking your link…"</p> }>
                {move || info.get().map(|answer| match answer {
                    Err(error) => view! {
                        <p class="alert error" data-alert="error">{error.message}</p>
                        <p><a href="/forgot">"Ask for a new link"</a></p>
                    }.into_any(),
                    Ok(_) if done.get() => view! {
                        <p class="alert ok" data-alert="ok">"Your password has been changed. "<a href="/login">"Sign in"</a></p>
                    }.into_any(),
                    Ok(info) => view! { <ResetForm token=token.get_untracked() info=info done=done/> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ResetForm(token: String, info: ResetInfo, done: RwSignal<bool>) -> impl IntoView {
    let context = Signal::stored(Context {
        username: info.username.clone(),
        email: info.email.clone(),
        now: Some(crate::time::now_seconds()),
        ..Context::default()
    });
    let state = NewPassword::new(context);
    let questions = info.question_texts();
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
            let body = json!({
                "token": token,
                "answers": answers.iter().map(|a| a.get_untracked()).collect::<Vec<_>>(),
                "new_password": state.password.get_untracked(),
            });
            busy.set(true);
            leptos::task::spawn_local(async move {
                let answer: Result<serde_json::Value, ApiError> =
                    api::post("/api/password/reset", &body).await;
                busy.set(false);
                match answer {
                    Ok(_) => done.set(true),
                    Err(error) => {
                        if let Some(report) = &error.report {
                            state.show_server_report(report);
                        }
                        let text = match error.error.as_str() {
                            "wrong-answers" => "The answers do not match the ones you chose. Check them and try again.".to_owned(),
                            "locked" => {
                                locked.set(true);
                                "Too many wrong answers: the account is locked. Contact an administrator to unlock it.".to_owned()
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
                    <legend>"Your security questions"</legend>
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
            <button type="submit" class="primary" disabled=move || !ready.get() || !answers_ready.get() || busy.get() || locked.get()>"Change password"</button>
        </form>
    }
}

/// Percent-encodes a token for a path segment (tokens are URL-safe already; this guards
/// against anything pasted by hand).
pub(crate) fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}
