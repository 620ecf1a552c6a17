//! Why a call from JavaScript was refused, and the one place such an error becomes a JS `Error`.
//!
//! A weak password is never an error: it is a report. Only a bad policy or an argument of the
//! wrong shape is, and the message names the field and the reason, as the CLI's do.

use std::fmt;

use passguard_policy::PolicyError;

/// A refused call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Error {
    /// The policy is unknown, malformed or out of range; its message names the policy field.
    Policy(PolicyError),
    /// An argument has the wrong type or value.
    Argument {
        /// The argument, or its field as JavaScript spells it, such as `context.now`.
        field: String,
        /// Why it was refused. Never quotes the value: it may be a password.
        reason: String,
    },
    /// The report or policy could not be handed to JavaScript. Not expected to happen.
    Output(String),
}

impl Error {
    pub(crate) fn argument(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::Argument {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The field concerned: a policy field such as `password.min_length`, or an argument
    /// such as `context.passwordChangedAt`.
    pub(crate) fn field(&self) -> Option<&str> {
        match self {
            Self::Policy(error) => error.field(),
            Self::Argument { field, .. } => Some(field),
            Self::Output(_) => None,
        }
    }

    /// The JavaScript `Error` thrown for this one: its `message` is [`Display`](fmt::Display)'s
    /// text, and its `field` property names the field when there is one.
    pub(crate) fn into_js(self) -> js_sys::Error {
        let error = js_sys::Error::new(&self.to_string());
        if let Some(field) = self.field() {
            // Setting a property on a fresh, ordinary Error object cannot fail.
            let _ = js_sys::Reflect::set(&error, &"field".into(), &field.into());
        }
        error
    }
}

impl From<PolicyError> for Error {
    fn from(error: PolicyError) -> Self {
        Self::Policy(error)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Policy(error) => error.fmt(f),
            Self::Argument { field, reason } => write!(f, "{field}: {reason}"),
            Self::Output(reason) => write!(f, "passguard could not build its answer: {reason}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn messages_name_the_field_first() {
        let error = Error::argument("context.now", "expected a Date");
        assert_eq!(error.to_string(), "context.now: expected a Date");
        assert_eq!(error.field(), Some("context.now"));
        let error = Error::from(PolicyError::Invalid {
            field: "password.min_length",
            reason: "must be at least 1".to_owned(),
        });
        assert_eq!(error.to_string(), "password.min_length: must be at least 1");
        assert_eq!(error.field(), Some("password.min_length"));
    }
}
