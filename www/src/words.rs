//! The word lists (zxcvbn's dictionaries and the blocklist) are not in the app's wasm: they
//! are the words asset, a content-hashed file the page names (`<meta name="passguard-words">`)
//! and the server lets browsers keep for good. The app fetches it once it runs, so that it
//! never shares the line with the wasm (both at once made the page usable no sooner). The
//! rules that need no list work the moment the app runs; `not-common` and `min-strength` are `pending`
//! (the strength meter hidden) until the asset has arrived and the engine took it
//! (`passguard_policy::load_words`), when [`ready`] turns true and every checklist re-checks.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the word lists have arrived, shared through the context.
#[derive(Clone, Copy)]
struct Ready(RwSignal<bool>);

/// How many fetches at most, and the pause after the first failed one (doubled each time).
const ATTEMPTS: u32 = 4;
const FIRST_PAUSE_MS: u32 = 1_000;

/// Starts loading the words asset; call once, at the root.
pub(crate) fn provide() {
    let ready = RwSignal::new(passguard_policy::has_words());
    provide_context(Ready(ready));
    if ready.get_untracked() {
        return;
    }
    let Some(url) = asset_url() else {
        leptos::logging::warn!("passguard: the page names no words asset (meta passguard-words)");
        return;
    };
    leptos::task::spawn_local(async move {
        let mut pause = FIRST_PAUSE_MS;
        for attempt in 1..=ATTEMPTS {
            match fetch(&url).await {
                Ok(()) => {
                    ready.set(true);
                    return;
                }
                Err(problem) => {
                    leptos::logging::warn!("passguard: words asset, attempt {attempt}: {problem}");
                }
            }
            if attempt < ATTEMPTS {
                gloo_timers::future::TimeoutFuture::new(pause).await;
                pause = pause.saturating_mul(2);
            }
        }
    });
}

/// Whether the word lists are there, as a signal (a reactive closure reading it re-runs
/// when they arrive); look it up once, outside the closure.
pub(crate) fn ready() -> Signal<bool> {
    use_context::<Ready>().map_or_else(
        || Signal::derive(passguard_policy::has_words),
        |ready| ready.0.into(),
    )
}

/// The asset's address, as the page names it (`<meta name="passguard-words">`).
fn asset_url() -> Option<String> {
    let meta = web_sys::window()?
        .document()?
        .query_selector("meta[name=\"passguard-words\"]")
        .ok()??
        .dyn_into::<web_sys::HtmlMetaElement>()
        .ok()?;
    Some(meta.content()).filter(|content| !content.is_empty())
}

async fn fetch(url: &str) -> Result<(), String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let bytes = response.binary().await.map_err(|e| e.to_string())?;
    passguard_policy::load_words(bytes).map_err(|e| e.to_string())
}
