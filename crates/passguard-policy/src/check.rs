//! Evaluation: one function from (policy, password, context) to the [`Report`].
//!
//! The same function serves the browser and the server. What only the server knows (stored
//! password hashes) comes in through [`HistoryVerifier`]; what time it is comes in through
//! [`Context::now`]. Every step is linear in the password's length.

use std::fmt;

use passguard_i18n::Locale;
use serde::Deserialize;
use subtle::ConstantTimeEq;

use crate::messages;
use crate::policy::{Blocklist, Breached, CharacterGroups, Group, OtherCharacters, Policy};
use crate::report::{Param, Params, Report, RuleId, RuleOutcome, Status, Strength};
use crate::text::{self, Composition, SpecialSet};

/// What is known about the person and the moment of the check. Every field is optional:
/// a rule that needs a missing field reports `pending`, or is absent when it cannot apply.
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Context {
    /// The account's username.
    pub username: Option<String>,
    /// The account's e-mail address.
    pub email: Option<String>,
    /// The person's name as shown, such as "Ada Lovelace".
    pub display_name: Option<String>,
    /// The password in force, when changing it; enables `not-current`.
    pub current_password: Option<String>,
    /// When the password in force was set (Unix seconds); `None` when there is none yet.
    pub password_changed_at: Option<i64>,
    /// The time of the check (Unix seconds); `None` leaves `min-age` pending.
    pub now: Option<i64>,
    /// The language of the messages (`en`, `de` or `fr`); English when absent.
    pub locale: Option<Locale>,
    /// Whether the password (as typed or in its NFKC form) is in a corpus of breached
    /// passwords, as whoever checks looked it up: the server in its store, the pages through
    /// the range API. `None` leaves `not-breached` pending.
    pub breached: Option<bool>,
}

impl Context {
    /// The words an attacker may know about the person, for `not-personal` and the
    /// estimator: the username, the e-mail address and its local part, and each word of the
    /// display name.
    fn personal_inputs(&self) -> Vec<String> {
        let mut inputs = Vec::new();
        inputs.extend(self.username.iter().cloned());
        if let Some(email) = &self.email {
            inputs.push(email.clone());
            if let Some((local, _)) = email.rsplit_once('@') {
                inputs.push(local.to_owned());
            }
        }
        if let Some(name) = &self.display_name {
            inputs.extend(name.split_whitespace().map(str::to_owned));
        }
        inputs
    }
}

impl fmt::Debug for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("username", &self.username)
            .field("email", &self.email)
            .field("display_name", &self.display_name)
            .field(
                "current_password",
                &self.current_password.as_ref().map(|_| "<redacted>"),
            )
            .field("password_changed_at", &self.password_changed_at)
            .field("now", &self.now)
            .field("locale", &self.locale)
            .field("breached", &self.breached)
            .finish()
    }
}

/// Answers whether a password was used before. The server implements it over its stored
/// hashes; elsewhere [`NoHistory`] leaves `not-reused` pending.
pub trait HistoryVerifier {
    /// `Some(true)` when `normalized` (the NFKC form of the candidate) equals one of the
    /// remembered passwords, `Some(false)` when it equals none, `None` when unknown.
    fn was_used(&self, normalized: &str) -> Option<bool>;
}

/// The history of a browser or a command line: unknown, so `not-reused` stays pending.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoHistory;

impl HistoryVerifier for NoHistory {
    fn was_used(&self, _normalized: &str) -> Option<bool> {
        None
    }
}

impl Policy {
    /// Checks `password` against every rule this policy enables.
    ///
    /// `not-reused` stays `pending`: only a [`HistoryVerifier`] can decide it (see
    /// [`Policy::check_with`]).
    ///
    /// # Examples
    /// ```
    /// use passguard_policy::{Context, Policy, RuleId, Status};
    /// let policy = Policy::preset("security-admin")?;
    /// let report = policy.check("Xyz<wxyz", &Context::default());
    /// assert!(!report.accepted);
    /// assert_eq!(report.rule(RuleId::CharacterGroups).map(|r| r.status), Some(Status::Fail));
    /// # Ok::<(), passguard_policy::PolicyError>(())
    /// ```
    #[must_use]
    pub fn check(&self, password: &str, context: &Context) -> Report {
        self.check_with(password, context, &crate::NoHistory)
    }

    /// Checks `password`, asking `history` about reuse.
    ///
    /// The verifier is consulted only when every other rule passed: it is the expensive
    /// step on a server (one Argon2 verification per remembered password), and a password
    /// that fails anyway needs no such work. Until then `not-reused` reports `pending`.
    #[must_use]
    pub fn check_with(
        &self,
        password: &str,
        context: &Context,
        history: &dyn HistoryVerifier,
    ) -> Report {
        let rules = &self.password;
        let locale = context.locale.unwrap_or_default();
        let normalized = text::normalize(password);
        let composition = text::compose(&normalized, &SpecialSet::new(&rules.special_characters));
        let mut outcomes = Vec::with_capacity(RuleId::ALL.len());
        let mut push = |id, status, params| outcomes.push((id, status, params));

        push(
            RuleId::MinLength,
            min_length(rules.min_length, composition.length),
            length_params("min", rules.min_length, composition.length),
        );
        push(
            RuleId::MaxLength,
            max_length(rules.max_length, composition.length),
            length_params("max", rules.max_length, composition.length),
        );
        if let Some(groups) = rules.character_groups.as_ref().filter(|g| g.required > 0) {
            let (status, params) = character_groups(groups, composition);
            push(RuleId::CharacterGroups, status, params);
        }
        if rules.other_characters == OtherCharacters::Reject {
            let status = if composition.other == 0 {
                Status::Pass
            } else {
                Status::Fail
            };
            push(
                RuleId::AllowedCharacters,
                status,
                Params::default().int("count", composition.other),
            );
        }
        let inputs = context.personal_inputs();
        let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        let estimate = passguard_strength::estimate(&normalized, &inputs);
        // Without the word lists (a build that loads them, before they arrived) the rules
        // that need them wait, as the server-decided ones do.
        let words = passguard_strength::has_words();
        if rules.blocklist == Blocklist::Common {
            let status = if !words {
                Status::Pending
            } else if passguard_strength::is_common(&normalized) {
                Status::Fail
            } else {
                Status::Pass
            };
            push(RuleId::NotCommon, status, Params::default());
        }
        if rules.breached == Breached::Block {
            push(
                RuleId::NotBreached,
                found(context.breached),
                Params::default(),
            );
        }
        if rules.forbid_personal_info {
            let personal = passguard_strength::personal_match(&normalized, &inputs);
            push(
                RuleId::NotPersonal,
                if personal { Status::Fail } else { Status::Pass },
                Params::default(),
            );
        }
        if rules.min_strength > 0 {
            let score = u8::from(estimate.score);
            let status = if !words {
                Status::Pending
            } else if score >= rules.min_strength {
                Status::Pass
            } else {
                Status::Fail
            };
            push(
                RuleId::MinStrength,
                status,
                Params::default()
                    .int("min", rules.min_strength)
                    .int("actual", score),
            );
        }
        if let Some(current) = &context.current_password {
            let same: bool = text::normalize(current)
                .as_bytes()
                .ct_eq(normalized.as_bytes())
                .into();
            push(
                RuleId::NotCurrent,
                if same { Status::Fail } else { Status::Pass },
                Params::default(),
            );
        }
        if rules.history > 0 {
            let failed_so_far = outcomes
                .iter()
                .any(|(_, status, _)| *status == Status::Fail);
            let verdict = if failed_so_far {
                None
            } else {
                history.was_used(&normalized)
            };
            let status = found(verdict);
            outcomes.push((
                RuleId::NotReused,
                status,
                Params::default().int("history", rules.history),
            ));
        }
        if let Some(min_age) = rules.min_age.filter(|age| age.as_secs() > 0) {
            let (status, params) = min_age_rule(min_age, context);
            outcomes.push((RuleId::MinAge, status, params));
        }

        let rules: Vec<RuleOutcome> = outcomes
            .into_iter()
            .map(|(id, status, params)| RuleOutcome {
                message: messages::render(locale, id, status, &params, self),
                id,
                status,
                params,
            })
            .collect();
        Report {
            accepted: rules.iter().all(|rule| rule.status != Status::Fail),
            rules,
            strength: Strength::new(estimate, locale),
        }
    }
}

fn length_params(bound: &'static str, limit: u32, actual: usize) -> Params {
    Params::default().int(bound, limit).int("actual", actual)
}

fn min_length(min: u32, actual: usize) -> Status {
    if actual >= min as usize {
        Status::Pass
    } else {
        Status::Fail
    }
}

fn max_length(max: u32, actual: usize) -> Status {
    if actual <= max as usize {
        Status::Pass
    } else {
        Status::Fail
    }
}

fn character_groups(groups: &CharacterGroups, composition: Composition) -> (Status, Params) {
    let listed = |present: bool| -> Vec<String> {
        Group::ALL
            .into_iter()
            .filter(|group| {
                groups.of.contains(group) && (composition.groups & group.bit() != 0) == present
            })
            .map(|group| group.id().to_owned())
            .collect()
    };
    let present = listed(true);
    let status = if present.len() >= groups.required as usize {
        Status::Pass
    } else {
        Status::Fail
    };
    let params = Params::default()
        .int("required", groups.required)
        .int("actual", present.len())
        .with("missing", Param::List(listed(false)))
        .int("uncounted", composition.other);
    (status, params)
}

fn min_age_rule(min_age: crate::Duration, context: &Context) -> (Status, Params) {
    let params = Params::default().text("min_age", min_age.to_string());
    let Some(now) = context.now else {
        return (Status::Pending, params);
    };
    let Some(changed_at) = context.password_changed_at else {
        return (Status::Pass, params);
    };
    let allowed_at = changed_at.saturating_add(min_age.as_secs_i64());
    let params = params
        .int("changed_at", changed_at)
        .int("allowed_at", allowed_at);
    if now >= allowed_at {
        (Status::Pass, params)
    } else {
        (
            Status::Fail,
            params.int("remaining_seconds", allowed_at.saturating_sub(now)),
        )
    }
}

/// A rule that fails when the password was found (in the breach corpus, in the history), and
/// waits for whoever can look when that is not known here.
fn found(found: Option<bool>) -> Status {
    match found {
        Some(true) => Status::Fail,
        Some(false) => Status::Pass,
        None => Status::Pending,
    }
}
