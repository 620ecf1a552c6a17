//! `/admin`: the users grid (status badges, unlock, reset password) and the invitation form.
//! An administrator never sees or chooses a password.

use leptos::prelude::*;
use serde_json::json;

use crate::api::{self, ApiError, UserRow};
use crate::app::Alert;
use crate::pages::auth::encode;
use crate::time;

fn badge(status: &str) -> &'static str {
    match status {
        "invited" => "Invited",
        "active" => "Active",
        "locked" => "Locked",
        "reset-pending" => "Password Reset Pending",
        "expired" => "Expired",
        _ => "Unknown",
    }
}

#[component]
pub(crate) fn Admin() -> impl IntoView {
    let users = LocalResource::new(|| api::get::<Vec<UserRow>>("/api/admin/users"));
    let me = LocalResource::new(|| api::get::<api::Me>("/api/me"));
    let alert = RwSignal::new(None);
    let act = move |path: String, done: String| {
        leptos::task::spawn_local(async move {
            let answer: Result<serde_json::Value, ApiError> = api::post(&path, &json!({})).await;
            alert.set(Some(match answer {
                Ok(_) => (true, done),
                Err(error) => (false, error.message),
            }));
            users.refetch();
        });
    };
    view! {
        <section class="card wide">
            <h1>"Users"</h1>
            {move || me.get().and_then(Result::ok).and_then(|me| me.notice.map(|notice| view! {
                <p class="notice" data-notice=me.role>{notice}</p>
            }))}
            <Alert message=alert/>
            <Suspense fallback=|| view! { <p>"Loading users…"</p> }>
                {move || users.get().map(|answer| match answer {
                    Err(error) if error.status == 401 || error.status == 403 => view! {
                        <p class="alert error" data-alert="error">"Sign in as an administrator to manage users."</p>
                        <p><a href="/login">"Sign in"</a></p>
                    }.into_any(),
                    Err(error) => view! { <p class="alert error" data-alert="error">{error.message}</p> }.into_any(),
                    Ok(rows) => view! {
                        <table class="users">
                            <caption class="sr-only">"All accounts and their status"</caption>
                            <thead><tr>
                                <th scope="col">"Username"</th><th scope="col">"E-mail"</th><th scope="col">"Status"</th>
                                <th scope="col">"Failed logins"</th><th scope="col">"Password changed"</th><th scope="col">"Actions"</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|row| {
                                    let locked = row.status == "locked";
                                    let registered = row.status != "invited";
                                    let name = row.username.clone();
                                    let (unlock_name, reset_name) = (name.clone(), name.clone());
                                    view! {
                                        <tr data-username=row.username.clone() data-status=row.status.clone()>
                                            <th scope="row">{row.username.clone()}</th>
                                            <td>{row.email.clone()}</td>
                                            <td><span class=format!("badge {}", row.status)>{badge(&row.status)}</span></td>
                                            <td>{row.failed_logins}</td>
                                            <td>{row.password_changed_at.as_ref().map_or("—".to_owned(), time::local)}</td>
                                            <td class="actions">
                                                <button type="button" data-action="unlock" disabled=!locked
                                                    on:click=move |_| act(format!("/api/admin/users/{}/unlock", encode(&unlock_name)), format!("{unlock_name} is unlocked."))>
                                                    "Unlock"
                                                </button>
                                                <button type="button" data-action="reset-password" disabled=locked || !registered
                                                    aria-describedby=locked.then(|| format!("reason-{name}"))
                                                    on:click=move |_| act(format!("/api/admin/users/{}/reset-password", encode(&reset_name)), format!("A reset link has been e-mailed to {reset_name}."))>
                                                    "Reset password"
                                                </button>
                                                {locked.then(|| view! { <span class="reason" id=format!("reason-{name}")>"Unlock first"</span> })}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                })}
            </Suspense>
            <Invite on_done=move || users.refetch()/>
        </section>
    }
}

#[component]
fn Invite(on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let username = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let alert = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = json!({ "username": username.get_untracked().trim(), "email": email.get_untracked().trim() });
        leptos::task::spawn_local(async move {
            let answer: Result<serde_json::Value, ApiError> =
                api::post("/api/admin/users", &body).await;
            alert.set(Some(match answer {
                Ok(_) => {
                    let text = format!(
                        "An invitation has been e-mailed to {}.",
                        email.get_untracked()
                    );
                    username.set(String::new());
                    email.set(String::new());
                    on_done();
                    (true, text)
                }
                Err(error) => (false, error.message),
            }));
        });
    };
    view! {
        <form class="invite" on:submit=submit novalidate>
            <h2>"Invite a user"</h2>
            <div class="field">
                <label for="invite-username">"Username"</label>
                <input id="invite-username" autocomplete="off" prop:value=move || username.get()
                    on:input=move |ev| username.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="invite-email">"E-mail"</label>
                <input id="invite-email" type="email" autocomplete="off" prop:value=move || email.get()
                    on:input=move |ev| email.set(event_target_value(&ev))/>
            </div>
            <Alert message=alert/>
            <button type="submit" class="primary" disabled=move || username.with(|u| u.trim().is_empty()) || email.with(|e| !e.contains('@'))>
                "Send invitation"
            </button>
        </form>
    }
}
