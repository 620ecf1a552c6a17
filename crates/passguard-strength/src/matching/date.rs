//! Years and dates: `1987`, `13.5.1991`, `020385`, each guessed as a day of a year near the
//! reference year.

use super::{Match, Pattern};
use crate::guesses;
use crate::text::{digit, is_js_space};

const DATE_MIN_YEAR: i64 = 1000;
const DATE_MAX_YEAR: i64 = 2050;
/// zxcvbn's `recent_year` regex, `19\d\d|200\d|201\d`, as prefixes before the last digit.
const RECENT_YEAR_PREFIXES: [&str; 3] = ["19", "200", "201"];
/// Where to cut a date of 4 to 8 digits without separators into three numbers.
const SPLITS: [&[(usize, usize)]; 5] = [
    &[(1, 2), (2, 3)],                 // 1191: 1 1 91 | 91 1 1
    &[(1, 3), (2, 3)],                 // 11191
    &[(1, 2), (2, 4), (4, 5)],         // 111991
    &[(1, 3), (2, 3), (4, 5), (4, 6)], // 1111991
    &[(2, 4), (4, 6)],                 // 11111991
];
/// Dates with separators have 6 (`1/1/91`) to 10 (`11/11/1991`) characters.
const SEPARATED_LENGTHS: std::ops::RangeInclusive<usize> = 6..=10;

/// Recent years, leftmost first and without overlap, as the `g` regex finds them.
pub(super) fn recent_years(chars: &[char], reference_year: i32, out: &mut Vec<Match>) {
    let mut p = 0;
    while p + 4 <= chars.len() {
        let token = chars.get(p..p + 4).unwrap_or_default();
        let year = number(token);
        let is_year = year.is_some()
            && RECENT_YEAR_PREFIXES
                .iter()
                .any(|prefix| prefix.chars().zip(token).all(|(a, &b)| a == b));
        if let (true, Some(year)) = (is_year, year) {
            out.push(Match {
                i: p,
                j: p + 3,
                guesses_log10: guesses::with_floor(
                    guesses::recent_year(year, reference_year),
                    4,
                    chars.len(),
                ),
                pattern: Pattern::RecentYear,
            });
            p += 4;
        } else {
            p += 1;
        }
    }
}

/// Every date, minus those inside a longer one (`2015_06_04` also contains `15_06_04`).
pub(super) fn dates(chars: &[char], reference_year: i32, out: &mut Vec<Match>) {
    let n = chars.len();
    // How many ASCII digits start at each position.
    let mut digits_from = vec![0usize; n + 1];
    for p in (0..n).rev() {
        let run = if chars.get(p).copied().and_then(digit).is_some() {
            digits_from.get(p + 1).copied().unwrap_or(0) + 1
        } else {
            0
        };
        if let Some(slot) = digits_from.get_mut(p) {
            *slot = run;
        }
    }
    let digits_at = |p: usize| digits_from.get(p).copied().unwrap_or(0);
    let mut found: Vec<(usize, usize, i64, bool)> = Vec::new();
    for i in 0..n {
        let leading = digits_at(i);
        for len in 4..=leading.min(8) {
            let token = chars.get(i..i + len).unwrap_or_default();
            if let Some(year) = digits_only_date(token, reference_year) {
                found.push((i, i + len - 1, year, false));
            }
        }
        for len in separated_lengths(chars, i, leading, digits_at) {
            let token = chars.get(i..i + len).unwrap_or_default();
            if let Some(year) = separated_date(token) {
                found.push((i, i + len - 1, year, true));
            }
        }
    }
    // A date is inside another when one starting earlier ends no sooner, or one starting
    // with it ends later. `found` is ordered by start, so one pass keeps both: the furthest
    // end of the dates starting before, and of those starting at the same position.
    let mut furthest_at = vec![0usize; n];
    for &(i, j, ..) in &found {
        if let Some(slot) = furthest_at.get_mut(i) {
            *slot = (*slot).max(j + 1);
        }
    }
    let mut reach_before = 0; // one past the furthest end of a date starting before `start`
    let mut start = 0;
    for &(i, j, year, separator) in &found {
        while start < i {
            reach_before = reach_before.max(furthest_at.get(start).copied().unwrap_or(0));
            start += 1;
        }
        let inside_another = reach_before > j || furthest_at.get(i).is_some_and(|&end| end > j + 1);
        if !inside_another {
            out.push(Match {
                i,
                j,
                guesses_log10: guesses::with_floor(
                    guesses::date(year, separator, reference_year),
                    j + 1 - i,
                    n,
                ),
                pattern: Pattern::Date,
            });
        }
    }
}

/// The lengths a date with separators starting at `i` can have, given `leading` digits
/// there: digits, a separator, one or two digits, the same separator, one to four digits.
fn separated_lengths(
    chars: &[char],
    i: usize,
    leading: usize,
    digits_at: impl Fn(usize) -> usize,
) -> std::ops::RangeInclusive<usize> {
    #[allow(clippy::reversed_empty_ranges)] // The empty range: no length fits.
    let empty = 1..=0;
    if !(1..=4).contains(&leading) {
        return empty;
    }
    let middle = digits_at(i + leading + 1);
    let second = i + leading + 1 + middle;
    if !(1..=2).contains(&middle) || chars.get(second) != chars.get(i + leading) {
        return empty;
    }
    let last = digits_at(second + 1).min(4);
    let before_last = leading + middle + 2;
    let lengths = (before_last + 1).max(*SEPARATED_LENGTHS.start())
        ..=(before_last + last).min(*SEPARATED_LENGTHS.end());
    if last == 0 { empty } else { lengths }
}

/// The year of a 4- to 8-digit date: of the readings, the one nearest the reference year.
fn digits_only_date(token: &[char], reference_year: i32) -> Option<i64> {
    let splits = SPLITS.get(token.len().checked_sub(4)?)?;
    let mut best: Option<i64> = None;
    for &(k, l) in splits.iter() {
        let parts = [
            number(token.get(..k)?)?,
            number(token.get(k..l)?)?,
            number(token.get(l..)?)?,
        ];
        if let Some(year) = year_of(parts) {
            let distance = |y: i64| (y - i64::from(reference_year)).abs();
            if best.is_none_or(|b| distance(year) < distance(b)) {
                best = Some(year);
            }
        }
    }
    best
}

/// The year of a date such as `1/1/91` or `1991-11-1`: digits, a separator, one or two
/// digits, the same separator, digits.
fn separated_date(token: &[char]) -> Option<i64> {
    let is_separator = |c: char| matches!(c, '/' | '\\' | '_' | '.' | '-') || is_js_space(c);
    let first_len = token.iter().position(|&c| digit(c).is_none())?;
    let separator = *token.get(first_len).filter(|&&c| is_separator(c))?;
    let rest = token.get(first_len + 1..)?;
    let middle_len = rest.iter().position(|&c| digit(c).is_none())?;
    if *rest.get(middle_len)? != separator {
        return None;
    }
    let last = rest.get(middle_len + 1..)?;
    if !(1..=4).contains(&first_len)
        || !(1..=2).contains(&middle_len)
        || !(1..=4).contains(&last.len())
    {
        return None;
    }
    year_of([
        number(token.get(..first_len)?)?,
        number(rest.get(..middle_len)?)?,
        number(last)?,
    ])
}

/// zxcvbn's `map_ints_to_dmy`: the year if the three numbers can be a day, a month and a
/// year in some order.
fn year_of(parts: [i64; 3]) -> Option<i64> {
    let [first, middle, last] = parts;
    if middle > 31 || middle <= 0 {
        return None;
    }
    if parts
        .iter()
        .any(|&p| (99 < p && p < DATE_MIN_YEAR) || p > DATE_MAX_YEAR)
    {
        return None;
    }
    let over_31 = parts.iter().filter(|&&p| p > 31).count();
    let over_12 = parts.iter().filter(|&&p| p > 12).count();
    let under_1 = parts.iter().filter(|&&p| p <= 0).count();
    if over_31 >= 2 || over_12 == 3 || under_1 >= 2 {
        return None;
    }
    let splits = [(last, [first, middle]), (first, [middle, last])];
    for (year, rest) in splits {
        if (DATE_MIN_YEAR..=DATE_MAX_YEAR).contains(&year) {
            // A four-digit year whose other numbers are no day and month: not a date.
            return is_day_month(rest).then_some(year);
        }
    }
    splits
        .into_iter()
        .find(|&(_, rest)| is_day_month(rest))
        .map(|(year, _)| two_digit_year(year))
}

fn is_day_month([a, b]: [i64; 2]) -> bool {
    let valid = |day: i64, month: i64| (1..=31).contains(&day) && (1..=12).contains(&month);
    valid(a, b) || valid(b, a)
}

/// 87 is 1987, 15 is 2015.
fn two_digit_year(year: i64) -> i64 {
    match year {
        100.. => year,
        51..=99 => year + 1900,
        _ => year + 2000,
    }
}

/// The value of a run of ASCII digits (at most 8 here, so no overflow).
fn number(token: &[char]) -> Option<i64> {
    if token.is_empty() {
        return None;
    }
    token
        .iter()
        .try_fold(0i64, |value, &c| Some(value * 10 + i64::from(digit(c)?)))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn found(password: &str) -> Vec<(usize, usize)> {
        let chars: Vec<char> = password.chars().collect();
        let mut out = Vec::new();
        dates(&chars, 2026, &mut out);
        out.iter().map(|m| (m.i, m.j)).collect()
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn dates_as_zxcvbn_reads_them() {
        assert_eq!(year_of([1, 1, 91]), Some(1991));
        assert_eq!(year_of([1991, 11, 1]), Some(1991));
        assert_eq!(year_of([15, 6, 4]), Some(2004));
        assert_eq!(year_of([13, 13, 91]), None);
        assert_eq!(year_of([1991, 13, 13]), None);
        assert_eq!(
            separated_date(&"13.5.1991".chars().collect::<Vec<_>>()),
            Some(1991)
        );
        assert_eq!(
            separated_date(&"13.5/1991".chars().collect::<Vec<_>>()),
            None
        );
        // "111504" reads best as 11-15-04 (2004), not 1-1-1504.
        assert_eq!(
            digits_only_date(&"111504".chars().collect::<Vec<_>>(), 2026),
            Some(2004)
        );
        // Only the whole date, not the dates inside it.
        assert_eq!(found("2015_06_04"), vec![(0, 9)]);
        assert_eq!(found("x13/5/91y"), vec![(1, 7)]);
    }
}
