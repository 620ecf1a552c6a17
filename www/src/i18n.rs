//! The reader's language: first guessed from the browser's languages, then chosen with the
//! selector in the header and remembered in `localStorage`; and the catalogue lookups every
//! page uses, so that all text on the pages comes from `passguard-i18n`.

use leptos::prelude::*;
use passguard_i18n::{Arg, Locale, text};

const STORAGE_KEY: &str = "passguard.locale";

/// The language signal, shared through the context.
#[derive(Clone, Copy)]
struct Lang(RwSignal<Locale>);

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The remembered choice, else the browser's preferred supported language, else English.
fn initial() -> Locale {
    if let Some(tag) = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        && let Some(locale) = Locale::from_tag(&tag)
    {
        return locale;
    }
    let languages = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| {
            list.iter()
                .filter_map(|l| l.as_string())
                .collect::<Vec<_>>()
                .join(",")
        })
        .unwrap_or_default();
    Locale::negotiate(&languages)
}

fn mark_document(locale: Locale) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", locale.tag());
    }
}

/// Sets up the language for the app; call once, at the root.
pub(crate) fn provide() {
    let locale = initial();
    mark_document(locale);
    provide_context(Lang(RwSignal::new(locale)));
}

fn signal() -> RwSignal<Locale> {
    use_context::<Lang>().map_or_else(|| RwSignal::new(Locale::En), |lang| lang.0)
}

/// The language now, tracked: a reactive closure calling this re-runs when it changes.
pub(crate) fn current() -> Locale {
    signal().get()
}

/// The language now, untracked (for requests and one-off messages).
pub(crate) fn now() -> Locale {
    signal().get_untracked()
}

/// Chooses and remembers a language.
pub(crate) fn choose(locale: Locale) {
    signal().set(locale);
    mark_document(locale);
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, locale.tag());
    }
}

/// A reactive text: `{t("page.login.title")}` in a view follows the language.
pub(crate) fn t(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let lang = signal();
    move || text(lang.get(), key, &[])
}

/// The text of `key` with `args`, in the current language (tracked).
pub(crate) fn tr(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    text(current(), key, args)
}

/// The text of `key` with `args`, in the current language, untracked.
pub(crate) fn tr_now(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    text(now(), key, args)
}

/// The language selector of the header.
#[component]
pub(crate) fn LanguageSelect() -> impl IntoView {
    view! {
        <label class="language">
            <span class="sr-only">{t("page.language")}</span>
            <select id="locale" aria-label=t("page.language")
                on:change=move |ev| {
                    if let Some(locale) = Locale::from_tag(&event_target_value(&ev)) {
                        choose(locale);
                    }
                }>
                {Locale::ALL.into_iter().map(|locale| view! {
                    <option value=locale.tag() selected=move || current() == locale>{locale.native_name()}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
