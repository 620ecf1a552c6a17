//! The partner-portal story of the README, as an operator and a company run it: real
//! processes over HTTP, on SQLite and on PostgreSQL. The operator creates organization Acme
//! with a stricter policy from the command line and invites Acme's set-up administrator, who
//! invites two users; one leaves the company and is deleted; each role sees its own login
//! notice; the event log shows all of it. A locked account is unlocked from the command line.

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

use reqwest::StatusCode;
use serde_json::json;
use support::{Backend, World, mailbox, token_of};

on_both_databases!(the_partner_portal_story);

const NOTICE_USER: &str = "This portal is for authorized users of Acme's Company Account only.";
const NOTICE_ADMIN: &str =
    "As Acme's set-up administrator you permit only authorized users and delete those who leave.";

async fn the_partner_portal_story(backend: Backend) {
    let world = World::new(backend).await;
    let overlay = world.scratch().join("acme.toml");
    std::fs::write(&overlay, "[password]\nmin_length = 12\nhistory = 10\n").unwrap();
    let loose = world.scratch().join("loose.toml");
    std::fs::write(&loose, "[password]\nhistory = 2\n").unwrap();

    // A loosening overlay is refused, naming the field, and nothing is created.
    let (ok, _, stderr) = world.run(&[
        "org",
        "create",
        "--slug",
        "lax",
        "--name",
        "Lax",
        "--policy",
        &loose.display().to_string(),
    ]);
    assert!(!ok && stderr.contains("password.history"), "{stderr}");
    let overlay = overlay.display().to_string();
    let (ok, stdout, stderr) = world.run(&[
        "org",
        "create",
        "--slug",
        "acme",
        "--name",
        "Acme Corp",
        "--policy",
        &overlay,
        "--support-contact",
        "Acme's IT desk (it@acme.example)",
        "--notice-user",
        NOTICE_USER,
        "--notice-admin",
        NOTICE_ADMIN,
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("acme"), "{stdout}");

    // The operator invites Acme's set-up administrator from the command line.
    let (ok, stdout, stderr) = world.run(&[
        "admin",
        "create",
        "--username",
        "coyote",
        "--email",
        "coyote@acme.example",
        "--org",
        "acme",
        "--role",
        "org-admin",
    ]);
    assert!(ok, "{stderr}");
    let link = stdout.lines().last().unwrap().to_owned();
    let (ok, _, stderr) = world.run(&[
        "admin",
        "create",
        "--username",
        "x",
        "--email",
        "x@acme.example",
        "--role",
        "org-admin",
    ]);
    assert!(
        !ok && stderr.contains("organization"),
        "an org-admin needs an organization: {stderr}"
    );

    let server = world.serve(&[]);
    let coyote = server.client();
    // Acme's policy: 11 characters are refused, 12 accepted.
    let policy = coyote
        .get(&format!("/api/policy?token={}", token_of(&link)))
        .await;
    assert_eq!(policy.body["password"]["min_length"], 12);
    assert_eq!(
        coyote
            .register(&token_of(&link), "Short1!pass")
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        coyote
            .register(&token_of(&link), "Acme1!coyotes")
            .await
            .status,
        StatusCode::CREATED
    );
    let me = coyote.login("coyote", "Acme1!coyotes").await;
    assert_eq!(me.status, StatusCode::OK, "{me:?}");
    assert_eq!(
        (me.body["role"].as_str(), me.body["notice"].as_str()),
        (Some("org-admin"), Some(NOTICE_ADMIN))
    );

    // The set-up administrator invites two users into Acme.
    for name in ["road", "beep"] {
        let reply = coyote
            .post(
                "/api/admin/users",
                json!({"username": name, "email": format!("{name}@acme.example")}),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{reply:?}");
        assert_eq!(reply.body["org"], "acme");
        let mail = mailbox::wait_for(&world.mail(), &format!("{name}@acme.example"), 1).await;
        let user = server.client();
        assert_eq!(
            user.register(
                &mail[0].token("register").unwrap(),
                &format!("Acme2!{name}-runner")
            )
            .await
            .status,
            StatusCode::CREATED
        );
    }
    let road = server.client();
    let me = road.login("road", "Acme2!road-runner").await;
    assert_eq!(
        (me.body["role"].as_str(), me.body["notice"].as_str()),
        (Some("user"), Some(NOTICE_USER))
    );
    assert_eq!(
        me.body["support_contact"],
        "Acme's IT desk (it@acme.example)"
    );

    // beep leaves the company: deleted, and it cannot sign in any more.
    assert_eq!(
        coyote.delete("/api/admin/users/beep").await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        server
            .client()
            .login("beep", "Acme2!beep-runner")
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let grid = coyote.get("/api/admin/users").await;
    let names: Vec<&str> = grid
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["coyote", "road"]);

    // road locks itself out; with the command line the operator unlocks it.
    for _ in 0..5 {
        server.client().login("road", "Wrong1!password").await;
    }
    assert_eq!(
        server
            .client()
            .login("road", "Acme2!road-runner")
            .await
            .status,
        StatusCode::LOCKED
    );
    let (ok, _, stderr) = world.run(&["admin", "unlock", "--username", "road"]);
    assert!(ok, "{stderr}");
    assert_eq!(
        server
            .client()
            .login("road", "Acme2!road-runner")
            .await
            .status,
        StatusCode::OK
    );

    // The event log shows all of it.
    let events = coyote.get("/api/admin/events").await;
    let story: Vec<String> = events
        .body
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|e| {
            format!(
                "{} {} {}",
                e["actor"].as_str().unwrap(),
                e["action"].as_str().unwrap(),
                e["username"].as_str().unwrap()
            )
        })
        .collect();
    for line in [
        "command-line invited coyote",
        "coyote registered coyote",
        "coyote signed-in coyote",
        "coyote invited road",
        "coyote invited beep",
        "road registered road",
        "coyote deleted beep",
        "system locked road",
        "command-line unlocked road",
        "road signed-in road",
    ] {
        assert!(story.contains(&line.to_owned()), "{line} not in {story:#?}");
    }
}
