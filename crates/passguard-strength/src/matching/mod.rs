//! zxcvbn's matchers: every way a part of the password can be explained by a pattern, each
//! with its guess estimate. The search in [`crate::search`] then picks the cheapest cover.
//!
//! Every matcher is linear in the password's length (with a constant set by the longest word,
//! [`repeat::MAX_BASE`] and the like), where zxcvbn's are quadratic or worse.

mod date;
mod dictionary;
mod l33t;
mod repeat;
mod sequence;
mod spatial;

use crate::dictionary::Dictionary;
use crate::lexicon::{Source, UserInputs};

/// What the matchers need besides the text.
pub(crate) struct Context<'a> {
    pub(crate) dictionary: Option<&'static Dictionary>,
    pub(crate) user_inputs: &'a UserInputs,
    pub(crate) reference_year: i32,
}

/// A part of the password (`i..=j`, in characters) explained by a pattern.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Match {
    pub(crate) i: usize,
    pub(crate) j: usize,
    pub(crate) guesses_log10: f64,
    pub(crate) pattern: Pattern,
}

impl Match {
    pub(crate) fn len(&self) -> usize {
        self.j + 1 - self.i
    }
}

/// The pattern of a match, with what the feedback needs to know about it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Pattern {
    Dictionary {
        source: Source,
        rank: u32,
        reversed: bool,
        l33t: bool,
    },
    Spatial {
        turns: usize,
    },
    Repeat {
        base_chars: usize,
    },
    Sequence,
    RecentYear,
    Date,
    /// Characters no pattern explains; made by the search, never by a matcher.
    Bruteforce,
}

/// Every match in `chars`, and their indices ordered by end then start (zxcvbn's order among
/// equal spans). `nesting` counts the repeats being analysed around this text.
pub(crate) fn omnimatch(
    context: &Context<'_>,
    chars: &[char],
    nesting: usize,
) -> (Vec<Match>, Vec<u32>) {
    let lower = crate::text::lowercase(chars);
    let mut matches = Vec::new();
    let user_inputs = (!context.user_inputs.is_empty()).then_some(context.user_inputs);
    if let Some(dictionary) = context.dictionary {
        dictionary::plain(dictionary, chars, &lower, &mut matches);
    }
    if let Some(user_inputs) = user_inputs {
        dictionary::plain(user_inputs, chars, &lower, &mut matches);
    }
    if let Some(dictionary) = context.dictionary {
        dictionary::reversed(dictionary, chars, &lower, &mut matches);
    }
    if let Some(user_inputs) = user_inputs {
        dictionary::reversed(user_inputs, chars, &lower, &mut matches);
    }
    let substitutions = l33t::Substitutions::of(&lower);
    if !substitutions.is_empty() {
        if let Some(dictionary) = context.dictionary {
            dictionary::l33t(dictionary, chars, &lower, &substitutions, &mut matches);
        }
        if let Some(user_inputs) = user_inputs {
            dictionary::l33t(user_inputs, chars, &lower, &substitutions, &mut matches);
        }
    }
    spatial::matches(chars, &mut matches);
    repeat::matches(context, chars, nesting, &mut matches);
    sequence::matches(chars, &mut matches);
    date::recent_years(chars, context.reference_year, &mut matches);
    date::dates(chars, context.reference_year, &mut matches);
    let order = order(&matches, chars.len());
    (matches, order)
}

/// The indices of matches by end, then start, keeping the matchers' order among equals: a
/// counting sort by end (linear, where a comparison sort of the tens of thousands of matches
/// in a long input is not), then a stable sort of each end's few matches by start.
fn order(matches: &[Match], n: usize) -> Vec<u32> {
    let mut next = vec![0u32; n + 1];
    for found in matches {
        if let Some(count) = next.get_mut(found.j + 1) {
            *count += 1;
        }
    }
    for k in 1..next.len() {
        let before = next.get(k - 1).copied().unwrap_or(0);
        if let Some(count) = next.get_mut(k) {
            *count += before;
        }
    }
    let starts = next.clone();
    let mut order = vec![0u32; matches.len()];
    for (index, found) in (0u32..).zip(matches) {
        if let Some(position) = next.get_mut(found.j) {
            if let Some(slot) = order.get_mut(*position as usize) {
                *slot = index;
            }
            *position += 1;
        }
    }
    let start_of = |index: &u32| matches.get(*index as usize).map_or(0, |m| m.i);
    for bounds in starts.windows(2) {
        if let [from, to] = *bounds
            && let Some(group) = order.get_mut(from as usize..to as usize)
        {
            group.sort_by_key(start_of);
        }
    }
    order
}

/// Whether a user input occurs in `password`, as it is, reversed or with l33t substitutions.
pub(crate) fn has_user_input(user_inputs: &UserInputs, password: &[char]) -> bool {
    let lower = crate::text::lowercase(password);
    let mut matches = Vec::new();
    dictionary::plain(user_inputs, password, &lower, &mut matches);
    dictionary::reversed(user_inputs, password, &lower, &mut matches);
    let substitutions = l33t::Substitutions::of(&lower);
    if !substitutions.is_empty() {
        dictionary::l33t(user_inputs, password, &lower, &substitutions, &mut matches);
    }
    !matches.is_empty()
}

/// Whether `password` (lowercased) is a word of zxcvbn's common-password list.
pub(crate) fn is_common_password(dictionary: &Dictionary, password: &[char]) -> bool {
    use crate::lexicon::Lexicon;
    let mut cursor = dictionary.root();
    password
        .iter()
        .all(|&c| dictionary.advance(&mut cursor, crate::text::lower(c)))
        && dictionary
            .entry(&cursor)
            .is_some_and(|entry| entry.source == Source::Passwords)
}
