//! `passguard serve` and `passguard admin create`: read the settings (defaults, then the
//! config file, then the flags), then hand over to the `passguard-server` library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use passguard_policy::Policy;
use passguard_server::{Config, ConfigFile, PolicySetting, Role};

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
    /// Give the account the admin role.
    #[arg(long)]
    admin: bool,
    #[command(flatten)]
    shared: SharedArgs,
}

fn resolve(
    shared: &SharedArgs,
    listen: Option<String>,
    static_dir: Option<PathBuf>,
    test_clock: bool,
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
    let policy = match (shared.policy.clone(), file.policy.take()) {
        (Some(source), _) | (None, Some(PolicySetting::Source(source))) => {
            policy_source::load(&source)?
        }
        (None, Some(PolicySetting::Inline(table))) => {
            Policy::from_deserializer(toml::Value::Table(table))
                .map_err(|e| UsageError(format!("config file: policy.{e}")))?
        }
        (None, None) => Policy::preset("security-admin")
            .map_err(|e| UsageError(format!("preset security-admin: {e}")))?,
    };
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
    file.resolve(policy, test_clock)
        .map_err(|e| UsageError(e.to_string()))
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
    let config = resolve(&args.shared, args.listen, args.static_dir, args.test_clock)?;
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

pub(crate) fn admin_create(args: AdminCreateArgs) -> Result<ExitCode, UsageError> {
    let config = resolve(&args.shared, None, None, false)?;
    let destination = match &config.mail.smtp {
        Some(_) => "through SMTP".to_owned(),
        None => format!("as a file in {}", config.mail.mail_dir.display()),
    };
    init_logging();
    runtime()?.block_on(async {
        let accounts = passguard_server::open(config)
            .await
            .map_err(|e| UsageError(e.to_string()))?;
        let role = if args.admin { Role::Admin } else { Role::User };
        let link = accounts
            .invite(&args.username, &args.email, role, true)
            .await
            .map_err(|e| UsageError(e.to_string()));
        accounts.store().close().await;
        let link = link?;
        let role = if args.admin { "administrator" } else { "user" };
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
