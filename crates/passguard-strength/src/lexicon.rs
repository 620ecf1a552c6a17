//! What the dictionary matchers walk: a ranked word list seen through a cursor that grows
//! one character at a time, so a matcher finds every word starting at a position in one pass
//! and stops as soon as no word can follow. Two implementations: the embedded frequency lists
//! ([`crate::dictionary`]) and the user's own inputs ([`UserInputs`]).

/// Where a word comes from; zxcvbn's feedback depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// Common passwords from leaks.
    Passwords,
    /// English Wikipedia words.
    English,
    /// US census first names and surnames.
    Names,
    /// Words from US television and film subtitles.
    TvAndFilm,
    /// The username, e-mail address, names and the like given with the password.
    UserInputs,
}

/// A word found in a lexicon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Entry {
    pub(crate) source: Source,
    /// 1 for the most frequent word of its list.
    pub(crate) rank: u32,
    pub(crate) rank_log10: f64,
}

/// A ranked word list walked character by character.
pub(crate) trait Lexicon {
    /// A position in the lexicon: the characters consumed so far are a prefix of some word.
    type Cursor: Clone;

    /// The cursor before the first character.
    fn root(&self) -> Self::Cursor;

    /// Consumes `c` (already lowercased); `false` when no word continues with it, after
    /// which the cursor must not be used again.
    fn advance(&self, cursor: &mut Self::Cursor, c: char) -> bool;

    /// The word spelled by the characters consumed so far, if it is one.
    fn entry(&self, cursor: &Self::Cursor) -> Option<Entry>;

    /// The length of the longest word: no walk consumes more characters.
    fn longest(&self) -> usize;
}

/// The user's inputs as a small trie, built for one estimate.
///
/// Inputs are lowercased, and cut to [`crate::Estimate::MAX_USER_INPUT_CHARS`] characters;
/// only the first [`crate::Estimate::MAX_USER_INPUTS`] count. As in zxcvbn the rank of an
/// input is its position in the list, and a repeated input keeps its last position.
#[derive(Debug, Default)]
pub(crate) struct UserInputs {
    nodes: Vec<Node>,
    longest: usize,
}

#[derive(Debug, Default)]
struct Node {
    children: Vec<(char, u32)>,
    /// Zero when no input ends here.
    rank: u32,
}

impl UserInputs {
    /// The trie of `inputs`, ignoring inputs shorter than `min_chars` characters.
    pub(crate) fn new(inputs: &[&str], min_chars: usize) -> Self {
        let mut trie = UserInputs {
            nodes: vec![Node::default()],
            longest: 0,
        };
        let ranked = inputs
            .iter()
            .take(crate::Estimate::MAX_USER_INPUTS)
            .zip(1u32..);
        for (input, rank) in ranked {
            let chars = input.chars().take(crate::Estimate::MAX_USER_INPUT_CHARS);
            if chars.clone().count() >= min_chars.max(1) {
                trie.insert(chars.map(crate::text::lower), rank);
            }
        }
        trie
    }

    /// Whether no input was long enough to be kept.
    pub(crate) fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    fn insert(&mut self, word: impl Iterator<Item = char>, rank: u32) {
        let mut at = 0usize;
        for (len, c) in (1..).zip(word) {
            self.longest = self.longest.max(len);
            let existing = self
                .nodes
                .get(at)
                .and_then(|node| node.children.iter().find(|(label, _)| *label == c))
                .map(|&(_, child)| child as usize);
            at = match existing {
                Some(child) => child,
                None => {
                    let child = self.nodes.len();
                    self.nodes.push(Node::default());
                    if let Some(node) = self.nodes.get_mut(at) {
                        node.children.push((c, child as u32));
                    }
                    child
                }
            };
        }
        if let Some(node) = self.nodes.get_mut(at) {
            node.rank = rank;
        }
    }
}

impl Lexicon for UserInputs {
    type Cursor = u32;

    fn root(&self) -> u32 {
        0
    }

    fn advance(&self, cursor: &mut u32, c: char) -> bool {
        let next = self
            .nodes
            .get(*cursor as usize)
            .and_then(|node| node.children.iter().find(|(label, _)| *label == c));
        match next {
            Some(&(_, child)) => {
                *cursor = child;
                true
            }
            None => false,
        }
    }

    fn longest(&self) -> usize {
        self.longest
    }

    fn entry(&self, cursor: &u32) -> Option<Entry> {
        let rank = self.nodes.get(*cursor as usize)?.rank;
        (rank > 0).then(|| Entry {
            source: Source::UserInputs,
            rank,
            rank_log10: libm::log10(f64::from(rank)),
        })
    }
}
