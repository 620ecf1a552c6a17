//! Reading stores built by real imports into temporary directories: lookups, range answers,
//! and refusing files that are corrupt or truncated.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{defaults, generated, hibp_corpus, import_text};
use passguard_breach::format::{ENTRIES_OFFSET, HEADER_BYTES};
use passguard_breach::{BreachStore, Error, Fingerprint};

const N: u64 = 5_000;

fn built(dir: &Path) -> PathBuf {
    let path = dir.join("breached.pgbs");
    import_text(&path, &hibp_corpus(0..N), &defaults()).unwrap();
    path
}

#[test]
fn the_file_round_trips_every_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("breached.pgbs");
    let summary = import_text(&path, &hibp_corpus(0..N), &defaults()).unwrap();
    assert_eq!((summary.entries_before, summary.entries), (0, N));
    let store = BreachStore::open(&path).unwrap();
    assert_eq!(store.len(), N);
    assert_eq!(store.file_len(), ENTRIES_OFFSET + 5 * N);
    assert_eq!(fs::metadata(&path).unwrap().len(), store.file_len());
    assert_eq!(store.digest(), summary.digest);
    assert_eq!(store.digest_hex().len(), 64);
    store.verify().unwrap();
    for i in 0..N {
        assert!(store.contains(&generated(i)).unwrap(), "entry {i}");
    }
    let absent = (N..N + 20_000)
        .filter(|&i| store.contains(&generated(i)).unwrap())
        .count();
    assert_eq!(absent, 0, "false positives are 2^-60 each");
    assert!(!store.contains_password("password").unwrap());
    assert!(
        fs::read_dir(dir.path()).unwrap().count() == 1,
        "the staging directory is gone"
    );
}

#[test]
fn passwords_are_found_as_typed_or_in_their_nfkc_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("breached.pgbs");
    import_text(&path, "password\n", &defaults()).unwrap();
    let store = BreachStore::open(&path).unwrap();
    assert!(store.contains_password("password").unwrap());
    // Full-width letters normalise to "password": found through the NFKC form.
    assert!(store.contains_password("ｐａｓｓｗｏｒｄ").unwrap());
    assert!(
        !store
            .contains(&Fingerprint::of("ｐａｓｓｗｏｒｄ"))
            .unwrap()
    );
    assert!(
        !store.contains_password("Password").unwrap(),
        "never case-folded"
    );
}

/// The 40 bits after the prefix 00000 of the `i`th of the crowded bucket's entries.
fn crowded_suffix(i: u64) -> u64 {
    i * 0x1_2345_6789 + 7
}

fn check_answer(store: &BreachStore, prefix: &str) -> Vec<String> {
    let answer = store.range(prefix).unwrap();
    let lines: Vec<String> = answer.lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), store.padded_lines() as usize, "{prefix}");
    assert_eq!(answer.len(), lines.len() * 11, "10 digits and \\n a line");
    assert!(answer.ends_with('\n'));
    for line in &lines {
        assert!(
            line.len() == 10
                && line
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)),
            "{line:?}"
        );
    }
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "sorted, no repeat");
    assert_eq!(store.range(prefix).unwrap(), answer, "the same every time");
    lines
}

#[test]
fn range_answers_are_padded_sorted_and_hold_every_real_suffix() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("breached.pgbs");
    // 40 entries under the prefix 00000 make the largest bucket, so every answer has 64 lines.
    let crowded: String = (0..40u64)
        .map(|i| format!("00000{:010X}{}\n", crowded_suffix(i), "0".repeat(25)))
        .collect();
    let corpus = format!("{crowded}{}", hibp_corpus(0..N));
    import_text(&path, &corpus, &defaults()).unwrap();
    import_text(&path, "password\n", &defaults()).unwrap();
    let store = BreachStore::open(&path).unwrap();
    assert_eq!(store.max_bucket(), 40);
    assert_eq!(store.padded_lines(), 64);

    let lines = check_answer(&store, "5BAA6");
    assert!(lines.contains(&"1E4C9B93F3".to_owned()), "{lines:?}");
    assert_eq!(check_answer(&store, "5baa6"), lines, "either case");

    let crowded_lines = check_answer(&store, "00000");
    let real: Vec<String> = (0..40u64)
        .map(|i| format!("{:010X}", crowded_suffix(i)))
        .collect();
    for suffix in &real {
        assert!(crowded_lines.contains(suffix), "{suffix}");
    }
    // Every generated entry's suffix is in the answer for its prefix.
    for i in (0..N).step_by(97) {
        let fingerprint = generated(i);
        let lines = check_answer(&store, &fingerprint.prefix_hex());
        assert!(lines.contains(&fingerprint.suffix_hex()), "entry {i}");
    }
    // Prefixes differ in their padding.
    assert_ne!(check_answer(&store, "FFFFF"), check_answer(&store, "FFFFE"));
}

#[test]
fn a_range_prefix_is_five_hex_digits() {
    let dir = tempfile::tempdir().unwrap();
    let store = BreachStore::open(built(dir.path())).unwrap();
    for prefix in [
        "", "5BAA", "5BAA61", "5BAG6", " 5BAA", "5BAA\n", "５BAA6", "+5BAA",
    ] {
        assert!(
            matches!(store.range(prefix), Err(Error::InvalidPrefix)),
            "{prefix:?}"
        );
    }
}

#[test]
fn an_empty_store_answers_padding_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("breached.pgbs");
    let summary = import_text(&path, "", &defaults()).unwrap();
    assert_eq!(summary.entries, 0);
    let store = BreachStore::open(&path).unwrap();
    assert!(store.is_empty());
    assert_eq!(store.padded_lines(), 32);
    check_answer(&store, "5BAA6");
    assert!(!store.contains_password("password").unwrap());
    store.verify().unwrap();
}

/// Opens a copy of a good store damaged by `damage`, expecting a refusal naming `expected`.
fn refused(good: &Path, name: &str, damage: impl FnOnce(&mut Vec<u8>), expected: &str) {
    let mut bytes = fs::read(good).unwrap();
    damage(&mut bytes);
    let path = good.with_file_name(name);
    fs::write(&path, &bytes).unwrap();
    let error = BreachStore::open(&path).unwrap_err();
    assert!(matches!(error, Error::Corrupt { .. }), "{name}: {error:?}");
    let message = error.to_string();
    assert!(message.contains(expected), "{name}: {message}");
    assert!(message.contains(name), "{name}: names the file: {message}");
}

fn put_u32(bytes: &mut [u8], at: usize, value: u32) {
    bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
}

fn get_u32(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
}

#[test]
fn corrupt_or_truncated_files_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let good = built(dir.path());
    refused(&good, "empty", Vec::clear, "truncated");
    refused(&good, "header-only", |b| b.truncate(100), "truncated");
    refused(
        &good,
        "short-table",
        |b| b.truncate(HEADER_BYTES + 1000),
        "truncated",
    );
    refused(
        &good,
        "short-by-one",
        |b| {
            b.pop();
        },
        "truncated",
    );
    refused(&good, "trailing", |b| b.push(0), "trailing bytes");
    refused(&good, "magic", |b| b[0] = b'X', "magic");
    refused(&good, "version", |b| b[8] = 9, "version 9");
    refused(&good, "params", |b| b[11] = 48, "unsupported parameters");
    refused(&good, "entries", |b| b[16] ^= 1, "bytes, but");
    refused(&good, "padded", |b| put_u32(b, 28, 4096), "padded lines");
    refused(
        &good,
        "max-bucket",
        |b| {
            let max = get_u32(b, 24);
            put_u32(b, 24, max + 1);
            put_u32(b, 28, (max + 1).div_ceil(32) * 32);
        },
        "largest bucket",
    );
    refused(
        &good,
        "table-start",
        |b| put_u32(b, HEADER_BYTES, 1),
        "start at entry 0",
    );
    // Bucket 1's start moved past bucket 2's: the table decreases.
    refused(
        &good,
        "table-order",
        |b| {
            let next = get_u32(b, HEADER_BYTES + 8);
            put_u32(b, HEADER_BYTES + 4, next + 3);
        },
        "decreases at bucket 00001",
    );
    refused(
        &good,
        "table-end",
        |b| {
            let at = HEADER_BYTES + 4 * (1 << 20);
            let end = get_u32(b, at);
            put_u32(b, at, end + 1);
        },
        "ends at",
    );
    refused(
        &good,
        "noise",
        |b| {
            for (i, byte) in b.iter_mut().enumerate() {
                *byte = (i * 31 % 251) as u8;
            }
        },
        "magic",
    );
}

#[test]
fn verify_finds_damaged_entries() {
    let dir = tempfile::tempdir().unwrap();
    let good = built(dir.path());
    let mut bytes = fs::read(&good).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    let flipped = dir.path().join("flipped");
    fs::write(&flipped, &bytes).unwrap();
    let store = BreachStore::open(&flipped).expect("the header and table are intact");
    let error = store.verify().unwrap_err().to_string();
    assert!(
        error.contains("digest") || error.contains("not sorted"),
        "{error}"
    );

    // Two entries of one bucket swapped: out of order.
    let mut bytes = fs::read(&good).unwrap();
    let at = ENTRIES_OFFSET as usize;
    // Find a bucket with two entries by scanning the table.
    let table_at = HEADER_BYTES;
    let bucket = (0..1usize << 20)
        .find(|&b| get_u32(&bytes, table_at + 4 * (b + 1)) - get_u32(&bytes, table_at + 4 * b) >= 2)
        .unwrap();
    let first = at + 5 * get_u32(&bytes, table_at + 4 * bucket) as usize;
    let (a, b) = bytes[first..first + 10].split_at(5);
    let swapped = [b, a].concat();
    bytes[first..first + 10].copy_from_slice(&swapped);
    let unsorted = dir.path().join("unsorted");
    fs::write(&unsorted, &bytes).unwrap();
    let error = BreachStore::open(&unsorted).unwrap().verify().unwrap_err();
    assert!(
        error
            .to_string()
            .contains(&format!("bucket {bucket:05X} is not sorted")),
        "{error}"
    );
}

#[test]
fn a_file_truncated_after_opening_fails_lookups_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let path = built(dir.path());
    let store = BreachStore::open(&path).unwrap();
    fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(ENTRIES_OFFSET)
        .unwrap();
    let found: Vec<_> = (0..50).map(|i| store.contains(&generated(i))).collect();
    assert!(found.iter().all(Result::is_err), "{found:?}");
    assert!(matches!(
        store.range(&generated(0).prefix_hex()),
        Err(Error::Io { .. })
    ));
    assert!(store.verify().is_err());
}

#[test]
fn one_open_store_serves_every_thread() {
    fn shared<T: Send + Sync>(_: &T) {}
    let dir = tempfile::tempdir().unwrap();
    let store = BreachStore::open(built(dir.path())).unwrap();
    shared(&store);
    let store = std::sync::Arc::new(store);
    let threads: Vec<_> = (0..4u64)
        .map(|t| {
            let store = std::sync::Arc::clone(&store);
            std::thread::spawn(move || {
                (t * 1_000..(t + 1) * 1_000).all(|i| store.contains(&generated(i)).unwrap())
            })
        })
        .collect();
    assert!(threads.into_iter().all(|t| t.join().unwrap()));
}

/// SplitMix64: a deterministic stream of damage.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[test]
fn random_damage_is_refused_or_harmless_never_a_panic() {
    use std::os::unix::fs::FileExt;

    let dir = tempfile::tempdir().unwrap();
    let path = built(dir.path());
    let good = fs::read(&path).unwrap();
    let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    let mut state = 99;
    let (mut refused, mut opened) = (0, 0);
    for round in 0..15 {
        // A few bytes in the header, the table or the entries.
        let region = [
            0..HEADER_BYTES,
            HEADER_BYTES..ENTRIES_OFFSET as usize,
            ENTRIES_OFFSET as usize..good.len(),
        ][round % 3]
            .clone();
        let damaged: Vec<usize> = (0..1 + next(&mut state) % 4)
            .map(|_| region.start + (next(&mut state) as usize) % region.len())
            .collect();
        for &at in &damaged {
            file.write_all_at(&[next(&mut state) as u8], at as u64)
                .unwrap();
        }
        match BreachStore::open(&path) {
            Err(error) => {
                assert!(matches!(error, Error::Corrupt { .. }), "{round}: {error:?}");
                refused += 1;
            }
            Ok(store) => {
                opened += 1;
                // Whatever was hit, lookups and answers neither panic nor misbehave.
                for i in 0..200 {
                    let _ = store.contains(&generated(i));
                }
                let _ = store.range("5BAA6");
                let _ = store.verify();
            }
        }
        for &at in &damaged {
            file.write_all_at(&good[at..=at], at as u64).unwrap();
        }
    }
    assert_eq!(fs::read(&path).unwrap(), good);
    assert!(
        refused > 0 && opened > 0,
        "{refused} refused, {opened} opened"
    );
}
