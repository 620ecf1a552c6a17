//! Policy durations such as `48h`, `90d`, `15min`: parsing, validation and display.
//!
//! Durations are whole seconds. A parsed duration keeps the unit it was written in, so a
//! policy saying `48h` prints, and explains itself to users, as "48 hours", not "2 days".

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A non-negative length of time, in whole seconds, remembering the unit it was written in.
///
/// Equality and order compare the length only: `48h == 2d`.
#[derive(Debug, Clone, Copy)]
pub struct Duration {
    seconds: u64,
    unit: usize,
}

impl PartialEq for Duration {
    fn eq(&self, other: &Self) -> bool {
        self.seconds == other.seconds
    }
}

impl Eq for Duration {}

impl PartialOrd for Duration {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Duration {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.seconds.cmp(&other.seconds)
    }
}

/// Why a duration string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError {
    input: String,
    reason: &'static str,
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a duration: {}", self.input, self.reason)
    }
}

impl std::error::Error for DurationError {}

/// Units in the order tried when printing: the largest that divides evenly wins.
const UNITS: [(&str, u64, &str); 4] = [
    ("d", 86_400, "day"),
    ("h", 3_600, "hour"),
    ("min", 60, "minute"),
    ("s", 1, "second"),
];

impl Duration {
    /// The longest duration a policy may state: ten years. Longer values are typing mistakes.
    pub const MAX: Duration = Duration {
        seconds: 3_650 * 86_400,
        unit: 0,
    };
    /// No time at all (`"0d"`).
    pub const ZERO: Duration = Duration {
        seconds: 0,
        unit: 0,
    };

    /// A duration of `days` days.
    #[must_use]
    pub const fn from_days(days: u64) -> Self {
        Self {
            seconds: days * 86_400,
            unit: 0,
        }
    }

    /// A duration of `hours` hours.
    #[must_use]
    pub const fn from_hours(hours: u64) -> Self {
        Self {
            seconds: hours * 3_600,
            unit: 1,
        }
    }

    /// A duration of `minutes` minutes.
    #[must_use]
    pub const fn from_minutes(minutes: u64) -> Self {
        Self {
            seconds: minutes * 60,
            unit: 2,
        }
    }

    /// A duration of `seconds` seconds, written in the largest unit that divides it.
    #[must_use]
    pub fn from_secs(seconds: u64) -> Self {
        let unit = UNITS
            .iter()
            .position(|&(_, size, _)| seconds.is_multiple_of(size) && seconds >= size)
            .unwrap_or(0);
        Self { seconds, unit }
    }

    /// The length in seconds.
    #[must_use]
    pub const fn as_secs(self) -> u64 {
        self.seconds
    }

    /// The length in seconds as a signed timestamp offset (durations never exceed [`Self::MAX`]).
    #[must_use]
    pub fn as_secs_i64(self) -> i64 {
        i64::try_from(self.seconds).unwrap_or(i64::MAX)
    }

    /// The count and the unit (`day`, `hour`, `minute` or `second`) it is written in, for
    /// messages in any language: `48h` is `(48, "hour")`.
    #[must_use]
    pub fn count_and_unit(self) -> (u64, &'static str) {
        let (_, size, word) = self.unit();
        (self.seconds / size, word)
    }

    fn unit(self) -> (&'static str, u64, &'static str) {
        UNITS
            .get(self.unit)
            .copied()
            .unwrap_or(("d", 86_400, "day"))
    }

    /// Parses `"<n><unit>"` with unit `d`, `h`, `min` or `s`.
    ///
    /// # Errors
    /// When the text is not a whole number followed by one of those units, or exceeds [`Self::MAX`].
    pub fn parse(text: &str) -> Result<Self, DurationError> {
        let fail = |reason| DurationError {
            input: text.to_owned(),
            reason,
        };
        let split = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let (digits, unit) = text.split_at(split);
        if digits.is_empty() {
            return Err(fail(
                "expected a whole number followed by d, h, min or s, such as \"48h\"",
            ));
        }
        let (index, size) = UNITS
            .iter()
            .enumerate()
            .find(|(_, (name, _, _))| *name == unit)
            .map(|(index, &(_, size, _))| (index, size))
            .ok_or_else(|| fail("the unit must be one of d, h, min or s (minutes are \"min\")"))?;
        let count: u64 = digits
            .parse()
            .map_err(|_| fail("the number is too large"))?;
        let seconds = count
            .checked_mul(size)
            .ok_or_else(|| fail("the number is too large"))?;
        if seconds > Self::MAX.seconds {
            return Err(fail("longer than the 3650 days a policy may state"));
        }
        Ok(Self {
            seconds,
            unit: index,
        })
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, size, _) = self.unit();
        write!(f, "{}{name}", self.seconds / size)
    }
}

impl FromStr for Duration {
    type Err = DurationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Serde adapter for optional durations written `"none"` when absent.
pub(crate) mod or_none {
    use super::Duration;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<Duration>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(duration) => serializer.collect_str(duration),
            None => serializer.serialize_str("none"),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Duration>, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text == "none" {
            return Ok(None);
        }
        Duration::parse(&text)
            .map(Some)
            .map_err(serde::de::Error::custom)
    }
}

/// Serde adapter for an overlay's optional durations: absent (`None`, skipped), `"none"`
/// (`Some(None)`), or a duration.
pub(crate) mod given_or_none {
    use super::Duration;
    use serde::{Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<Option<Duration>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => super::or_none::serialize(inner, serializer),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<Duration>>, D::Error> {
        super::or_none::deserialize(deserializer).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<u64, ()>) {
        assert_eq!(
            Duration::parse(input)
                .map(Duration::as_secs)
                .map_err(|_| ()),
            expected,
            "{input}"
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn parses_each_unit_and_refuses_the_rest() {
        check("48h", Ok(172_800));
        check("90d", Ok(7_776_000));
        check("15min", Ok(900));
        check("30s", Ok(30));
        check("0d", Ok(0));
        check("3650d", Ok(315_360_000));
        check("3651d", Err(()));
        check("15m", Err(()));
        check("h", Err(()));
        check("", Err(()));
        check("-1d", Err(()));
        check("1.5h", Err(()));
        check(" 1h", Err(()));
        check("1H", Err(()));
        check("99999999999999999999d", Err(()));
        check("none", Err(()));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn keeps_the_unit_it_was_written_in() {
        let written = Duration::parse("48h").map(|d| (d.to_string(), d.count_and_unit()));
        assert_eq!(written, Ok(("48h".to_owned(), (48, "hour"))));
        assert_eq!(Duration::parse("48h"), Duration::parse("2d"));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn prints_in_the_largest_exact_unit() {
        for (secs, text, words) in [
            (172_800, "2d", (2, "day")),
            (259_200, "3d", (3, "day")),
            (3_600 * 49, "49h", (49, "hour")),
            (900, "15min", (15, "minute")),
            (61, "61s", (61, "second")),
            (86_400, "1d", (1, "day")),
            (0, "0d", (0, "day")),
        ] {
            let duration = Duration::from_secs(secs);
            assert_eq!(duration.to_string(), text);
            assert_eq!(duration.count_and_unit(), words);
            assert_eq!(Duration::parse(text), Ok(duration));
        }
    }
}
