//! The reader's language: first guessed from the browser's languages, then chosen with the
//! selector in the header and remembered in the `passguard_lang` cookie, which the server's
//! own pages (`/login`, `/forgot`) read and write too, so a choice made on either holds on
//! both (and in `localStorage`, where earlier versions kept it); and the catalogue lookups
//! every page uses, so that all text on the pages comes from the pages' catalogue
//! (`catalogue.rs`) or, for the engine's own words (strength scores, units), the engine's.

use leptos::prelude::*;
use passguard_i18n::{Arg, Catalogue, ENGINE, Locale};

/// The pages' sentences, and the engine's for what the pages share with it.
static CATALOGUE: Catalogue = Catalogue::new(&[crate::catalogue::ENTRIES]).with_fallback(&ENGINE);

/// The text of `key` with `args` in `locale`.
pub(crate) fn text(locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    CATALOGUE.text(locale, key, args)
}

const STORAGE_KEY: &str = "passguard.locale";

/// The language signal, shared through the context.
#[derive(Clone, Copy)]
struct Lang(RwSignal<Locale>);

thread_local! {
    /// The language chosen, for code that runs outside the reactive tree: a request sent
    /// from a spawned task has no owner, so the context (and with it the signal) is out of
    /// its reach, and it would otherwise ask the server for English.
    static CHOSEN: std::cell::Cell<Locale> = const { std::cell::Cell::new(Locale::En) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The cookie the server's pages share the choice through (`api/lang.rs` on the server).
const COOKIE: &str = "passguard_lang";

fn html_document() -> Option<web_sys::HtmlDocument> {
    use wasm_bindgen::JsCast;
    web_sys::window()?.document()?.dyn_into().ok()
}

/// The language the cookie remembers, if any.
fn remembered() -> Option<Locale> {
    let cookies = html_document()?.cookie().ok()?;
    cookies
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, tag)| Locale::from_tag(tag))
}

/// Remembers `locale` for a year, for the app and the server's pages alike.
fn remember(locale: Locale) {
    let secure = web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|protocol| protocol == "https:");
    let cookie = format!(
        "{COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000{}",
        locale.tag(),
        if secure { "; Secure" } else { "" }
    );
    if let Some(document) = html_document() {
        let _ = document.set_cookie(&cookie);
    }
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, locale.tag());
    }
}

/// The remembered choice, else the browser's preferred supported language, else English.
fn initial() -> Locale {
    if let Some(locale) = remembered() {
        return locale;
    }
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
    CHOSEN.with(|chosen| chosen.set(locale));
    provide_context(Lang(RwSignal::new(locale)));
}

fn signal() -> RwSignal<Locale> {
    use_context::<Lang>().map_or_else(|| RwSignal::new(Locale::En), |lang| lang.0)
}

/// The language now, tracked: a reactive closure calling this re-runs when it changes.
pub(crate) fn current() -> Locale {
    signal().get()
}

/// The language now, untracked (for requests and one-off messages); also from a spawned
/// task, which has no reactive owner.
pub(crate) fn now() -> Locale {
    CHOSEN.with(std::cell::Cell::get)
}

/// Chooses and remembers a language.
pub(crate) fn choose(locale: Locale) {
    CHOSEN.with(|chosen| chosen.set(locale));
    signal().set(locale);
    mark_document(locale);
    remember(locale);
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_catalogue_has_no_problems() {
        let problems = CATALOGUE.problems();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// The keys the pages build from an id: one for each value the API can send.
    #[test]
    fn every_built_key_is_in_the_catalogue() {
        use passguard_wire::{AccountStatus, EventAction, Role};
        let mut keys: Vec<String> = Vec::new();
        keys.extend(
            AccountStatus::ALL
                .iter()
                .map(|s| format!("page.status.{}", s.id())),
        );
        keys.extend(Role::ALL.iter().map(|r| format!("page.role.{}", r.id())));
        keys.extend(
            EventAction::ALL
                .iter()
                .map(|a| format!("page.event.{}", a.id())),
        );
        keys.extend(crate::pages::admin_action_keys());
        keys.extend((0..=4).map(|score| format!("strength.score.{score}")));
        for key in keys {
            assert!(CATALOGUE.find(&key).is_some(), "{key} is in no catalogue");
        }
    }

    /// Every key written out in the pages' sources is in the catalogue, and every entry of
    /// the pages' own catalogue is used (keys built at run time are listed here).
    #[test]
    fn every_key_in_the_sources_is_in_the_catalogue_and_every_entry_is_used() {
        const BUILT: [&str; 7] = [
            "page.status.",
            "page.question-idea.",
            "strength.score.",
            "page.role.",
            "page.event.",
            "page.admin.confirm.",
            "page.admin.done.",
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut used = std::collections::BTreeSet::new();
        let mut stack = vec![dir];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && path.file_name().is_some_and(|n| n != "catalogue.rs")
                {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for key in
                        passguard_i18n::literal_keys(&source, &["page.", "strength.", "unit."])
                    {
                        assert!(
                            CATALOGUE.find(key).is_some(),
                            "{key} ({}) is in no catalogue",
                            path.display()
                        );
                        used.insert(key.to_owned());
                    }
                }
            }
        }
        let unused: Vec<&str> = CATALOGUE
            .entries()
            .map(|entry| entry.key)
            .filter(|key| {
                !used.contains(*key) && !BUILT.iter().any(|prefix| key.starts_with(prefix))
            })
            .collect();
        assert!(unused.is_empty(), "never used by the pages: {unused:?}");
    }
}
