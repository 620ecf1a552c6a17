//! `passguard breach import`: load a corpus of breached passwords (Have I Been Pwned's
//! `SHA1:COUNT` lines or plaintext) into the server's store, with a progress bar on a
//! terminal and one summary line at the end.

use std::io::{self, IsTerminal};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use passguard_breach::{
    Error, Format, ImportOptions, ImportSummary, Phase, Progress, Source, import,
};

use crate::UsageError;

/// `passguard breach import`.
#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The corpus: a file, or `-` for standard input. An interrupted import of a file
    /// resumes when the same file is imported again.
    file: PathBuf,
    /// How the lines are read: `hibp` (SHA1 or SHA1:COUNT), `plaintext` (one password a
    /// line), or `auto` to decide from the first non-empty line.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,
    /// The store file, created if missing (its directory must exist).
    #[arg(long)]
    store: PathBuf,
    /// Skip and count invalid HIBP lines instead of stopping at the first one.
    #[arg(long)]
    skip_invalid: bool,
    /// Build the store from this corpus alone, instead of adding it to what the store holds.
    #[arg(long)]
    replace: bool,
    /// Skip HIBP lines whose count is below this (lines without a count are kept).
    #[arg(long, default_value_t = 0)]
    min_count: u64,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    Auto,
    Hibp,
    Plaintext,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Auto => Self::Auto,
            FormatArg::Hibp => Self::Hibp,
            FormatArg::Plaintext => Self::Plaintext,
        }
    }
}

pub(crate) fn import_command(args: &ImportArgs) -> Result<ExitCode, UsageError> {
    let options = ImportOptions {
        format: args.format.into(),
        skip_invalid: args.skip_invalid,
        replace: args.replace,
        min_count: args.min_count,
        ..ImportOptions::default()
    };
    let from_stdin = args.file == Path::new("-");
    let bar = progress_bar(if from_stdin {
        None
    } else {
        std::fs::metadata(&args.file).ok().map(|m| m.len())
    });
    let mut report = |progress: &Progress| {
        show(&bar, progress);
        ControlFlow::Continue(())
    };
    let outcome = if from_stdin {
        let mut stdin = io::BufReader::with_capacity(1 << 18, io::stdin().lock());
        import(
            &args.store,
            Source::Reader(&mut stdin),
            &options,
            &mut report,
        )
    } else {
        import(&args.store, Source::File(&args.file), &options, &mut report)
    };
    bar.finish_and_clear();
    let summary = outcome.map_err(|error| explain(args, &error))?;
    crate::print(&format!("{}\n", summary_line(&args.store, &summary)))?;
    Ok(ExitCode::SUCCESS)
}

/// The error as one line, with what to do about it when there is something to do.
fn explain(args: &ImportArgs, error: &Error) -> UsageError {
    let input = args.file.display();
    UsageError(match error {
        Error::InvalidLine { .. } => {
            format!("{input}: {error} (--skip-invalid skips such lines)")
        }
        Error::Corrupt { path, .. } if path == &args.store => {
            format!("{error} (--replace builds a new store from this corpus alone)")
        }
        _ => error.to_string(),
    })
}

fn summary_line(store: &Path, summary: &ImportSummary) -> String {
    let counts = &summary.counts;
    let mut line = format!(
        "{}: {} lines read as {}, {} entries added, {} in total, {:.2} bytes/entry ({} bytes)",
        store.display(),
        counts.lines,
        summary.format.id(),
        summary.added(),
        summary.entries,
        summary.bytes_per_entry(),
        summary.file_bytes,
    );
    for (n, what) in [
        (counts.invalid, "invalid lines skipped"),
        (counts.below_min_count, "lines below --min-count skipped"),
        (counts.too_long, "over-long lines skipped"),
    ] {
        if n > 0 {
            line.push_str(&format!("; {n} {what}"));
        }
    }
    if let Some(at) = summary.resumed_after_line {
        line.push_str(&format!("; resumed after line {at}"));
    }
    line
}

/// A bar on stderr only when a person is watching it: bytes with an ETA for a file, a
/// line count for standard input.
fn progress_bar(total: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    let template = if total.is_some() {
        "{bar:40} {bytes}/{total_bytes} ({eta}) {msg}"
    } else {
        "{spinner} {msg}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

fn show(bar: &ProgressBar, progress: &Progress) {
    if bar.is_hidden() {
        return;
    }
    match progress.phase {
        Phase::Reading => {
            bar.set_position(progress.bytes);
            bar.set_message(format!("{} lines", progress.counts.lines));
        }
        Phase::Merging { done } => {
            bar.set_position(progress.bytes);
            bar.set_message(format!(
                "{} lines; writing the store {done}/256",
                progress.counts.lines
            ));
        }
    }
}
