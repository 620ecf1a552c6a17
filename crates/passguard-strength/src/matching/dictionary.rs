//! Dictionary matches: words of a lexicon found as they are, reversed, or behind l33t
//! substitutions (`p@ssw0rd`).
//!
//! zxcvbn tests every substring against every list, and repeats that for every consistent
//! l33t substitution table (736 of them for `4@8({[</369&#!1/|0$5+7%2/`). Here a cursor walks
//! the lexicon from each position and stops at the first character no word continues with,
//! and l33t choices branch inside that walk, so the work is bounded by the dictionary's
//! shape rather than by the number of tables.

use super::l33t::{self, Substitutions};
use super::{Match, Pattern};
use crate::guesses;
use crate::lexicon::{Entry, Lexicon};

/// Words starting at each position, read forwards.
pub(super) fn plain<L: Lexicon>(lexicon: &L, chars: &[char], lower: &[char], out: &mut Vec<Match>) {
    let mut memo = Memo::new(lower, lexicon.longest());
    let mut found = Vec::new();
    for i in 0..lower.len() {
        let walk = |found: &mut Vec<(usize, Entry)>| {
            let mut cursor = lexicon.root();
            for (j, &c) in lower.iter().enumerate().skip(i) {
                if !lexicon.advance(&mut cursor, c) {
                    break;
                }
                if let Some(entry) = lexicon.entry(&cursor) {
                    found.push((j + 1 - i, entry));
                }
            }
        };
        memo.words(i, &mut found, walk);
        for &(len, entry) in &found {
            out.push(word_match(
                chars,
                lower,
                (i, i + len - 1),
                entry,
                false,
                &[],
            ));
        }
    }
}

/// Words ending at each position, read backwards: `drowssap` is "password" reversed.
pub(super) fn reversed<L: Lexicon>(
    lexicon: &L,
    chars: &[char],
    lower: &[char],
    out: &mut Vec<Match>,
) {
    let width = lexicon.longest();
    let mut memo = Memo::new(lower, width);
    let mut found = Vec::new();
    for j in 0..lower.len() {
        let walk = |found: &mut Vec<(usize, Entry)>| {
            let mut cursor = lexicon.root();
            for i in (0..=j).rev() {
                let Some(&c) = lower.get(i) else { break };
                if !lexicon.advance(&mut cursor, c) {
                    break;
                }
                // A palindrome was found forwards already, for half the guesses.
                let token = lower.get(i..=j).unwrap_or_default();
                let palindrome = token.iter().eq(token.iter().rev());
                if let Some(entry) = lexicon.entry(&cursor).filter(|_| !palindrome) {
                    found.push((j + 1 - i, entry));
                }
            }
        };
        // The window of characters a walk ending at `j` can read.
        match (j + 1).checked_sub(width) {
            Some(start) => memo.words(start, &mut found, walk),
            None => {
                found.clear();
                walk(&mut found);
            }
        }
        for &(len, entry) in &found {
            out.push(word_match(chars, lower, (j + 1 - len, j), entry, true, &[]));
        }
    }
}

/// The words found from each window of `width` characters (the longest word), so that a
/// window seen before costs a hash lookup instead of a walk. Repeated patterns, the inputs
/// that make zxcvbn slowest, repeat their windows at every period.
struct Memo<'a, T> {
    lower: &'a [char],
    width: usize,
    /// A polynomial hash of each full window, by start.
    hashes: Vec<u64>,
    /// Open addressing: one plus the start of a window already walked, or zero.
    table: Vec<u32>,
    /// By window start: the range of `words` found from it.
    found: Vec<(u32, u32)>,
    words: Vec<T>,
}

impl<'a, T: Copy> Memo<'a, T> {
    const MULTIPLIER: u64 = 0x0100_0000_01b3;

    fn new(lower: &'a [char], width: usize) -> Self {
        let windows = if width == 0 {
            0
        } else {
            (lower.len() + 1).saturating_sub(width)
        };
        let mut hashes = Vec::with_capacity(windows);
        if windows > 0 {
            let top = (1..width).fold(1u64, |power, _| power.wrapping_mul(Self::MULTIPLIER));
            let value = |c: Option<&char>| u64::from(c.map_or(0, |&c| u32::from(c)));
            let mut hash = lower.iter().take(width).fold(0u64, |h, &c| {
                h.wrapping_mul(Self::MULTIPLIER)
                    .wrapping_add(u64::from(u32::from(c)))
            });
            hashes.push(hash);
            for start in 1..windows {
                let leaving = value(lower.get(start - 1)).wrapping_mul(top);
                let entering = value(lower.get(start + width - 1));
                hash = hash
                    .wrapping_sub(leaving)
                    .wrapping_mul(Self::MULTIPLIER)
                    .wrapping_add(entering);
                hashes.push(hash);
            }
        }
        let table = vec![0; (2 * windows).next_power_of_two()];
        Memo {
            lower,
            width,
            hashes,
            table,
            found: vec![(0, 0); windows],
            words: Vec::new(),
        }
    }

    /// Fills `found` with the words of the window at `start` (or, past the last full window,
    /// with what `walk` finds).
    fn words(&mut self, start: usize, found: &mut Vec<T>, walk: impl FnOnce(&mut Vec<T>)) {
        found.clear();
        let Some(&hash) = self.hashes.get(start) else {
            walk(found);
            return;
        };
        let mask = self.table.len() - 1;
        let mut slot = (hash as usize) & mask;
        while let Some(&stored) = self.table.get(slot).filter(|&&s| s != 0) {
            let earlier = stored as usize - 1;
            if self.hashes.get(earlier) == Some(&hash) && self.window(earlier) == self.window(start)
            {
                let &(from, to) = self.found.get(earlier).unwrap_or(&(0, 0));
                found.extend_from_slice(
                    self.words
                        .get(from as usize..to as usize)
                        .unwrap_or_default(),
                );
                return;
            }
            slot = (slot + 1) & mask;
        }
        walk(found);
        let from = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.words.extend_from_slice(found);
        let to = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        if let (Some(range), Some(entry)) = (self.found.get_mut(start), self.table.get_mut(slot)) {
            *range = (from, to);
            *entry = u32::try_from(start + 1).unwrap_or(0);
        }
    }

    fn window(&self, start: usize) -> &[char] {
        self.lower
            .get(start..start + self.width)
            .unwrap_or_default()
    }
}

/// Words spelled with at least one l33t substitution, under one of the substitution tables
/// zxcvbn would try for this password.
pub(super) fn l33t<L: Lexicon>(
    lexicon: &L,
    chars: &[char],
    lower: &[char],
    substitutions: &Substitutions,
    out: &mut Vec<Match>,
) {
    let mut substitute_ahead = false;
    let mut starts = Vec::with_capacity(lower.len());
    for &c in lower.iter().rev() {
        substitute_ahead |= l33t::index(c).is_some();
        starts.push(substitute_ahead);
    }
    let mut memo = Memo::new(lower, lexicon.longest());
    let mut found = Vec::new();
    for (start, ahead) in starts.into_iter().rev().enumerate() {
        if !ahead {
            continue;
        }
        memo.words(start, &mut found, |found| {
            let mut walk = L33tWalk {
                lexicon,
                lower,
                substitutions,
                found,
                start,
            };
            walk.step(start, lexicon.root(), l33t::Choice::default());
        });
        for &(len, entry, choice) in &found {
            let span = (start, start + len - 1);
            out.push(word_match(
                chars,
                lower,
                span,
                entry,
                false,
                &choice.pairs(),
            ));
        }
    }
}

struct L33tWalk<'a, L: Lexicon> {
    lexicon: &'a L,
    lower: &'a [char],
    substitutions: &'a Substitutions,
    /// Length, word and reading of each word found.
    found: &'a mut Vec<(usize, Entry, l33t::Choice)>,
    start: usize,
}

impl<L: Lexicon> L33tWalk<'_, L> {
    /// Extends the word read from `start` with the character at `at`, trying each reading
    /// of a substitute character the first time it appears (later ones must agree).
    fn step(&mut self, at: usize, cursor: L::Cursor, choice: l33t::Choice) {
        let Some(&c) = self.lower.get(at) else { return };
        let Some(substitute) = l33t::index(c) else {
            self.follow(at, cursor, c, choice);
            return;
        };
        if let Some(reading) = choice.reading(substitute) {
            self.follow(at, cursor, reading.unwrap_or(c), choice);
            return;
        }
        let substitutions = self.substitutions;
        for option in substitutions.options(substitute) {
            let next = choice.with(substitute, option);
            let letter = option.map_or(Some(c), |option| l33t::letter(substitute, option));
            if let Some(letter) = letter {
                self.follow(at, cursor.clone(), letter, next);
            }
        }
    }

    fn follow(&mut self, at: usize, mut cursor: L::Cursor, c: char, choice: l33t::Choice) {
        if !self.lexicon.advance(&mut cursor, c) {
            return;
        }
        // zxcvbn drops one-character l33t matches: '1' as "i" or '4' as "a" is noise.
        if at > self.start
            && choice.substitutes()
            && let Some(entry) = self.lexicon.entry(&cursor)
            && self.substitutions.allows(choice)
        {
            self.found.push((at + 1 - self.start, entry, choice));
        }
        self.step(at + 1, cursor, choice);
    }
}

/// A dictionary match over `i..=j` with zxcvbn's estimate: the rank, times the
/// capitalisation and l33t variations, times two when reversed.
fn word_match(
    chars: &[char],
    lower: &[char],
    (i, j): (usize, usize),
    entry: Entry,
    reversed: bool,
    substitutions: &[(char, char)],
) -> Match {
    let token = chars.get(i..=j).unwrap_or_default();
    let mut estimate = entry.rank_log10 + guesses::uppercase_variations(token);
    if !substitutions.is_empty() {
        let token_lower = lower.get(i..=j).unwrap_or_default();
        estimate += guesses::l33t_variations(token_lower, substitutions);
    }
    if reversed {
        estimate += guesses::LOG10_2;
    }
    Match {
        i,
        j,
        guesses_log10: guesses::with_floor(estimate, token.len(), chars.len()),
        pattern: Pattern::Dictionary {
            source: entry.source,
            rank: entry.rank,
            reversed,
            l33t: !substitutions.is_empty(),
        },
    }
}
