//! `/account`: when the password was changed, when it may change again (a live countdown),
//! when it expires; the change form, or "e-mail me a link" as the Security Administration
//! product offers; and the forced change after expiry.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use passguard_policy::Context;
use passguard_wire::{Accepted, AccountStatus, ChangeRequest, ForgotRequest, Me, Secret};

use crate::api::{self, ApiError};
use crate::app::Alert;
use crate::checker::PasswordInput;
use crate::form::{ErrorSummary, Errors};
use crate::i18n::{t, tr, tr_now};
use crate::pages::chooser::{NewPassword, NewPasswordFields};
use crate::time;
use passguard_i18n::Arg;

#[component]
pub(crate) fn Account() -> impl IntoView {
    let me = LocalResource::new(|| api::get::<Me>("/api/me"));
    // Outside the account view, which is rebuilt when the account reloads after a change.
    let alert = RwSignal::new(None);
    let expired_login = Memo::new(move |_| use_query_map().with(|q| q.get("expired").is_some()));
    view! {
        <section class="card wide">
            <h1>{t("page.account.title")}</h1>
            <Transition fallback=|| view! { <p>{t("page.account.loading")}</p> }>
                {move || me.get().map(|answer| match answer {
                    Ok(account) => view! { <AccountView account=account reload=me alert=alert/> }.into_any(),
                    Err(error) if error.status == 401 || error.status == 403 => view! {
                        <p class="alert error" data-alert="error">
                            {move || tr(if expired_login.get() {
                                "page.account.expired-sign-in"
                            } else {
                                "page.account.sign-in-first"
                            }, &[])}
                        </p>
                        <p><a href="/login?next=/account">{t("page.login.submit")}</a> " · " <a href="/forgot">{t("page.login.forgot")}</a></p>
                    }.into_any(),
                    Err(error) => view! { <p class="alert error" data-alert="error">{error.message}</p> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn AccountView(
    account: Me,
    reload: LocalResource<Result<Me, ApiError>>,
    alert: RwSignal<Option<(bool, String)>>,
) -> impl IntoView {
    // A clock ticking once a second drives the countdown and the min-age rule. It follows the
    // server's clock: the browser's may be off, and the server decides.
    let offset = account.now - time::now_seconds();
    let now = RwSignal::new(time::now_seconds() + offset);
    let ticker = leptos::prelude::set_interval_with_handle(
        move || now.set(time::now_seconds() + offset),
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(ticker) = ticker {
            ticker.clear();
        }
    });
    let current = RwSignal::new(String::new());
    // A forced change (expired, or refused by the policy at login) is not held to the
    // minimum age, at the server as here.
    let changed_at = account
        .password_changed_at
        .filter(|_| !account.must_change_password);
    let can_change_after = account.can_change_after;
    // The engine needs the time only for the minimum age, whose verdict changes once, when
    // the wait ends: the check runs again then, not at every tick of the clock.
    let waiting = Memo::new(move |_| can_change_after.is_some_and(|after| after > now.get()));
    let context = {
        let (username, email) = (account.username.clone(), account.email.clone());
        Signal::derive(move || Context {
            username: Some(username.clone()),
            email: Some(email.clone()),
            current_password: current.with(|c| (!c.is_empty()).then(|| c.clone())),
            password_changed_at: changed_at,
            now: Some({
                waiting.track();
                now.get_untracked()
            }),
            ..Context::default()
        })
    };
    let state = NewPassword::new(context);
    let busy = RwSignal::new(false);
    let errors = Errors::new();
    let expired = account.must_change_password || account.status == AccountStatus::Expired;
    // A login the policy in force refused (`check_at_login`) lands here as a change-only
    // session too, for another reason than expiry.
    let noncompliant = account.status != AccountStatus::Expired
        && use_query_map().with_untracked(|q| q.get("noncompliant").is_some());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let mut refused = Vec::new();
        if current.with_untracked(String::is_empty) {
            refused.push((
                "current-password".to_owned(),
                tr_now("page.account.need-current", &[]),
            ));
        }
        refused.extend(state.errors());
        if errors.refuse(refused) {
            return;
        }
        let body = ChangeRequest {
            current_password: Secret::new(current.get_untracked()),
            new_password: Secret::new(state.password.get_untracked()),
        };
        busy.set(true);
        alert.set(None);
        leptos::task::spawn_local(async move {
            let answer: Result<Me, ApiError> = api::post("/api/password/change", &body).await;
            busy.set(false);
            match answer {
                Ok(_) => {
                    for field in [current, state.password, state.confirm] {
                        field.set(String::new());
                    }
                    alert.set(Some((true, tr_now("page.reset.done", &[]))));
                    reload.refetch();
                }
                Err(error) => {
                    if let Some(report) = &error.report {
                        state.show_server_report(report);
                    }
                    let text = match error.error.as_str() {
                        "invalid-credentials" => tr_now("page.account.wrong-current", &[]),
                        _ => error.message,
                    };
                    alert.set(Some((false, text)));
                }
            }
        });
    };
    let mailed = RwSignal::new(None);
    let username = account.username.clone();
    let email_link = move |_| {
        let body = ForgotRequest {
            username: Some(username.clone()),
            ..ForgotRequest::default()
        };
        leptos::task::spawn_local(async move {
            let answer: Result<Accepted, ApiError> = api::post("/api/password/forgot", &body).await;
            mailed.set(Some(match answer {
                Ok(_) => (true, tr_now("page.account.mailed", &[])),
                Err(error) => (false, error.message),
            }));
        });
    };
    let wait = move || {
        can_change_after
            .map(|after| after - now.get())
            .filter(|left| *left > 0)
    };
    view! {
        {account.notice.clone().map(|notice| view! { <p class="notice" data-notice=account.role.id()>{notice}</p> })}
        <dl class="facts" data-account-status=account.status.id()>
            <dt>{t("page.account.fact.account")}</dt><dd>{account.username.clone()} " (" {account.email.clone()} ")"</dd>
            <dt>{t("page.account.fact.changed")}</dt>
            <dd>{
                let changed = account.password_changed_at;
                move || changed.map_or_else(|| tr("page.account.never", &[]), time::local)
            }</dd>
            <dt>{t("page.account.fact.can-change")}</dt>
            <dd data-countdown=move || wait().unwrap_or(0).to_string()>
                {move || match wait() {
                    Some(left) => tr("page.account.in", &[("span", Arg::Text(&time::span(left)))]),
                    None => tr("page.account.now", &[]),
                }}
            </dd>
            <dt>{t("page.account.fact.expires")}</dt>
            <dd>{
                let expires = account.expires_at;
                move || expires.map_or_else(|| tr("page.account.never", &[]), time::local)
            }</dd>
        </dl>
        {expired.then(|| if noncompliant {
            view! { <p class="alert error" data-alert="noncompliant">{t("page.account.noncompliant")}</p> }.into_any()
        } else {
            view! { <p class="alert error" data-alert="expired">{t("page.account.expired")}</p> }.into_any()
        })}
        // While the minimum age is pending a change would be refused: say when it is
        // possible instead of a form to fill in for nothing.
        <Show when=move || wait().is_none() fallback=move || view! {
            <div class="notice" data-min-age="pending">
                <h2>{t("page.account.change-title")}</h2>
                <p>{move || {
                    let at = can_change_after.map(time::local).unwrap_or_default();
                    tr("page.account.min-age-wait", &[
                        ("span", Arg::Text(&time::span(wait().unwrap_or(0)))),
                        ("at", Arg::Text(&at)),
                    ])
                }}</p>
            </div>
        }>
            <form on:submit=submit novalidate>
                <h2>{t("page.account.change-title")}</h2>
                <ErrorSummary errors=errors/>
                <PasswordInput id="current-password" label="page.field.current-password" value=current autocomplete="current-password" errors=errors/>
                <NewPasswordFields state=state errors=errors/>
                <button type="submit" class="primary" aria-disabled=move || busy.get().then_some("true")>
                    {move || tr(if busy.get() { "page.form.busy" } else { "page.change.submit" }, &[])}
                </button>
            </form>
        </Show>
        // Outside the form: "changed" stays in sight when the form gives way to the wait.
        <Alert message=alert/>
        <div class="aside">
            <h2>{t("page.account.by-email-title")}</h2>
            <p>{t("page.account.by-email-text")}</p>
            <button type="button" on:click=email_link>{t("page.forgot.submit")}</button>
            <Alert message=mailed/>
        </div>
    }
}
