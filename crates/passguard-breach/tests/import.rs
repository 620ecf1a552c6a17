//! Importing real files and readers into stores in temporary directories: both formats,
//! invalid lines, set union and byte-identical re-imports, and resuming after an
//! interruption.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use std::fs;
use std::io::{self, BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;

use common::{defaults, generated, hibp_corpus, import_path, import_text, sha1_hex};
use passguard_breach::{
    BreachStore, Error, Fingerprint, Format, ImportOptions, LineError, Phase, Progress, Source,
    import,
};

fn hibp() -> ImportOptions {
    ImportOptions {
        format: Format::Hibp,
        ..defaults()
    }
}

fn plaintext() -> ImportOptions {
    ImportOptions {
        format: Format::Plaintext,
        ..defaults()
    }
}

fn staging(store: &Path) -> std::path::PathBuf {
    store.with_file_name("breached.pgbs.import")
}

#[test]
fn hibp_lines_in_either_case_with_crlf_and_optional_counts() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    let password = sha1_hex(b"password");
    let corpus = format!(
        "\r\n{password}:10434004\r\n{}\n{}:3\n\n{}\r\n",
        sha1_hex(b"123456").to_lowercase(),
        sha1_hex(b"qwerty"),
        sha1_hex(b"letmein"),
    );
    let summary = import_text(&store_path, &corpus, &defaults()).unwrap();
    assert_eq!(summary.format, Format::Hibp, "detected from line 2");
    assert_eq!(summary.counts.lines, 6);
    assert_eq!(summary.counts.fingerprints, 4);
    assert_eq!(summary.added(), 4);
    let store = BreachStore::open(&store_path).unwrap();
    for word in ["password", "123456", "qwerty", "letmein"] {
        assert!(store.contains_password(word).unwrap(), "{word}");
    }
    assert!(!store.contains_password("monkey").unwrap());
}

#[test]
fn an_invalid_hibp_line_is_an_error_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    let good = sha1_hex(b"password");
    let corpus = format!("{good}:1\n{good}:2\n{}:3\n{good}\n", &good[..39]);
    let error = import_text(&store_path, &corpus, &defaults()).unwrap_err();
    assert!(
        matches!(
            error,
            Error::InvalidLine {
                line: 3,
                reason: LineError::HashLength(39)
            }
        ),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .starts_with("line 3: expected a SHA-1 of 40 hex digits")
    );
    assert!(!store_path.exists(), "nothing written");
    assert!(!staging(&store_path).exists(), "nothing left behind");

    for (line, reason) in [
        (format!("{good}:x"), LineError::BadCount),
        (format!("{}Z", &good[..39]), LineError::NotHex(40)),
        (good[..32].to_owned(), LineError::Ntlm),
        ("correct horse".to_owned(), LineError::HashLength(13)),
    ] {
        let corpus = format!("{good}\n\n{line}\n");
        let error = import_text(&store_path, &corpus, &hibp()).unwrap_err();
        assert!(
            matches!(&error, Error::InvalidLine { line: 3, reason: r } if *r == reason),
            "{line}: {error:?}"
        );
    }

    let options = ImportOptions {
        skip_invalid: true,
        ..defaults()
    };
    let summary = import_text(&store_path, &corpus, &options).unwrap();
    assert_eq!(summary.counts.invalid, 1);
    assert_eq!(summary.entries, 1);
}

#[test]
fn an_ntlm_download_is_refused_at_its_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    let ntlm = "8846F7EAEE8FB117AD06BDD830B7586C:1\r\n";
    let error = import_text(&store_path, &format!("\n{ntlm}{ntlm}"), &defaults()).unwrap_err();
    assert!(
        matches!(
            error,
            Error::InvalidLine {
                line: 2,
                reason: LineError::Ntlm
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("NTLM"), "{error}");
    // As plaintext it is just a password.
    import_text(&store_path, ntlm, &plaintext()).unwrap();
}

#[test]
fn min_count_drops_rare_lines() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    let corpus = format!(
        "{}:1\n{}:5\n{}\n",
        sha1_hex(b"rare"),
        sha1_hex(b"common"),
        sha1_hex(b"uncounted")
    );
    let options = ImportOptions {
        min_count: 2,
        ..defaults()
    };
    let summary = import_text(&store_path, &corpus, &options).unwrap();
    assert_eq!(summary.counts.below_min_count, 1);
    let store = BreachStore::open(&store_path).unwrap();
    assert!(!store.contains_password("rare").unwrap());
    assert!(store.contains_password("common").unwrap());
    assert!(store.contains_password("uncounted").unwrap());
}

#[test]
fn plaintext_lines_are_stored_as_typed_and_in_nfkc() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    let mut corpus = b"password\r\n spaced out \n\n\xef\xac\x81sh\ncafe\xcc\x81\n".to_vec();
    corpus.extend_from_slice(b"na\xefve\n"); // "naïve" in Latin-1, not UTF-8
    corpus.extend_from_slice(&b"x".repeat(passguard_breach::MAX_LINE_BYTES + 1));
    corpus.extend_from_slice(b"\nlast line without newline");
    let mut reader = corpus.as_slice();
    let summary = import(
        &store_path,
        Source::Reader(&mut reader),
        &defaults(),
        &mut |_| ControlFlow::Continue(()),
    )
    .unwrap();
    assert_eq!(summary.format, Format::Plaintext);
    assert_eq!(summary.counts.too_long, 1);
    assert_eq!(summary.counts.lines, 8);
    // password, " spaced out ", "ﬁsh" + "fish", "café" (decomposed) + NFC, the Latin-1 line
    // + "naïve", the last line.
    assert_eq!(summary.counts.fingerprints, 9);
    let store = BreachStore::open(&store_path).unwrap();
    let has = |fingerprint: Fingerprint| store.contains(&fingerprint).unwrap();
    assert!(has(Fingerprint::of("password")));
    assert!(!has(Fingerprint::of("password\r")), "CR stripped");
    assert!(has(Fingerprint::of(" spaced out ")));
    assert!(!has(Fingerprint::of("spaced out")), "never trimmed");
    assert!(has(Fingerprint::of("ﬁsh")) && has(Fingerprint::of("fish")));
    assert!(has(Fingerprint::of("cafe\u{301}")) && has(Fingerprint::of("café")));
    assert!(has(Fingerprint::of_bytes(b"na\xefve")) && has(Fingerprint::of("naïve")));
    assert!(has(Fingerprint::of("last line without newline")));
    assert!(store.contains_password("naïve").unwrap());
    assert!(store.contains_password("ﬁsh").unwrap());
}

#[test]
fn a_forty_hex_digit_password_is_plaintext_when_told_so() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    let hex = sha1_hex(b"password");
    import_text(&store_path, &format!("{hex}\n"), &plaintext()).unwrap();
    let store = BreachStore::open(&store_path).unwrap();
    assert!(store.contains_password(&hex).unwrap());
    assert!(!store.contains_password("password").unwrap());
}

#[test]
fn importing_the_same_corpus_again_leaves_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    let corpus_path = dir.path().join("corpus.txt");
    fs::write(&corpus_path, hibp_corpus(0..3_000)).unwrap();
    let first = import_path(&store_path, &corpus_path, &defaults()).unwrap();
    assert_eq!(first.added(), 3_000);
    let bytes = fs::read(&store_path).unwrap();

    let again = import_path(&store_path, &corpus_path, &defaults()).unwrap();
    assert_eq!((again.added(), again.entries), (0, 3_000));
    assert_eq!(fs::read(&store_path).unwrap(), bytes, "byte-identical");
    assert_eq!(again.digest, first.digest);

    // A union: an overlapping corpus adds only what is new.
    let more = import_text(&store_path, &hibp_corpus(2_000..4_000), &defaults()).unwrap();
    assert_eq!(
        (more.entries_before, more.added(), more.entries),
        (3_000, 1_000, 4_000)
    );
    let union = fs::read(&store_path).unwrap();
    import_path(&store_path, &corpus_path, &defaults()).unwrap();
    assert_eq!(fs::read(&store_path).unwrap(), union);
    let store = BreachStore::open(&store_path).unwrap();
    assert!((0..4_000).all(|i| store.contains(&generated(i)).unwrap()));
    store.verify().unwrap();
}

#[test]
fn replace_keeps_only_the_new_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    import_text(&store_path, &hibp_corpus(0..100), &defaults()).unwrap();
    let options = ImportOptions {
        replace: true,
        ..defaults()
    };
    let summary = import_text(&store_path, &hibp_corpus(100..150), &options).unwrap();
    assert_eq!((summary.entries_before, summary.entries), (0, 50));
    let store = BreachStore::open(&store_path).unwrap();
    assert!(!store.contains(&generated(0)).unwrap());
    assert!(store.contains(&generated(120)).unwrap());
}

#[test]
fn a_corrupt_store_is_not_merged_into_but_may_be_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    fs::write(&store_path, b"not a store").unwrap();
    let error = import_text(&store_path, &hibp_corpus(0..10), &defaults()).unwrap_err();
    assert!(matches!(error, Error::Corrupt { .. }), "{error:?}");
    assert_eq!(fs::read(&store_path).unwrap(), b"not a store", "left alone");
    let options = ImportOptions {
        replace: true,
        ..defaults()
    };
    let summary = import_text(&store_path, &hibp_corpus(0..10), &options).unwrap();
    assert_eq!(summary.entries, 10);
}

/// Imports `corpus` from a file, answering `Break` to the first progress report at or past
/// `stop_at` lines read.
fn interrupted(store: &Path, corpus: &Path, options: &ImportOptions, stop_at: u64) -> Progress {
    let mut last = None;
    let error = import(store, Source::File(corpus), options, &mut |progress| {
        last = Some(*progress);
        if progress.counts.lines >= stop_at {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .unwrap_err();
    assert!(matches!(error, Error::Interrupted), "{error:?}");
    last.unwrap()
}

#[test]
fn an_interrupted_import_resumes_from_its_last_checkpoint() {
    let dir = tempfile::tempdir().unwrap();
    let corpus_path = dir.path().join("corpus.txt");
    fs::write(&corpus_path, hibp_corpus(0..10_000)).unwrap();
    // Two stores that start the same (same padding key), so their files can be compared.
    let one_shot = dir.path().join("one-shot").join("breached.pgbs");
    let resumed = dir.path().join("resumed").join("breached.pgbs");
    fs::create_dir(one_shot.parent().unwrap()).unwrap();
    fs::create_dir(resumed.parent().unwrap()).unwrap();
    import_text(&one_shot, &hibp_corpus(50_000..50_010), &defaults()).unwrap();
    fs::copy(&one_shot, &resumed).unwrap();
    let options = ImportOptions {
        checkpoint_lines: 2_000,
        ..defaults()
    };
    import_path(&one_shot, &corpus_path, &options).unwrap();

    // Stopped 96 lines after the checkpoint at 4 000: those lines reached the spills but
    // not the manifest.
    let stopped = interrupted(&resumed, &corpus_path, &options, 4_096);
    assert_eq!(
        (stopped.counts.lines, stopped.checkpointed_lines),
        (4_096, 4_000)
    );
    let manifest = fs::read_to_string(staging(&resumed).join("manifest.json")).unwrap();
    assert!(manifest.contains("\"consumed_bytes\""), "{manifest}");
    let before = BreachStore::open(&resumed).unwrap();
    assert_eq!(before.len(), 10, "the store is untouched until the merge");

    let summary = import_path(&resumed, &corpus_path, &options).unwrap();
    assert_eq!(summary.resumed_after_line, Some(4_000));
    assert_eq!(summary.counts.lines, 10_000);
    assert_eq!(
        summary.counts.fingerprints, 10_000,
        "lines after the checkpoint were read once, not twice"
    );
    assert_eq!(summary.entries, 10_010);
    assert_eq!(fs::read(&resumed).unwrap(), fs::read(&one_shot).unwrap());
    assert!(!staging(&resumed).exists());
}

#[test]
fn a_changed_file_or_other_options_start_over() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    let corpus_path = dir.path().join("corpus.txt");
    fs::write(&corpus_path, hibp_corpus(0..6_000)).unwrap();
    let options = ImportOptions {
        checkpoint_lines: 2_000,
        ..defaults()
    };
    interrupted(&store_path, &corpus_path, &options, 4_000);
    let skipping = ImportOptions {
        skip_invalid: true,
        ..options.clone()
    };
    interrupted(&store_path, &corpus_path, &skipping, 2_000);
    // Other options than the checkpoint's: not resumed.
    let summary = import_path(&store_path, &corpus_path, &options).unwrap();
    assert_eq!(summary.resumed_after_line, None);
    assert_eq!(summary.counts.lines, 6_000);

    interrupted(&store_path, &corpus_path, &options, 4_000);
    fs::write(&corpus_path, hibp_corpus(6_000..12_000)).unwrap();
    let summary = import_path(&store_path, &corpus_path, &options).unwrap();
    assert_eq!(summary.resumed_after_line, None, "another file now");
    assert_eq!(
        (summary.counts.fingerprints, summary.entries),
        (6_000, 12_000)
    );
}

/// Yields `good` bytes of the inner reader, then fails.
struct Failing<R> {
    inner: R,
    left: usize,
}

impl<R: Read> Read for Failing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Err(io::Error::other("the disk went away"));
        }
        let n = buf.len().min(self.left);
        let read = self.inner.read(&mut buf[..n])?;
        self.left -= read;
        Ok(read)
    }
}

#[test]
fn a_reader_failing_midway_is_an_error_and_the_next_import_starts_over() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    let corpus = hibp_corpus(0..5_000);
    let mut failing = BufReader::with_capacity(
        512,
        Failing {
            inner: corpus.as_bytes(),
            left: corpus.len() / 2,
        },
    );
    let error = import(
        &store_path,
        Source::Reader(&mut failing),
        &defaults(),
        &mut |_| ControlFlow::Continue(()),
    )
    .unwrap_err();
    assert!(
        matches!(&error, Error::Io { source, .. } if source.to_string() == "the disk went away"),
        "{error:?}"
    );
    assert!(error.to_string().starts_with("reading -:"), "{error}");
    assert!(!store_path.exists());
    assert!(!staging(&store_path).exists(), "a reader cannot be resumed");
    let summary = import_text(&store_path, &corpus, &defaults()).unwrap();
    assert_eq!((summary.resumed_after_line, summary.entries), (None, 5_000));
}

#[test]
fn progress_is_reported_while_reading_and_merging() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    let corpus_path = dir.path().join("corpus.txt");
    fs::write(&corpus_path, hibp_corpus(0..10_000)).unwrap();
    let size = fs::metadata(&corpus_path).unwrap().len();
    let mut reports = Vec::new();
    import(
        &store_path,
        Source::File(&corpus_path),
        &defaults(),
        &mut |p| {
            reports.push(*p);
            ControlFlow::Continue(())
        },
    )
    .unwrap();
    let reading: Vec<_> = reports
        .iter()
        .filter(|p| p.phase == Phase::Reading)
        .collect();
    assert_eq!(
        reading.iter().map(|p| p.counts.lines).collect::<Vec<_>>(),
        [4096, 8192]
    );
    assert!(
        reading
            .iter()
            .all(|p| p.total_bytes == Some(size) && p.bytes < size)
    );
    let merging: Vec<_> = reports
        .iter()
        .filter_map(|p| match p.phase {
            Phase::Merging { done } => Some(done),
            Phase::Reading => None,
        })
        .collect();
    assert_eq!(merging, (1..=256).collect::<Vec<_>>());
    assert_eq!(reports.last().unwrap().bytes, size);
}

#[test]
fn one_import_at_a_time_into_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    let corpus = hibp_corpus(0..5_000);
    let mut reader = corpus.as_bytes();
    let mut inner = None;
    import(
        &store_path,
        Source::Reader(&mut reader),
        &defaults(),
        &mut |_| {
            if inner.is_none() {
                inner = Some(import_text(&store_path, "password\n", &defaults()));
            }
            ControlFlow::Continue(())
        },
    )
    .unwrap();
    let error = inner.unwrap().unwrap_err();
    assert!(matches!(error, Error::Busy(_)), "{error:?}");
    assert!(error.to_string().contains("another import"), "{error}");
}

#[test]
fn a_store_in_a_missing_directory_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("missing").join("breached.pgbs");
    let error = import_text(&store_path, "password\n", &defaults()).unwrap_err();
    assert!(
        matches!(
            error,
            Error::Io {
                action: "creating",
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("missing/breached.pgbs.import"),
        "{error}"
    );
    assert!(!dir.path().join("missing").exists(), "no directory made up");
}

#[test]
fn a_resumed_import_keeps_the_format_it_started_with() {
    let dir = tempfile::tempdir().unwrap();
    let store_path = dir.path().join("breached.pgbs");
    let corpus_path = dir.path().join("corpus.txt");
    // HIBP-looking lines that are passwords here.
    fs::write(&corpus_path, hibp_corpus(0..5_000)).unwrap();
    let options = ImportOptions {
        checkpoint_lines: 2_000,
        ..plaintext()
    };
    interrupted(&store_path, &corpus_path, &options, 2_000);
    let summary = import_path(&store_path, &corpus_path, &defaults()).unwrap();
    assert_eq!(summary.resumed_after_line, Some(2_000));
    assert_eq!(summary.format, Format::Plaintext);
    let store = BreachStore::open(&store_path).unwrap();
    assert!(!store.contains(&generated(4_999)).unwrap());
}
