//! `/admin`: the users grid of the operator (every account, an organization picker) or of an
//! organization's administrator (its own organization's accounts only): search, status
//! filter and pager on the server, a menu of actions per account with a confirmation before
//! anything destructive or e-mailing, the account's events, invitations, and the standards
//! audit of the policy in force. An administrator never sees or chooses a password.

mod audit;
mod events;
pub(crate) mod grid;
mod impact;
mod invite;

use leptos::prelude::*;
use passguard_i18n::Arg;
use passguard_wire::{AccountStatus, Me, Organization, Role, UserRow};

use crate::api::{self, ApiError};
use crate::app::Alert;
use crate::i18n::{t, tr};
use crate::pages::auth::encode;

/// Rows a page of the grid.
const PER_PAGE: u64 = 50;

/// What the grid shows, as the server's query (`GET /api/admin/users`).
#[derive(Clone, Copy)]
pub(crate) struct Filters {
    pub(crate) q: RwSignal<String>,
    pub(crate) status: RwSignal<Option<AccountStatus>>,
    /// An organization's slug (the operator's picker).
    pub(crate) org: RwSignal<Option<String>>,
    /// From 1.
    pub(crate) page: RwSignal<u64>,
}

impl Filters {
    fn path(self) -> String {
        let mut path = format!(
            "/api/admin/users?per_page={PER_PAGE}&page={}",
            self.page.get()
        );
        let q = self.q.get();
        if !q.trim().is_empty() {
            path.push_str(&format!("&q={}", encode(q.trim())));
        }
        if let Some(status) = self.status.get() {
            path.push_str(&format!("&status={}", status.id()));
        }
        if let Some(org) = self.org.get() {
            path.push_str(&format!("&org={}", encode(&org)));
        }
        path
    }
}

/// What every part of the page shares.
#[derive(Clone, Copy)]
pub(crate) struct AdminPage {
    pub(crate) me: StoredValue<Me>,
    pub(crate) filters: Filters,
    pub(crate) users: LocalResource<Result<(Vec<UserRow>, u64), ApiError>>,
    pub(crate) alert: RwSignal<Option<(bool, String)>>,
    /// The account whose events are shown.
    pub(crate) events_of: RwSignal<Option<String>>,
}

impl AdminPage {
    /// Whether the signed-in administrator is the operator (sees every organization).
    pub(crate) fn operator(self) -> bool {
        self.me.with_value(|me| me.role == Role::Admin)
    }
}

/// The badge text of an account status (tracked).
pub(crate) fn badge(status: AccountStatus) -> String {
    tr(&format!("page.status.{}", status.id()), &[])
}

/// A role as people read it (tracked).
pub(crate) fn role_name(role: Role) -> String {
    tr(&format!("page.role.{}", role.id()), &[])
}

#[component]
pub(crate) fn Admin() -> impl IntoView {
    let me = LocalResource::new(|| api::get::<Me>("/api/me"));
    view! {
        <section class="card wide">
            <h1>{t("page.admin.title")}</h1>
            <Suspense fallback=|| view! { <p>{t("page.admin.loading")}</p> }>
                {move || me.get().map(|answer| match answer {
                    Ok(me) if me.role.administers() && !me.must_change_password => {
                        view! { <AdminView me=me/> }.into_any()
                    }
                    Ok(_) => view! {
                        <p class="alert error" data-alert="forbidden">{t("page.admin.not-an-administrator")}</p>
                        <p><a href="/account">{t("page.nav.account")}</a></p>
                    }.into_any(),
                    Err(_) => view! {
                        <p class="alert error" data-alert="error">{t("page.admin.sign-in")}</p>
                        <p><a href="/login">{t("page.login.submit")}</a></p>
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn AdminView(me: Me) -> impl IntoView {
    let filters = Filters {
        q: RwSignal::new(String::new()),
        status: RwSignal::new(None),
        org: RwSignal::new(None),
        page: RwSignal::new(1),
    };
    let users = LocalResource::new(move || {
        let path = filters.path();
        async move { api::get_paged::<Vec<UserRow>>(&path).await }
    });
    let page = AdminPage {
        me: StoredValue::new(me.clone()),
        filters,
        users,
        alert: RwSignal::new(None),
        events_of: RwSignal::new(None),
    };
    provide_context(page);
    let orgs = LocalResource::new(|| api::get::<Vec<Organization>>("/api/admin/orgs"));
    let org_name = me.org_name.clone();
    view! {
        {me.notice.clone().map(|notice| view! { <p class="notice" data-notice=me.role.id()>{notice}</p> })}
        {org_name.map(|name| view! {
            <p class="scope" data-org=me.org.clone().unwrap_or_default()>{move || tr("page.admin.scope", &[("org", Arg::Text(&name))])}</p>
        })}
        <Toolbar orgs=orgs/>
        <Alert message=page.alert/>
        <grid::Grid/>
        <Pager/>
        <events::Events/>
        <invite::Invite orgs=orgs/>
        <audit::Audit/>
        <impact::Impact/>
    }
}

/// The operator's organization picker, the search box and the status filter.
#[component]
fn Toolbar(orgs: LocalResource<Result<Vec<Organization>, ApiError>>) -> impl IntoView {
    let page = expect_context::<AdminPage>();
    let filters = page.filters;
    let typed = RwSignal::new(String::new());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        filters.q.set(typed.get_untracked());
        filters.page.set(1);
    };
    view! {
        <form class="toolbar" role="search" on:submit=search>
            {page.operator().then(|| view! {
                <div class="field">
                    <label for="filter-org">{t("page.admin.filter.org")}</label>
                    <select id="filter-org" on:change=move |ev| {
                        let slug = event_target_value(&ev);
                        filters.org.set((!slug.is_empty()).then_some(slug));
                        filters.page.set(1);
                    }>
                        <option value="">{t("page.admin.filter.all-orgs")}</option>
                        {move || orgs.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|org| view! {
                            <option value=org.slug.clone()>{org.name}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="filter-status">{t("page.admin.filter.status")}</label>
                <select id="filter-status" on:change=move |ev| {
                    filters.status.set(AccountStatus::from_id(&event_target_value(&ev)));
                    filters.page.set(1);
                }>
                    <option value="">{t("page.admin.filter.any-status")}</option>
                    {AccountStatus::ALL.into_iter().map(|status| view! {
                        <option value=status.id()>{move || badge(status)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field grow">
                <label for="filter-q">{t("page.admin.search")}</label>
                <div class="search-row">
                    <input id="filter-q" type="search" autocomplete="off"
                        placeholder=t("page.admin.search-hint")
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))/>
                    <button type="submit">{t("page.admin.search")}</button>
                </div>
            </div>
        </form>
    }
}

/// "Page 2 of 7", with the previous and next pages, and how many accounts match.
#[component]
fn Pager() -> impl IntoView {
    let page = expect_context::<AdminPage>();
    let filters = page.filters;
    let total = Memo::new(move |_| {
        page.users
            .get()
            .and_then(Result::ok)
            .map_or(0, |(_, total)| total)
    });
    let pages = move || total.get().div_ceil(PER_PAGE).max(1);
    let count = |n: u64| Arg::Int(i64::try_from(n).unwrap_or(i64::MAX));
    view! {
        <nav class="pager" aria-label=t("page.admin.pager.label") data-total=move || total.get().to_string()>
            <span class="total">{move || tr("page.admin.total", &[("count", count(total.get()))])}</span>
            <button type="button" data-page="previous" disabled=move || { filters.page.get() <= 1 }
                on:click=move |_| filters.page.update(|p| *p = p.saturating_sub(1).max(1))>
                {t("page.admin.pager.previous")}
            </button>
            <span class="page-of">{move || tr("page.admin.pager.page", &[("page", count(filters.page.get())), ("pages", count(pages()))])}</span>
            <button type="button" data-page="next" disabled=move || { filters.page.get() >= pages() }
                on:click=move |_| filters.page.update(|p| *p += 1)>
                {t("page.admin.pager.next")}
            </button>
        </nav>
    }
}
