#![doc = include_str!("../README.md")]

mod catalogue;
mod locale;
mod template;

pub use catalogue::{Catalogue, ENGINE, Entry, entries};
pub use locale::Locale;
pub use template::{Arg, TemplateError, placeholders};

/// The text of `key` of the engine's catalogue ([`ENGINE`]) in `locale`, its parameters
/// filled from `args`: [`Catalogue::text`].
#[must_use]
pub fn text(locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    ENGINE.text(locale, key, args)
}

/// The string literals in `source` that look like whole catalogue keys starting with one of
/// `prefixes` (`"page.login.title"`, not `"page."` or `"rule.{id}"`), for the tests that keep
/// each speaker's sources and catalogue in step.
pub fn literal_keys<'s>(source: &'s str, prefixes: &[&str]) -> Vec<&'s str> {
    string_literals(source)
        .into_iter()
        .filter(|s| prefixes.iter().any(|p| s.starts_with(p)))
        .filter(|s| !s.ends_with('.') && !s.contains('{') && !s.contains(' '))
        .filter(|s| ![".json", ".rs", ".toml"].iter().any(|ext| s.ends_with(ext)))
        .filter(|s| {
            s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-._".contains(c))
        })
        .collect()
}

/// The contents of the `"…"` literals in Rust `source`, escapes left as written; a `'"'`
/// character literal does not open one.
fn string_literals(source: &str) -> Vec<&str> {
    let mut literals = Vec::new();
    let mut rest = source;
    while let Some(open) = rest.find('"') {
        let before = rest.get(..open).unwrap_or_default();
        let after = rest.get(open + 1..).unwrap_or_default();
        if before.ends_with('\'') && after.starts_with('\'') {
            rest = after;
            continue;
        }
        let mut escaped = false;
        let close = after.char_indices().find_map(|(at, c)| {
            let end = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            end.then_some(at)
        });
        let Some(close) = close else { break };
        literals.push(after.get(..close).unwrap_or_default());
        rest = after.get(close + 1..).unwrap_or_default();
    }
    literals
}

/// A duration in words, such as "48 hours" or "48 Stunden", for `count` of `unit`
/// (`day`, `hour`, `minute` or `second`).
#[must_use]
pub fn quantity(locale: Locale, count: u64, unit: &str) -> String {
    let count = i64::try_from(count).unwrap_or(i64::MAX);
    text(locale, &format!("unit.{unit}"), &[("n", Arg::Int(count))])
}

/// A span of time to wait, in at most two units, the smaller rounded up so that nobody is
/// told to come back too early: "2 days 3 hours", "5 minutes", "40 seconds".
#[must_use]
pub fn span(locale: Locale, seconds: i64) -> String {
    let seconds = seconds.max(0).unsigned_abs();
    if seconds < 60 {
        return quantity(locale, seconds, "second");
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
        quantity(locale, large.0, large.1)
    } else {
        format!(
            "{} {}",
            quantity(locale, large.0, large.1),
            quantity(locale, small.0, small.1)
        )
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn literal_keys_are_found_past_escaped_quotes_and_quote_characters() {
        let source =
            r#"let a = "say \"hi\""; let q = '"'; t("page.login.title"); f("page.{x}"); "page.""#;
        assert_eq!(
            super::literal_keys(source, &["page."]),
            ["page.login.title"]
        );
    }
}
