//! Inviting an account: its username, e-mail address, role and (for the operator) its
//! organization. The registration link goes out by e-mail in the administrator's language.

use leptos::prelude::*;
use passguard_i18n::Arg;
use passguard_wire::{InviteRequest, Organization, Role, UserRow};

use super::{AdminPage, role_name};
use crate::api::{self, ApiError};
use crate::app::Alert;
use crate::form::{ErrorSummary, Errors, FieldError, looks_like_email};
use crate::i18n::{t, tr, tr_now};

#[component]
pub(crate) fn Invite(orgs: LocalResource<Result<Vec<Organization>, ApiError>>) -> impl IntoView {
    let page = expect_context::<AdminPage>();
    let operator = page.operator();
    let username = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(Role::User);
    let org = RwSignal::new(None::<String>);
    let alert = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let roles: Vec<Role> = if operator {
        Role::ALL.to_vec()
    } else {
        vec![Role::User, Role::OrgAdmin]
    };
    let errors = Errors::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        alert.set(None);
        let mut refused = Vec::new();
        if username.with_untracked(|u| u.trim().is_empty()) {
            refused.push((
                "invite-username".to_owned(),
                tr_now("page.invite.need-username", &[]),
            ));
        }
        if !email.with_untracked(|e| looks_like_email(e)) {
            refused.push((
                "invite-email".to_owned(),
                tr_now("page.invite.need-email", &[]),
            ));
        }
        if errors.refuse(refused) {
            return;
        }
        let body = InviteRequest {
            username: username.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            role: Some(role.get_untracked()),
            org: if operator { org.get_untracked() } else { None },
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let answer: Result<UserRow, ApiError> = api::post("/api/admin/users", &body).await;
            busy.set(false);
            alert.set(Some(match answer {
                Ok(row) => {
                    username.set(String::new());
                    email.set(String::new());
                    page.users.refetch();
                    (
                        true,
                        tr_now("page.invite.sent", &[("email", Arg::Text(&row.email))]),
                    )
                }
                Err(error) => (false, error.message),
            }));
        });
    };
    view! {
        <form class="invite" on:submit=submit novalidate>
            <h2>{t("page.invite.title")}</h2>
            <ErrorSummary errors=errors/>
            <div class="field" class:invalid=move || errors.of("invite-username").is_some()>
                <label for="invite-username">{t("page.field.username")}</label>
                <FieldError errors=errors id="invite-username"/>
                <input id="invite-username" autocomplete="off" autocapitalize="off" spellcheck="false" required
                    aria-invalid=move || errors.of("invite-username").map(|_| "true")
                    aria-describedby=move || errors.of("invite-username").map(|_| "invite-username-error")
                    prop:value=move || username.get() on:input=move |ev| username.set(event_target_value(&ev))/>
            </div>
            <div class="field" class:invalid=move || errors.of("invite-email").is_some()>
                <label for="invite-email">{t("page.field.email")}</label>
                <FieldError errors=errors id="invite-email"/>
                <input id="invite-email" type="email" autocomplete="off" required
                    aria-invalid=move || errors.of("invite-email").map(|_| "true")
                    aria-describedby=move || errors.of("invite-email").map(|_| "invite-email-error")
                    prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="invite-role">{t("page.invite.role")}</label>
                <select id="invite-role" on:change=move |ev| {
                    if let Some(chosen) = Role::from_id(&event_target_value(&ev)) {
                        role.set(chosen);
                    }
                }>
                    {roles.into_iter().map(|r| view! {
                        <option value=r.id() selected=move || role.get() == r>{move || role_name(r)}</option>
                    }).collect_view()}
                </select>
            </div>
            {operator.then(|| view! {
                <div class="field">
                    <label for="invite-org">{t("page.invite.org")}</label>
                    <select id="invite-org" on:change=move |ev| {
                        let slug = event_target_value(&ev);
                        org.set((!slug.is_empty()).then_some(slug));
                    }>
                        <option value="">{t("page.invite.no-org")}</option>
                        {move || orgs.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|o| view! {
                            <option value=o.slug.clone()>{o.name}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <Alert message=alert/>
            <button type="submit" class="primary" aria-disabled=move || busy.get().then_some("true")>
                {move || tr(if busy.get() { "page.form.busy" } else { "page.invite.submit" }, &[])}
            </button>
        </form>
    }
}
