//! The engine's one error type: why a policy could not be loaded.
//!
//! A weak password is never an error (it is a [`crate::Report`]); only a policy can be wrong.

use std::fmt;

/// Why a policy was refused. The message always names the field concerned when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyError {
    /// The document is malformed, has an unknown field or a value of the wrong type.
    Syntax {
        /// The dotted path of the field, such as `password.min_length`, when known.
        field: Option<String>,
        /// What the parser said, on one line.
        message: String,
    },
    /// The values are well-formed but out of range or contradictory.
    Invalid {
        /// The dotted path of the field, such as `password.min_length`.
        field: &'static str,
        /// Why the value was refused.
        reason: String,
    },
    /// No built-in preset has this name.
    UnknownPreset {
        /// The name asked for.
        name: String,
    },
}

impl PolicyError {
    pub(crate) fn syntax(field: Option<String>, error: &dyn fmt::Display) -> Self {
        // Parsers' messages can span lines (TOML shows a snippet of the file); one line
        // reads better in a terminal, a log or a JS exception, with the position at the end.
        let text = error.to_string();
        let mut location = None;
        let mut parts = Vec::new();
        for line in text.lines().map(str::trim) {
            if let Some(at) = line.strip_prefix("TOML parse error at ") {
                location = Some(at.to_owned());
            } else if !line.is_empty() && !line.starts_with('|') && !starts_with_line_number(line) {
                parts.push(line);
            }
        }
        let mut message = parts.join("; ");
        if let Some(location) = location {
            message.push_str(&format!(" ({location})"));
        }
        Self::Syntax { field, message }
    }

    /// The field concerned, when there is one.
    #[must_use]
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::Syntax { field, .. } => field.as_deref(),
            Self::Invalid { field, .. } => Some(field),
            Self::UnknownPreset { .. } => None,
        }
    }
}

/// Lines of a TOML error snippet look like `3 | min_length = -1`.
fn starts_with_line_number(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && line
            .get(digits..)
            .is_some_and(|rest| rest.trim_start().starts_with('|'))
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax {
                field: Some(field),
                message,
            } => write!(f, "{field}: {message}"),
            Self::Syntax {
                field: None,
                message,
            } => f.write_str(message),
            Self::Invalid { field, reason } => write!(f, "{field}: {reason}"),
            Self::UnknownPreset { name } => write!(
                f,
                "no preset is named {name:?}; the presets are {}",
                crate::presets::PRESET_NAMES.join(", ")
            ),
        }
    }
}

impl std::error::Error for PolicyError {}
