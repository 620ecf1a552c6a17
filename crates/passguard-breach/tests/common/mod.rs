//! What the store's tests share: generated corpora and imports without a progress bar.

#![allow(dead_code, clippy::unwrap_used)]

use std::ops::{ControlFlow, Range};
use std::path::Path;

use passguard_breach::{Error, Fingerprint, ImportOptions, ImportSummary, Source, import};
use sha1::{Digest, Sha1};

/// SHA-1 in upper-case hex, as Have I Been Pwned writes it.
pub(crate) fn sha1_hex(bytes: &[u8]) -> String {
    Sha1::digest(bytes)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

/// The generated entry `i`: SHA-1 of its little-endian bytes (as the benchmark's corpus).
pub(crate) fn generated(i: u64) -> Fingerprint {
    Fingerprint::of_bytes(&i.to_le_bytes())
}

/// `SHA1:COUNT` lines for the generated entries in `range`, CRLF-terminated as the official
/// downloader writes them.
pub(crate) fn hibp_corpus(range: Range<u64>) -> String {
    range
        .map(|i| format!("{}:{}\r\n", sha1_hex(&i.to_le_bytes()), i % 1000 + 1))
        .collect()
}

pub(crate) fn import_text(
    store: &Path,
    text: &str,
    options: &ImportOptions,
) -> Result<ImportSummary, Error> {
    let mut reader = text.as_bytes();
    import(store, Source::Reader(&mut reader), options, &mut |_| {
        ControlFlow::Continue(())
    })
}

pub(crate) fn import_path(
    store: &Path,
    file: &Path,
    options: &ImportOptions,
) -> Result<ImportSummary, Error> {
    import(store, Source::File(file), options, &mut |_| {
        ControlFlow::Continue(())
    })
}

pub(crate) fn defaults() -> ImportOptions {
    ImportOptions::default()
}
