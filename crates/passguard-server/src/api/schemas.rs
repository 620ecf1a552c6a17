//! Schemas that only describe JSON for the OpenAPI document: the policy, the engine's report
//! and audit (whose types live in the engine and carry no OpenAPI derive), and the error
//! answers that carry them. The handlers name them in their annotations.

#![expect(dead_code, reason = "describes JSON for the OpenAPI document only")]

use utoipa::ToSchema;

/// A policy document (see SPEC §1 for every field).
#[derive(ToSchema)]
pub(crate) struct PolicyDoc {
    name: String,
    /// `min_length`, `max_length`, `character_groups`, `special_characters`, …
    #[schema(value_type = Object)]
    password: (),
    /// `max_failed_logins`, `max_failed_security_answers`, `unlock`, `notify`.
    #[schema(value_type = Object)]
    lockout: (),
    /// `token_lifetime`, `security_questions`, `admin_reset_revokes`.
    #[schema(value_type = Object)]
    reset: (),
}

/// The engine's report on a password (SPEC §2).
#[derive(ToSchema)]
pub(crate) struct ReportDoc {
    /// True when no rule failed.
    accepted: bool,
    rules: Vec<RuleDoc>,
    /// The strength estimate, when the engine makes one.
    #[schema(value_type = Option<Object>)]
    strength: (),
}

/// One rule's verdict.
#[derive(ToSchema)]
pub(crate) struct RuleDoc {
    /// `min-length`, `max-length`, `character-groups`, `allowed-characters`, `not-common`,
    /// `not-personal`, `min-strength`, `not-current`, `not-reused` or `min-age`.
    id: String,
    /// `pass`, `fail` or `pending`.
    status: String,
    /// In the request's language (`Accept-Language`: English, German or French); `id` and
    /// `params` let a front end word it itself.
    message: String,
    #[schema(value_type = Object)]
    params: (),
}

/// 422 `password-rejected`.
#[derive(ToSchema)]
pub(crate) struct RejectedBody {
    error: String,
    message: String,
    report: ReportDoc,
}

/// 429 `min-age`.
#[derive(ToSchema)]
pub(crate) struct MinAgeBody {
    error: String,
    message: String,
    /// When a change is allowed again (Unix seconds); also in `Retry-After`.
    allowed_at: i64,
    report: ReportDoc,
}

/// What `passguard policy audit --json` prints (`passguard_policy::AuditReport`).
#[derive(ToSchema)]
#[schema(as = AuditReport)]
pub(crate) struct AuditReportDoc {
    /// The policy's name.
    policy: String,
    /// The OWASP ASVS level audited against (1 to 3).
    asvs_level: u8,
    /// True when no finding is SHALL or SHALL NOT.
    conforms: bool,
    /// Every departure from NIST SP 800-63B-4 and OWASP ASVS 5.0 V6.
    findings: Vec<FindingDoc>,
}

/// One departure from a standard.
#[derive(ToSchema)]
pub(crate) struct FindingDoc {
    /// A stable kebab-case id, such as `nist-min-length`.
    id: String,
    /// `nist-sp-800-63b-4` or `owasp-asvs-5.0`.
    standard: String,
    /// The clause as the standard numbers it, such as `§3.1.1.2 item 1` or `v5.0.0-6.2.1`.
    clause: String,
    /// `SHALL`, `SHALL NOT` or `SHOULD`.
    level: String,
    /// The policy field concerned, such as `password.min_length`.
    field: String,
    /// What the standard asks and what to change, in the request's language.
    explanation: String,
}
