#![doc = include_str!("../README.md")]

mod blocklist;
mod dictionary;
mod feedback;
mod guesses;
mod keyboard;
mod lexicon;
mod matching;
mod score;
mod search;
mod text;
mod words;

use serde::Serialize;

pub use feedback::{Suggestion, Warning};
pub use score::{CrackTimes, Score};
pub use words::{WordsError, has_words, load_words, words_asset};

/// The strength of a password: zxcvbn's estimate of the guesses an attacker needs, the
/// resulting score, crack times and feedback.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// 0 to 4, from the estimate with zxcvbn's thresholds. It is decided before
    /// `guesses_log10` is rounded: zxcvbn's thresholds sit 5 guesses above a power of ten, and
    /// covers such as `2 * 50 * 10^6 + 10^4` fall just past them.
    pub score: Score,
    /// `log10` of the estimated guesses, rounded to [`Estimate::DECIMALS`] decimals so that
    /// native and wasm builds print the same JSON.
    pub guesses_log10: f64,
    /// Seconds to find the password in four attack scenarios.
    pub crack_times_seconds: CrackTimes,
    /// Why the password is weak; none when the score is 3 or more.
    pub warning: Option<Warning>,
    /// What to do instead; none when the score is 3 or more.
    pub suggestions: Vec<Suggestion>,
}

impl Estimate {
    /// Only this many code points of a password are estimated.
    ///
    /// The work is linear in the length, but a form field can send a megabyte. Past 4096
    /// characters the estimate is of the first 4096: every known worst case stays under a few
    /// milliseconds at that length, and 4096 characters of anything but a repetition are far
    /// past the top score. zxcvbn's estimate hardly ever falls as a password grows (only when
    /// a cut splits a pattern), so the prefix's estimate is in practice a lower bound; a
    /// prefix of a long repetition is rated weaker than the whole.
    pub const MAX_PASSWORD_CHARS: usize = 4096;
    /// Only the first this many user inputs are matched.
    pub const MAX_USER_INPUTS: usize = 16;
    /// Only the first this many code points of each user input are matched: long enough for
    /// any username, e-mail address or name, short enough to keep matching linear.
    pub const MAX_USER_INPUT_CHARS: usize = 64;
    /// The year that years and dates are compared with. zxcvbn takes the current year; the
    /// estimator reads no clock, so results stay reproducible. Raise it with the data.
    pub const REFERENCE_YEAR: i32 = 2026;
    /// Decimals kept in `guesses_log10`.
    pub const DECIMALS: i32 = 4;
}

/// Estimates how many guesses an attacker needs for `password`, as zxcvbn 4.4.2 does.
///
/// `password` is taken as given (callers normalise it to NFKC first, as every passguard rule
/// does); `user_inputs` are words the attacker may know, such as the username, the e-mail
/// address and the person's names: a password containing one is cheap to guess. Only the
/// first [`Estimate::MAX_PASSWORD_CHARS`] code points are estimated. The work is linear in
/// the length of the password, and the function never panics.
///
/// # Examples
/// ```
/// use passguard_strength::{Score, Warning, estimate};
///
/// let weak = estimate("password1", &[]);
/// assert_eq!(weak.score, Score::TooGuessable);
///
/// let personal = estimate("ada1815", &["ada"]);
/// assert!(personal.score <= Score::VeryGuessable);
///
/// let strong = estimate("correct horse battery staple", &[]);
/// assert_eq!(strong.score, Score::VeryUnguessable);
/// assert_eq!(strong.warning, None);
/// ```
#[must_use]
pub fn estimate(password: &str, user_inputs: &[&str]) -> Estimate {
    let chars: Vec<char> = password
        .chars()
        .take(Estimate::MAX_PASSWORD_CHARS)
        .collect();
    let user_inputs = lexicon::UserInputs::new(user_inputs, 1);
    let context = matching::Context {
        dictionary: dictionary::get(),
        user_inputs: &user_inputs,
        reference_year: Estimate::REFERENCE_YEAR,
    };
    let analysis = search::analyse(&context, &chars, 0);
    let scale = libm::pow(10.0, f64::from(Estimate::DECIMALS));
    let guesses_log10 = libm::round(analysis.guesses_log10 * scale) / scale;
    let score = Score::from_guesses_log10(analysis.guesses_log10);
    let (warning, suggestions) = feedback::feedback(score, &analysis.sequence, &chars);
    Estimate {
        score,
        guesses_log10,
        crack_times_seconds: CrackTimes::from_guesses_log10(guesses_log10),
        warning,
        suggestions,
    }
}

/// Whether `password` is on the common-password list (the `not-common` rule): an exact,
/// case-insensitive match against the 30 000 most common passwords of zxcvbn's list and the
/// [`blocklist_entries`] added to it (SecLists' most common passwords that meet each
/// preset's length and character groups, for ASVS 6.2.4).
///
/// # Examples
/// ```
/// assert!(passguard_strength::is_common("Password"));
/// assert!(passguard_strength::is_common("qwerty123"));
/// assert!(passguard_strength::is_common("PasswordPassword"));
/// assert!(!passguard_strength::is_common("password!2031x"));
/// ```
#[must_use]
pub fn is_common(password: &str) -> bool {
    let chars: Vec<char> = password
        .chars()
        .take(Estimate::MAX_PASSWORD_CHARS)
        .collect();
    dictionary::get().is_some_and(|dictionary| matching::is_common_password(dictionary, &chars))
        || blocklist::contains(&chars)
}

/// The entries of the `not-common` blocklist beyond zxcvbn's 30 000 common passwords,
/// lowercased, in bytewise order (`data/blocklist.txt`; its sources in `data/README.md`).
/// [`is_common`] matches them ignoring case, as it matches zxcvbn's.
pub fn blocklist_entries() -> impl Iterator<Item = &'static str> {
    blocklist::entries()
}

/// Whether `password` contains one of `user_inputs` (the `not-personal` rule), ignoring case,
/// as it is, reversed, or with l33t substitutions (`@d@` for "ada").
///
/// Inputs shorter than [`PERSONAL_MIN_CHARS`] code points are ignored, and inputs are matched
/// whole: the caller passes the parts that matter (the e-mail address's local part, each
/// name) as separate inputs.
///
/// # Examples
/// ```
/// use passguard_strength::personal_match;
/// assert!(personal_match("xXalice99", &["Alice"]));
/// assert!(personal_match("ecila-2024", &["alice"]));
/// assert!(personal_match("@l1ce!", &["alice"]));
/// assert!(!personal_match("al", &["al"]));
/// ```
#[must_use]
pub fn personal_match(password: &str, user_inputs: &[&str]) -> bool {
    let inputs = lexicon::UserInputs::new(user_inputs, PERSONAL_MIN_CHARS);
    if inputs.is_empty() {
        return false;
    }
    let chars: Vec<char> = password
        .chars()
        .take(Estimate::MAX_PASSWORD_CHARS)
        .collect();
    matching::has_user_input(&inputs, &chars)
}

/// User inputs shorter than this many code points never make a password personal: a
/// one- or two-letter name would reject half of all passwords.
pub const PERSONAL_MIN_CHARS: usize = 3;
