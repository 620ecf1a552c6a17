//! The crate's one error type: what failed, where (the file, or the line of the input), and
//! the cause.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Why an input line is not a Have I Been Pwned line (`SHA1` or `SHA1:COUNT`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineError {
    /// 32 hex digits: the NTLM download, not the SHA-1 one.
    Ntlm,
    /// The hash part has this many characters instead of 40 hex digits.
    HashLength(usize),
    /// The character at this 1-based column is not a hex digit.
    NotHex(usize),
    /// What follows `:` is not a decimal count.
    BadCount,
    /// Longer than [`crate::MAX_LINE_BYTES`].
    TooLong,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ntlm => f.write_str(
                "32 hex digits look like an NTLM hash; import the SHA-1 download \
                 (40 hex digits a line)",
            ),
            Self::HashLength(n) => write!(
                f,
                "expected a SHA-1 of 40 hex digits, optionally followed by :COUNT, \
                 but the hash part has {n} characters"
            ),
            Self::NotHex(column) => write!(f, "character {column} is not a hex digit"),
            Self::BadCount => f.write_str("the count after ':' is not a decimal number"),
            Self::TooLong => write!(f, "the line is longer than {} bytes", crate::MAX_LINE_BYTES),
        }
    }
}

/// What went wrong while importing into, opening or reading a store.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// An I/O operation on a file failed; `action` says what was being done
    /// ("reading", "creating", …).
    Io {
        /// What was being done.
        action: &'static str,
        /// The file or directory, or `-` for standard input.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The store file is not a valid store: wrong magic or version, truncated, a table
    /// that does not add up, or a digest that does not match.
    Corrupt {
        /// The store file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// An input line is not a Have I Been Pwned line (only with the `hibp` format and
    /// without `skip_invalid`).
    InvalidLine {
        /// The 1-based line number.
        line: u64,
        /// What is wrong with it.
        reason: LineError,
    },
    /// A range prefix that is not 5 hex digits.
    InvalidPrefix,
    /// The store would hold more entries than the format's u32 indexes reach.
    TooManyEntries(u64),
    /// Another import into the same store holds its staging directory.
    Busy(PathBuf),
    /// The progress callback asked to stop; what was read up to the last checkpoint is kept
    /// and the next import of the same file resumes from there.
    Interrupted,
}

impl Error {
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(io::Error) -> Self {
        let path = path.into();
        move |source| Self::Io {
            action,
            path,
            source,
        }
    }

    pub(crate) fn corrupt(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        Self::Corrupt {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io {
                action,
                path,
                source,
            } => write!(f, "{action} {}: {source}", path.display()),
            Self::Corrupt { path, reason } => {
                write!(f, "{}: not a usable breach store: {reason}", path.display())
            }
            Self::InvalidLine { line, reason } => write!(f, "line {line}: {reason}"),
            Self::InvalidPrefix => f.write_str("a range prefix is 5 hex digits"),
            Self::TooManyEntries(n) => write!(
                f,
                "{n} entries: a store holds at most {}",
                crate::format::MAX_ENTRIES
            ),
            Self::Busy(path) => write!(
                f,
                "another import into this store is running (it holds {})",
                path.display()
            ),
            Self::Interrupted => f.write_str("the import was interrupted; run it again to resume"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
