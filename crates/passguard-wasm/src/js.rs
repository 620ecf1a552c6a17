//! Reading JavaScript arguments: type checks with messages that name the field, the size cap,
//! and the check's context (camelCase fields, timestamps as `Date`s or milliseconds).

use js_sys::{Array, Date, JsString, Object, Reflect};
use passguard_policy::{AuditOptions, Context, Locale};
use wasm_bindgen::{JsCast, JsValue};

use crate::error::Error;

/// The longest string read from JavaScript, in UTF-16 code units: the same 1 Mi bound that
/// `passguard check` puts on a line. Checked before the string is copied into wasm memory.
pub(crate) const MAX_TEXT_UTF16: u32 = 1 << 20;

/// The fields of the context object, as JavaScript spells them.
const CONTEXT_FIELDS: [&str; 8] = [
    "username",
    "email",
    "displayName",
    "currentPassword",
    "passwordChangedAt",
    "now",
    "locale",
    "breached",
];

/// What kind of value `value` is, for messages. Never the value itself: it may be a password.
pub(crate) fn describe(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "undefined"
    } else if value.is_null() {
        "null"
    } else if value.is_string() {
        "a string"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.is_bigint() {
        "a bigint"
    } else if value.is_symbol() {
        "a symbol"
    } else if value.is_function() {
        "a function"
    } else if Array::is_array(value) {
        "an array"
    } else if value.is_instance_of::<Date>() {
        "a Date"
    } else {
        "an object"
    }
}

/// Whether `value` is a plain object with named fields: not null, an array, a `Date` or a
/// function.
pub(crate) fn is_record(value: &JsValue) -> bool {
    value.is_object() && !Array::is_array(value) && !value.is_instance_of::<Date>()
}

/// `value` as a Rust string, when it is a JavaScript string of at most [`MAX_TEXT_UTF16`] units.
///
/// Lone UTF-16 surrogates, which no UTF-8 text can hold, become U+FFFD.
pub(crate) fn string(value: &JsValue, field: &str) -> Result<String, Error> {
    let Some(text) = value.dyn_ref::<JsString>() else {
        return Err(Error::argument(
            field,
            format!("expected a string, found {}", describe(value)),
        ));
    };
    if text.length() > MAX_TEXT_UTF16 {
        return Err(Error::argument(
            field,
            format!(
                "longer than {MAX_TEXT_UTF16} UTF-16 code units ({}); not read",
                text.length()
            ),
        ));
    }
    Ok(String::from(text))
}

/// Reads the context of a check. `undefined` and `null` mean an empty context, as does a
/// field that is `undefined` or `null`; an unknown field is refused, so a misspelt
/// `currentPasword` cannot silently disable a rule.
pub(crate) fn context(value: &JsValue) -> Result<Context, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(Context::default());
    }
    if !is_record(value) {
        return Err(Error::argument(
            "context",
            format!(
                "expected an object with the fields {}, found {}",
                CONTEXT_FIELDS.join(", "),
                describe(value)
            ),
        ));
    }
    let object: &Object = value.unchecked_ref();
    for key in Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !CONTEXT_FIELDS.contains(&key.as_str()) {
            let shown: String = key.chars().take(64).collect();
            return Err(Error::argument(
                format!("context.{shown}"),
                format!(
                    "unknown field; the fields are {}",
                    CONTEXT_FIELDS.join(", ")
                ),
            ));
        }
    }
    Ok(Context {
        username: optional_string(object, "username")?,
        email: optional_string(object, "email")?,
        display_name: optional_string(object, "displayName")?,
        current_password: optional_string(object, "currentPassword")?,
        password_changed_at: timestamp(object, "passwordChangedAt")?,
        now: timestamp(object, "now")?,
        locale: locale(object, "locale", "context.locale")?,
        breached: optional_bool(object, "breached")?,
    })
}

/// An optional `locale` field: `en`, `de` or `fr` (a region such as `de-CH` is accepted).
pub(crate) fn locale(object: &Object, name: &str, path: &str) -> Result<Option<Locale>, Error> {
    let Some(tag) = field(object, name)?
        .map(|value| string(&value, path))
        .transpose()?
    else {
        return Ok(None);
    };
    Locale::from_tag(&tag)
        .map(Some)
        .ok_or_else(|| Error::argument(path, "expected \"en\", \"de\" or \"fr\""))
}

/// The options of the `Checker` constructor: `{ locale }`.
pub(crate) fn checker_options(options: &JsValue) -> Result<Option<Locale>, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    if !is_record(options) {
        return Err(Error::argument(
            "options",
            format!("expected an object, found {}", describe(options)),
        ));
    }
    let object: &Object = options.unchecked_ref();
    for key in Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if key != "locale" {
            let shown: String = key.chars().take(64).collect();
            return Err(Error::argument(
                "options",
                format!("unknown field `{shown}`, expected `locale`"),
            ));
        }
    }
    locale(object, "locale", "options.locale")
}

/// The field `name` of `object`; `None` when it is `undefined` or `null`.
/// `audit`'s options: `{ asvsLevel, locale }`; absent means level 1, English.
pub(crate) fn audit_options(options: &JsValue) -> Result<AuditOptions, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(AuditOptions::default());
    }
    if !is_record(options) {
        return Err(Error::argument(
            "options",
            format!("expected an object, found {}", describe(options)),
        ));
    }
    let object: &Object = options.unchecked_ref();
    let known = ["asvsLevel", "locale"];
    for key in Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            let shown: String = key.chars().take(64).collect();
            return Err(Error::argument(
                "options",
                format!("unknown field `{shown}`, expected `asvsLevel` or `locale`"),
            ));
        }
    }
    let asvs_level = match field(object, "asvsLevel")? {
        None => 1,
        Some(level) => match level.as_f64() {
            Some(n) if n == 1.0 || n == 2.0 || n == 3.0 => n as u8,
            _ => return Err(Error::argument("options.asvsLevel", "expected 1, 2 or 3")),
        },
    };
    let locale = locale(object, "locale", "options.locale")?.unwrap_or_default();
    Ok(AuditOptions { asvs_level, locale })
}

fn field(object: &Object, name: &str) -> Result<Option<JsValue>, Error> {
    let value = Reflect::get(object, &JsValue::from_str(name)).map_err(|_| {
        Error::argument(
            format!("context.{name}"),
            "reading the field threw an error",
        )
    })?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

fn optional_string(object: &Object, name: &str) -> Result<Option<String>, Error> {
    field(object, name)?
        .map(|value| string(&value, &format!("context.{name}")))
        .transpose()
}

fn optional_bool(object: &Object, name: &str) -> Result<Option<bool>, Error> {
    field(object, name)?
        .map(|value| {
            value.as_bool().ok_or_else(|| {
                Error::argument(
                    format!("context.{name}"),
                    format!("expected a boolean, found {}", describe(&value)),
                )
            })
        })
        .transpose()
}

/// A moment given as a `Date` or as milliseconds since the Unix epoch (JavaScript's own
/// convention, `Date.now()`), as the engine's Unix seconds.
fn timestamp(object: &Object, name: &str) -> Result<Option<i64>, Error> {
    let Some(value) = field(object, name)? else {
        return Ok(None);
    };
    let refuse = |reason: String| Err(Error::argument(format!("context.{name}"), reason));
    let millis = if let Some(date) = value.dyn_ref::<Date>() {
        date.get_time()
    } else if let Some(number) = value.as_f64() {
        number
    } else {
        return refuse(format!(
            "expected a Date or a number of milliseconds since the epoch, found {}",
            describe(&value)
        ));
    };
    match millis_to_unix_seconds(millis) {
        Some(seconds) => Ok(Some(seconds)),
        None if value.is_instance_of::<Date>() => refuse("is an invalid Date".to_owned()),
        None => refuse(format!(
            "expected a finite number of milliseconds since the epoch, found {millis}"
        )),
    }
}

/// Milliseconds since the epoch to Unix seconds, rounding toward the past as Unix time does
/// (-1 ms is in second -1). Values beyond the engine's range saturate; NaN and infinities
/// have no second.
pub(crate) fn millis_to_unix_seconds(millis: f64) -> Option<i64> {
    // `as` saturates at i64's bounds, which the engine's own arithmetic also does.
    millis.is_finite().then(|| (millis / 1000.0).floor() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn milliseconds_become_unix_seconds() {
        let check = |millis: f64, seconds: Option<i64>| {
            assert_eq!(millis_to_unix_seconds(millis), seconds, "{millis} ms");
        };
        check(0.0, Some(0));
        check(999.0, Some(0));
        check(1_700_000_000_000.0, Some(1_700_000_000));
        check(1_700_000_000_999.9, Some(1_700_000_000));
        check(-1.0, Some(-1));
        check(-1000.0, Some(-1));
        check(-1001.0, Some(-2));
        // The shared vectors' extremes, as JSON.parse reads i64::MAX seconds times 1000.
        check(9.223_372_036_854_776e21, Some(i64::MAX));
        check(-9.223_372_036_854_776e21, Some(i64::MIN));
        check(f64::MAX, Some(i64::MAX));
        check(f64::NAN, None);
        check(f64::INFINITY, None);
        check(f64::NEG_INFINITY, None);
    }
}
