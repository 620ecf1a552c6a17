#![doc = include_str!("../README.md")]

mod catalogue;
mod locale;
mod template;

pub use catalogue::{Entry, entries};
pub use locale::Locale;
pub use template::{Arg, TemplateError, placeholders};

/// The text of `key` in `locale`, its parameters filled from `args`.
///
/// A key missing from the catalogue yields the key itself (a test keeps every key the code
/// uses in the catalogue); a parameter missing from `args` yields `{name}` in place.
#[must_use]
pub fn text(locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    match catalogue::find(key) {
        Some(entry) => template::render(entry.text(locale), locale, args),
        None => key.to_owned(),
    }
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
