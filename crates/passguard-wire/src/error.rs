//! The shape of every error answer: `{"error": id, "message": ...}` and, for some ids, the
//! details that let a page act on it.

use passguard_policy::Report;
use serde::{Deserialize, Serialize};

/// Every error answer of the API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// The stable kebab-case id, such as `invalid-credentials`.
    pub error: String,
    /// A sentence for the user, in the language `Accept-Language` asks for (English, German
    /// or French; English otherwise).
    pub message: String,
    /// What some errors add (the report of a refused password, when a change is allowed).
    #[serde(flatten)]
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub details: ErrorDetails,
}

/// The fields some error answers carry beside `error` and `message`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ErrorDetails {
    /// `password-rejected`, `min-age`: the engine's report on the password submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<Box<Report>>,
    /// `min-age`: when a change is allowed again (Unix seconds); also in `Retry-After`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_at: Option<i64>,
    /// `password-expired`: whether the session set may change the expired password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_change: Option<bool>,
    /// `password-expired`: when the password expired (Unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired_at: Option<i64>,
    /// `invalid-policy`: the dotted policy field at fault, such as `password.min_length`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn details_sit_beside_error_and_message_and_only_when_present() {
        let body = ErrorBody {
            error: "password-expired".to_owned(),
            message: "Expired.".to_owned(),
            details: ErrorDetails {
                can_change: Some(true),
                expired_at: Some(5),
                ..ErrorDetails::default()
            },
        };
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"error": "password-expired", "message": "Expired.", "can_change": true, "expired_at": 5})
        );
        assert_eq!(serde_json::from_value::<ErrorBody>(json).unwrap(), body);
    }
}
