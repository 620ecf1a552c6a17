//! Moments from the API (Unix seconds) shown in the reader's local time, and spans ("2 days
//! 3 hours") for countdowns.

use wasm_bindgen::JsValue;

/// Now, in Unix seconds.
pub(crate) fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// "24 Nov 2026, 14:05 CET" in the reader's time zone, named, and language (tracked).
pub(crate) fn local(unix_seconds: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(unix_seconds as f64 * 1000.0));
    let options = js_sys::Object::new();
    for (key, value) in [
        ("year", "numeric"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZoneName", "short"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let tag = match crate::i18n::current() {
        passguard_i18n::Locale::En => "en-GB",
        other => other.tag(),
    };
    date.to_locale_string(tag, &options).into()
}

/// "1 day 3 hours", "5 minutes", "12 seconds": the two largest units, rounded up, in the
/// reader's language (tracked).
pub(crate) fn span(seconds: i64) -> String {
    passguard_i18n::span(crate::i18n::current(), seconds)
}
