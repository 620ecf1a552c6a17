//! The report of SPEC §2: every enabled rule's id, status, message and params.
//!
//! Ids and statuses are enums with stable kebab-case names; `params` carries the numbers
//! behind each message, so a front end can translate without parsing English. A report reads
//! back from its JSON unchanged (the pages read the server's verdict that way).

use std::borrow::Cow;
use std::fmt;

use passguard_i18n::{Locale, text};
use serde::de::{MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The stable id of a rule. Its [`Display`](fmt::Display) and serde form is the kebab-case id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    /// At least `min_length` code points.
    MinLength,
    /// At most `max_length` code points.
    MaxLength,
    /// Enough of the required character groups.
    CharacterGroups,
    /// No characters outside every group, when the policy rejects them.
    AllowedCharacters,
    /// Not on the common-password blocklist.
    NotCommon,
    /// Not in a corpus of breached passwords (decided by the server's store).
    NotBreached,
    /// Does not contain the username, e-mail or names.
    NotPersonal,
    /// Strength score at least `min_strength`.
    MinStrength,
    /// Differs from the current password.
    NotCurrent,
    /// Not one of the last `history` passwords.
    NotReused,
    /// The last change is at least `min_age` ago.
    MinAge,
}

impl RuleId {
    /// Every rule, in report order.
    pub const ALL: [RuleId; 11] = [
        RuleId::MinLength,
        RuleId::MaxLength,
        RuleId::CharacterGroups,
        RuleId::AllowedCharacters,
        RuleId::NotCommon,
        RuleId::NotBreached,
        RuleId::NotPersonal,
        RuleId::MinStrength,
        RuleId::NotCurrent,
        RuleId::NotReused,
        RuleId::MinAge,
    ];

    /// The stable kebab-case id.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            RuleId::MinLength => "min-length",
            RuleId::MaxLength => "max-length",
            RuleId::CharacterGroups => "character-groups",
            RuleId::AllowedCharacters => "allowed-characters",
            RuleId::NotCommon => "not-common",
            RuleId::NotBreached => "not-breached",
            RuleId::NotPersonal => "not-personal",
            RuleId::MinStrength => "min-strength",
            RuleId::NotCurrent => "not-current",
            RuleId::NotReused => "not-reused",
            RuleId::MinAge => "min-age",
        }
    }

    /// The rule with this id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|rule| rule.id() == id)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A rule's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The password satisfies the rule.
    Pass,
    /// The password breaks the rule.
    Fail,
    /// Only the server can decide (it holds the history and the account's dates).
    Pending,
}

impl Status {
    /// The stable id: `pass`, `fail` or `pending`.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Pending => "pending",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One value behind a message.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Param {
    /// A count, a length, a Unix timestamp in seconds or a number of seconds.
    Int(i64),
    /// A word or a duration such as `48h`.
    Text(String),
    /// Group ids and the like.
    List(Vec<String>),
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Param::Int(n) => serializer.serialize_i64(*n),
            Param::Text(text) => serializer.serialize_str(text),
            Param::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
        }
    }
}

/// The named values behind a rule's message, in a fixed order; serialised as a map.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(Cow<'static, str>, Param)>);

impl Params {
    pub(crate) fn with(mut self, key: &'static str, value: Param) -> Self {
        self.0.push((Cow::Borrowed(key), value));
        self
    }

    pub(crate) fn int(self, key: &'static str, value: impl TryInto<i64>) -> Self {
        self.with(key, Param::Int(value.try_into().unwrap_or(i64::MAX)))
    }

    pub(crate) fn text(self, key: &'static str, value: impl Into<String>) -> Self {
        self.with(key, Param::Text(value.into()))
    }

    /// The value named `key`.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Param> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The integer named `key`.
    #[must_use]
    pub fn get_int(&self, key: &str) -> Option<i64> {
        match self.get(key) {
            Some(Param::Int(n)) => Some(*n),
            _ => None,
        }
    }

    /// The names and values, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Param)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = Params;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of parameter names to values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Params, A::Error> {
                let mut params = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some((key, value)) = map.next_entry::<String, Param>()? {
                    params.push((Cow::Owned(key), value));
                }
                Ok(Params(params))
            }
        }
        deserializer.deserialize_map(InOrder)
    }
}

/// One rule's verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleOutcome {
    /// Which rule.
    pub id: RuleId,
    /// Pass, fail or pending.
    pub status: Status,
    /// A sentence for the user, in the language of the context (English by default).
    pub message: String,
    /// The values behind the message.
    pub params: Params,
}

/// The verdict on one password: every rule the policy enables, in a fixed order, and the
/// strength estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// True when no rule failed. Pending rules do not block: the server resolves them.
    pub accepted: bool,
    /// One outcome per enabled rule.
    pub rules: Vec<RuleOutcome>,
    /// How hard the password is to guess, whatever the policy requires.
    pub strength: Strength,
}

/// The strength part of a report: zxcvbn's estimate, with the feedback as English text and
/// as stable ids for front ends that translate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Strength {
    /// 0 (guessable in seconds) to 4 (very unguessable).
    pub score: u8,
    /// `log10` of the estimated number of guesses.
    pub guesses_log10: f64,
    /// Seconds to find the password in four attack scenarios.
    pub crack_times_seconds: passguard_strength::CrackTimes,
    /// Why the password is weak, in the context's language; none when the score is 3 or more.
    pub warning: Option<String>,
    /// What would make it stronger, in the context's language.
    pub suggestions: Vec<String>,
    /// The warning's stable id.
    pub warning_id: Option<Cow<'static, str>>,
    /// The suggestions' stable ids.
    pub suggestion_ids: Vec<Cow<'static, str>>,
}

impl Strength {
    /// The report's form of `estimate`, its feedback in `locale`.
    #[must_use]
    pub fn new(estimate: passguard_strength::Estimate, locale: Locale) -> Self {
        let feedback = |kind: &str, id: &str| text(locale, &format!("{kind}.{id}"), &[]);
        Self {
            score: estimate.score.into(),
            guesses_log10: estimate.guesses_log10,
            crack_times_seconds: estimate.crack_times_seconds,
            warning: estimate.warning.map(|w| feedback("warning", w.id())),
            suggestions: estimate
                .suggestions
                .iter()
                .map(|s| feedback("suggestion", s.id()))
                .collect(),
            warning_id: estimate.warning.map(|w| Cow::Borrowed(w.id())),
            suggestion_ids: estimate
                .suggestions
                .iter()
                .map(|s| Cow::Borrowed(s.id()))
                .collect(),
        }
    }
}

impl Report {
    /// The outcome of `id`, when the policy enables that rule.
    #[must_use]
    pub fn rule(&self, id: RuleId) -> Option<&RuleOutcome> {
        self.rules.iter().find(|outcome| outcome.id == id)
    }

    /// The rules that failed.
    pub fn failures(&self) -> impl Iterator<Item = &RuleOutcome> {
        self.rules
            .iter()
            .filter(|outcome| outcome.status == Status::Fail)
    }
}
