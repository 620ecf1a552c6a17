//! The `passguard` command line (SPEC §3): check passwords from stdin, show and validate
//! policies. Exit codes: 0 all accepted, 1 some rejected, 2 bad usage or bad policy.

mod check;
mod policy_source;

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
        None => policy_source::load(name)?.to_toml(),
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}

fn validate(file: &str) -> Result<ExitCode, UsageError> {
    let policy = policy_source::load(file)?;
    println!("{file}: valid policy {:?}", policy.name);
    Ok(ExitCode::SUCCESS)
}
