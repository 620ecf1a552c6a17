//! `passguard breach import` as a user runs it: real processes reading a corpus from a file
//! or from stdin into a store in a temporary directory.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use passguard_breach::BreachStore;

fn passguard(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_passguard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("passguard starts");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || pipe.write_all(&input));
    let output = child.wait_with_output().unwrap();
    let fed = feeder.join().unwrap();
    assert!(
        fed.is_ok() || output.status.code() == Some(2),
        "stdin: {fed:?}"
    );
    output
}

fn import(store: &Path, extra: &[&str], stdin: &[u8]) -> Output {
    let mut args = vec!["breach", "import", "--store", store.to_str().unwrap()];
    args.extend_from_slice(extra);
    passguard(&args, stdin)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const HIBP: &str = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:10434004\r\n\
                    7c4a8d09ca3762af61e59520943dc26494f8941b:3\r\n";

#[test]
fn a_corpus_from_a_file_then_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("breached.pgbs");
    let corpus = dir.path().join("rockyou-like.txt");
    std::fs::write(&corpus, "iloveyou\r\nprincess\nｐａｓｓｗｏｒｄ\n").unwrap();

    let output = import(&store, &[corpus.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        output.stderr.is_empty(),
        "no bar off a terminal: {}",
        stderr(&output)
    );
    let line = stdout(&output);
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(
        line.contains("3 lines read as plaintext, 4 entries added, 4 in total"),
        "{line}"
    );
    assert!(line.contains("bytes/entry"), "{line}");

    let output = import(&store, &["-"], HIBP.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let line = stdout(&output);
    assert!(
        line.contains("2 lines read as hibp, 1 entries added, 5 in total"),
        "\"password\" came with the full-width line's NFKC form: {line}"
    );

    let opened = BreachStore::open(&store).unwrap();
    for password in [
        "iloveyou",
        "princess",
        "password",
        "123456",
        "ｐａｓｓｗｏｒｄ",
    ] {
        assert!(opened.contains_password(password).unwrap(), "{password}");
    }
    assert!(!opened.contains_password("iloveyou\r").unwrap());
    let bytes = std::fs::read(&store).unwrap();

    let again = import(&store, &[corpus.to_str().unwrap()], b"");
    assert!(
        stdout(&again).contains("0 entries added, 5 in total"),
        "{}",
        stdout(&again)
    );
    assert_eq!(std::fs::read(&store).unwrap(), bytes, "byte-identical");
    assert!(!dir.path().join("breached.pgbs.import").exists());
}

#[test]
fn an_invalid_line_exits_2_naming_it_unless_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("breached.pgbs");
    let corpus = format!("{HIBP}not a hash\r\n");
    let output = import(&store, &["--format", "hibp", "-"], corpus.as_bytes());
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.starts_with("passguard: error: -: line 3: expected a SHA-1 of 40 hex digits"),
        "{message}"
    );
    assert!(message.contains("--skip-invalid"), "{message}");
    assert!(!store.exists());

    let output = import(&store, &["--skip-invalid", "-"], corpus.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("2 in total, ")
            && stdout(&output).contains("; 1 invalid lines skipped"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_store_that_is_not_one_is_refused_unless_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("breached.pgbs");
    std::fs::write(&store, "hello").unwrap();
    let output = import(&store, &["-"], HIBP.as_bytes());
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("not a usable breach store"), "{message}");
    assert!(message.contains("--replace"), "{message}");
    let output = import(&store, &["--replace", "-"], HIBP.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(BreachStore::open(&store).unwrap().len(), 2);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("breached.pgbs");
    let no_store = passguard(&["breach", "import", "-"], b"");
    assert_eq!(no_store.status.code(), Some(2));
    assert!(
        stderr(&no_store).contains("--store"),
        "{}",
        stderr(&no_store)
    );
    let missing = import(&store, &["/nonexistent/corpus.txt"], b"");
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("opening /nonexistent/corpus.txt"),
        "{}",
        stderr(&missing)
    );
    let ntlm = import(&store, &["-"], b"8846F7EAEE8FB117AD06BDD830B7586C:1\n");
    assert_eq!(ntlm.status.code(), Some(2));
    assert!(
        stderr(&ntlm).contains("line 1: 32 hex digits look like an NTLM hash"),
        "{}",
        stderr(&ntlm)
    );
}

#[test]
fn check_decides_not_breached_with_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("breached.pgbs");
    let output = import(
        &store,
        &["--format", "plaintext", "-"],
        "Tr0ub4dor&3xyz\nfull-width-target\n".as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let policy = dir.path().join("policy.toml");
    std::fs::write(
        &policy,
        "name = \"breach\"\n[password]\nmin_length = 8\nbreached = \"block\"\n",
    )
    .unwrap();
    let policy = policy.to_str().unwrap();
    let statuses = |output: &Output| -> Vec<String> {
        stdout(output)
            .lines()
            .map(|line| {
                let report: serde_json::Value = serde_json::from_str(line).unwrap();
                let rule = report["rules"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|r| r["id"] == "not-breached")
                    .unwrap()
                    .clone();
                rule["status"].as_str().unwrap().to_owned()
            })
            .collect()
    };
    let input = "Tr0ub4dor&3xyz\nsomething-else-entirely\nｆｕｌｌ－ｗｉｄｔｈ－ｔａｒｇｅｔ\n";
    let store_arg = store.to_str().unwrap();
    let decided = passguard(
        &[
            "check",
            "--json",
            "--policy",
            policy,
            "--breach-store",
            store_arg,
        ],
        input.as_bytes(),
    );
    assert_eq!(decided.status.code(), Some(1), "{}", stderr(&decided));
    assert_eq!(statuses(&decided), ["fail", "pass", "fail"]);
    // Without a store nobody can decide: pending, which does not refuse.
    let pending = passguard(&["check", "--json", "--policy", policy], input.as_bytes());
    assert_eq!(pending.status.code(), Some(0), "{}", stderr(&pending));
    assert_eq!(statuses(&pending), ["pending", "pending", "pending"]);
    // A store that is no store is a usage error naming the flag.
    let bogus = dir.path().join("bogus.pgbs");
    std::fs::write(&bogus, "not a store").unwrap();
    let refused = passguard(
        &[
            "check",
            "--policy",
            policy,
            "--breach-store",
            bogus.to_str().unwrap(),
        ],
        b"x\n",
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("--breach-store"),
        "{}",
        stderr(&refused)
    );
}
