#![doc = include_str!("../README.md")]

mod error;
mod js;

use passguard_policy::{AuditReport, Locale, PRESET_NAMES, Policy};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::Error;

// The TypeScript types of what crosses the boundary as plain objects (Policy, Context,
// Report, RuleOutcome, Strength), appended to the generated declarations.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Checks passwords against one policy, exactly as the passguard server does.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Checker {
    policy: Policy,
    /// The language of messages when a check's context names none.
    locale: Option<Locale>,
}

#[wasm_bindgen]
impl Checker {
    /// A checker for a built-in preset (see `presetNames()`), a policy object, or a policy as
    /// JSON text. Fields a policy leaves out take the `nist-800-63b` preset's values.
    ///
    /// Throws an `Error` for an unknown preset or an invalid policy; its message and its
    /// `field` property name the field at fault.
    ///
    /// `options.locale` (`"en"`, `"de"` or `"fr"`) sets the language of the messages; a
    /// check's `context.locale` overrides it for that check.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "PresetName | PolicyInput | string")] policy: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckerOptions")] options: JsValue,
    ) -> Result<Checker, js_sys::Error> {
        let built = || {
            let locale = js::checker_options(&options)?;
            Ok(Checker {
                policy: policy_from_js(&policy)?,
                locale,
            })
        };
        built().map_err(Error::into_js)
    }

    /// Checks `password` against every rule of the policy. A weak password is not an error:
    /// the report lists each rule with its status. Throws only for arguments of the wrong type.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] password: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Context")] context: JsValue,
    ) -> Result<JsValue, js_sys::Error> {
        let checked = || {
            let password = js::string(&password, "password")?;
            let mut context = js::context(&context)?;
            context.locale = context.locale.or(self.locale);
            to_plain_object(&self.policy.check(&password, &context))
        };
        checked().map_err(Error::into_js)
    }

    /// The policy in force, complete: every field, including those taken from the defaults.
    #[wasm_bindgen(getter, unchecked_return_type = "Policy")]
    pub fn policy(&self) -> Result<JsValue, js_sys::Error> {
        to_plain_object(&self.policy).map_err(Error::into_js)
    }

    /// The value for the HTML `passwordrules` attribute of a new-password field: the
    /// nearest rule a password manager follows that never generates a password this policy
    /// refuses, or `null` when there is none. The engine computes it
    /// (`Policy::password_rules`), so every front end of a policy announces the same rule.
    /// Set it with `setAttribute`, which escapes it.
    #[wasm_bindgen(js_name = passwordRules, unchecked_return_type = "string | null")]
    #[must_use]
    pub fn password_rules(&self) -> JsValue {
        self.policy
            .password_rules()
            .map_or(JsValue::NULL, |rules| JsValue::from_str(&rules))
    }
}

/// Runs the engine once over a password of every shape it recognises and drops the reports.
/// Call it once after the first check is shown, when the page is idle (for instance with
/// `requestIdleCallback(warmUp)`): browsers compile a wasm function on its first call, which
/// otherwise lands on the first keystroke that needs it (10 to 40 ms in Node).
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    passguard_policy::warm_up();
}

/// Takes the word lists (zxcvbn's dictionaries and the blocklist) from the words asset
/// `bytes`. The package's `web` build carries no lists in its wasm and its `init()` loads
/// `passguard_words.bin` with this; the other builds have them inside, where this only checks
/// `bytes`. Until the lists are there, `not-common` and `min-strength` are `pending`.
///
/// # Errors
/// When `bytes` is not a words asset this engine reads; the lists in use stay as they were.
#[wasm_bindgen(js_name = loadWords)]
pub fn load_words(bytes: Vec<u8>) -> Result<(), js_sys::Error> {
    passguard_policy::load_words(bytes).map_err(|e| js_sys::Error::new(&e.to_string()))
}

/// Whether the word lists are there (always in the `bundler` and Node builds; in the `web`
/// build once `init()` has loaded them, never in its rules-only entry).
#[wasm_bindgen(js_name = hasWords)]
#[must_use]
pub fn has_words() -> bool {
    passguard_policy::has_words()
}

/// The names of the built-in presets.
#[wasm_bindgen(js_name = presetNames, unchecked_return_type = "PresetName[]")]
#[must_use]
pub fn preset_names() -> Vec<String> {
    PRESET_NAMES.iter().map(|&name| name.to_owned()).collect()
}

/// The length of `password` as every rule counts it: Unicode code points after NFKC
/// normalisation. JavaScript's `.length` counts UTF-16 code units, so `"😀".length` is 2
/// where this says 1.
#[wasm_bindgen]
pub fn length(
    #[wasm_bindgen(unchecked_param_type = "string")] password: JsValue,
) -> Result<usize, js_sys::Error> {
    js::string(&password, "password")
        .map(|password| passguard_policy::length(&password))
        .map_err(Error::into_js)
}

/// Where a policy departs from NIST SP 800-63B rev. 4 and OWASP ASVS 5.0 chapter V6: the
/// same findings as `passguard policy audit --json`. `options.asvsLevel` (1 to 3, default 1)
/// is the ASVS level the application targets: requirements up to it count as SHALL.
///
/// Throws an `Error` for an invalid policy or options, naming the field.
#[wasm_bindgen(unchecked_return_type = "AuditReport")]
pub fn audit(
    #[wasm_bindgen(unchecked_param_type = "PresetName | PolicyInput | string")] policy: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AuditOptions")] options: JsValue,
) -> Result<JsValue, js_sys::Error> {
    let audited = || {
        let policy = policy_from_js(&policy)?;
        let options = js::audit_options(&options)?;
        to_plain_object(&AuditReport::new(&policy, options))
    };
    audited().map_err(Error::into_js)
}

/// Reads the constructor's argument: a preset name, JSON text, or a policy object.
fn policy_from_js(value: &JsValue) -> Result<Policy, Error> {
    if value.is_string() {
        let text = js::string(value, "policy")?;
        if text.trim_start().starts_with('{') {
            return policy_from_json(&text);
        }
        if !PRESET_NAMES.contains(&text.as_str()) && (text.contains('=') || text.contains('\n')) {
            // Policies reach a browser as JSON: the package carries no TOML parser.
            return Err(Error::argument(
                "policy",
                "is neither a preset name nor JSON text (which starts with `{`); \
                 read TOML with a TOML library and pass the object",
            ));
        }
        return Ok(Policy::preset(&text)?);
    }
    if js::is_record(value) {
        // Read as its JSON text, not field by field: serde-wasm-bindgen's deserialiser looks up
        // only the fields a struct declares, so `deny_unknown_fields` would never see a
        // misspelt `min_lenght`, which would then be silently ignored.
        let text = js_sys::JSON::stringify(value).map_err(|thrown| {
            let reason = thrown
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
                .unwrap_or_default();
            Error::argument("policy", format!("cannot be written as JSON: {reason}"))
        })?;
        return policy_from_json(&js::string(&text.into(), "policy")?);
    }
    Err(Error::argument(
        "policy",
        format!(
            "expected a preset name ({}), a policy object or JSON text, found {}",
            PRESET_NAMES.join(", "),
            js::describe(value)
        ),
    ))
}

/// A policy in JSON text, read exactly as `passguard check --policy FILE.json` reads it.
fn policy_from_json(text: &str) -> Result<Policy, Error> {
    Ok(Policy::from_json(text)?)
}

/// `value` as the plain object `JSON.parse` makes of its JSON text.
///
/// Going through the very JSON that `passguard check --json` prints makes the two equal by
/// construction, and numbers beyond 2^53 (a timestamp in a report's params can be any i64)
/// round as `JSON.parse` rounds them, where a direct conversion would refuse them.
fn to_plain_object(value: &impl Serialize) -> Result<JsValue, Error> {
    let text = serde_json::to_string(value).map_err(|e| Error::Output(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| Error::Output("JSON.parse refused the JSON".to_owned()))
}
