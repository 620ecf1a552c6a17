//! The bindings in headless Chromium: what JavaScript hands in (strings, objects, `Date`s,
//! wrong types) and what it gets back (plain report objects, `Error`s naming the field).
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p passguard-wasm --target wasm32-unknown-unknown`

#![cfg(target_arch = "wasm32")]
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use js_sys::{Array, Date, JSON, Object, Reflect};
use passguard_wasm::{Checker, length, preset_names};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A JavaScript value from JSON text, as a caller would write it.
fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

/// The `{id: status}` pairs of a report, as a JSON string.
fn statuses(report: &JsValue) -> String {
    let rules: Array = get(report, "rules").dyn_into().unwrap();
    let pairs: Vec<String> = rules
        .iter()
        .map(|rule| {
            format!(
                "{}={}",
                get(&rule, "id").as_string().unwrap(),
                get(&rule, "status").as_string().unwrap()
            )
        })
        .collect();
    pairs.join(" ")
}

fn rule(report: &JsValue, id: &str) -> JsValue {
    let rules: Array = get(report, "rules").dyn_into().unwrap();
    rules
        .iter()
        .find(|rule| get(rule, "id").as_string().as_deref() == Some(id))
        .unwrap_or_else(|| panic!("{id} in {}", statuses(report)))
}

fn status(report: &JsValue, id: &str) -> String {
    get(&rule(report, id), "status").as_string().unwrap()
}

/// The message and `field` of the `Error` a call threw.
fn thrown(error: js_sys::Error) -> (String, Option<String>) {
    let field = get(&error, "field").as_string();
    (String::from(error.message()), field)
}

fn checker(policy: &str) -> Checker {
    Checker::new(policy.into(), JsValue::UNDEFINED).unwrap()
}

#[wasm_bindgen_test]
fn a_preset_checks_code_points_not_utf16_units() {
    let report = checker("security-admin")
        .check("Aa1😀😀😀😀😀".into(), JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(get(&report, "accepted"), JsValue::TRUE);
    assert_eq!(
        statuses(&report),
        "min-length=pass max-length=pass character-groups=pass not-reused=pending min-age=pending"
    );
    assert_eq!(
        get(&get(&rule(&report, "min-length"), "params"), "actual").as_f64(),
        Some(8.0)
    );
    assert_eq!(length("Aa1😀😀😀😀😀".into()).unwrap(), 8);
    // NFKC: the fullwidth "Ａ" and the ligature "ﬁ" are read as "A" and "fi".
    assert_eq!(length("Ａﬁ".into()).unwrap(), 3);
}

#[wasm_bindgen_test]
fn a_weak_password_is_a_report_with_plain_objects() {
    let report = checker("security-admin")
        .check("Xyz<wxyz".into(), JsValue::NULL)
        .unwrap();
    assert_eq!(get(&report, "accepted"), JsValue::FALSE);
    let groups = rule(&report, "character-groups");
    assert_eq!(get(&groups, "status").as_string().unwrap(), "fail");
    assert!(!get(&groups, "message").as_string().unwrap().is_empty());
    // params is a plain object (not a Map), with an array of group ids.
    let params = get(&groups, "params");
    assert!(!params.is_instance_of::<js_sys::Map>());
    assert_eq!(
        JsValue::from(Object::get_prototype_of(&params)),
        JsValue::from(Object::get_prototype_of(&Object::new()))
    );
    assert_eq!(
        JSON::stringify(&get(&params, "missing")).unwrap(),
        r#"["digit","special"]"#
    );
    assert_eq!(get(&params, "uncounted").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn every_preset_is_listed_and_loads() {
    let names = preset_names();
    assert_eq!(
        names,
        [
            "security-admin",
            "partner-portal",
            "nist-800-63b",
            "owasp-asvs"
        ]
    );
    for name in names {
        let policy = checker(&name).policy().unwrap();
        assert_eq!(get(&policy, "name").as_string().unwrap(), name);
    }
}

#[wasm_bindgen_test]
fn password_rules_is_the_engines_string_or_null() {
    let rules = checker("nist-800-63b").password_rules();
    assert_eq!(
        rules.as_string().as_deref(),
        Some("minlength: 15; maxlength: 64; allowed: ascii-printable;")
    );
    // The special group is required, and no password manager can type "§": null, not undefined.
    let none = checker(
        r#"{"name": "x", "password": {"character_groups": {"required": 1, "of": ["special"]}, "special_characters": "§"}}"#,
    );
    assert!(none.password_rules().is_null());
}

#[wasm_bindgen_test]
fn a_policy_object_and_json_text_agree() {
    let object = js(r#"{"name": "mine", "password": {"min_length": 10, "blocklist": "none"}}"#);
    let from_object = Checker::new(object, JsValue::UNDEFINED).unwrap();
    let from_json =
        checker(r#"  {"name": "mine", "password": {"min_length": 10, "blocklist": "none"}}"#);
    let policy = JSON::stringify(&from_object.policy().unwrap()).unwrap();
    assert_eq!(
        policy,
        JSON::stringify(&from_json.policy().unwrap()).unwrap()
    );
    // Omitted fields take the nist-800-63b values; the getter shows them all.
    let password = get(&from_object.policy().unwrap(), "password");
    assert_eq!(get(&password, "min_length").as_f64(), Some(10.0));
    assert_eq!(get(&password, "max_length").as_f64(), Some(64.0));
    // The getter's object is itself a valid policy.
    let again = Checker::new(from_object.policy().unwrap(), JsValue::UNDEFINED).unwrap();
    assert_eq!(JSON::stringify(&again.policy().unwrap()).unwrap(), policy);
    let report = from_object
        .check("nine char".into(), JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(status(&report, "min-length"), "fail");
}

#[wasm_bindgen_test]
fn bad_policies_throw_errors_naming_the_field() {
    let cases: [(JsValue, &str, Option<&str>); 7] = [
        (
            "no-such-preset".into(),
            "no preset is named \"no-such-preset\"",
            None,
        ),
        (
            js(r#"{"name": "x", "password": {"min_length": 0}}"#),
            "password.min_length: must be at least 1",
            Some("password.min_length"),
        ),
        (
            js(r#"{"name": "x", "password": {"min_lenght": 8}}"#),
            "unknown field `min_lenght`",
            Some("password.min_lenght"),
        ),
        (
            js(r#"{"name": "x", "password": {"min_length": "eight"}}"#),
            "password.min_length: invalid type",
            Some("password.min_length"),
        ),
        (
            r#"{"name": "x", "password": {"max_length": 5000}}"#.into(),
            "password.max_length: must be at most 4096",
            Some("password.max_length"),
        ),
        (
            "name = \"x\"\n".into(),
            "read TOML with a TOML library",
            Some("policy"),
        ),
        (42.into(), "policy: expected a preset name", Some("policy")),
    ];
    for (input, message, field) in cases {
        let (actual, actual_field) = thrown(Checker::new(input, JsValue::UNDEFINED).unwrap_err());
        assert!(actual.contains(message), "{actual:?} lacks {message:?}");
        assert_eq!(actual_field.as_deref(), field, "{actual}");
    }
    let (message, field) =
        thrown(Checker::new(js(r#"{"password": {}}"#), JsValue::UNDEFINED).unwrap_err());
    assert!(message.contains("missing field `name`"), "{message}");
    assert_eq!(field, None);
}

#[wasm_bindgen_test]
fn wrong_argument_types_throw_without_echoing_the_value() {
    let checker = checker("nist-800-63b");
    let cases: [(JsValue, JsValue, &str); 6] = [
        (
            12345.into(),
            JsValue::UNDEFINED,
            "password: expected a string, found a number",
        ),
        (
            JsValue::NULL,
            JsValue::UNDEFINED,
            "password: expected a string, found null",
        ),
        ("pw".into(), "ada".into(), "context: expected an object"),
        (
            "pw".into(),
            js(r#"{"current_password": "secret"}"#),
            "context.current_password: unknown field; the fields are username, email, displayName, currentPassword, passwordChangedAt, now",
        ),
        (
            "pw".into(),
            js(r#"{"currentPassword": 1234}"#),
            "context.currentPassword: expected a string, found a number",
        ),
        (
            "pw".into(),
            js(r#"{"now": "yesterday"}"#),
            "context.now: expected a Date or a number of milliseconds since the epoch, found a string",
        ),
    ];
    for (password, context, message) in cases {
        let (actual, _) = thrown(checker.check(password, context).unwrap_err());
        assert!(actual.starts_with(message), "{actual:?} is not {message:?}");
        assert!(
            !actual.contains("secret") && !actual.contains("1234") && !actual.contains("yesterday")
        );
    }
    let context = Object::new();
    Reflect::set(&context, &"now".into(), &Date::new(&"not a date".into())).unwrap();
    let (message, field) = thrown(checker.check("pw".into(), context.into()).unwrap_err());
    assert_eq!(message, "context.now: is an invalid Date");
    assert_eq!(field.as_deref(), Some("context.now"));
    let (message, _) = thrown(
        checker
            .check("pw".into(), js(r#"{"now": 1e400}"#))
            .unwrap_err(),
    );
    assert!(
        message.starts_with("context.now: expected a finite number"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn over_long_strings_are_refused_before_they_are_copied() {
    let huge = "a".repeat((1 << 20) + 1);
    let (message, field) = thrown(
        checker("nist-800-63b")
            .check(huge.as_str().into(), JsValue::UNDEFINED)
            .unwrap_err(),
    );
    assert!(
        message.starts_with("password: longer than 1048576 UTF-16 code units"),
        "{message}"
    );
    assert_eq!(field.as_deref(), Some("password"));
    // The longest accepted string is checked and fails max-length: nothing is truncated.
    let longest = "a".repeat(1 << 20);
    let report = checker("nist-800-63b")
        .check(longest.as_str().into(), JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(status(&report, "max-length"), "fail");
}

#[wasm_bindgen_test]
fn dates_and_milliseconds_are_the_same_moment() {
    // security-admin: at most one change every 48 h.
    let checker = checker("security-admin");
    let changed_ms = 1_699_827_201_000.0;
    let now_ms = 1_700_000_000_000.0;
    let with_numbers = js(&format!(
        r#"{{"passwordChangedAt": {changed_ms}, "now": {now_ms}}}"#
    ));
    let with_dates = Object::new();
    Reflect::set(
        &with_dates,
        &"passwordChangedAt".into(),
        &Date::new(&changed_ms.into()),
    )
    .unwrap();
    Reflect::set(&with_dates, &"now".into(), &Date::new(&now_ms.into())).unwrap();
    for context in [with_numbers, with_dates.into()] {
        let report = checker.check("Passw0rd!".into(), context).unwrap();
        let min_age = rule(&report, "min-age");
        assert_eq!(get(&min_age, "status").as_string().unwrap(), "fail");
        let params = get(&min_age, "params");
        // Unix seconds in the report, one second short of 48 h.
        assert_eq!(get(&params, "changed_at").as_f64(), Some(1_699_827_201.0));
        assert_eq!(get(&params, "remaining_seconds").as_f64(), Some(1.0));
    }
    // 999 ms later is still the same second; 1000 ms later the change is allowed.
    let report = checker
        .check(
            "Passw0rd!".into(),
            js(&format!(
                r#"{{"passwordChangedAt": {changed_ms}, "now": {}}}"#,
                now_ms + 999.0
            )),
        )
        .unwrap();
    assert_eq!(status(&report, "min-age"), "fail");
    let report = checker
        .check(
            "Passw0rd!".into(),
            js(&format!(
                r#"{{"passwordChangedAt": {changed_ms}, "now": {}}}"#,
                now_ms + 1000.0
            )),
        )
        .unwrap();
    assert_eq!(status(&report, "min-age"), "pass");
}

#[wasm_bindgen_test]
fn null_fields_and_the_current_password() {
    let checker = checker("security-admin");
    let report = checker
        .check(
            "Passw0rd!".into(),
            js(r#"{"username": null, "email": null, "displayName": null, "currentPassword": "Passw0rd!", "passwordChangedAt": null, "now": null}"#),
        )
        .unwrap();
    assert_eq!(status(&report, "not-current"), "fail");
    assert_eq!(get(&report, "accepted"), JsValue::FALSE);
    // Compared after NFKC: the fullwidth "Ｐ" is the same password.
    let report = checker
        .check(
            "Passw0rd!".into(),
            js(r#"{"currentPassword": "Ｐassw0rd!"}"#),
        )
        .unwrap();
    assert_eq!(status(&report, "not-current"), "fail");
}
