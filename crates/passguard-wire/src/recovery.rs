//! A forgotten password: asking for a reset link, and redeeming it.

use serde::{Deserialize, Serialize};

use crate::values::Secret;

/// `POST /api/password/forgot`: a username or an e-mail address.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ForgotRequest {
    /// The account's username.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Or its e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// The one answer to a forgotten-password request, whether or not the account exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Accepted {
    /// In the request's language.
    pub message: String,
}

/// What a reset link shows before the answers (`GET /api/password/reset/{token}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetQuestions {
    /// The account's username.
    pub username: String,
    /// The questions chosen at registration, in order; answer them in this order.
    pub security_questions: Vec<String>,
    /// How many more wrong answers the account takes before it locks; `None` when wrong
    /// answers never lock it. Only the holder of the link sees it, to be warned in time.
    #[serde(default)]
    pub attempts_left: Option<u32>,
}

/// `POST /api/password/reset`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ResetRequest {
    /// The token of the reset link.
    pub token: String,
    /// The answers, in the order of the questions.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub answers: Vec<Secret>,
    /// The password chosen.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    pub new_password: Secret,
}

/// `POST /api/unlock`: redeems the unlock link of a lock e-mail (policy `unlock = "email"`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UnlockRequest {
    /// The token of the unlock link.
    pub token: String,
}
