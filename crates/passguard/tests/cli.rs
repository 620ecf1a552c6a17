//! The `passguard` binary as a user runs it: real processes, stdin in, stdout and exit code out.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn passguard(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_passguard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("passguard starts");
    // Feed stdin from a thread: the child's output must be drained meanwhile, or both block.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || pipe.write_all(&input));
    let output = child.wait_with_output().unwrap();
    let fed = feeder.join().unwrap();
    // A child that exits before reading everything (bad usage) legitimately breaks the pipe.
    assert!(
        fed.is_ok() || output.status.code() == Some(2),
        "stdin: {fed:?}"
    );
    output
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect()
}

fn status_of(report: &Value, id: &str) -> String {
    let rule = report["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id);
    rule.map_or_else(
        || "absent".to_owned(),
        |r| r["status"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn the_seed_verdicts_for_security_admin() {
    let input = "Xyz<wxyz\nAa1😀😀😀😀😀\nPassw0rd\n";
    let output = passguard(
        &["check", "--policy", "security-admin", "--json"],
        input.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(1), "one password is rejected");
    assert!(
        output.stderr.is_empty(),
        "nothing on stderr: {:?}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reports = json_lines(&output);
    assert_eq!(reports.len(), 3);
    for (index, report) in reports.iter().enumerate() {
        assert_eq!(report["password_index"], index);
    }
    assert_eq!(status_of(&reports[0], "character-groups"), "fail");
    assert_eq!(reports[0]["accepted"], false);
    assert_eq!(status_of(&reports[1], "min-length"), "pass");
    assert_eq!(
        reports[1]["rules"][0]["params"]["actual"], 8,
        "8 code points, not 13 UTF-16 units"
    );
    assert_eq!(reports[1]["accepted"], true);
    assert_eq!(status_of(&reports[2], "not-reused"), "pending");
    assert_eq!(
        status_of(&reports[2], "not-personal"),
        "absent",
        "security-admin has no such rule"
    );
}

#[test]
fn exit_zero_when_every_password_is_accepted_and_for_empty_input() {
    let output = passguard(
        &["check", "--policy", "owasp-asvs"],
        b"a long enough one\r\nanother long one\n",
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with("password 1: accepted (strength "),
        "{text}"
    );
    assert!(
        lines[1].starts_with("password 2: accepted (strength "),
        "{text}"
    );
    let weak = passguard(&["check", "--policy", "security-admin"], b"Passw0rd\n");
    let weak = String::from_utf8(weak.stdout).unwrap();
    assert!(
        weak.starts_with("password 1: accepted (strength 0/4)"),
        "{weak}"
    );
    assert_eq!(passguard(&["check"], b"").status.code(), Some(0));
}

#[test]
fn crlf_line_ends_are_not_part_of_the_password() {
    let output = passguard(
        &["check", "--policy", "security-admin", "--json"],
        b"Abcdefg1\r\nAbcdef1\r\n",
    );
    let reports = json_lines(&output);
    assert_eq!(reports[0]["rules"][0]["params"]["actual"], 8);
    assert_eq!(reports[1]["rules"][0]["params"]["actual"], 7);
    let last = passguard(
        &["check", "--policy", "security-admin", "--json"],
        b"Abcdefg1",
    );
    assert_eq!(
        json_lines(&last)[0]["rules"][0]["params"]["actual"],
        8,
        "no final newline"
    );
}

#[test]
fn a_line_that_is_not_utf8_is_reported_and_the_rest_still_checked() {
    let output = passguard(
        &["check", "--policy", "owasp-asvs", "--json"],
        b"fine password\n\xff\xfeabc\nfine again!\n",
    );
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["error"], "invalid-utf8");
    assert_eq!(lines[1]["accepted"], false);
    assert_eq!(lines[2]["accepted"], true);
}

#[test]
fn a_huge_line_is_answered_without_buffering_it_whole() {
    let mut input = vec![b'a'; 3 * 1024 * 1024];
    input.extend_from_slice(b"\nshort but fine!!\n");
    let output = passguard(&["check", "--policy", "owasp-asvs", "--json"], &input);
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["error"], "line-too-long");
    assert_eq!(lines[1]["accepted"], true);
}

#[test]
fn context_flags_reach_the_rules() {
    let output = passguard(
        &[
            "check",
            "--policy",
            "security-admin",
            "--current",
            "Passw0rd!",
            "--json",
        ],
        b"Passw0rd!\n",
    );
    assert_eq!(status_of(&json_lines(&output)[0], "not-current"), "fail");
}

#[test]
fn every_preset_shows_as_toml_that_validates_back() {
    for name in [
        "security-admin",
        "partner-portal",
        "nist-800-63b",
        "owasp-asvs",
    ] {
        let shown = passguard(&["policy", "show", name], b"");
        assert_eq!(shown.status.code(), Some(0));
        let dir = std::env::temp_dir().join(format!("passguard-cli-{}-{name}", std::process::id()));
        std::fs::write(&dir, &shown.stdout).unwrap();
        let validated = passguard(&["policy", "validate", dir.to_str().unwrap()], b"");
        assert_eq!(validated.status.code(), Some(0), "{name}");
        std::fs::remove_file(dir).unwrap();
    }
}

#[test]
fn bad_policies_and_usage_exit_2_with_one_line_naming_the_problem() {
    let dir = std::env::temp_dir();
    let cases: [(&str, &str, &str); 4] = [
        (
            "bad.toml",
            "name = \"x\"\n[password]\nmin_length = 20\nmax_length = 10\n",
            "password.min_length",
        ),
        (
            "bad.json",
            "{\"name\": \"x\", \"password\": {\"min_length\": \"8\"}}",
            "password.min_length",
        ),
        (
            "bad2.json",
            "{\"name\": \"x\"} trailing",
            "trailing characters",
        ),
        (
            "unknown.toml",
            "name = \"x\"\nlockout = { unlock = \"soon\" }\n",
            "lockout.unlock",
        ),
    ];
    for (file, text, expected) in cases {
        let path = dir.join(format!("passguard-cli-{}-{file}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        for args in [
            vec!["policy", "validate", path.to_str().unwrap()],
            vec!["check", "--policy", path.to_str().unwrap()],
        ] {
            let output = passguard(&args, b"x\n");
            assert_eq!(output.status.code(), Some(2), "{file}");
            let stderr = String::from_utf8(output.stderr).unwrap();
            assert!(stderr.contains(expected), "{file}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
            assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"));
            assert!(output.stdout.is_empty());
        }
        std::fs::remove_file(path).unwrap();
    }
    let unknown = passguard(&["check", "--policy", "no-such-preset"], b"");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8(unknown.stderr)
            .unwrap()
            .contains("security-admin, partner-portal")
    );
    assert_eq!(
        passguard(&["check", "--no-such-flag"], b"").status.code(),
        Some(2)
    );
}

#[test]
fn no_progress_bar_when_stdout_is_not_a_terminal() {
    let input = "Passw0rd!\n".repeat(20_000);
    let output = passguard(&["check", "--policy", "security-admin"], input.as_bytes());
    assert!(output.stderr.is_empty(), "stderr must stay clean for pipes");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap().lines().count(),
        20_000
    );
}

#[test]
fn audit_exits_by_the_shall_findings() {
    let security_admin = passguard(&["policy", "audit", "security-admin", "--json"], b"");
    assert_eq!(security_admin.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&security_admin.stdout).unwrap();
    assert_eq!(report["conforms"], false);
    let ids: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    for expected in [
        "nist-composition",
        "nist-periodic-change",
        "nist-security-questions",
        "nist-min-length",
        "nist-recovery-lifetime",
        "nist-printable-ascii",
    ] {
        assert!(ids.contains(&expected), "{expected} in {ids:?}");
    }
    let nist = passguard(&["policy", "audit", "nist-800-63b"], b"");
    assert_eq!(nist.status.code(), Some(0));
    assert!(
        String::from_utf8(nist.stdout)
            .unwrap()
            .starts_with("nist-800-63b: 0 NIST")
    );
    let recommendation_only =
        passguard(&["policy", "audit", "owasp-asvs", "--asvs-level", "3"], b"");
    assert_eq!(
        recommendation_only.status.code(),
        Some(1),
        "8 < 15 is a NIST SHALL"
    );
    assert_eq!(
        passguard(&["policy", "audit", "no-such-policy"], b"")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        passguard(
            &["policy", "audit", "nist-800-63b", "--asvs-level", "4"],
            b""
        )
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn messages_and_explanations_in_the_chosen_language() {
    let german = passguard(
        &[
            "check",
            "--policy",
            "security-admin",
            "--locale",
            "de",
            "--json",
        ],
        b"Abc1\n",
    );
    let report = &json_lines(&german)[0];
    assert_eq!(
        report["rules"][0]["message"],
        "Verwenden Sie mindestens 8 Zeichen (bisher 4)."
    );
    let french = passguard(
        &[
            "policy",
            "audit",
            "security-admin",
            "--locale",
            "fr-CA",
            "--json",
        ],
        b"",
    );
    let audit: Value = serde_json::from_slice(&french.stdout).unwrap();
    let explanation = audit["findings"][0]["explanation"].as_str().unwrap();
    assert!(
        explanation.starts_with("Un mot de passe utilisé comme seul facteur"),
        "{explanation}"
    );
    let unknown = passguard(&["check", "--locale", "it"], b"");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8(unknown.stderr)
            .unwrap()
            .contains("use en, de or fr")
    );
}
