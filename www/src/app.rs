//! The shell: routes, the header, and what every page shares (the policy, the site's support
//! contact and login notices).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use passguard_i18n::Arg;
use passguard_policy::Policy;
use passguard_wire::Site;

use crate::api::{self, ApiError};
use crate::i18n::{LanguageSelect, t, tr};
use crate::pages::{Account, Admin, Forgot, Home, Login, NotFound, Register, Reset, Unlock};

/// Shared by every page through the context.
#[derive(Clone, Copy)]
pub(crate) struct Shared {
    pub(crate) policy: LocalResource<Result<Policy, ApiError>>,
    pub(crate) site: LocalResource<Site>,
}

impl Shared {
    /// The policy in force for whoever is signed in (the site's for nobody).
    pub(crate) fn policy(self) -> Signal<Option<Policy>> {
        Signal::derive(move || self.policy.get().and_then(Result::ok))
    }

    /// After signing in or out: the policy in force may be another organization's.
    pub(crate) fn signed_in_changed(self) {
        self.policy.refetch();
    }
}

pub(crate) fn shared() -> Shared {
    expect_context::<Shared>()
}

#[component]
pub(crate) fn App() -> impl IntoView {
    crate::i18n::provide();
    let shared = Shared {
        policy: LocalResource::new(api::policy),
        site: LocalResource::new(|| async {
            api::get::<Site>("/api/site").await.unwrap_or_default()
        }),
    };
    provide_context(shared);
    view! {
        <Router>
            <header class="top">
                <a class="brand" href="/login">"passguard"</a>
                <nav aria-label=t("page.nav.label")>
                    <a href="/login">{t("page.nav.sign-in")}</a>
                    <a href="/account">{t("page.nav.account")}</a>
                    <a href="/admin">{t("page.nav.admin")}</a>
                    <LanguageSelect/>
                </nav>
            </header>
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/login") view=Login/>
                    <Route path=path!("/register") view=Register/>
                    <Route path=path!("/forgot") view=Forgot/>
                    <Route path=path!("/reset") view=Reset/>
                    <Route path=path!("/unlock") view=Unlock/>
                    <Route path=path!("/account") view=Account/>
                    <Route path=path!("/admin") view=Admin/>
                </Routes>
            </main>
            <SupportFooter/>
        </Router>
    }
}

/// "Contact … for assistance", on every page as the products show it.
#[component]
pub(crate) fn SupportFooter() -> impl IntoView {
    let site = shared().site;
    view! {
        <footer class="support">
            {move || site.get().map(|s| s.support_contact).filter(|c| !c.is_empty()).map(|contact| view! {
                <p>{move || tr("page.support", &[("contact", Arg::Text(&contact))])}</p>
            })}
        </footer>
    }
}

/// A message region for errors and confirmations, announced to screen readers.
#[component]
pub(crate) fn Alert(message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
    view! {
        <div class="alert-region" role="status" aria-live="assertive">
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "alert ok" } else { "alert error" } data-alert=if ok { "ok" } else { "error" }>{text}</p>
            })}
        </div>
    }
}
