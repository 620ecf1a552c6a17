//! Rule messages in the reader's language, built only from the rule id, status, params and
//! the policy through the one catalogue (`passguard-i18n`), so every front end can produce
//! the same sentence from the same data.

use passguard_i18n::{Arg, Locale, quantity, span, text};

use crate::Duration;
use crate::policy::{Group, Policy};
use crate::report::{Param, Params, RuleId, Status};

pub(crate) fn render(
    locale: Locale,
    id: RuleId,
    status: Status,
    params: &Params,
    policy: &Policy,
) -> String {
    let int = |key| Arg::Int(params.get_int(key).unwrap_or(0));
    let rules = &policy.password;
    let outcome = match status {
        Status::Pass => "pass",
        Status::Fail => "fail",
        Status::Pending => "pending",
    };
    let key = |outcome: &str| format!("rule.{}.{outcome}", id.id());
    match id {
        RuleId::MinLength => text(
            locale,
            &key(outcome_or_pass(status)),
            &[("min", int("min")), ("actual", int("actual"))],
        ),
        RuleId::MaxLength => text(
            locale,
            &key(outcome_or_pass(status)),
            &[("max", int("max")), ("actual", int("actual"))],
        ),
        RuleId::CharacterGroups => {
            let of = rules
                .character_groups
                .as_ref()
                .map(|g| g.of.as_slice())
                .unwrap_or_default();
            let groups = of
                .iter()
                .map(|&g| group_name(locale, g, &rules.special_characters))
                .collect::<Vec<_>>()
                .join(", ");
            let listed = Arg::Int(i64::try_from(of.len()).unwrap_or(0));
            let args = [
                ("required", int("required")),
                ("listed", listed),
                ("actual", int("actual")),
                ("groups", Arg::Text(&groups)),
            ];
            let mut message = text(locale, &key(outcome_or_pass(status)), &args);
            if status == Status::Fail && params.get_int("uncounted").unwrap_or(0) > 0 {
                message.push(' ');
                message.push_str(&text(
                    locale,
                    "rule.character-groups.uncounted",
                    &[("uncounted", int("uncounted"))],
                ));
            }
            message
        }
        RuleId::AllowedCharacters => text(
            locale,
            &key(outcome_or_pass(status)),
            &[
                ("characters", Arg::Text(&rules.special_characters)),
                ("count", int("count")),
            ],
        ),
        RuleId::NotCommon | RuleId::NotPersonal | RuleId::NotCurrent => {
            text(locale, &key(outcome_or_pass(status)), &[])
        }
        RuleId::MinStrength => text(
            locale,
            &key(outcome_or_pass(status)),
            &[("min", int("min")), ("actual", int("actual"))],
        ),
        RuleId::NotReused => text(locale, &key(outcome), &[("history", int("history"))]),
        RuleId::NotBreached => text(locale, &key(outcome), &[]),
        RuleId::MinAge => {
            let min_age = match params.get("min_age") {
                Some(Param::Text(written)) => Duration::parse(written)
                    .map(|d| words(locale, d))
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let remaining = span(locale, params.get_int("remaining_seconds").unwrap_or(0));
            let outcome = match status {
                Status::Pass if params.get("changed_at").is_none() => "pass-first",
                _ => outcome,
            };
            text(
                locale,
                &key(outcome),
                &[
                    ("min_age", Arg::Text(&min_age)),
                    ("remaining", Arg::Text(&remaining)),
                ],
            )
        }
    }
}

/// Rules the engine always decides have no pending message.
fn outcome_or_pass(status: Status) -> &'static str {
    if status == Status::Fail {
        "fail"
    } else {
        "pass"
    }
}

/// A policy duration in words, in the unit it was written in: "48 hours", "48 Stunden".
pub(crate) fn words(locale: Locale, duration: Duration) -> String {
    let (count, unit) = duration.count_and_unit();
    quantity(locale, count, unit)
}

fn group_name(locale: Locale, group: Group, special: &str) -> String {
    text(
        locale,
        &format!("group.{}", group.id()),
        &[("characters", Arg::Text(special))],
    )
}
