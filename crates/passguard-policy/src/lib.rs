#![doc = include_str!("../README.md")]

mod audit;
mod check;
mod duration;
mod error;
#[cfg(feature = "json")]
mod json;
mod messages;
mod overlay;
mod password_rules;
mod policy;
mod presets;
mod report;
mod text;
mod warm;

pub use audit::{AuditOptions, AuditReport, Finding, Level, Standard, audit};
pub use check::{Context, HistoryVerifier, NoHistory};
pub use duration::{Duration, DurationError};
pub use error::PolicyError;
pub use overlay::{LockoutOverlay, PasswordOverlay, PolicyOverlay, ResetOverlay};
pub use passguard_i18n::Locale;
pub use passguard_strength::{CrackTimes, WordsError, has_words, load_words};
pub use policy::{
    Blocklist, Breached, CharacterGroups, Group, LockoutRules, OtherCharacters, PasswordRules,
    Policy, ResetRules, Unlock,
};
pub use presets::{PRESET_NAMES, preset_toml};
pub use report::{Param, Params, Report, RuleId, RuleOutcome, Status, Strength};
pub use text::{length, normalize};
pub use warm::{warm_up, warm_up_step};
