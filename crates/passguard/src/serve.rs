//! `passguard serve` and `passguard admin create`: read the settings (defaults, then the
//! config file, then the flags), then hand over to the `passguard-server` library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use passguard_policy::Policy;
use passguard_server::{Accounts, Config, ConfigFile, PolicySetting, Role};
use passguard_wire::{NewOrganization, Notices};

use crate::{UsageError, policy_source};

/// Settings shared by `serve` and `admin create`; each overrides the config file.
#[derive(Debug, Args)]
pub(crate) struct SharedArgs {
    /// A TOML config file (see the server crate's documentation for its fields).
    #[arg(long)]
    config: Option<PathBuf>,
    /// The base URL users reach the server at; every e-mailed link starts with it.
    #[arg(long)]
    public_url: Option<String>,
    /// `postgres://…` for several instances sharing one database; by default the SQLite
    /// file ./passguard.db, created when missing.
    #[arg(long)]
    database: Option<String>,
    /// Write every outgoing e-mail as an .eml file here (default ./passguard-mail).
    #[arg(long)]
    mail_dir: Option<PathBuf>,
    /// Send e-mail through this SMTP server, such as smtp://mail.example.com:25.
    #[arg(long)]
    smtp: Option<String>,
    /// A preset name or a policy file (default security-admin).
    #[arg(long)]
    policy: Option<String>,
}

/// `passguard serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    shared: SharedArgs,
    /// The address to listen on (default 127.0.0.1:8080; port 0 picks a free one).
    #[arg(long)]
    listen: Option<String>,
    /// The directory of the built web pages (default www/dist).
    #[arg(long)]
    static_dir: Option<PathBuf>,
    /// For tests only: a clock moved by POST /api/test/clock. Refused unless listening on
    /// a loopback address.
    #[arg(long)]
    test_clock: bool,
    /// A preset name or a policy file evaluated at each login beside the policy in force,
    /// keeping only which of its rules each password fails (GET /api/admin/policy/impact).
    #[arg(long)]
    staged_policy: Option<String>,
}

/// `passguard admin create`.
#[derive(Debug, Args)]
pub(crate) struct AdminCreateArgs {
    /// The new account's username.
    #[arg(long)]
    username: String,
    /// The new account's e-mail address; the registration link goes there.
    #[arg(long)]
    email: String,
    /// Give the account the admin role (the same as `--role admin`).
    #[arg(long, conflicts_with = "role")]
    admin: bool,
    /// The account's role: user, org-admin or admin (default user).
    #[arg(long, value_parser = parse_role)]
    role: Option<Role>,
    /// The slug of the account's organization (an org-admin needs one, an admin has none).
    #[arg(long)]
    org: Option<String>,
    #[command(flatten)]
    shared: SharedArgs,
}

/// `passguard admin unlock`.
#[derive(Debug, Args)]
pub(crate) struct AdminUnlockArgs {
    /// The locked account's username.
    #[arg(long)]
    username: String,
    #[command(flatten)]
    shared: SharedArgs,
}

/// `passguard org create`.
#[derive(Debug, Args)]
pub(crate) struct OrgCreateArgs {
    /// The organization's stable short name: 1 to 32 of a-z, 0-9 and -, starting with a letter.
    #[arg(long)]
    slug: String,
    /// Its name, as people read it.
    #[arg(long)]
    name: String,
    /// A policy overlay file (TOML or JSON): only the fields it changes, each of which may
    /// only tighten the site policy of the config.
    #[arg(long)]
    policy: Option<PathBuf>,
    /// Who its people contact for assistance.
    #[arg(long)]
    support_contact: Option<String>,
    /// The notice its users see after signing in.
    #[arg(long)]
    notice_user: Option<String>,
    /// The notice its administrators see after signing in.
    #[arg(long)]
    notice_admin: Option<String>,
    /// A TOML config file: its database and its site policy.
    #[arg(long)]
    config: Option<PathBuf>,
    /// The database, over the config file's.
    #[arg(long)]
    database: Option<String>,
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::from_id(text).ok_or_else(|| format!("{text:?} is not a role: user, org-admin or admin"))
}

fn resolve(
    shared: &SharedArgs,
    listen: Option<String>,
    static_dir: Option<PathBuf>,
    test_clock: bool,
    staged: Option<String>,
) -> Result<Config, UsageError> {
    let mut file = match &shared.config {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                UsageError(format!(
                    "config file {}: cannot read it: {e}",
                    path.display()
                ))
            })?;
            ConfigFile::from_toml(&text).map_err(|e| UsageError(e.to_string()))?
        }
        None => ConfigFile::default(),
    };
    let policy = match policy_setting(shared.policy.clone(), file.policy.take(), "policy")? {
        Some(policy) => policy,
        None => Policy::preset("security-admin")
            .map_err(|e| UsageError(format!("preset security-admin: {e}")))?,
    };
    let staged = policy_setting(staged, file.staged_policy.take(), "staged_policy")?;
    let overrides = [
        (&mut file.public_url, shared.public_url.clone()),
        (&mut file.database, shared.database.clone()),
        (&mut file.smtp, shared.smtp.clone()),
        (&mut file.listen, listen),
    ];
    for (field, flag) in overrides {
        if flag.is_some() {
            *field = flag;
        }
    }
    if shared.mail_dir.is_some() {
        file.mail_dir.clone_from(&shared.mail_dir);
    }
    if static_dir.is_some() {
        file.static_dir = static_dir;
    }
    let mut config = file
        .resolve(policy, test_clock)
        .map_err(|e| UsageError(e.to_string()))?;
    config.staged_policy = staged;
    Ok(config)
}

fn runtime() -> Result<tokio::runtime::Runtime, UsageError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| UsageError(format!("cannot start the async runtime: {e}")))
}

/// Logs go to stderr, `info` and up unless `PASSGUARD_LOG` says otherwise (for example
/// `PASSGUARD_LOG=debug` shows every request's method, route, status and latency).
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("PASSGUARD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

pub(crate) fn serve(args: ServeArgs) -> Result<ExitCode, UsageError> {
    let config = resolve(
        &args.shared,
        args.listen.clone(),
        args.static_dir.clone(),
        args.test_clock,
        args.staged_policy.clone(),
    )?;
    init_logging();
    runtime()?.block_on(async {
        let server = passguard_server::Server::bind(config)
            .await
            .map_err(|e| UsageError(e.to_string()))?;
        let address = server
            .local_addr()
            .map_err(|e| UsageError(format!("cannot read the bound address: {e}")))?;
        // The first line is what scripts and tests wait for.
        println!("passguard listening on http://{address}");
        println!(
            "links in e-mails start with {}",
            server.state().public_url()
        );
        if server.state().clock().is_test() {
            println!("test clock on: POST /api/test/clock moves it");
        }
        let _ = std::io::stdout().flush();
        server
            .run(shutdown_signal())
            .await
            .map_err(|e| UsageError(format!("the server stopped: {e}")))?;
        Ok(ExitCode::SUCCESS)
    })
}

/// The accounts of the database `shared` names, for a command that runs without a server.
async fn accounts(shared: &SharedArgs) -> Result<Accounts, UsageError> {
    let config = resolve(shared, None, None, false, None)?;
    passguard_server::open(config)
        .await
        .map_err(|e| UsageError(e.to_string()))
}

pub(crate) fn admin_unlock(args: AdminUnlockArgs) -> Result<ExitCode, UsageError> {
    init_logging();
    runtime()?.block_on(async {
        let accounts = accounts(&args.shared).await?;
        let unlocked = accounts
            .unlock(&accounts.operator(), &args.username)
            .await
            .map_err(|e| UsageError(e.to_string()));
        accounts.store().close().await;
        unlocked?;
        println!(
            "Unlocked {}; its failure counters start again.",
            args.username
        );
        Ok(ExitCode::SUCCESS)
    })
}

pub(crate) fn org_create(args: OrgCreateArgs) -> Result<ExitCode, UsageError> {
    let shared = SharedArgs {
        config: args.config,
        public_url: None,
        database: args.database,
        mail_dir: None,
        smtp: None,
        policy: None,
    };
    let overlay = match &args.policy {
        Some(path) => Some(policy_source::load_overlay(path)?),
        None => None,
    };
    let new = NewOrganization {
        slug: args.slug,
        name: args.name,
        support_contact: args.support_contact,
        notices: Some(Notices {
            user: args.notice_user,
            admin: args.notice_admin,
        }),
        policy: overlay,
    };
    init_logging();
    runtime()?.block_on(async {
        let accounts = accounts(&shared).await?;
        let created = accounts
            .create_org(&accounts.operator(), new)
            .await
            .map_err(|e| UsageError(e.to_string()));
        accounts.store().close().await;
        let org = created?;
        println!("Created organization {} ({}).", org.slug, org.name);
        Ok(ExitCode::SUCCESS)
    })
}

pub(crate) fn admin_create(args: AdminCreateArgs) -> Result<ExitCode, UsageError> {
    let role = if args.admin {
        Role::Admin
    } else {
        args.role.unwrap_or(Role::User)
    };
    let config = resolve(&args.shared, None, None, false, None)?;
    let destination = match &config.mail.smtp {
        Some(_) => "through SMTP".to_owned(),
        None => format!("as a file in {}", config.mail.mail_dir.display()),
    };
    init_logging();
    runtime()?.block_on(async {
        let accounts = passguard_server::open(config)
            .await
            .map_err(|e| UsageError(e.to_string()))?;
        let link = accounts
            .invite(&args.username, &args.email, role, args.org.as_deref(), true)
            .await
            .map_err(|e| UsageError(e.to_string()));
        accounts.store().close().await;
        let link = link?;
        let role = match (role, &args.org) {
            (Role::Admin, _) => "administrator".to_owned(),
            (Role::OrgAdmin, Some(org)) => format!("administrator of {org}"),
            (_, Some(org)) => format!("user of {org}"),
            (_, None) => "user".to_owned(),
        };
        println!(
            "Invited {} <{}> as {role}; the registration link was e-mailed {destination}.",
            args.username, args.email
        );
        println!("{link}");
        Ok(ExitCode::SUCCESS)
    })
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// A policy given by a flag (`PRESET|FILE`), else by the config file's `field` (a source
/// or an inline table), else none.
fn policy_setting(
    flag: Option<String>,
    setting: Option<PolicySetting>,
    field: &str,
) -> Result<Option<Policy>, UsageError> {
    Ok(match (flag, setting) {
        (Some(source), _) | (None, Some(PolicySetting::Source(source))) => {
            Some(policy_source::load(&source)?)
        }
        (None, Some(PolicySetting::Inline(table))) => Some(
            Policy::from_deserializer(toml::Value::Table(table))
                .map_err(|e| UsageError(format!("config file: {field}.{e}")))?,
        ),
        (None, None) => None,
    })
}
