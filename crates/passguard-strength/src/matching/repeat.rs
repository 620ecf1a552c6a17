//! Repeats: `aaaa`, `abcabcabc`, `passwordpassword`, each estimated as its base's own best
//! estimate times the number of copies.
//!
//! zxcvbn finds repeats with the regular expressions `/(.+)\1+/` (greedy) and `/(.+?)\1+/`
//! (lazy) and keeps the longer; backtracking makes that quadratic or worse. This matcher
//! computes the same answer in `O(n * MAX_BASE)` at worst: from each position it tries the
//! periods up to [`MAX_BASE`] that bring the same character back, and skips past a repeat
//! once found.

use super::{Context, Match, Pattern};
use crate::guesses;
use crate::text::is_line_terminator;

/// The longest base considered. A password under twice this length is matched exactly as
/// zxcvbn does; in a longer one a base longer than this is not seen as repeated (such a base
/// is itself a long, hard-to-guess string, so the estimate hardly changes).
pub(crate) const MAX_BASE: usize = 64;

/// Repeats inside the base of a repeat are analysed too, down to this depth. Each level at
/// least halves the text, so [`MAX_BASE`] already bounds the depth; this guards the stack.
const MAX_NESTING: usize = 8;

pub(super) fn matches(context: &Context<'_>, chars: &[char], nesting: usize, out: &mut Vec<Match>) {
    if nesting >= MAX_NESTING || chars.len() < 2 {
        return;
    }
    let next_same = next_occurrences(chars);
    let mut start = 0;
    while start + 1 < chars.len() {
        let Some((lazy_base, greedy_base)) = square_periods(chars, &next_same, start) else {
            start += 1;
            continue;
        };
        let lazy_len = copies(chars, start, lazy_base) * lazy_base;
        let greedy_len = copies(chars, start, greedy_base) * greedy_base;
        let (len, base_len) = if greedy_len > lazy_len {
            let region = chars.get(start..start + greedy_len).unwrap_or_default();
            (greedy_len, smallest_period(region))
        } else {
            (lazy_len, lazy_base)
        };
        let base = chars.get(start..start + base_len).unwrap_or_default();
        let base_analysis = crate::search::analyse(context, base, nesting + 1);
        let estimate = guesses::repeat(base_analysis.guesses_log10, len / base_len.max(1));
        out.push(Match {
            i: start,
            j: start + len - 1,
            guesses_log10: guesses::with_floor(estimate, len, chars.len()),
            pattern: Pattern::Repeat {
                base_chars: base_len,
            },
        });
        start += len.max(1);
    }
}

/// For each position, the next position holding the same character.
fn next_occurrences(chars: &[char]) -> Vec<Option<usize>> {
    let mut ascii = [None; 128];
    let mut other = std::collections::BTreeMap::new();
    let mut next = vec![None; chars.len()];
    for (p, &c) in chars.iter().enumerate().rev() {
        let seen = match ascii.get_mut(c as usize) {
            Some(slot) => slot,
            None => other.entry(c).or_insert(None),
        };
        if let Some(slot) = next.get_mut(p) {
            *slot = *seen;
        }
        *seen = Some(p);
    }
    next
}

/// The shortest and the longest period `b <= MAX_BASE` such that the `b` characters at
/// `start` are followed by a copy of themselves, if any. Only periods that bring the first
/// character back are tried.
fn square_periods(
    chars: &[char],
    next_same: &[Option<usize>],
    start: usize,
) -> Option<(usize, usize)> {
    let limit = MAX_BASE.min((chars.len() - start) / 2);
    let mut periods = None;
    let mut candidate = next_same.get(start).copied().flatten();
    while let Some(at) = candidate {
        let period = at - start;
        if period > limit {
            break;
        }
        let (Some(base), Some(copy)) = (chars.get(start..at), chars.get(at..at + period)) else {
            break;
        };
        if base == copy && !base.iter().any(|&c| is_line_terminator(c)) {
            let (shortest, _) = periods.unwrap_or((period, period));
            periods = Some((shortest, period));
        }
        candidate = next_same.get(at).copied().flatten();
    }
    periods
}

/// How many consecutive copies of the `base` characters at `start` follow one another.
fn copies(chars: &[char], start: usize, base: usize) -> usize {
    let (Some(text), Some(shifted)) = (chars.get(start..), chars.get(start + base..)) else {
        return 0;
    };
    let periodic = shifted.iter().zip(text).take_while(|(a, b)| a == b).count();
    1 + periodic / base.max(1)
}

/// The shortest base that `region` is a whole number (at least two) of copies of, as
/// zxcvbn's anchored `/^(.+?)\1+$/` finds it.
fn smallest_period(region: &[char]) -> usize {
    let n = region.len();
    (1..=n / 2)
        .filter(|&b| n.is_multiple_of(b))
        .find(|&b| {
            region
                .iter()
                .zip(region.iter().skip(b))
                .all(|(x, y)| x == y)
        })
        .unwrap_or(n)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::lexicon::UserInputs;

    fn repeats(password: &str) -> Vec<(usize, usize, usize)> {
        let user_inputs = UserInputs::default();
        let context = Context {
            dictionary: None,
            user_inputs: &user_inputs,
            reference_year: 2026,
        };
        let chars: Vec<char> = password.chars().collect();
        let mut out = Vec::new();
        matches(&context, &chars, 0, &mut out);
        out.iter()
            .filter_map(|m| match m.pattern {
                Pattern::Repeat { base_chars } => Some((m.i, m.j, base_chars)),
                _ => None,
            })
            .collect()
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn greedy_and_lazy_as_in_zxcvbn() {
        // Lazy wins for "aaaaa" (base "a"), greedy for "aabaab" (base "aab").
        assert_eq!(repeats("aaaaa"), vec![(0, 4, 1)]);
        assert_eq!(repeats("aabaab"), vec![(0, 5, 3)]);
        // Greedy "aabaabaabaab" has base "aabaab", itself two copies of "aab".
        assert_eq!(repeats("aabaabaabaab"), vec![(0, 11, 3)]);
        assert_eq!(
            repeats("&&&&&&abcabc!!"),
            vec![(0, 5, 1), (6, 11, 3), (12, 13, 1)]
        );
        assert_eq!(repeats("abcdef"), vec![]);
        // JavaScript's '.' stops at line breaks.
        assert_eq!(repeats("\n\n\n"), vec![]);
    }
}
