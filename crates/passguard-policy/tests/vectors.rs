//! The shared vectors of `tests/vectors/*.json`, run natively and under wasm32 (Node).
//!
//! Each file lists a policy, default expectations and cases; a case's `expect` overrides the
//! defaults (`"absent"` removes a rule), and the merged map must equal the report's rules
//! exactly, so a rule that should be absent cannot sneak in.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use passguard_policy::{
    AuditOptions, Context, PRESET_NAMES, Policy, PolicyError, PolicyOverlay, audit,
};
use serde::Deserialize;
use serde_json::Value;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportFile {
    source: String,
    policy: Option<String>,
    defaults: BTreeMap<String, String>,
    cases: Vec<ReportCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportCase {
    password: String,
    note: String,
    accepted: bool,
    #[serde(default)]
    expect: BTreeMap<String, String>,
    #[serde(default)]
    params: BTreeMap<String, BTreeMap<String, Value>>,
    #[serde(default)]
    messages: BTreeMap<String, String>,
    #[serde(default)]
    context: Context,
    policy_toml: Option<String>,
}

fn run_report_file(text: &str) -> usize {
    let file: ReportFile = serde_json::from_str(text).expect("vector file parses");
    assert!(
        !file.source.is_empty(),
        "every vector file says where its cases come from"
    );
    for case in &file.cases {
        let policy = match (&case.policy_toml, &file.policy) {
            (Some(toml), _) => Policy::from_toml(toml).expect("case policy is valid"),
            (None, Some(name)) => Policy::preset(name).expect("preset exists"),
            (None, None) => panic!("case {:?} names no policy", case.note),
        };
        let report = policy.check(&case.password, &case.context);
        let mut expected = file.defaults.clone();
        for (id, status) in &case.expect {
            if status == "absent" {
                expected.remove(id);
            } else {
                expected.insert(id.clone(), status.clone());
            }
        }
        let actual: BTreeMap<String, String> = report
            .rules
            .iter()
            .map(|rule| (rule.id.to_string(), rule.status.to_string()))
            .collect();
        assert_eq!(actual, expected, "rules for {:?}", case.note);
        assert_eq!(
            report.accepted, case.accepted,
            "accepted for {:?}",
            case.note
        );
        let json = serde_json::to_value(&report).unwrap();
        for rule in json["rules"].as_array().unwrap() {
            assert!(
                !rule["message"].as_str().unwrap().is_empty(),
                "{:?}",
                case.note
            );
        }
        for (id, message) in &case.messages {
            let rule = rule_json(&json, id, &case.note);
            assert_eq!(
                rule["message"],
                message.as_str(),
                "{id}'s message for {:?}",
                case.note
            );
        }
        for (id, params) in &case.params {
            let rule = rule_json(&json, id, &case.note);
            for (key, value) in params {
                assert_eq!(
                    &rule["params"][key], value,
                    "{id}.{key} for {:?}",
                    case.note
                );
            }
        }
    }
    file.cases.len()
}

/// The rule `id` of a report as JSON, failing the case when the report lacks it.
fn rule_json<'a>(report: &'a serde_json::Value, id: &str, note: &str) -> &'a serde_json::Value {
    report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} present for {note:?}"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorFile {
    source: String,
    cases: Vec<ErrorCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorCase {
    policy_toml: String,
    field: Option<String>,
    contains: String,
    note: String,
}

fn run_error_file(text: &str) -> usize {
    let file: ErrorFile = serde_json::from_str(text).expect("vector file parses");
    assert!(!file.source.is_empty());
    for case in &file.cases {
        let error: PolicyError = match Policy::from_toml(&case.policy_toml) {
            Ok(_) => panic!("{:?} must be refused", case.note),
            Err(error) => error,
        };
        let message = error.to_string();
        assert_eq!(
            error.field(),
            case.field.as_deref(),
            "field for {:?}: {message}",
            case.note
        );
        assert!(
            message.contains(&case.contains),
            "{:?}: {message:?} lacks {:?}",
            case.note,
            case.contains
        );
        assert!(!message.contains('\n'), "one line: {message:?}");
        // The same document as JSON, the way the browser and the npm package read policies:
        // the same field, the same reason (a TOML syntax error has no JSON form).
        let Ok(table) = toml::from_str::<toml::Table>(&case.policy_toml) else {
            continue;
        };
        let json = serde_json::to_string(&table).unwrap();
        let error = Policy::from_json(&json).expect_err(&case.note);
        let message = error.to_string();
        assert_eq!(
            error.field(),
            case.field.as_deref(),
            "field for {:?} as JSON: {message}",
            case.note
        );
        assert!(
            message.contains(&case.contains),
            "{:?} as JSON: {message:?} lacks {:?}",
            case.note,
            case.contains
        );
    }
    file.cases.len()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditFile {
    source: String,
    cases: Vec<AuditCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditCase {
    note: String,
    policy: Option<String>,
    policy_toml: Option<String>,
    asvs_level: Option<u8>,
    findings: BTreeMap<String, String>,
}

fn run_audit_file(text: &str) -> usize {
    let file: AuditFile = serde_json::from_str(text).expect("vector file parses");
    assert!(!file.source.is_empty());
    for case in &file.cases {
        let policy = match (&case.policy, &case.policy_toml) {
            (Some(name), None) => Policy::preset(name).unwrap(),
            (None, Some(toml)) => Policy::from_toml(toml).unwrap(),
            _ => panic!("{:?}: one of policy and policy_toml", case.note),
        };
        let options = AuditOptions {
            asvs_level: case.asvs_level.unwrap_or(1),
            ..AuditOptions::default()
        };
        let findings = audit(&policy, options);
        let actual: BTreeMap<String, String> = findings
            .iter()
            .map(|f| (f.id.to_string(), f.level.keyword().to_owned()))
            .collect();
        assert_eq!(actual, case.findings, "findings for {:?}", case.note);
        assert_eq!(
            actual.len(),
            findings.len(),
            "each finding once: {:?}",
            case.note
        );
        for finding in &findings {
            assert!(
                finding.explanation.len() > 40,
                "{}: explain and say what to change",
                finding.id
            );
            assert!(
                finding.field.contains('.'),
                "{}: a dotted field",
                finding.id
            );
        }
    }
    file.cases.len()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PasswordRulesFile {
    source: String,
    cases: Vec<PasswordRulesCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PasswordRulesCase {
    note: String,
    policy: Option<String>,
    policy_toml: Option<String>,
    /// The expected string, or null for no rule; never left out.
    passwordrules: Value,
}

fn run_passwordrules_file(text: &str) -> usize {
    let file: PasswordRulesFile = serde_json::from_str(text).expect("vector file parses");
    assert!(!file.source.is_empty());
    for case in &file.cases {
        let policy = match (&case.policy, &case.policy_toml) {
            (Some(name), None) => Policy::preset(name).unwrap(),
            (None, Some(toml)) => Policy::from_toml(toml).unwrap(),
            _ => panic!("{:?}: one of policy and policy_toml", case.note),
        };
        let expected = match &case.passwordrules {
            Value::String(rules) => Some(rules.as_str()),
            Value::Null => None,
            other => panic!("{:?}: passwordrules is {other}", case.note),
        };
        assert_eq!(
            policy.password_rules().as_deref(),
            expected,
            "passwordrules for {:?}",
            case.note
        );
    }
    for name in PRESET_NAMES {
        assert!(
            file.cases.iter().any(|c| c.policy.as_deref() == Some(name)),
            "the preset {name} has a case"
        );
    }
    file.cases.len()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OverlayFile {
    source: String,
    cases: Vec<OverlayCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OverlayCase {
    note: String,
    /// A preset name or a policy document.
    site: Value,
    overlay: Value,
    #[serde(default)]
    effective: BTreeMap<String, Value>,
    refused: Option<String>,
    #[serde(default)]
    lenient: BTreeMap<String, Value>,
}

/// The value at a dotted `path` of `policy`'s JSON.
fn at<'v>(policy: &'v Value, path: &str) -> &'v Value {
    path.split('.').fold(policy, |value, key| &value[key])
}

fn run_overlay_file(text: &str) -> usize {
    let file: OverlayFile = serde_json::from_str(text).expect("vector file parses");
    assert!(!file.source.is_empty());
    for case in &file.cases {
        let site = match &case.site {
            Value::String(name) => Policy::preset(name).unwrap(),
            document => Policy::from_json(&document.to_string()).unwrap(),
        };
        let overlay = PolicyOverlay::from_json(&case.overlay.to_string())
            .unwrap_or_else(|e| panic!("{:?}: the overlay reads: {e}", case.note));
        let tightened = site.tightened_by(&overlay);
        match (&tightened, &case.refused) {
            (Ok(policy), None) => {
                let json = serde_json::to_value(policy).unwrap();
                for (path, expected) in &case.effective {
                    assert_eq!(at(&json, path), expected, "{:?}: {path}", case.note);
                }
            }
            (Err(error), Some(field)) => {
                assert_eq!(
                    error.field(),
                    Some(field.as_str()),
                    "{:?}: {error}",
                    case.note
                );
                assert!(
                    error.to_string().starts_with(field.as_str()),
                    "{:?}: the message names the field first: {error}",
                    case.note
                );
            }
            (outcome, expected) => panic!("{:?}: {outcome:?}, expected {expected:?}", case.note),
        }
        if !case.lenient.is_empty() {
            let kept = site.tightened_leniently_by(&overlay).unwrap();
            let json = serde_json::to_value(&kept).unwrap();
            for (path, expected) in &case.lenient {
                assert_eq!(at(&json, path), expected, "{:?}: lenient {path}", case.note);
            }
        }
    }
    file.cases.len()
}

macro_rules! vectors {
    ($($name:ident => $runner:ident($file:literal),)*) => {$(
        #[cfg_attr(not(target_arch = "wasm32"), test)]
        #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
        fn $name() {
            let count = $runner(include_str!(concat!("../../../tests/vectors/", $file)));
            assert!(count > 0);
        }
    )*};
}

vectors! {
    security_admin => run_report_file("security-admin.json"),
    partner_portal => run_report_file("partner-portal.json"),
    nist_800_63b => run_report_file("nist-800-63b.json"),
    owasp_asvs => run_report_file("owasp-asvs.json"),
    context => run_report_file("context.json"),
    breached => run_report_file("breached.json"),
    locales => run_report_file("locales.json"),
    custom_policies => run_report_file("custom-policies.json"),
    policy_errors => run_error_file("policy-errors.json"),
    audit_findings => run_audit_file("audit.json"),
    overlays => run_overlay_file("overlays.json"),
    passwordrules => run_passwordrules_file("passwordrules.json"),
}
