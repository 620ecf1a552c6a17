//! The `passguard` command line (SPEC §3): check passwords from stdin, show and validate
//! policies, run the server and bootstrap its accounts, import breached passwords. Exit codes: 0 all accepted (or
//! done), 1 some rejected, 2 bad usage, bad policy or a server that cannot start.

mod audit;
mod breach;
mod check;
mod policy_source;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Password policy and strength checks, the same rules in the browser and on the server.
#[derive(Debug, Parser)]
#[command(name = "passguard", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check passwords read from stdin, one per line, and print one report per line.
    Check(check::CheckArgs),
    /// Show or validate a policy.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Run the server: the JSON API and the web pages.
    Serve(serve::ServeArgs),
    /// Manage accounts without a running server.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Manage organizations (partner companies with their own administrators).
    #[command(subcommand)]
    Org(OrgCommand),
    /// Manage the store of breached passwords.
    #[command(subcommand)]
    Breach(BreachCommand),
}

#[derive(Debug, Subcommand)]
enum OrgCommand {
    /// Create an organization; its policy overlay is checked against the site policy of the
    /// config (exit 2 naming a field that would loosen it).
    Create(serve::OrgCreateArgs),
}

#[derive(Debug, Subcommand)]
enum BreachCommand {
    /// Add a corpus (Have I Been Pwned's SHA1:COUNT lines, or one plaintext password a
    /// line) to the store; importing the same corpus again changes nothing.
    Import(breach::ImportArgs),
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Invite an account (such as the first administrator): e-mails the registration link
    /// and prints it as the last line. An account still only invited gets a new link.
    Create(serve::AdminCreateArgs),
    /// Unlock a locked account and clear its failure counters (when no administrator can
    /// sign in to do it).
    Unlock(serve::AdminUnlockArgs),
}

#[derive(Debug, Subcommand)]
enum PolicyCommand {
    /// Print a preset (or a policy file) as TOML.
    Show {
        /// A preset name (security-admin, partner-portal, nist-800-63b, owasp-asvs) or a file.
        policy: String,
    },
    /// Check that a policy file (TOML or JSON) is valid.
    Validate {
        /// The policy file.
        file: String,
    },
    /// List where a policy departs from NIST SP 800-63B rev. 4 and OWASP ASVS 5.0.
    /// Exit 0 when no SHALL-level finding, 1 otherwise, 2 on a bad policy.
    Audit(audit::AuditArgs),
}

/// What went wrong, as the one line the user sees; the exit code is always 2.
#[derive(Debug)]
struct UsageError(String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Policy(PolicyCommand::Show { policy }) => show(&policy),
        Command::Policy(PolicyCommand::Validate { file }) => validate(&file),
        Command::Serve(args) => serve::serve(args),
        Command::Admin(AdminCommand::Create(args)) => serve::admin_create(args),
        Command::Admin(AdminCommand::Unlock(args)) => serve::admin_unlock(args),
        Command::Org(OrgCommand::Create(args)) => serve::org_create(args),
        Command::Policy(PolicyCommand::Audit(args)) => audit::run(&args),
        Command::Breach(BreachCommand::Import(args)) => breach::import_command(&args),
    };
    match outcome {
        Ok(code) => code,
        Err(UsageError(message)) => {
            eprintln!("passguard: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn show(name: &str) -> Result<ExitCode, UsageError> {
    let text = match passguard_policy::preset_toml(name) {
        Some(text) => text.to_owned(),
        None => policy_source::load(name)?
            .to_toml()
            .map_err(|e| UsageError(format!("{name}: {e}")))?,
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn validate(file: &str) -> Result<ExitCode, UsageError> {
    let policy = policy_source::load(file)?;
    print(&format!("{file}: valid policy {:?}\n", policy.name))?;
    Ok(ExitCode::SUCCESS)
}

/// A `--locale` value: en, de or fr (a region such as de-CH is accepted).
fn parse_locale(tag: &str) -> Result<passguard_policy::Locale, String> {
    passguard_policy::Locale::from_tag(tag)
        .ok_or_else(|| format!("{tag:?} is not a language passguard speaks: use en, de or fr"))
}

/// Writes `text` to stdout. A reader that went away (`| head`) is not an error; `println!`
/// would panic there.
fn print(text: &str) -> Result<(), UsageError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(UsageError(format!("writing stdout: {e}")))
        }
        _ => Ok(()),
    }
}
