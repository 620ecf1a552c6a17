//! `passguard serve` and `passguard admin create` as an operator runs them: real processes
//! over HTTP, on SQLite and on PostgreSQL, with the OWASP Argon2 parameters, a real SMTP
//! server, two processes sharing one database, and `kill -9`.

#![allow(
    missing_docs,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[macro_use]
mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::json;
use support::{Backend, GOOD, World, answers, mailbox, token_of};

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

on_both_databases!(
    every_flow_end_to_end,
    twenty_parallel_redemptions_of_one_link,
    kill_nine_during_password_changes,
);

/// Bootstrap with the CLI, then every flow of SPEC §4 over HTTP, at the 48 h, 90 d and 7 d
/// boundaries.
async fn every_flow_end_to_end(backend: Backend) {
    let world = World::new(backend).await;
    let lines = world.admin_create("root", true, &[]);
    let link = lines.last().unwrap();
    assert!(
        link.starts_with("http://127.0.0.1:8080/register?token="),
        "{lines:?}"
    );
    let invitation = mailbox::to(&world.mail(), "root@example.com");
    assert_eq!(invitation.len(), 1);
    assert_eq!(invitation[0].token("register").unwrap(), token_of(link));

    let server = world.serve(&[]);
    let admin = server.client();
    let reply = admin
        .get(&format!("/api/register/{}", token_of(link)))
        .await;
    assert_eq!(reply.body["username"], "root");
    assert_eq!(
        admin.register(&token_of(link), GOOD[0]).await.status,
        StatusCode::CREATED
    );
    assert_eq!(admin.login("root", GOOD[0]).await.status, StatusCode::OK);
    assert_eq!(admin.get("/api/me").await.body["role"], "admin");
    assert_eq!(
        admin.get("/api/policy").await.body["name"],
        "security-admin"
    );
    // The standards audit answers exactly what `passguard policy audit --json` prints.
    let printed = std::process::Command::new(support::BIN)
        .args([
            "policy",
            "audit",
            "security-admin",
            "--json",
            "--asvs-level",
            "2",
        ])
        .output()
        .unwrap();
    assert_eq!(printed.status.code(), Some(1));
    let printed: serde_json::Value = serde_json::from_slice(&printed.stdout).unwrap();
    assert_eq!(
        admin.get("/api/policy/audit?asvs_level=2").await.body,
        printed
    );

    // The administrator invites ada; she registers from the e-mailed link.
    let reply = admin
        .post(
            "/api/admin/users",
            json!({"username": "ada", "email": "ada@example.com"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
    let mails = mailbox::wait_for(&world.mail(), "ada@example.com", 1).await;
    let token = mails[0].token("register").unwrap();
    assert!(
        mails[0]
            .text
            .contains(&format!("{}/register?token={token}", server.url))
    );
    assert!(mails[0].text.contains("Content-Type: text/html"));
    let ada = server.client();
    let reply = ada.register(&token, "password").await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.body["report"]["accepted"], false);
    assert_eq!(
        ada.register(&token, GOOD[1]).await.status,
        StatusCode::CREATED
    );

    // Lockout at exactly 5, indistinguishable from an unknown name, and the admin unlocks.
    let stranger = server.client();
    for attempt in 1..=6 {
        let before = stranger.verifications().await;
        let known = stranger.login("ada", "Wrong1!guess").await;
        let middle = stranger.verifications().await;
        let unknown = stranger.login("nobody", "Wrong1!guess").await;
        let after = stranger.verifications().await;
        assert_eq!(
            (middle - before, after - middle),
            (1, 1),
            "attempt {attempt}"
        );
        assert_eq!((known.status, &known.text), (unknown.status, &unknown.text));
        let expected = if attempt < 5 {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::LOCKED
        };
        assert_eq!(known.status, expected, "attempt {attempt}");
    }
    let known = stranger
        .post("/api/password/forgot", json!({"username": "ada"}))
        .await;
    let unknown = stranger
        .post("/api/password/forgot", json!({"username": "nobody"}))
        .await;
    assert_eq!((known.status, &known.text), (unknown.status, &unknown.text));
    let users = admin.get("/api/admin/users").await.body;
    let row = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["username"] == "ada")
        .unwrap();
    assert_eq!(
        (row["status"].as_str(), row["failed_logins"].as_i64()),
        (Some("locked"), Some(5))
    );
    let reply = admin
        .post("/api/admin/users/ada/reset-password", json!({}))
        .await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::CONFLICT, "locked")
    );
    assert_eq!(
        admin
            .post("/api/admin/users/ada/unlock", json!({}))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(ada.login("ada", GOOD[1]).await.status, StatusCode::OK);

    // 48 h minimum age, to the second.
    ada.advance(48 * HOUR - 1).await;
    assert_eq!(ada.login("ada", GOOD[1]).await.status, StatusCode::OK);
    let change = json!({"current_password": GOOD[1], "new_password": GOOD[2]});
    let reply = ada.post("/api/password/change", change.clone()).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::TOO_MANY_REQUESTS, "min-age")
    );
    ada.advance(1).await;
    let reply = ada.post("/api/password/change", change).await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");

    // 90-day expiry, to the second: then only a change is allowed.
    ada.advance(90 * DAY).await;
    assert_eq!(ada.login("ada", GOOD[2]).await.status, StatusCode::OK);
    ada.advance(1).await;
    let reply = ada.login("ada", GOOD[2]).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::FORBIDDEN, "password-expired")
    );
    assert_eq!(ada.get("/api/me").await.body["must_change_password"], true);
    let reply = ada
        .post(
            "/api/password/change",
            json!({"current_password": GOOD[2], "new_password": GOOD[3]}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{reply:?}");
    assert_eq!(ada.get("/api/me").await.body["status"], "active");

    // A forgotten password: the link lives 7 days, to the second.
    let reply = ada
        .post("/api/password/forgot", json!({"username": "ada"}))
        .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED);
    // ada has had her invitation and, while locked, a "contact an administrator" message.
    let mails = mailbox::wait_for(&world.mail(), "ada@example.com", 3).await;
    assert!(mails[1].subject.contains("locked"), "{}", mails[1].subject);
    assert_eq!(mails[1].token("reset"), None);
    let token = mails[2].token("reset").unwrap();
    ada.advance(7 * DAY).await;
    let reply = ada.get(&format!("/api/password/reset/{token}")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.body["security_questions"][0],
        "Name of your first pet?"
    );
    ada.advance(1).await;
    let reply = ada.get(&format!("/api/password/reset/{token}")).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::GONE, "token-expired")
    );
    ada.post("/api/password/forgot", json!({"email": "ada@example.com"}))
        .await;
    let mails = mailbox::wait_for(&world.mail(), "ada@example.com", 4).await;
    let token = mails[3].token("reset").unwrap();
    let reset = json!({"token": token, "answers": answers(), "new_password": GOOD[4]});
    assert_eq!(
        ada.post("/api/password/reset", reset.clone()).await.status,
        StatusCode::OK
    );
    let reply = ada.post("/api/password/reset", reset).await;
    assert_eq!(
        (reply.status, reply.error()),
        (StatusCode::GONE, "token-used")
    );

    assert_eq!(ada.login("ada", GOOD[4]).await.status, StatusCode::OK);
    assert_eq!(
        ada.post("/api/logout", json!({})).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(ada.get("/api/me").await.status, StatusCode::UNAUTHORIZED);
}

/// Twenty browsers redeem the same reset link at once: exactly one sets its password.
async fn twenty_parallel_redemptions_of_one_link(backend: Backend) {
    let world = World::new(backend).await;
    let link = world.admin_create("ada", false, &[]).pop().unwrap();
    let server = world.serve(&[]);
    let ada = server.client();
    assert_eq!(
        ada.register(&token_of(&link), GOOD[0]).await.status,
        StatusCode::CREATED
    );
    ada.post("/api/password/forgot", json!({"username": "ada"}))
        .await;
    let mails = mailbox::wait_for(&world.mail(), "ada@example.com", 2).await;
    let token = mails[1].token("reset").unwrap();

    let passwords: Vec<String> = (0..20).map(|i| format!("Parallel{i}!reset")).collect();
    let replies = join_all(passwords.iter().map(|password| {
        let client = server.client();
        let body = json!({"token": token, "answers": answers(), "new_password": password});
        async move { client.post("/api/password/reset", body).await }
    }))
    .await;
    let winners: Vec<&String> = replies
        .iter()
        .zip(&passwords)
        .filter(|(reply, _)| reply.status == StatusCode::OK)
        .map(|(_, password)| password)
        .collect();
    assert_eq!(winners.len(), 1, "{replies:?}");
    for reply in replies
        .iter()
        .filter(|reply| reply.status != StatusCode::OK)
    {
        assert_eq!(
            (reply.status, reply.error()),
            (StatusCode::GONE, "token-used")
        );
    }
    // The winner's password is set; the others' are not (three tried: five would lock).
    assert_eq!(ada.login("ada", winners[0]).await.status, StatusCode::OK);
    for loser in passwords.iter().filter(|p| *p != winners[0]).take(3) {
        assert_eq!(
            ada.login("ada", loser).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}

/// Fifty wrong logins at once from one client, spread over two processes sharing
/// PostgreSQL: the counter is exactly right, the account locks at exactly five, and the
/// client's budget of 30 failures (SPEC §8) is one budget across both processes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_parallel_wrong_logins_over_two_processes_lock_at_exactly_five() {
    let world = World::new(Backend::Postgres).await;
    let root = world.admin_create("root", true, &[]).pop().unwrap();
    let ada = world.admin_create("ada", false, &[]).pop().unwrap();
    let first = world.serve(&[]);
    let second = world.serve(&[]);
    let admin = first.client();
    assert_eq!(
        admin.register(&token_of(&root), GOOD[0]).await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        admin.register(&token_of(&ada), GOOD[1]).await.status,
        StatusCode::CREATED
    );

    let replies = join_all((0..50).map(|i| {
        let client = if i % 2 == 0 {
            first.client()
        } else {
            second.client()
        };
        async move { client.login("ada", "Wrong1!guess").await }
    }))
    .await;
    let count = |status| replies.iter().filter(|r| r.status == status).count();
    assert_eq!(count(StatusCode::UNAUTHORIZED), 4, "{replies:?}");
    assert_eq!(count(StatusCode::LOCKED), 26, "{replies:?}");
    assert_eq!(count(StatusCode::TOO_MANY_REQUESTS), 20, "{replies:?}");
    let limited = replies
        .iter()
        .find(|r| r.status == StatusCode::TOO_MANY_REQUESTS)
        .unwrap();
    assert_eq!(limited.error(), "rate-limited");

    // Ten minutes on, the client's budget is whole again (on both clocks).
    for server in [&first, &second] {
        first.client().at(server).advance(600).await;
    }
    assert_eq!(admin.login("root", GOOD[0]).await.status, StatusCode::OK);
    for server in [&first, &second] {
        let users = admin.at(server).get("/api/admin/users").await.body;
        let row = users
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["username"] == "ada")
            .unwrap();
        assert_eq!(row["failed_logins"], 5);
        assert_eq!(row["status"], "locked");
    }
    assert_eq!(
        second.client().login("ada", GOOD[1]).await.status,
        StatusCode::LOCKED
    );
}

/// The stored state of an account: its hash, and its history newest first with sequence
/// numbers.
async fn stored(url: &str, username: &str) -> (String, Vec<(i64, String)>) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url).await.unwrap();
    let current: String =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE username_key = $1")
            .bind(username)
            .fetch_one(&pool)
            .await
            .unwrap();
    let history: Vec<(i64, String)> = sqlx::query_as(
        "SELECT h.seq, h.password_hash FROM password_history h JOIN users u ON u.id = h.user_id \
         WHERE u.username_key = $1 ORDER BY h.seq DESC",
    )
    .bind(username)
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    (current, history)
}

/// `kill -9` in the middle of a loop of password changes, three times: afterwards exactly
/// one of the old and new passwords works, and the history is consistent.
async fn kill_nine_during_password_changes(backend: Backend) {
    let world = World::new(backend).await;
    let policy = world.dir.path().join("policy.toml");
    std::fs::write(
        &policy,
        "name = \"kill-test\"\n[password]\nmin_length = 8\nblocklist = \"none\"\nhistory = 3\n\
         forbid_personal_info = false\nmin_strength = 0\n[reset]\nsecurity_questions = 0\n",
    )
    .unwrap();
    let policy = policy.display().to_string();
    let link = world
        .admin_create("ada", false, &["--policy", &policy])
        .pop()
        .unwrap();
    let mut password = "Loop password 0".to_owned();
    {
        let server = world.serve(&["--policy", &policy]);
        let reply = server
            .client()
            .post(
                "/api/register",
                json!({"token": token_of(&link), "password": password, "security_questions": []}),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
    }
    let mut next = 1;
    for round in 0..3_u64 {
        let mut server = world.serve(&["--policy", &policy]);
        let client = server.client();
        assert_eq!(client.login("ada", &password).await.status, StatusCode::OK);
        let completed = Arc::new(AtomicUsize::new(0));
        let changes = {
            let client = client.clone();
            let mut password = password.clone();
            let mut next = next;
            let completed = Arc::clone(&completed);
            tokio::spawn(async move {
                loop {
                    let new = format!("Loop password {next}");
                    let body = json!({"current_password": password, "new_password": new});
                    match client.try_post("/api/password/change", body).await {
                        Some(reply) if reply.status == StatusCode::OK => {
                            password = new;
                            next += 1;
                            completed.fetch_add(1, Ordering::SeqCst);
                        }
                        Some(reply) => panic!("change refused: {reply:?}"),
                        // The server died mid-request: `new` may or may not be set.
                        None => return (password, new, next),
                    }
                }
            })
        };
        // Once a change has gone through, kill at a different moment each round.
        while completed.load(Ordering::SeqCst) == 0 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        tokio::time::sleep(Duration::from_millis(37 + 61 * round)).await;
        server.kill();
        let (old, new, reached) = changes.await.unwrap();
        assert!(
            reached > next,
            "round {round}: no change completed before the kill"
        );

        let server = world.serve(&["--policy", &policy]);
        let client = server.client();
        let old_works = client.login("ada", &old).await.status == StatusCode::OK;
        let new_works = client.login("ada", &new).await.status == StatusCode::OK;
        assert!(
            old_works != new_works,
            "round {round}: old {old_works}, new {new_works}"
        );
        password = if new_works { new } else { old };
        next = reached + 1;

        let (current, history) = stored(world.db.url(), "ada").await;
        assert_eq!(history.first().map(|(_, hash)| hash), Some(&current));
        assert!(history.len() <= 3, "history keeps 3: {}", history.len());
        let seqs: Vec<i64> = history.iter().map(|(seq, _)| *seq).collect();
        let top = seqs[0];
        assert_eq!(
            seqs,
            (top - seqs.len() as i64 + 1..=top)
                .rev()
                .collect::<Vec<_>>()
        );
    }
}

/// E-mail through a real SMTP server (aiosmtpd, installed by scripts/test.sh).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_delivers_every_message() {
    let python = std::env::var("PASSGUARD_TEST_PYTHON").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../tools/venv/bin/python").to_owned()
    });
    let world = World::new(Backend::Sqlite).await;
    let maildir = world.dir.path().join("smtp");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut smtp = std::process::Command::new(&python)
        .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
        .args(["-c", "aiosmtpd.handlers.Mailbox"])
        .arg(&maildir)
        .spawn()
        .unwrap_or_else(|e| panic!("{python} (scripts/test.sh installs aiosmtpd): {e}"));
    let mut up = false;
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(up, "aiosmtpd did not start on port {port}");
    let smtp_url = format!("smtp://127.0.0.1:{port}");

    let link = world
        .admin_create("ada", false, &["--smtp", &smtp_url])
        .pop()
        .unwrap();
    let server = world.serve(&["--smtp", &smtp_url]);
    let ada = server.client();
    assert_eq!(
        ada.register(&token_of(&link), GOOD[0]).await.status,
        StatusCode::CREATED
    );
    ada.post("/api/password/forgot", json!({"username": "ada"}))
        .await;
    let mails = mailbox::wait_for(&maildir, "ada@example.com", 2).await;
    let _ = smtp.kill();
    let _ = smtp.wait();
    assert_eq!(mails[0].token("register").unwrap(), token_of(&link));
    let reset = &mails[1];
    assert_eq!(reset.subject, "Reset your password – passguard");
    assert!(reset.text.contains("multipart/alternative"));
    assert!(reset.text.contains("Content-Type: text/plain"));
    assert!(reset.text.contains("Content-Type: text/html"));
    let token = reset.token("reset").unwrap();
    assert!(
        reset
            .text
            .contains(&format!("{}/reset?token={token}", server.url))
    );
    assert!(!world.mail().exists() || mailbox::all(&world.mail()).is_empty());
}

#[test]
fn the_test_clock_is_refused_off_loopback() {
    let output = std::process::Command::new(support::BIN)
        .args(["serve", "--listen", "0.0.0.0:0", "--test-clock"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("loopback"), "{stderr}");
}

/// Hostile requests against the real process: a 4xx with an error id each, and the server
/// still answers afterwards.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_bodies_over_http() {
    let world = World::new(Backend::Sqlite).await;
    let server = world.serve(&[]);
    let http = reqwest::Client::new();
    let login = format!("{}/api/login", server.url);
    let megabyte = format!(
        "{{\"username\": \"a\", \"password\": \"{}\"}}",
        "x".repeat(1 << 20)
    );
    let bodies: Vec<Vec<u8>> = vec![
        megabyte.into_bytes(),
        b"{\"username\": \"\xc3\x28\", \"password\": \"x\"}".to_vec(),
        br#"{"username": "\udfff", "password": "x"}"#.to_vec(),
        br#"{"username": true, "password": {}}"#.to_vec(),
        br#"{"username": "a", "password": "b", "password": "c"}"#.to_vec(),
        format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
    ];
    for body in bodies {
        let size = body.len();
        let response = http
            .post(&login)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let reply: serde_json::Value = response.json().await.unwrap();
        assert!(status.is_client_error(), "{size} bytes: {status}");
        assert!(reply["error"].is_string(), "{reply}");
    }
    let reply = server.client().get("/api/policy").await;
    assert_eq!(reply.status, StatusCode::OK);
}

/// A config file with an inline policy, a support contact and notices per role; a flag
/// overrides the file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_config_file_and_flags_over_it() {
    let world = World::new(Backend::Sqlite).await;
    let config = world.dir.path().join("passguard.toml");
    std::fs::write(
        &config,
        "public_url = \"http://ignored.example/\"\n\
         support_contact = \"the service desk\"\n\
         [notices]\nuser = \"Authorised use only.\"\nadmin = \"Every action is logged.\"\n\
         [argon2]\nmemory_kib = 8192\n\
         [policy]\nname = \"inline\"\n[policy.password]\nmin_length = 10\n\
         [policy.reset]\nsecurity_questions = 2\n",
    )
    .unwrap();
    let config = config.display().to_string();
    let link = world
        .admin_create("root", true, &["--config", &config])
        .pop()
        .unwrap();
    assert!(
        link.starts_with("http://ignored.example/register?token="),
        "{link}"
    );
    let server = world.serve(&[
        "--config",
        &config,
        "--public-url",
        "https://pw.example.com/",
    ]);
    let client = server.client();
    let policy = client.get("/api/policy").await.body;
    assert_eq!(
        (
            policy["name"].as_str(),
            policy["password"]["min_length"].as_u64()
        ),
        (Some("inline"), Some(10))
    );
    assert_eq!(
        client.get("/api/site").await.body,
        json!({"site_name": "passguard", "support_contact": "the service desk", "public_url": "https://pw.example.com/"})
    );
    assert_eq!(
        client
            .register(&token_of(&link), "ten chars ok")
            .await
            .status,
        StatusCode::CREATED
    );
    let me = client.login("root", "ten chars ok").await.body;
    assert_eq!(me["notice"], "Every action is logged.");
    let reply = client
        .post(
            "/api/admin/users",
            json!({"username": "ada", "email": "ada@example.com"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
    let mails = mailbox::wait_for(&world.mail(), "ada@example.com", 1).await;
    assert!(
        mails[0]
            .text
            .contains("https://pw.example.com/register?token=")
    );
    assert!(
        mails[0]
            .text
            .contains("Contact the service desk for assistance.")
    );
    let ada = server.client();
    let token = mails[0].token("register").unwrap();
    assert_eq!(
        ada.register(&token, "another ten").await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        ada.login("ada", "another ten").await.body["notice"],
        "Authorised use only."
    );
}
