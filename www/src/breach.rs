//! Deciding `not-breached` live (SPEC §9) without the password leaving the browser: its
//! SHA-1 (as typed, and its NFKC form when that differs, as the server looks both up) is
//! computed with the browser's SubtleCrypto, only the first 5 hex digits go to
//! `GET /api/breach/range/{prefix}`, and the answer's suffixes are compared here. Until an
//! answer arrives, or when none can (no store, a budget spent, no SubtleCrypto outside a
//! secure context), the rule stays `pending` and the server decides it at submit.

use std::collections::HashMap;
use std::rc::Rc;

use gloo_net::http::Request;
use leptos::prelude::*;
use passguard_policy::{Breached, Policy};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long typing must pause before a lookup: one range request per pause, not per key.
const DEBOUNCE_MS: u32 = 250;

/// The hex digits of a range line: the store keeps the first 10 of a suffix (SPEC §9: "their
/// first N ≥ 10 digits").
const SUFFIX_DIGITS: usize = 10;

/// The range answers already fetched, by prefix: the same prefix is never asked twice.
type Ranges = StoredValue<HashMap<String, Rc<Vec<String>>>, LocalStorage>;

/// Whether `password` is breached, as far as the range API tells: `None` until known.
pub(crate) fn live(
    policy: Signal<Option<Policy>>,
    password: Signal<String>,
) -> Signal<Option<bool>> {
    let verdict = RwSignal::new(None::<(String, bool)>);
    let ranges: Ranges = StoredValue::new_local(HashMap::new());
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let password = password.get();
        let blocks = policy.with(|p| {
            p.as_ref()
                .is_some_and(|p| p.password.breached == Breached::Block)
        });
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        if !blocks || password.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(DEBOUNCE_MS).await;
            if generation.try_get_value() != Some(mine) {
                return;
            }
            if let Some(found) = look_up(&password, ranges).await
                && generation.try_get_value() == Some(mine)
            {
                verdict.set(Some((password, found)));
            }
        });
    });
    // A verdict counts only for the password it was found for.
    Signal::derive(move || {
        let typed = password.get();
        verdict.with(|v| {
            v.as_ref()
                .filter(|(checked, _)| *checked == typed)
                .map(|(_, found)| *found)
        })
    })
}

/// Looks up the password as typed and its NFKC form: `Some(true)` when either is in a range
/// answer, `None` when an answer could not be had.
async fn look_up(password: &str, ranges: Ranges) -> Option<bool> {
    let normalized = passguard_policy::normalize(password);
    let mut forms = vec![password.to_owned()];
    if *normalized != *password {
        forms.push(normalized.into_owned());
    }
    for form in forms {
        let hex = sha1_hex(&form).await?;
        let (prefix, suffix) = hex.split_at(5);
        let lines = range(prefix, ranges).await?;
        let wanted = suffix.get(..SUFFIX_DIGITS)?;
        if lines
            .binary_search_by(|line| line.as_str().cmp(wanted))
            .is_ok()
        {
            return Some(true);
        }
    }
    Some(false)
}

/// The sorted first digits of every line the server answers for `prefix`.
async fn range(prefix: &str, ranges: Ranges) -> Option<Rc<Vec<String>>> {
    if let Some(lines) = ranges.with_value(|r| r.get(prefix).cloned()) {
        return Some(lines);
    }
    let response = Request::get(&format!("/api/breach/range/{prefix}"))
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    let text = response.text().await.ok()?;
    let mut lines: Vec<String> = text
        .lines()
        .filter_map(|line| line.trim().get(..SUFFIX_DIGITS))
        .map(str::to_ascii_uppercase)
        .collect();
    lines.sort_unstable();
    let lines = Rc::new(lines);
    ranges.update_value(|r| {
        r.insert(prefix.to_owned(), Rc::clone(&lines));
    });
    Some(lines)
}

/// The upper-case hex SHA-1 of `text`'s UTF-8 bytes, by the browser's SubtleCrypto.
async fn sha1_hex(text: &str) -> Option<String> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let promise = subtle
        .digest_with_str_and_u8_array("SHA-1", text.as_bytes())
        .ok()?;
    let buffer = JsFuture::from(promise).await.ok()?;
    let buffer = buffer.dyn_into::<js_sys::ArrayBuffer>().ok()?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Some(bytes.iter().map(|b| format!("{b:02X}")).collect())
}
