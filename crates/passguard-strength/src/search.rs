//! zxcvbn's minimum-guesses search: the cover of the password by non-overlapping matches
//! (and brute force in between) that minimises
//!
//! ```text
//! guesses = l! * product(guesses of each match) + 10000^(l - 1)
//! ```
//!
//! where `l` is the number of parts: an attacker must also try the parts in every order, and
//! tries covers with fewer parts first.
//!
//! The dynamic programme follows zxcvbn's, with two changes that make it linear:
//! - It tracks covers of at most [`MAX_PARTS`] parts. A cover of `l` parts costs more than
//!   `10^(4 * (l - 1))` guesses, so a cover of more parts than that is past `10^20`, far
//!   beyond the top score; only `guesses_log10` of such very strong passwords can come out
//!   higher than zxcvbn's. (Among 59 000 leaked passwords, zxcvbn's best cover has more than
//!   four parts for one.)
//! - zxcvbn tries brute force from every earlier position to every position (quadratic).
//!   For a fixed number of parts, the best earlier position is the one minimising
//!   `log10(product so far) - position`, so a running minimum per part count gives it in
//!   constant time.

use crate::guesses;
use crate::matching::{self, Context, Match, Pattern};

/// The most parts a tracked cover has (see the module documentation).
pub(crate) const MAX_PARTS: usize = 5;
/// zxcvbn's `MIN_GUESSES_BEFORE_GROWING_SEQUENCE`: 10000 guesses per extra part.
const GROWTH_LOG10_PER_PART: f64 = 4.0;

/// The best cover of a text and its estimate.
#[derive(Debug, Clone)]
pub(crate) struct Analysis {
    pub(crate) guesses_log10: f64,
    pub(crate) sequence: Vec<Match>,
}

/// Matches `chars` and finds its best cover.
pub(crate) fn analyse(context: &Context<'_>, chars: &[char], nesting: usize) -> Analysis {
    let (matches, order) = matching::omnimatch(context, chars, nesting);
    search(chars.len(), &matches, &order)
}

/// The last part of the best `l`-part cover of a prefix: a match's index, or with
/// [`Part::BRUTEFORCE`] set, where brute force starts (it runs to the end of the prefix).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Part(u32);

impl Part {
    const BRUTEFORCE: u32 = 1 << 31;

    fn matched(index: u32) -> Self {
        Part(index & !Self::BRUTEFORCE)
    }

    fn bruteforce(start: usize) -> Self {
        Part(u32::try_from(start).unwrap_or(0) | Self::BRUTEFORCE)
    }

    fn is_bruteforce(self) -> bool {
        self.0 & Self::BRUTEFORCE != 0
    }

    fn value(self) -> usize {
        (self.0 & !Self::BRUTEFORCE) as usize
    }
}

#[derive(Debug, Clone, Copy)]
struct Cell {
    /// `log10` of the product of the parts' guesses.
    product: f64,
    part: Part,
}

/// The best covers of one prefix with 1 to [`MAX_PARTS`] parts, as parallel arrays (the
/// search keeps one per character, so their size matters for long inputs).
#[derive(Debug, Clone, Copy)]
struct Row {
    /// `log10` of each cover's whole cost, `l! * product + 10000^(l - 1)`; infinite if none.
    guesses: [f64; MAX_PARTS],
    product: [f64; MAX_PARTS],
    part: [Part; MAX_PARTS],
    /// `best[k]`: the cheapest cover with at most `k + 1` parts (infinite if none), which
    /// settles zxcvbn's "does a cover with fewer parts already cost no more" at once.
    best: [f64; MAX_PARTS],
}

impl Row {
    const EMPTY: Row = Row {
        guesses: [f64::INFINITY; MAX_PARTS],
        product: [0.0; MAX_PARTS],
        part: [Part(0); MAX_PARTS],
        best: [f64::INFINITY; MAX_PARTS],
    };

    fn cell(&self, parts: usize) -> Option<Cell> {
        let k = parts.checked_sub(1)?;
        self.guesses.get(k).filter(|g| g.is_finite())?;
        Some(Cell {
            product: *self.product.get(k)?,
            part: *self.part.get(k)?,
        })
    }

    /// The covers present, by number of parts.
    fn cells(&self) -> impl Iterator<Item = (usize, Cell)> + '_ {
        (1..=MAX_PARTS).filter_map(|parts| Some((parts, self.cell(parts)?)))
    }

    fn guesses(&self, parts: usize) -> f64 {
        parts
            .checked_sub(1)
            .and_then(|k| self.guesses.get(k))
            .copied()
            .unwrap_or(f64::INFINITY)
    }

    /// zxcvbn's `update`: records an `l`-part cover unless a cover with at most `l` parts
    /// already costs no more. `log10_factorial` is `log10(l!)`.
    fn offer(&mut self, parts: usize, log10_factorial: f64, product: f64, part: Part) {
        let k = parts - 1;
        let Some(&best) = self.best.get(k) else {
            return;
        };
        let growth = GROWTH_LOG10_PER_PART * k as f64;
        // Most offers lose; the larger of the two terms is a lower bound that settles that
        // without the logarithms of the exact sum.
        if best <= (log10_factorial + product).max(growth) {
            return;
        }
        let guesses = guesses::log10_sum(log10_factorial + product, growth);
        if best <= guesses {
            return;
        }
        if let (Some(g), Some(p), Some(q)) = (
            self.guesses.get_mut(k),
            self.product.get_mut(k),
            self.part.get_mut(k),
        ) {
            (*g, *p, *q) = (guesses, product, part);
        }
        for best in self.best.iter_mut().skip(k) {
            *best = best.min(guesses);
        }
    }
}

/// The cheapest cover of a text of `n` characters by `matches` (ordered by end, then start)
/// and brute force.
fn search(n: usize, matches: &[Match], order: &[u32]) -> Analysis {
    if n == 0 {
        return Analysis {
            guesses_log10: 0.0,
            sequence: Vec::new(),
        };
    }
    // log10(l!) for l in 0..=MAX_PARTS.
    let mut log10_factorial = [0.0; MAX_PARTS + 1];
    let mut factorial = 1.0;
    for (parts, slot) in log10_factorial.iter_mut().enumerate().skip(1) {
        factorial *= parts as f64;
        *slot = guesses::log10(factorial);
    }
    let factorial_of = |parts: usize| log10_factorial.get(parts).copied().unwrap_or(f64::INFINITY);
    let mut rows = vec![Row::EMPTY; n];
    let single_char_bruteforce = guesses::bruteforce(1);
    // Per part count: the cover ending before position `i` (not in brute force) that
    // minimises `product - i`, with that `i`: the best start of a brute-force part.
    let mut best_start: [Option<(f64, usize)>; MAX_PARTS] = [None; MAX_PARTS];
    let mut pending = order
        .iter()
        .filter_map(|&index| Some((matches.get(index as usize)?, index)))
        .peekable();

    for end in 0..n {
        let (done, rest) = rows.split_at_mut(end);
        let Some(row) = rest.first_mut() else { break };
        let row_before = |start: usize| start.checked_sub(1).and_then(|k| done.get(k));
        while let Some((found, index)) = pending.next_if(|(m, _)| m.j == end) {
            let part = Part::matched(index);
            match row_before(found.i) {
                None => row.offer(1, 0.0, found.guesses_log10, part),
                Some(before) => {
                    for (parts, cell) in before.cells().filter(|&(parts, _)| parts < MAX_PARTS) {
                        let product = cell.product + found.guesses_log10;
                        row.offer(parts + 1, factorial_of(parts + 1), product, part);
                    }
                }
            }
        }

        row.offer(1, 0.0, guesses::bruteforce(end + 1), Part::bruteforce(0));
        // Brute force of two or more characters may start at `end - 1` from now on.
        if let Some(before) = end.checked_sub(1).and_then(row_before) {
            let start = end - 1;
            for (parts, cell) in before.cells() {
                if cell.part.is_bruteforce() {
                    continue;
                }
                let key = cell.product - start as f64;
                if let Some(best) = best_start.get_mut(parts - 1)
                    && best.is_none_or(|(best_key, _)| key < best_key)
                {
                    *best = Some((key, start));
                }
            }
        }
        let just_before = row_before(end);
        for parts in 1..MAX_PARTS {
            // Brute force of one character after an `l`-part cover of `..end`...
            let single = just_before
                .and_then(|before| before.cell(parts))
                .filter(|c| !c.part.is_bruteforce())
                .map(|cell| (cell.product + single_char_bruteforce, end));
            // ...or of several, from the best earlier start.
            let several = best_start
                .get(parts - 1)
                .copied()
                .flatten()
                .and_then(|(_, start)| {
                    let cell = row_before(start)?.cell(parts)?;
                    Some((cell.product + guesses::bruteforce(end + 1 - start), start))
                });
            let best = match (several, single) {
                (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
                (a, b) => a.or(b),
            };
            if let Some((product, start)) = best {
                row.offer(
                    parts + 1,
                    factorial_of(parts + 1),
                    product,
                    Part::bruteforce(start),
                );
            }
        }
    }
    unwind(&rows, n, matches)
}

/// Reads the best cover of the whole text back from its last part.
fn unwind(rows: &[Row], n: usize, matches: &[Match]) -> Analysis {
    let last = n - 1;
    let no_cover = || Analysis {
        guesses_log10: guesses::bruteforce(n),
        sequence: Vec::new(),
    };
    let Some(final_row) = rows.get(last) else {
        return no_cover();
    };
    // The first of the cheapest covers, as zxcvbn's unwind picks it.
    let best = (1..=MAX_PARTS)
        .filter(|&parts| final_row.guesses(parts).is_finite())
        .fold(None, |best: Option<usize>, parts| match best {
            Some(b) if final_row.guesses(b) <= final_row.guesses(parts) => best,
            _ => Some(parts),
        });
    let Some(mut parts) = best else {
        return no_cover();
    };
    let final_guesses = final_row.guesses(parts);
    let mut sequence = Vec::with_capacity(parts);
    let mut end = Some(last);
    while let (Some(e), true) = (end, parts > 0) {
        let Some(cell) = rows.get(e).and_then(|row| row.cell(parts)) else {
            break;
        };
        let part = if cell.part.is_bruteforce() {
            let start = cell.part.value();
            Some(Match {
                i: start,
                j: e,
                guesses_log10: guesses::bruteforce((e + 1).saturating_sub(start)),
                pattern: Pattern::Bruteforce,
            })
        } else {
            matches.get(cell.part.value()).copied()
        };
        let Some(part) = part else { break };
        end = part.i.checked_sub(1);
        parts -= 1;
        sequence.push(part);
    }
    sequence.reverse();
    Analysis {
        guesses_log10: final_guesses,
        sequence,
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::lexicon::Source;

    fn word(i: usize, j: usize, guesses_log10: f64) -> Match {
        let pattern = Pattern::Dictionary {
            source: Source::English,
            rank: 1,
            reversed: false,
            l33t: false,
        };
        Match {
            i,
            j,
            guesses_log10,
            pattern,
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn a_single_match_costs_its_guesses_plus_one() {
        // zxcvbn: "password" (rank 2) alone is 1! * 2 + 10000^0 = 3 guesses.
        let analysis = search(8, &[word(0, 7, guesses::log10(2.0))], &[0]);
        assert!((analysis.guesses_log10 - guesses::log10(3.0)).abs() < 1e-12);
        assert_eq!(analysis.sequence.len(), 1);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn brute_force_fills_the_gaps() {
        // A ten-letter word of 100 guesses between two unexplained characters costs
        // 3! * 11 * 100 * 11 + 10000^2, far less than 10^12 for brute force throughout.
        let analysis = search(12, &[word(1, 10, 2.0)], &[0]);
        let expected = guesses::log10(6.0 * 11.0 * 100.0 * 11.0 + 1e8);
        assert!(
            (analysis.guesses_log10 - expected).abs() < 1e-9,
            "{}",
            analysis.guesses_log10
        );
        let parts: Vec<_> = analysis.sequence.iter().map(|m| (m.i, m.j)).collect();
        assert_eq!(parts, vec![(0, 0), (1, 10), (11, 11)]);
        // Without matches: one brute-force part, 10^n + 1.
        let none = search(12, &[], &[]);
        assert!((none.guesses_log10 - guesses::log10(1e12 + 1.0)).abs() < 1e-9);
    }
}
