//! zxcvbn's guess estimates, one function per pattern, as base-10 logarithms.
//!
//! Logarithms keep every estimate finite however long the password (zxcvbn's own numbers
//! overflow to `Infinity` past about 300 characters), and sums that outgrow `f64` are kept
//! as a mantissa and a power of ten. All maths goes through the `libm` crate, so native and
//! wasm builds compute the same bits.

// zxcvbn's constants: 10 guesses per brute-forced character, and a floor of 10 guesses for
// a one-character match and 50 for a longer one that covers only part of the password
// (brute force gets one more, so a real match over the same span wins).
/// zxcvbn assumes a year is at least this far from the reference year.
const MIN_YEAR_SPACE: i64 = 20;
const DAYS_PER_YEAR: f64 = 365.0;
/// One of about four separators (`/`, `-`, `.`, ` `) between the parts of a date.
const DATE_SEPARATOR_CHOICES: f64 = 4.0;
/// Sequences starting at an obvious end of the alphabet or the digits.
const OBVIOUS_SEQUENCE_STARTS: [char; 7] = ['a', 'A', 'z', 'Z', '0', '1', '9'];

pub(crate) fn log10(x: f64) -> f64 {
    libm::log10(x)
}

/// `log10` of the small constants on hot paths, written out so no call computes them.
pub(crate) const LOG10_2: f64 = std::f64::consts::LOG10_2;
const LOG10_MIN_SUBMATCH_SINGLE_CHAR: f64 = 1.0; // log10(10)
const LOG10_MIN_SUBMATCH_MULTI_CHAR: f64 = 1.698_970_004_336_018_8; // log10(50)
const LOG10_MIN_BRUTEFORCE_SINGLE_CHAR: f64 = 1.041_392_685_158_225; // log10(11)
const LOG10_MIN_BRUTEFORCE_MULTI_CHAR: f64 = 1.707_570_176_097_936_3; // log10(51)

/// The estimate of a match covering `token_chars` of a text of `total_chars`: at least the
/// submatch floor, so that a match never looks cheaper than the brute force it replaces.
pub(crate) fn with_floor(guesses_log10: f64, token_chars: usize, total_chars: usize) -> f64 {
    if token_chars >= total_chars {
        return guesses_log10.max(0.0);
    }
    let floor = if token_chars == 1 {
        LOG10_MIN_SUBMATCH_SINGLE_CHAR
    } else {
        LOG10_MIN_SUBMATCH_MULTI_CHAR
    };
    guesses_log10.max(floor)
}

/// Brute force over `chars` characters, one guess more than the submatch floor so that a
/// real match over the same span always wins.
pub(crate) fn bruteforce(chars: usize) -> f64 {
    let floor = if chars == 1 {
        LOG10_MIN_BRUTEFORCE_SINGLE_CHAR
    } else {
        LOG10_MIN_BRUTEFORCE_MULTI_CHAR
    };
    (chars as f64).max(floor)
}

/// A positive sum that may outgrow `f64`: `value * 10^exponent`.
#[derive(Debug, Clone, Copy)]
struct Scaled {
    value: f64,
    exponent: i32,
}

impl Scaled {
    const STEP: f64 = 1e200;
    const STEP_EXPONENT: i32 = 200;

    fn zero() -> Self {
        Scaled {
            value: 0.0,
            exponent: 0,
        }
    }

    /// Adds `term`, which is expressed at this sum's scale, rescaling both when large.
    fn add(&mut self, term: &mut f64) {
        self.value += *term;
        if *term > Self::STEP {
            *term /= Self::STEP;
            self.value /= Self::STEP;
            self.exponent += Self::STEP_EXPONENT;
        }
    }

    fn log10(self) -> f64 {
        log10(self.value) + f64::from(self.exponent)
    }
}

/// `log10(sum over i = 1..=k of C(n, i))`: the ways to pick up to `k` of `n` characters,
/// zxcvbn's count for capitalisation, l33t and shift variations.
pub(crate) fn variations(n: usize, k: usize) -> f64 {
    let mut sum = Scaled::zero();
    let mut term = 1.0;
    for i in 1..=k.min(n) {
        term = term * (n + 1 - i) as f64 / i as f64;
        sum.add(&mut term);
    }
    sum.log10()
}

/// zxcvbn's capitalisation factor for a dictionary token: 1 for lowercase, 2 for the common
/// schemes (Capitalised, lasT, ALL CAPS), else the ways to place that many capitals.
pub(crate) fn uppercase_variations(token: &[char]) -> f64 {
    let upper = token.iter().filter(|c| c.is_ascii_uppercase()).count();
    if upper == 0 {
        return 0.0;
    }
    let lower = token.iter().filter(|c| c.is_ascii_lowercase()).count();
    let (first, last) = (token.first(), token.last());
    let start_upper = upper == 1 && token.len() > 1 && first.is_some_and(char::is_ascii_uppercase);
    let end_upper = upper == 1 && token.len() > 1 && last.is_some_and(char::is_ascii_uppercase);
    if start_upper || end_upper || lower == 0 {
        return LOG10_2;
    }
    variations(upper + lower, upper.min(lower))
}

/// zxcvbn's l33t factor: for each substitution used, the ways to mix substituted and plain
/// letters, or 2 when the token uses only one of them.
pub(crate) fn l33t_variations(token_lower: &[char], substitutions: &[(char, char)]) -> f64 {
    substitutions
        .iter()
        .map(|&(substitute, letter)| {
            let subbed = token_lower.iter().filter(|&&c| c == substitute).count();
            let plain = token_lower.iter().filter(|&&c| c == letter).count();
            if subbed == 0 || plain == 0 {
                LOG10_2
            } else {
                variations(subbed + plain, subbed.min(plain))
            }
        })
        .sum()
}

/// Keyboard patterns of `len` keys with up to `turns` changes of direction, from
/// `starts` starting keys of average degree `degree`, times the shift variations.
///
/// zxcvbn sums `C(i - 1, j - 1) * starts * degree^j` over lengths `i <= len` and turns
/// `j <= turns`; summing over `i` first (the hockey-stick identity) leaves
/// `starts * sum over j of degree^j * (C(len, j) - 1)`, linear in `turns` instead of
/// quadratic in `len`.
pub(crate) fn spatial(
    len: usize,
    turns: usize,
    shifted: usize,
    (starts, degree): (f64, f64),
) -> f64 {
    let mut with_binomial = Scaled::zero();
    let mut powers = Scaled::zero();
    let (mut binomial_term, mut power_term) = (1.0, 1.0);
    for j in 1..=turns.min(len.saturating_sub(1)) {
        binomial_term = binomial_term * degree * (len + 1 - j) as f64 / j as f64;
        power_term *= degree;
        with_binomial.add(&mut binomial_term);
        powers.add(&mut power_term);
    }
    // The subtracted powers are always far below the binomial sum's scale once it rescales.
    let difference = with_binomial.value
        - powers.value * libm::pow(10.0, f64::from(powers.exponent - with_binomial.exponent));
    let mut guesses = log10(starts) + log10(difference) + f64::from(with_binomial.exponent);
    if shifted > 0 {
        let unshifted = len.saturating_sub(shifted);
        guesses += if unshifted == 0 {
            LOG10_2
        } else {
            variations(shifted + unshifted, shifted.min(unshifted))
        };
    }
    guesses
}

/// `repeat_count` copies of a base whose own estimate is `base_log10`.
pub(crate) fn repeat(base_log10: f64, repeat_count: usize) -> f64 {
    base_log10 + log10(repeat_count as f64)
}

/// A sequence such as `abcd` or `9753` of `len` characters starting with `first`.
pub(crate) fn sequence(first: char, ascending: bool, len: usize) -> f64 {
    let base = if OBVIOUS_SEQUENCE_STARTS.contains(&first) {
        4.0
    } else if first.is_ascii_digit() {
        10.0
    } else {
        26.0
    };
    let direction = if ascending { 1.0 } else { 2.0 };
    log10(base * direction * len as f64)
}

/// The number of years an attacker tries to reach `year` from the reference year.
fn year_space(year: i64, reference_year: i32) -> f64 {
    (year - i64::from(reference_year)).abs().max(MIN_YEAR_SPACE) as f64
}

/// A recent year such as `1987` on its own.
pub(crate) fn recent_year(year: i64, reference_year: i32) -> f64 {
    log10(year_space(year, reference_year))
}

/// A date: a day of a year near the reference year, times the separator choice.
pub(crate) fn date(year: i64, separator: bool, reference_year: i32) -> f64 {
    let separators = if separator {
        DATE_SEPARATOR_CHOICES
    } else {
        1.0
    };
    log10(year_space(year, reference_year) * DAYS_PER_YEAR * separators)
}

/// `log10(10^a + 10^b)` without leaving logarithms.
pub(crate) fn log10_sum(a: f64, b: f64) -> f64 {
    let (high, low) = if a >= b { (a, b) } else { (b, a) };
    let gap = high - low;
    if gap > 20.0 {
        high
    } else {
        high + log10(1.0 + libm::pow(10.0, -gap))
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// zxcvbn's spatial estimate, summed the way zxcvbn sums it.
    fn spatial_by_definition(len: usize, turns: usize, starts: f64, degree: f64) -> f64 {
        let choose = |n: usize, k: usize| -> f64 {
            (1..=k).fold(1.0, |r, d| r * (n + 1 - d) as f64 / d as f64)
        };
        let mut guesses = 0.0;
        for i in 2..=len {
            for j in 1..=turns.min(i - 1) {
                guesses += choose(i - 1, j - 1) * starts * libm::pow(degree, j as f64);
            }
        }
        log10(guesses)
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn spatial_closed_form_equals_zxcvbns_double_sum() {
        let qwerty = (94.0, 4.595_744_680_851_064);
        for (len, turns) in [(3, 1), (6, 1), (6, 3), (10, 9), (25, 7), (60, 59)] {
            let ours = spatial(len, turns, 0, qwerty);
            let theirs = spatial_by_definition(len, turns, qwerty.0, qwerty.1);
            assert!(close(ours, theirs), "{len}/{turns}: {ours} vs {theirs}");
        }
        // "qwerty": 6 keys, 1 turn: 94 * 4.5957 * 5 = 2160 guesses.
        assert!(close(
            spatial(6, 1, 0, qwerty),
            log10(94.0 * 4.595_744_680_851_064 * 5.0)
        ));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn huge_patterns_stay_finite() {
        let estimate = spatial(4096, 4095, 4096, (94.0, 4.6));
        assert!(estimate.is_finite() && estimate > 3000.0, "{estimate}");
        assert!(variations(4096, 2048).is_finite());
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn capitalisation_follows_zxcvbn() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(uppercase_variations(&chars("password")), 0.0);
        assert!(close(uppercase_variations(&chars("Password")), LOG10_2));
        assert!(close(uppercase_variations(&chars("passworD")), LOG10_2));
        assert!(close(uppercase_variations(&chars("PASSWORD")), LOG10_2));
        // PaSsWoRd: 4 capitals among 8 letters, up to 4 of them: 8 + 28 + 56 + 70.
        assert!(close(
            uppercase_variations(&chars("PaSsWoRd")),
            log10(162.0)
        ));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn other_patterns_follow_zxcvbn() {
        assert!(close(sequence('a', true, 4), log10(16.0)));
        assert!(close(sequence('9', false, 4), log10(32.0)));
        assert!(close(sequence('j', true, 3), log10(78.0)));
        assert!(close(date(1991, true, 2026), log10(35.0 * 365.0 * 4.0)));
        assert!(close(recent_year(2020, 2026), log10(20.0)));
        assert!(close(bruteforce(1), log10(11.0)));
        assert!(close(bruteforce(2), 2.0));
        assert!(close(with_floor(0.0, 1, 5), 1.0));
        assert!(close(log10_sum(0.0, 0.0), LOG10_2));
        // p@ssw0rd: '@' and '0' each fully substituted double the space.
        let token: Vec<char> = "p@ssw0rd".chars().collect();
        assert!(close(
            l33t_variations(&token, &[('@', 'a'), ('0', 'o')]),
            log10(4.0)
        ));
    }
}
