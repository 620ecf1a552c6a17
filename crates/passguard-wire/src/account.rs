//! An account's own requests and answers: registration from an invitation link, login, the
//! account's state, and changing the password.

use serde::{Deserialize, Serialize};

use crate::values::{AccountStatus, Role, Secret};

/// `POST /api/login`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The username (or, where the server accepts it, the e-mail address).
    pub username: String,
    /// The password.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    pub password: Secret,
}

/// An account as its owner sees it (`GET /api/me`, and the answer to a login or a change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// The username.
    pub username: String,
    /// The e-mail address.
    pub email: String,
    /// The account's role.
    pub role: Role,
    /// The slug of its organization; none for the operator's own accounts.
    pub org: Option<String>,
    /// Its organization's name.
    pub org_name: Option<String>,
    /// The account's status.
    pub status: AccountStatus,
    /// When the password was set (Unix seconds).
    pub password_changed_at: Option<i64>,
    /// When the password may be changed again (Unix seconds), if the policy sets a minimum age.
    pub can_change_after: Option<i64>,
    /// When the password expires (Unix seconds), if the policy lets passwords expire.
    pub expires_at: Option<i64>,
    /// True when this session may only change the (expired) password.
    pub must_change_password: bool,
    /// The login notice for the account's role, if one is configured.
    pub notice: Option<String>,
    /// Who to contact for assistance.
    pub support_contact: String,
    /// The server's clock (Unix seconds), so that pages count down against the time the
    /// server decides by, not a browser clock that may be off.
    pub now: i64,
}

/// `POST /api/password/change`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeRequest {
    /// The password in use now.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    pub current_password: Secret,
    /// The password chosen.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    pub new_password: Secret,
}

/// What an invitation link shows before registering (`GET /api/register/{token}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invitation {
    /// The invited username.
    pub username: String,
    /// The invited e-mail address.
    pub email: String,
    /// How many security questions to choose.
    pub security_questions: u32,
}

/// One security question and its answer, chosen at registration.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct QuestionAnswer {
    /// The question, in the user's own words.
    pub question: String,
    /// The answer.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub answer: Secret,
}

/// `POST /api/register`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    /// The token of the registration link.
    pub token: String,
    /// The password chosen.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Password))]
    pub password: Secret,
    /// Exactly the policy's number of questions, each with its answer.
    pub security_questions: Vec<QuestionAnswer>,
}

/// The account a registration or reset was for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Done {
    /// Its username.
    pub username: String,
}
