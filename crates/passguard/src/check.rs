//! `passguard check`: one report per stdin line, as text or as JSON lines.

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use passguard_breach::BreachStore;
use passguard_policy::{Breached, Context, Locale, Report, Status};
use serde::Serialize;

use crate::{UsageError, policy_source};

/// The longest line read as one password. Anything longer is reported as an error line, not
/// buffered: a policy's maximum is at most 4096 code points (16 KiB of UTF-8).
const MAX_LINE_BYTES: usize = 1024 * 1024;

/// How often reports held back behind a visible progress bar reach the terminal.
const TERMINAL_REFRESH: Duration = Duration::from_millis(100);

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// A preset name or a policy file (TOML or JSON).
    #[arg(long, default_value = "nist-800-63b")]
    policy: String,
    /// The account's username, for the personal-information rule.
    #[arg(long)]
    username: Option<String>,
    /// The account's e-mail address, for the personal-information rule.
    #[arg(long)]
    email: Option<String>,
    /// The person's display name, for the personal-information rule.
    #[arg(long)]
    display_name: Option<String>,
    /// The current password: enables the `not-current` rule.
    #[arg(long)]
    current: Option<String>,
    /// Print one JSON object per line instead of text.
    #[arg(long)]
    json: bool,
    /// The language of the messages: en, de or fr.
    #[arg(long, default_value = "en", value_parser = crate::parse_locale)]
    locale: Locale,
    /// A breach store (`passguard breach import`): decides `not-breached` when the policy
    /// has `breached = "block"`, which otherwise stays pending.
    #[arg(long)]
    breach_store: Option<std::path::PathBuf>,
}

/// One JSON line: the report plus the zero-based position of the password in the input.
#[derive(Serialize)]
struct JsonLine<'a> {
    password_index: usize,
    #[serde(flatten)]
    report: &'a Report,
}

/// A line that could not be checked at all.
#[derive(Serialize)]
struct JsonErrorLine<'a> {
    password_index: usize,
    accepted: bool,
    error: &'a str,
    message: &'a str,
}

pub(crate) fn run(args: &CheckArgs) -> Result<ExitCode, UsageError> {
    let policy = policy_source::load(&args.policy)?;
    let breach = args
        .breach_store
        .as_ref()
        .filter(|_| policy.password.breached == Breached::Block)
        .map(|path| BreachStore::open(path).map_err(|e| UsageError(format!("--breach-store: {e}"))))
        .transpose()?;
    let mut context = Context {
        username: args.username.clone(),
        email: args.email.clone(),
        display_name: args.display_name.clone(),
        current_password: args.current.clone(),
        locale: Some(args.locale),
        ..Context::default()
    };
    let progress = progress_bar(args.json);
    let mut input = io::BufReader::with_capacity(64 * 1024, io::stdin().lock());
    let mut out = BufWriter::new(io::stdout().lock());
    // With a visible bar, reports collect here and reach the terminal a few times a second,
    // the bar hidden meanwhile, instead of redrawing the bar after every line.
    let mut held = Vec::new();
    let mut last_shown = Instant::now();
    let mut all_accepted = true;
    let mut line = Vec::new();
    for index in 0.. {
        line.clear();
        let read = read_line(&mut input, &mut line)
            .map_err(|e| UsageError(format!("reading stdin: {e}")))?;
        let Some(read) = read else { break };
        progress.inc(read as u64);
        let sink: &mut dyn Write = if progress.is_hidden() {
            &mut out
        } else {
            &mut held
        };
        let written = match line_text(&line) {
            Ok(password) => {
                if let Some(store) = &breach {
                    let found = store
                        .contains_password(password)
                        .map_err(|e| UsageError(format!("--breach-store: {e}")))?;
                    context.breached = Some(found);
                }
                let report = policy.check(password, &context);
                all_accepted &= report.accepted;
                write_report(sink, args.json, index, &report)
            }
            Err((error, message)) => {
                all_accepted = false;
                write_error(sink, args.json, index, error, &message)
            }
        };
        let shown = if !held.is_empty() && last_shown.elapsed() >= TERMINAL_REFRESH {
            last_shown = Instant::now();
            progress.suspend(|| show_held(&mut out, &mut held))
        } else {
            Ok(())
        };
        if let Err(e) = written.and(shown) {
            return finish_on_write_error(e);
        }
    }
    progress.finish_and_clear();
    if let Err(e) = show_held(&mut out, &mut held) {
        return finish_on_write_error(e);
    }
    Ok(if all_accepted {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn show_held(out: &mut impl Write, held: &mut Vec<u8>) -> io::Result<()> {
    out.write_all(held)?;
    held.clear();
    out.flush()
}

/// A closed pipe (`passguard check | head`) ends the run quietly; other write errors are real.
fn finish_on_write_error(error: io::Error) -> Result<ExitCode, UsageError> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Ok(ExitCode::from(1))
    } else {
        Err(UsageError(format!("writing stdout: {error}")))
    }
}

/// Reads one line into `line` (without its `\n` or `\r\n`), keeping at most
/// [`MAX_LINE_BYTES`] of it. Returns the bytes consumed, or `None` at the end of input.
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<Option<usize>> {
    let mut consumed = 0;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok((consumed > 0).then_some(consumed));
        }
        let (part, ends) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (chunk.get(..at).unwrap_or_default(), Some(at + 1)),
            None => (chunk, None),
        };
        let room = (MAX_LINE_BYTES + 1).saturating_sub(line.len());
        line.extend_from_slice(part.get(..part.len().min(room)).unwrap_or_default());
        let used = ends.unwrap_or(chunk.len());
        input.consume(used);
        consumed += used;
        if ends.is_some() {
            if line.last() == Some(&b'\r') && line.len() <= MAX_LINE_BYTES {
                line.pop();
            }
            return Ok(Some(consumed));
        }
    }
}

fn line_text(line: &[u8]) -> Result<&str, (&'static str, String)> {
    if line.len() > MAX_LINE_BYTES {
        return Err((
            "line-too-long",
            "the line is longer than 1 MiB and was not checked".to_owned(),
        ));
    }
    std::str::from_utf8(line).map_err(|e| {
        (
            "invalid-utf8",
            format!(
                "the line is not valid UTF-8 (byte {}); passwords must be UTF-8 text",
                e.valid_up_to() + 1
            ),
        )
    })
}

fn write_report(out: &mut dyn Write, json: bool, index: usize, report: &Report) -> io::Result<()> {
    if json {
        serde_json::to_writer(
            &mut *out,
            &JsonLine {
                password_index: index,
                report,
            },
        )?;
        return writeln!(out);
    }
    let verdict = if report.accepted {
        "accepted"
    } else {
        "rejected"
    };
    write!(
        out,
        "password {}: {verdict} (strength {}/4)",
        index + 1,
        report.strength.score
    )?;
    for rule in report
        .rules
        .iter()
        .filter(|rule| rule.status == Status::Fail)
    {
        write!(out, " [{}] {}", rule.id, rule.message)?;
    }
    let pending: Vec<_> = report
        .rules
        .iter()
        .filter(|r| r.status == Status::Pending)
        .map(|r| r.id.id())
        .collect();
    if !pending.is_empty() {
        write!(out, " (decided by the server: {})", pending.join(", "))?;
    }
    writeln!(out)
}

fn write_error(
    out: &mut dyn Write,
    json: bool,
    index: usize,
    error: &str,
    message: &str,
) -> io::Result<()> {
    if json {
        let line = JsonErrorLine {
            password_index: index,
            accepted: false,
            error,
            message,
        };
        serde_json::to_writer(&mut *out, &line)?;
        return writeln!(out);
    }
    writeln!(out, "password {}: rejected [{error}] {message}", index + 1)
}

/// A progress bar on stderr, only for people watching a terminal: never for `--json` or
/// when stdout is redirected. Its length is the input's size when stdin is a file.
fn progress_bar(json: bool) -> ProgressBar {
    if json || !io::stdout().is_terminal() || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total = std::fs::metadata("/dev/stdin")
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    let template = if total.is_some() {
        "{bar:40} {bytes}/{total_bytes} {msg}"
    } else {
        "{spinner} {bytes} read {msg}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}
