//! The shell: routes, the header (who is signed in, sign-out, the Admin link for
//! administrators), the skip link, each page's title and where the focus goes after a
//! navigation, and what every page shares (the policy, the signed-in account, the site's
//! name and support contact).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::path;
use passguard_i18n::Arg;
use passguard_policy::Policy;
use passguard_wire::{Me, Site};

use crate::api::{self, ApiError};
use crate::i18n::{LanguageSelect, t, tr};
use crate::pages::{Account, Admin, Forgot, Home, Login, NotFound, Register, Reset, Unlock};

/// Shared by every page through the context.
#[derive(Clone, Copy)]
pub(crate) struct Shared {
    pub(crate) policy: LocalResource<Result<Policy, ApiError>>,
    pub(crate) site: LocalResource<Site>,
    /// The signed-in account (an error when nobody is signed in).
    pub(crate) me: LocalResource<Result<Me, ApiError>>,
}

impl Shared {
    /// The site's name as pages show it ("passguard" until the server said, or if unset).
    pub(crate) fn site_name(self) -> String {
        self.site
            .get()
            .map(|s| s.site_name)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "passguard".to_owned())
    }

    /// The policy in force for whoever is signed in (the site's for nobody).
    pub(crate) fn policy(self) -> Signal<Option<Policy>> {
        Signal::derive(move || self.policy.get().and_then(Result::ok))
    }

    /// The signed-in account, if any (tracked).
    pub(crate) fn signed_in(self) -> Option<Me> {
        self.me.get().and_then(Result::ok)
    }

    /// After signing in or out: the policy in force may be another organization's.
    pub(crate) fn signed_in_changed(self) {
        self.policy.refetch();
        self.me.refetch();
    }
}

pub(crate) fn shared() -> Shared {
    expect_context::<Shared>()
}

/// The catalogue key of the title of the page at `path`.
fn title_key(path: &str) -> &'static str {
    match path.trim_end_matches('/') {
        "" | "/login" => "page.login.title",
        "/register" => "page.register.title",
        "/forgot" => "page.forgot.title",
        "/reset" => "page.reset.title",
        "/unlock" => "page.unlock.title",
        "/account" => "page.account.title",
        "/admin" => "page.admin.title",
        _ => "page.not-found.title",
    }
}

pub(crate) fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Moves the focus to the page's main heading, as a screen reader user expects after
/// following a link (a client-side navigation otherwise leaves it on `<body>`).
fn focus_heading() {
    use wasm_bindgen::JsCast;
    if let Some(heading) = document()
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}

/// Keeps `<title>` right ("Sign in – SITE") and moves the focus after each navigation.
#[component]
fn PageChrome() -> impl IntoView {
    let location = use_location();
    let shared = shared();
    Effect::new(move |_| {
        let key = title_key(&location.pathname.get());
        let name = shared.site_name();
        if let Some(document) = document() {
            document.set_title(&format!("{} – {name}", tr(key, &[])));
        }
    });
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.as_ref().is_some_and(|p| *p != path) {
            // After the new page is drawn.
            leptos::task::spawn_local(async {
                gloo_timers::future::TimeoutFuture::new(0).await;
                focus_heading();
            });
        }
        path
    });
}

#[component]
pub(crate) fn App() -> impl IntoView {
    crate::i18n::provide();
    crate::words::provide();
    let shared = Shared {
        policy: LocalResource::new(api::policy),
        // Fetched again in the language chosen: the configured texts may differ per language.
        site: LocalResource::new(|| {
            let _ = crate::i18n::current();
            async { api::get::<Site>("/api/site").await.unwrap_or_default() }
        }),
        me: LocalResource::new(|| {
            let _ = crate::i18n::current();
            api::get::<Me>("/api/me")
        }),
    };
    provide_context(shared);
    view! {
        <Router>
            <PageChrome/>
            <a class="skip-link" href="#main">{t("page.skip")}</a>
            <header class="top">
                <a class="brand" href="/login">{move || shared.site_name()}</a>
                <nav aria-label=t("page.nav.label")>
                    <SignedIn/>
                    <LanguageSelect/>
                </nav>
            </header>
            <main id="main" tabindex="-1">
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

/// The header's links: who is signed in and sign-out, or the sign-in link; Admin only for
/// those who administer accounts.
#[component]
fn SignedIn() -> impl IntoView {
    let shared = shared();
    let navigate = use_navigate();
    let sign_out = move |_| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let _: Result<(), ApiError> = api::post_empty("/api/logout").await;
            shared.signed_in_changed();
            navigate("/login", Default::default());
        });
    };
    view! {
        {move || match shared.signed_in() {
            Some(me) => {
                let sign_out = sign_out.clone();
                view! {
                    <a href="/account">{t("page.nav.account")}</a>
                    {me.role.administers().then(|| view! { <a href="/admin">{t("page.nav.admin")}</a> })}
                    <span class="who">
                        <span class="sr-only">{t("page.nav.signed-in-as")} " "</span>
                        <span id="signed-in" data-role=me.role.id()>{me.username.clone()}</span>
                    </span>
                    <button type="button" id="sign-out" class="header-button" on:click=sign_out>{t("page.account.sign-out")}</button>
                }.into_any()
            }
            None => view! {
                <a href="/login">{t("page.nav.sign-in")}</a>
                <a href="/account">{t("page.nav.account")}</a>
            }.into_any(),
        }}
    }
}

/// "Contact … for assistance", on every page as the products show it, in the page's
/// language (the server answers the configured text for it, or its own default).
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
