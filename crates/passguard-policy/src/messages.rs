//! English sentences for rule outcomes, built only from the rule id, status, params and the
//! policy, so that any other language can be produced from the same data.

use crate::Duration;
use crate::policy::{Group, Policy};
use crate::report::{Param, Params, RuleId, Status};

pub(crate) fn english(id: RuleId, status: Status, params: &Params, policy: &Policy) -> String {
    let int = |key| params.get_int(key).unwrap_or(0);
    let rules = &policy.password;
    let fail = status == Status::Fail;
    match (id, status) {
        (RuleId::MinLength, Status::Fail) => {
            format!(
                "Use at least {} characters ({} so far).",
                int("min"),
                int("actual")
            )
        }
        (RuleId::MinLength, _) => format!("At least {} characters.", int("min")),
        (RuleId::MaxLength, Status::Fail) => {
            format!(
                "Use at most {} characters ({} now).",
                int("max"),
                int("actual")
            )
        }
        (RuleId::MaxLength, _) => format!("At most {} characters.", int("max")),
        (RuleId::CharacterGroups, _) => {
            let of = rules
                .character_groups
                .as_ref()
                .map(|g| g.of.as_slice())
                .unwrap_or_default();
            let names = of
                .iter()
                .map(|&g| group_name(g, &rules.special_characters))
                .collect::<Vec<_>>();
            let (required, listed, names) = (int("required"), names.len(), names.join(", "));
            if !fail {
                return format!(
                    "Characters from at least {required} of these {listed} groups: {names}."
                );
            }
            let mut message = format!(
                "Use characters from at least {required} of these {listed} groups ({} so far): {names}.",
                int("actual")
            );
            match int("uncounted") {
                0 => {}
                1 => message.push_str(" 1 character counts toward none of them."),
                n => message.push_str(&format!(" {n} characters count toward none of them.")),
            }
            message
        }
        (RuleId::AllowedCharacters, _) => {
            let allowed = format!(
                "letters A–Z and a–z, digits 0–9 and the special characters {}",
                rules.special_characters
            );
            match int("count") {
                _ if !fail => format!("Only {allowed}."),
                1 => format!("Use only {allowed}; 1 character is not allowed."),
                n => format!("Use only {allowed}; {n} characters are not allowed."),
            }
        }
        (RuleId::NotCommon, Status::Fail) => {
            "This password is one of the most common: choose one nobody else would.".to_owned()
        }
        (RuleId::NotCommon, _) => "Not a commonly used password.".to_owned(),
        (RuleId::NotPersonal, Status::Fail) => {
            "Do not use your name, username or e-mail address in your password.".to_owned()
        }
        (RuleId::NotPersonal, _) => "Does not contain your name, username or e-mail.".to_owned(),
        (RuleId::MinStrength, Status::Fail) => {
            format!(
                "Choose a stronger password (strength {} of 4, {} needed).",
                int("actual"),
                int("min")
            )
        }
        (RuleId::MinStrength, _) => format!("Strength at least {} of 4.", int("min")),
        (RuleId::NotCurrent, Status::Fail) => {
            "Choose a password different from your current one.".to_owned()
        }
        (RuleId::NotCurrent, _) => "Differs from your current password.".to_owned(),
        (RuleId::NotReused, _) => {
            let last = match int("history") {
                1 => "your last password".to_owned(),
                n => format!("your last {n} passwords"),
            };
            match status {
                Status::Fail => {
                    format!("You used this password recently: it may not repeat {last}.")
                }
                Status::Pass => format!("Not one of {last}."),
                Status::Pending => format!("Not one of {last} (checked when you submit)."),
            }
        }
        (RuleId::MinAge, _) => {
            let min_age = match params.get("min_age") {
                Some(Param::Text(text)) => Duration::parse(text)
                    .map(Duration::to_words)
                    .unwrap_or_default(),
                _ => String::new(),
            };
            match status {
                Status::Fail => format!(
                    "You changed your password less than {min_age} ago; you can change it again in {}.",
                    span_in_words(int("remaining_seconds"))
                ),
                Status::Pass if params.get("changed_at").is_none() => {
                    format!("Can be changed now (at most once every {min_age}).")
                }
                Status::Pass => format!("Last change at least {min_age} ago."),
                Status::Pending => {
                    format!("At most one change every {min_age} (checked when you submit).")
                }
            }
        }
    }
}

fn group_name(group: Group, special: &str) -> String {
    match group {
        Group::Upper => "capital letters (A–Z)".to_owned(),
        Group::Lower => "small letters (a–z)".to_owned(),
        Group::Digit => "digits (0–9)".to_owned(),
        Group::Special => format!("special characters ({special})"),
    }
}

/// "2 days 3 hours", "5 hours 1 minute", "40 seconds": at most two units, the smaller one
/// rounded up, so that the user is never told to come back too early.
pub(crate) fn span_in_words(seconds: i64) -> String {
    let seconds = seconds.max(0).unsigned_abs();
    if seconds < 60 {
        return plural(seconds, "second");
    }
    let minutes = seconds.div_ceil(60);
    let (large, small) = if minutes < 60 {
        ((minutes, "minute"), (0, "second"))
    } else if minutes < 1_440 {
        ((minutes / 60, "hour"), (minutes % 60, "minute"))
    } else {
        let (days, hours) = (minutes / 1_440, (minutes % 1_440).div_ceil(60));
        if hours == 24 {
            ((days + 1, "day"), (0, "hour"))
        } else {
            ((days, "day"), (hours, "hour"))
        }
    };
    if small.0 == 0 {
        plural(large.0, large.1)
    } else {
        format!("{} {}", plural(large.0, large.1), plural(small.0, small.1))
    }
}

fn plural(n: u64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::span_in_words;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn spans_read_naturally_and_round_up() {
        for (seconds, words) in [
            (0, "0 seconds"),
            (1, "1 second"),
            (59, "59 seconds"),
            (60, "1 minute"),
            (61, "2 minutes"),
            (3_600, "1 hour"),
            (3_660, "1 hour 1 minute"),
            (172_799, "2 days"),
            (90_000, "1 day 1 hour"),
            (86_460, "1 day 1 hour"),
            (172_740, "2 days"),
            (-5, "0 seconds"),
        ] {
            assert_eq!(span_in_words(seconds), words, "{seconds}");
        }
    }
}
