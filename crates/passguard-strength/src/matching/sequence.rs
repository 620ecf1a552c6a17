//! Sequences: runs of characters with a constant step of at most five code points, such as
//! `abcd`, `9753` or `ZYX`.

use super::{Match, Pattern};
use crate::guesses;

/// Larger steps (`adgj` has step 3) are not sequences.
const MAX_DELTA: i64 = 5;

/// zxcvbn's sequences: maximal runs of equal steps, neighbouring runs sharing one character.
pub(super) fn matches(chars: &[char], out: &mut Vec<Match>) {
    if chars.len() < 2 {
        return;
    }
    let delta = |k: usize| match (chars.get(k - 1), chars.get(k)) {
        (Some(&a), Some(&b)) => i64::from(u32::from(b)) - i64::from(u32::from(a)),
        _ => 0,
    };
    let mut i = 0;
    let mut last_delta = delta(1);
    for k in 2..chars.len() {
        let current = delta(k);
        if current != last_delta {
            push(chars, i, k - 1, last_delta, out);
            i = k - 1;
            last_delta = current;
        }
    }
    push(chars, i, chars.len() - 1, last_delta, out);
}

fn push(chars: &[char], i: usize, j: usize, delta: i64, out: &mut Vec<Match>) {
    let long_enough = j - i > 1 || delta.abs() == 1;
    if !long_enough || delta == 0 || delta.abs() > MAX_DELTA {
        return;
    }
    let Some(&first) = chars.get(i) else { return };
    let len = j + 1 - i;
    out.push(Match {
        i,
        j,
        guesses_log10: guesses::with_floor(
            guesses::sequence(first, delta > 0, len),
            len,
            chars.len(),
        ),
        pattern: Pattern::Sequence,
    });
}
