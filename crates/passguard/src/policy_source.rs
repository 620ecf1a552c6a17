//! Where a policy comes from on the command line: a preset name, or a TOML or JSON file.

use std::path::Path;

use passguard_policy::{PRESET_NAMES, Policy, PolicyOverlay};

use crate::UsageError;

/// The largest policy file read; a policy is a few hundred bytes.
const MAX_POLICY_FILE: u64 = 1024 * 1024;

/// Loads `source`: a preset when it names one, otherwise a file, JSON when it ends in
/// `.json` or starts with `{`, TOML otherwise.
pub(crate) fn load(source: &str) -> Result<Policy, UsageError> {
    if PRESET_NAMES.contains(&source) {
        return Policy::preset(source).map_err(|e| UsageError(format!("preset {source}: {e}")));
    }
    let path = Path::new(source);
    let size = std::fs::metadata(path).map(|m| m.len()).map_err(|e| {
        UsageError(format!(
            "{source:?} is neither a preset ({}) nor a readable policy file: {e}",
            PRESET_NAMES.join(", ")
        ))
    })?;
    if size > MAX_POLICY_FILE {
        return Err(UsageError(format!(
            "policy file {source}: larger than 1 MiB"
        )));
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        UsageError(format!(
            "policy file {source}: cannot read it as UTF-8 text: {e}"
        ))
    })?;
    let is_json = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
        || text.trim_start().starts_with('{');
    let fail = |e: &dyn std::fmt::Display| UsageError(format!("policy file {source}: {e}"));
    if is_json {
        Policy::from_json(&text)
    } else {
        Policy::from_toml(&text)
    }
    .map_err(|e| fail(&e))
}

/// Loads a policy overlay file (an organization's changes to the site policy): JSON when it
/// ends in `.json` or starts with `{`, TOML otherwise.
pub(crate) fn load_overlay(path: &Path) -> Result<PolicyOverlay, UsageError> {
    let shown = path.display();
    let size = std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| UsageError(format!("policy overlay {shown}: cannot read it: {e}")))?;
    if size > MAX_POLICY_FILE {
        return Err(UsageError(format!(
            "policy overlay {shown}: larger than 1 MiB"
        )));
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        UsageError(format!(
            "policy overlay {shown}: cannot read it as UTF-8 text: {e}"
        ))
    })?;
    let is_json = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
        || text.trim_start().starts_with('{');
    if is_json {
        PolicyOverlay::from_json(&text)
    } else {
        PolicyOverlay::from_toml(&text)
    }
    .map_err(|e| UsageError(format!("policy overlay {shown}: {e}")))
}
