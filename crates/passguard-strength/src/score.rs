//! The score (zxcvbn's 0 to 4) and the crack times of the four attack scenarios, both
//! functions of `guesses_log10` alone.

use std::fmt;

use serde::{Deserialize, Serialize, Serializer};

/// How guessable a password is, on zxcvbn's scale. Serialises as its number, 0 to 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Score {
    /// 0: under 10^3 guesses. Risky: too guessable.
    TooGuessable = 0,
    /// 1: under 10^6. Protects from throttled online attacks only.
    VeryGuessable = 1,
    /// 2: under 10^8. Protects from unthrottled online attacks.
    SomewhatGuessable = 2,
    /// 3: under 10^10. Protects from offline attacks on a slow hash.
    SafelyUnguessable = 3,
    /// 4: 10^10 or more. Strong protection from offline attacks on a slow hash.
    VeryUnguessable = 4,
}

impl Score {
    /// Every score, weakest first.
    pub const ALL: [Score; 5] = [
        Score::TooGuessable,
        Score::VeryGuessable,
        Score::SomewhatGuessable,
        Score::SafelyUnguessable,
        Score::VeryUnguessable,
    ];

    /// `log10` of zxcvbn's thresholds `10^3 + 5`, `10^6 + 5`, `10^8 + 5` and `10^10 + 5`:
    /// a password scores 1 from the first on, 2 from the second, and so on.
    pub const THRESHOLDS_LOG10: [f64; 4] = [
        3.002_166_061_756_508,
        6.000_002_171_466_98,
        8.000_000_021_714_724,
        10.000_000_000_217_147,
    ];

    /// The score of a password estimated at `10^guesses_log10` guesses.
    #[must_use]
    pub fn from_guesses_log10(guesses_log10: f64) -> Self {
        let passed = Self::THRESHOLDS_LOG10
            .iter()
            .filter(|&&t| guesses_log10 >= t)
            .count();
        Self::ALL
            .get(passed)
            .copied()
            .unwrap_or(Score::VeryUnguessable)
    }

    /// The stable kebab-case id, such as `too-guessable`.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Score::TooGuessable => "too-guessable",
            Score::VeryGuessable => "very-guessable",
            Score::SomewhatGuessable => "somewhat-guessable",
            Score::SafelyUnguessable => "safely-unguessable",
            Score::VeryUnguessable => "very-unguessable",
        }
    }

    /// zxcvbn's English description, such as "too guessable".
    #[must_use]
    pub const fn english(self) -> &'static str {
        match self {
            Score::TooGuessable => "too guessable",
            Score::VeryGuessable => "very guessable",
            Score::SomewhatGuessable => "somewhat guessable",
            Score::SafelyUnguessable => "safely unguessable",
            Score::VeryUnguessable => "very unguessable",
        }
    }
}

impl From<Score> for u8 {
    fn from(score: Score) -> u8 {
        score as u8
    }
}

impl TryFrom<u8> for Score {
    /// The number that is no score.
    type Error = u8;

    fn try_from(value: u8) -> Result<Self, u8> {
        Score::ALL.get(usize::from(value)).copied().ok_or(value)
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(u8::from(*self))
    }
}

/// Seconds to find the password in each of zxcvbn's attack scenarios.
///
/// Computed from the rounded `guesses_log10`, so they agree with it exactly (and differ from
/// zxcvbn's in the fifth significant digit). Values saturate at `f64::MAX` (about 10^308)
/// instead of becoming infinite, so every field stays a JSON number.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CrackTimes {
    /// An online attack throttled to 100 guesses per hour.
    pub online_throttling_100_per_hour: f64,
    /// An online attack at 10 guesses per second.
    pub online_no_throttling_10_per_second: f64,
    /// An offline attack on a slow hash (bcrypt, scrypt, Argon2) at 10^4 guesses per second.
    pub offline_slow_hashing_1e4_per_second: f64,
    /// An offline attack on a fast hash at 10^10 guesses per second.
    pub offline_fast_hashing_1e10_per_second: f64,
}

impl CrackTimes {
    /// The crack times for `10^guesses_log10` guesses.
    #[must_use]
    pub fn from_guesses_log10(guesses_log10: f64) -> Self {
        let seconds = |guesses_per_second: f64| {
            let value = libm::pow(10.0, guesses_log10 - libm::log10(guesses_per_second));
            if value.is_finite() { value } else { f64::MAX }
        };
        CrackTimes {
            online_throttling_100_per_hour: seconds(100.0 / 3600.0),
            online_no_throttling_10_per_second: seconds(10.0),
            offline_slow_hashing_1e4_per_second: seconds(1e4),
            offline_fast_hashing_1e10_per_second: seconds(1e10),
        }
    }
}
