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
        // Parsers' messages can span lines (TOML shows a snippet); one line reads better in a
        // terminal, a log or a JS exception.
        let message = error
            .to_string()
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('|') && !line.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .collect::<Vec<_>>()
            .join("; ");
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

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax { field: Some(field), message } => write!(f, "{field}: {message}"),
            Self::Syntax { field: None, message } => f.write_str(message),
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
