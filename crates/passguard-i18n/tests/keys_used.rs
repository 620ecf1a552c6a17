//! Every catalogue key written out in passguard's sources exists in the catalogue: a typo in a
//! key would otherwise show the key itself to users. (Keys built with `format!`, such as
//! `rule.{id}.{status}`, are covered by the engine's and the server's own tests, which render
//! every outcome; the server and the pages test their own catalogues.)

#![cfg(not(target_arch = "wasm32"))]
#![allow(missing_docs, clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The areas of the engine's catalogue.
const PREFIXES: [&str; 7] = [
    "audit.",
    "rule.",
    "group.",
    "unit.",
    "warning.",
    "suggestion.",
    "strength.",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path
                .file_name()
                .is_some_and(|n| n != "target" && n != "catalogue")
            {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_key_in_the_sources_is_in_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    // The engine and everything that speaks with its sentences only.
    for dir in [
        "crates/passguard-policy",
        "crates/passguard-strength",
        "crates/passguard-i18n/src",
        "crates/passguard-wasm",
        "crates/passguard",
    ] {
        rust_files(&root.join(dir), &mut files);
    }
    let known: BTreeSet<&str> = passguard_i18n::entries().map(|e| e.key).collect();
    let mut missing = BTreeSet::new();
    let mut seen = 0;
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        for key in passguard_i18n::literal_keys(&source, &PREFIXES) {
            seen += 1;
            if !known.contains(key) {
                missing.insert(format!("{key} ({})", file.display()));
            }
        }
    }
    assert!(
        seen >= 4,
        "the scan found only {seen} keys: is it looking in the right place?"
    );
    assert!(
        missing.is_empty(),
        "keys used but not in the catalogue:\n{}",
        missing.into_iter().collect::<Vec<_>>().join("\n")
    );
}
