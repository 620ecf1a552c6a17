//! The users grid: a table on a wide screen, a card per account on a narrow one (the cells
//! carry their column's name), with a menu of actions per account. Unlocking and enabling
//! happen at once; whatever e-mails someone or cannot be undone is confirmed first, in a
//! panel that takes the focus and names the account and what will happen.

use leptos::prelude::*;
use passguard_i18n::Arg;
use passguard_wire::{AccountStatus, UserPatch, UserRow};

use super::{AdminPage, badge, role_name};
use crate::api::{self, ApiError};
use crate::i18n::{t, tr, tr_now};
use crate::pages::auth::encode;
use crate::time;

/// What an administrator can do to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Unlock,
    Reset,
    Resend,
    Disable,
    Enable,
    ChangeEmail,
    Delete,
}

impl Action {
    #[cfg(test)]
    const ALL: [Action; 7] = [
        Action::Unlock,
        Action::Reset,
        Action::Resend,
        Action::Disable,
        Action::Enable,
        Action::ChangeEmail,
        Action::Delete,
    ];

    /// The `data-action` id and the catalogue key of its label.
    fn id(self) -> &'static str {
        match self {
            Action::Unlock => "unlock",
            Action::Reset => "reset-password",
            Action::Resend => "resend-invitation",
            Action::Disable => "disable",
            Action::Enable => "enable",
            Action::ChangeEmail => "change-email",
            Action::Delete => "delete",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Action::Unlock => "page.admin.unlock",
            Action::Reset => "page.admin.reset",
            Action::Resend => "page.admin.resend",
            Action::Disable => "page.admin.disable",
            Action::Enable => "page.admin.enable",
            Action::ChangeEmail => "page.admin.change-email",
            Action::Delete => "page.admin.delete",
        }
    }

    /// Whether it e-mails someone or cannot be undone: then it is confirmed first.
    fn needs_confirmation(self) -> bool {
        !matches!(self, Action::Unlock | Action::Enable)
    }

    /// The actions that make sense for an account in `status`.
    fn for_status(status: AccountStatus) -> Vec<Action> {
        let mut actions = match status {
            AccountStatus::Invited => vec![Action::Resend, Action::ChangeEmail, Action::Disable],
            AccountStatus::Locked => vec![Action::Unlock, Action::ChangeEmail, Action::Disable],
            AccountStatus::Disabled => vec![Action::Enable],
            AccountStatus::Active | AccountStatus::ResetPending | AccountStatus::Expired => {
                vec![Action::Reset, Action::ChangeEmail, Action::Disable]
            }
        };
        actions.push(Action::Delete);
        actions
    }
}

/// An action waiting for its confirmation.
#[derive(Debug, Clone, PartialEq)]
struct Pending {
    action: Action,
    row: UserRow,
}

#[component]
pub(crate) fn Grid() -> impl IntoView {
    let page = expect_context::<AdminPage>();
    let pending = RwSignal::new(None::<Pending>);
    let operator = page.operator();
    let ask = move |action: Action, row: UserRow| {
        if action.needs_confirmation() {
            pending.set(Some(Pending { action, row }));
        } else {
            run(page, action, row, None);
        }
    };
    view! {
        <Confirm pending=pending/>
        <Transition fallback=|| view! { <p>{t("page.admin.loading")}</p> }>
            {move || page.users.get().map(|answer| match answer {
                Err(error) => view! { <p class="alert error" data-alert="error">{error.message}</p> }.into_any(),
                Ok((rows, _)) if rows.is_empty() => view! { <p class="empty">{t("page.admin.empty")}</p> }.into_any(),
                Ok((rows, _)) => view! {
                    <table class="users">
                        <caption class="sr-only">{t("page.admin.caption")}</caption>
                        <thead><tr>
                            <th scope="col">{t("page.admin.col.username")}</th>
                            <th scope="col">{t("page.admin.col.email")}</th>
                            {operator.then(|| view! { <th scope="col">{t("page.admin.col.org")}</th> })}
                            <th scope="col">{t("page.admin.col.role")}</th>
                            <th scope="col">{t("page.admin.col.status")}</th>
                            <th scope="col">{t("page.admin.col.failed")}</th>
                            <th scope="col">{t("page.admin.col.changed")}</th>
                            <th scope="col">{t("page.admin.col.actions")}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|row| view! { <Row row=row operator=operator ask=ask/> }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Row(
    row: UserRow,
    operator: bool,
    ask: impl Fn(Action, UserRow) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let page = expect_context::<AdminPage>();
    let status = row.status;
    let role = row.role;
    let own = page.me.with_value(|me| me.username == row.username);
    let actions: Vec<Action> = Action::for_status(status)
        .into_iter()
        .filter(|action| !own || !matches!(action, Action::Disable | Action::Delete))
        .collect();
    let name = row.username.clone();
    let events_name = name.clone();
    let changed = row.password_changed_at;
    view! {
        <tr data-username=row.username.clone() data-status=status.id()>
            <th scope="row" data-label=t("page.admin.col.username")>{row.username.clone()}</th>
            <td data-label=t("page.admin.col.email")>{row.email.clone()}</td>
            {operator.then(|| view! { <td data-label=t("page.admin.col.org")>{row.org.clone().unwrap_or_else(|| "—".to_owned())}</td> })}
            <td data-label=t("page.admin.col.role")>{move || role_name(role)}</td>
            <td data-label=t("page.admin.col.status")><span class=format!("badge {}", status.id())>{move || badge(status)}</span></td>
            <td data-label=t("page.admin.col.failed")>{row.failed_logins}</td>
            <td data-label=t("page.admin.col.changed")>{move || changed.map_or("—".to_owned(), time::local)}</td>
            <td data-label=t("page.admin.col.actions")>
                <details class="menu">
                    <summary aria-label=move || tr("page.admin.menu", &[("username", Arg::Text(&name))])>{t("page.admin.menu.open")}</summary>
                    <div class="menu-items">
                        {actions.into_iter().map(|action| {
                            let row = row.clone();
                            view! {
                                <button type="button" data-action=action.id() class=if action == Action::Delete { "danger" } else { "" }
                                    on:click=move |ev| {
                                        close_menu(&ev);
                                        ask(action, row.clone());
                                    }>
                                    {t(action.label())}
                                </button>
                            }
                        }).collect_view()}
                        <button type="button" data-action="events" on:click=move |ev| {
                            close_menu(&ev);
                            page.events_of.set(Some(events_name.clone()));
                        }>
                            {t("page.admin.events")}
                        </button>
                    </div>
                </details>
            </td>
        </tr>
    }
}

/// Closes the menu a choice was made in: the grid keeps its rows' elements when it reloads,
/// and a menu left open would stay open on the next account of that row.
fn close_menu(ev: &leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let menu = ev
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("details").ok().flatten());
    if let Some(menu) = menu {
        let _ = menu.remove_attribute("open");
    }
}

/// The confirmation of a pending action: what will happen to whom, and for a new e-mail
/// address the address itself.
#[component]
fn Confirm(pending: RwSignal<Option<Pending>>) -> impl IntoView {
    let page = expect_context::<AdminPage>();
    let email = RwSignal::new(String::new());
    let send_link = RwSignal::new(false);
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    let email_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(p) = pending.get() {
            email.set(p.row.email.clone());
            send_link.set(false);
            // Focus goes to what the person decides with.
            if p.action == Action::ChangeEmail {
                if let Some(input) = email_input.get() {
                    let _ = input.focus();
                }
            } else if let Some(button) = confirm_button.get() {
                let _ = button.focus();
            }
        }
    });
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(Pending { action, row }) = pending.get_untracked() {
            pending.set(None);
            let patch = (action == Action::ChangeEmail).then(|| UserPatch {
                email: Some(email.get_untracked().trim().to_owned()),
                send_link: send_link.get_untracked(),
                role: None,
            });
            run(page, action, row, patch);
        }
    };
    view! {
        {move || pending.get().map(|Pending { action, row }| {
            let args = [("username", Arg::Text(&row.username)), ("email", Arg::Text(&row.email))];
            let question = tr(&format!("page.admin.confirm.{}", action.id()), &args);
            view! {
                <form class="confirm" role="alertdialog" aria-labelledby="confirm-question" data-confirm=action.id() on:submit=confirm>
                    <p id="confirm-question">{question}</p>
                    {(action == Action::ChangeEmail).then(|| view! {
                        <div class="field">
                            <label for="new-email">{t("page.admin.new-email")}</label>
                            <input id="new-email" type="email" autocomplete="off" node_ref=email_input
                                prop:value=move || email.get() on:input=move |ev| email.set(event_target_value(&ev))/>
                        </div>
                        <label class="check">
                            <input type="checkbox" id="send-link" prop:checked=move || send_link.get()
                                on:change=move |ev| send_link.set(event_target_checked(&ev))/>
                            {t("page.admin.send-link")}
                        </label>
                    })}
                    <div class="buttons">
                        <button type="submit" node_ref=confirm_button class=if action == Action::Delete { "primary danger" } else { "primary" }>
                            {t(action.label())}
                        </button>
                        <button type="button" on:click=move |_| pending.set(None)>{t("page.admin.cancel")}</button>
                    </div>
                </form>
            }
        })}
    }
}

/// Does `action` to `row`'s account, then says how it went and reloads the grid.
fn run(page: AdminPage, action: Action, row: UserRow, patch: Option<UserPatch>) {
    let name = row.username.clone();
    let path = format!("/api/admin/users/{}", encode(&name));
    leptos::task::spawn_local(async move {
        let done: Result<(), ApiError> = match (action, patch) {
            (Action::Delete, _) => api::delete(&path).await,
            (Action::ChangeEmail, Some(patch)) => {
                api::patch::<_, UserRow>(&path, &patch).await.map(drop)
            }
            (action, _) => api::post_empty(&format!("{path}/{}", action.id())).await,
        };
        let arg = [("username", Arg::Text(&name))];
        page.alert.set(Some(match done {
            Ok(()) => (
                true,
                tr_now(&format!("page.admin.done.{}", action.id()), &arg),
            ),
            Err(error) => (false, error.message),
        }));
        page.users.refetch();
    });
}

/// The catalogue keys the grid builds from its actions' ids (for the catalogue's test).
#[cfg(test)]
pub(crate) fn action_keys() -> Vec<String> {
    Action::ALL
        .iter()
        .flat_map(|a| {
            [
                format!("page.admin.confirm.{}", a.id()),
                format!("page.admin.done.{}", a.id()),
            ]
        })
        .collect()
}
