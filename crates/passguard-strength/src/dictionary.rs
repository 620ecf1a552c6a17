//! The frequency lists of zxcvbn 4.4.2 (embedded, or loaded: `words.rs`), searched in
//! their compact form.
//!
//! `data/dictionary.bin` (built by `data/build.py`, format in `data/README.md`) holds every
//! word once, sorted and front-coded, with a one-byte code per word for its list and its
//! log-quantised rank, and where each group of words sharing two first letters starts.
//! The first use reads the header and the group table (a thousand entries) and scans every
//! group once for its three-letter prefixes (about 6 000), so that no later lookup builds a
//! table: a check's time does not depend on which words the process met before. Every lookup
//! reads the front-coded words of one prefix in place.

use std::sync::OnceLock;

use crate::lexicon::{Entry, Lexicon, Source};

const MAGIC: &[u8] = b"PGSD";
const VERSION: u8 = 2;
/// Words of fewer characters are kept in a small table; longer ones by their first three.
const PREFIX: usize = 3;
/// Longer words than this make the data invalid (zxcvbn's longest has 23 characters).
const MAX_WORD: usize = 32;
/// One bit per character of the alphabet in the prefix sets.
const MAX_ALPHABET: usize = 64;
/// Sources in the order of the codes' class numbers (see `CLASSES` in `data/build.py`).
const CLASSES: [Source; 4] = [
    Source::Passwords,
    Source::English,
    Source::Names,
    Source::TvAndFilm,
];
/// The byte that starts every front-coded entry has this bit set; word bytes never do.
const ENTRY_MARK: u8 = 0x80;

/// The decoded header and the prefix index over the embedded data.
#[derive(Debug)]
pub(crate) struct Dictionary {
    /// ASCII byte to one plus its position in the alphabet; zero for bytes no word has.
    dense: [u8; 128],
    /// The first characters of words.
    first: u64,
    /// For each first character, the second characters that follow it.
    second: [u64; MAX_ALPHABET],
    /// For each two-character prefix (by dense numbers): one plus its group's number.
    group_of: Vec<u16>,
    /// For each group of words sharing their first two characters, its three-character
    /// prefixes: the third character, and the stream offset and index of the first word with
    /// that prefix.
    groups: Vec<Vec<(u8, u32, u32)>>,
    /// Words shorter than [`PREFIX`], by the dense numbers of their characters: one plus
    /// their code, zero for no word.
    short: Vec<u16>,
    codes: &'static [u8],
    stream: &'static [u8],
    buckets_per_class: usize,
    /// The length of the longest word.
    longest: usize,
    /// For each code: the representative rank and its logarithm.
    ranks: Vec<(u32, f64)>,
}

/// The dictionary, decoded on first use; `None` before the words are there (a build without
/// them, before [`crate::load_words`]), or if the embedded data were corrupt, which the
/// tests rule out (the estimator then works without dictionaries).
pub(crate) fn get() -> Option<&'static Dictionary> {
    static DICTIONARY: OnceLock<Option<Dictionary>> = OnceLock::new();
    let words = crate::words::get()?;
    DICTIONARY
        .get_or_init(|| Dictionary::parse(words.dictionary))
        .as_ref()
}

/// A position in the dictionary: the bytes consumed so far are a prefix of a word.
#[derive(Debug, Clone)]
pub(crate) struct Cursor {
    depth: usize,
    prefix: [u8; PREFIX],
    /// From depth [`PREFIX`] on: the current word of the front-coded stream, which starts
    /// with the consumed bytes, and where the entry after it begins.
    word: [u8; MAX_WORD],
    len: usize,
    index: usize,
    next: usize,
}

/// Reads the header fields in order, failing softly on truncated data.
struct Reader<'a> {
    data: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.data.split_at_checked(n)?;
        self.data = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    /// An unsigned LEB128 number of at most 32 bits.
    fn varint(&mut self) -> Option<u32> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            value |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<usize> {
        let bytes: [u8; 4] = self.take(4)?.try_into().ok()?;
        usize::try_from(u32::from_le_bytes(bytes)).ok()
    }
}

/// Whether `data` starts as a dictionary of this version does (the cheap part of [`Dictionary::parse`]).
pub(crate) fn has_header(data: &[u8]) -> bool {
    data.strip_prefix(MAGIC)
        .is_some_and(|rest| rest.first() == Some(&VERSION))
}

impl Dictionary {
    pub(crate) fn parse(data: &'static [u8]) -> Option<Self> {
        let mut reader = Reader { data };
        if reader.take(MAGIC.len())? != MAGIC || reader.byte()? != VERSION {
            return None;
        }
        let _ranks_per_decade = reader.byte()?;
        let classes = usize::from(reader.byte()?);
        let buckets_per_class = usize::from(reader.byte()?);
        if classes != CLASSES.len() || usize::from(reader.byte()?) != PREFIX {
            return None;
        }
        let alphabet_len = usize::from(reader.byte()?);
        let alphabet = reader.take(alphabet_len)?;
        if alphabet.len() > MAX_ALPHABET {
            return None;
        }
        let mut dense = [0u8; 128];
        for (position, &byte) in alphabet.iter().enumerate() {
            *dense.get_mut(usize::from(byte))? = u8::try_from(position + 1).ok()?;
        }
        let ranks = reader
            .take(classes * buckets_per_class * 2)?
            .chunks_exact(2)
            .map(|pair| {
                let rank = u32::from(u16::from_le_bytes([*pair.first()?, *pair.get(1)?]));
                Some((rank, libm::log10(f64::from(rank.max(1)))))
            })
            .collect::<Option<Vec<_>>>()?;

        let mut dictionary = Dictionary {
            dense,
            first: 0,
            second: [0; MAX_ALPHABET],
            group_of: vec![0; MAX_ALPHABET * MAX_ALPHABET],
            groups: Vec::new(),
            short: vec![0; MAX_ALPHABET * (MAX_ALPHABET + 1)],
            codes: &[],
            stream: &[],
            buckets_per_class,
            longest: PREFIX - 1,
            ranks,
        };
        for _ in 0..reader.byte()? {
            let len = usize::from(reader.byte()?);
            let word = reader.take(len)?.to_vec();
            let code = reader.byte()?;
            if word.is_empty() || word.len() >= PREFIX {
                return None;
            }
            dictionary.mark_prefix(&word)?;
            let slot = dictionary.short_slot(&word)?;
            *dictionary.short.get_mut(slot)? = u16::from(code) + 1;
        }
        dictionary.longest = usize::from(reader.byte()?);
        let group_count = usize::from(u16::from_le_bytes(reader.take(2)?.try_into().ok()?));
        let keys = reader.take(2 * group_count)?;
        let counts = (0..group_count)
            .map(|_| reader.varint())
            .collect::<Option<Vec<_>>>()?;
        let sizes = (0..group_count)
            .map(|_| reader.varint())
            .collect::<Option<Vec<_>>>()?;
        let count = reader.u32()?;
        let stream_len = reader.u32()?;
        dictionary.codes = reader.take(count)?;
        dictionary.stream = reader.take(stream_len)?;
        let (mut start, mut first_word) = (0u32, 0u32);
        for ((key, &words), &size) in keys.chunks_exact(2).zip(&counts).zip(&sizes) {
            dictionary.mark_prefix(key)?;
            let slot = dictionary.group_slot(key)?;
            *dictionary.group_of.get_mut(slot)? =
                u16::try_from(dictionary.groups.len() + 1).ok()?;
            let end = start.checked_add(size)?;
            let buckets = scan_buckets(dictionary.stream, start, first_word, end);
            dictionary.groups.push(buckets);
            start = end;
            first_word = first_word.checked_add(words)?;
        }
        (start as usize == stream_len && first_word as usize == count).then_some(dictionary)
    }

    /// Records that `prefix` (one or two bytes) begins a word.
    fn mark_prefix(&mut self, prefix: &[u8]) -> Option<()> {
        let first = self.dense_of(*prefix.first()?)?;
        self.first |= 1 << first;
        if let Some(&second) = prefix.get(1) {
            *self.second.get_mut(first)? |= 1 << self.dense_of(second)?;
        }
        Some(())
    }

    /// Where the group of a two-byte prefix is kept in `group_of`.
    fn group_slot(&self, key: &[u8]) -> Option<usize> {
        match *key {
            [a, b] => Some(MAX_ALPHABET * self.dense_of(a)? + self.dense_of(b)?),
            _ => None,
        }
    }

    /// Where a word of one or two bytes is kept in `short`.
    fn short_slot(&self, word: &[u8]) -> Option<usize> {
        match *word {
            [a] => Some(self.dense_of(a)?),
            [a, b] => Some(MAX_ALPHABET * (1 + self.dense_of(a)?) + self.dense_of(b)?),
            _ => None,
        }
    }

    fn dense_of(&self, byte: u8) -> Option<usize> {
        let position = *self.dense.get(usize::from(byte))?;
        usize::from(position).checked_sub(1)
    }

    fn decode(&self, code: u8) -> Option<Entry> {
        let code = usize::from(code);
        let source = *CLASSES.get(code / self.buckets_per_class.max(1))?;
        let &(rank, rank_log10) = self.ranks.get(code)?;
        (rank > 0).then_some(Entry {
            source,
            rank,
            rank_log10,
        })
    }

    /// Loads the first word of the bucket for the three bytes in `cursor.prefix`.
    fn enter_bucket(&self, cursor: &mut Cursor) -> bool {
        let bucket = (|| {
            let [a, b, c] = cursor.prefix;
            let group = self
                .group_of
                .get(self.group_slot(&[a, b])?)?
                .checked_sub(1)?;
            let group = self.groups.get(usize::from(group))?;
            let &(_, offset, index) = group.iter().find(|(third, ..)| *third == c)?;
            Some((offset, index))
        })();
        let Some((offset, index)) = bucket else {
            return false;
        };
        let Some((shared, suffix, next)) = entry_at(self.stream, offset as usize) else {
            return false;
        };
        let Some(len) = write_word(&mut cursor.word, shared, suffix) else {
            return false;
        };
        // The bucket's first word shares its first `shared` bytes with the previous bucket,
        // and they are this bucket's prefix too.
        let Some(head) = cursor.word.get_mut(..shared.min(PREFIX)) else {
            return false;
        };
        head.copy_from_slice(cursor.prefix.get(..head.len()).unwrap_or_default());
        cursor.len = len;
        cursor.index = index as usize;
        cursor.next = next;
        cursor.word.get(..PREFIX) == Some(&cursor.prefix[..])
    }

    /// Moves the cursor at depth `d` on to the first later word that continues the consumed
    /// bytes with `byte`, if any.
    ///
    /// Words in between are skipped without being rebuilt: a word sharing more than `d`
    /// bytes with its predecessor has the same byte at `d` (already too small), and one
    /// sharing exactly `d` is decided by its first own byte. The bytes before `d` are the
    /// consumed ones for every word passed, so the buffer stays right for the word landed on.
    fn seek(&self, cursor: &mut Cursor, byte: u8) -> bool {
        let depth = cursor.depth;
        let mut at = cursor.next;
        let mut index = cursor.index;
        loop {
            let Some((shared, suffix, next)) = entry_at(self.stream, at) else {
                return false;
            };
            index += 1;
            if shared < depth {
                return false;
            }
            if shared == depth {
                match suffix.first() {
                    Some(&first) if first == byte => {
                        let Some(len) = write_word(&mut cursor.word, shared, suffix) else {
                            return false;
                        };
                        cursor.len = len;
                        cursor.index = index;
                        cursor.next = next;
                        cursor.depth += 1;
                        return true;
                    }
                    Some(&first) if first > byte => return false,
                    _ => {}
                }
            }
            at = next;
        }
    }
}

/// The three-byte prefixes of the group of words from stream offset `start` (word `index`) to
/// `end`: the third byte, and the offset and index of the first word with it.
fn scan_buckets(stream: &[u8], start: u32, mut index: u32, end: u32) -> Vec<(u8, u32, u32)> {
    let mut buckets = Vec::new();
    let mut offset = start as usize;
    while offset < end as usize {
        let Some((shared, suffix, next)) = entry_at(stream, offset) else {
            break;
        };
        // The first word of a group shares fewer than two bytes with the one before.
        if shared < PREFIX
            && let Some(&third) = suffix.get(PREFIX - 1 - shared.min(PREFIX - 1))
        {
            buckets.push((third, u32::try_from(offset).unwrap_or(u32::MAX), index));
        }
        offset = next;
        index += 1;
    }
    buckets
}

/// The entry at `offset`: how many bytes it shares with the previous word, its own bytes,
/// and where the next entry starts.
#[inline]
fn entry_at(stream: &[u8], offset: usize) -> Option<(usize, &[u8], usize)> {
    let (&mark, rest) = stream.get(offset..)?.split_first()?;
    if mark & ENTRY_MARK == 0 {
        return None;
    }
    // Look for the next entry's mark eight bytes at a time: most words end within eight.
    let len = match rest.first_chunk::<8>() {
        Some(chunk) => match u64::from_le_bytes(*chunk) & u64::from_le_bytes([ENTRY_MARK; 8]) {
            0 => {
                8 + rest
                    .iter()
                    .skip(8)
                    .take_while(|&&b| b & ENTRY_MARK == 0)
                    .count()
            }
            marks => (marks.trailing_zeros() / 8) as usize,
        },
        None => rest.iter().take_while(|&&b| b & ENTRY_MARK == 0).count(),
    };
    Some((
        usize::from(mark & !ENTRY_MARK),
        rest.get(..len)?,
        offset + 1 + len,
    ))
}

/// Writes `suffix` after the first `shared` bytes of `word`; the new length.
#[inline]
fn write_word(word: &mut [u8; MAX_WORD], shared: usize, suffix: &[u8]) -> Option<usize> {
    let len = shared + suffix.len();
    let target = word.get_mut(shared..len)?;
    // Byte by byte: suffixes are a few bytes, too short to pay for a call to memcpy.
    for (to, &from) in target.iter_mut().zip(suffix) {
        *to = from;
    }
    Some(len)
}

impl Lexicon for Dictionary {
    type Cursor = Cursor;

    fn longest(&self) -> usize {
        self.longest
    }

    fn root(&self) -> Cursor {
        Cursor {
            depth: 0,
            prefix: [0; PREFIX],
            word: [0; MAX_WORD],
            len: 0,
            index: 0,
            next: 0,
        }
    }

    fn advance(&self, cursor: &mut Cursor, c: char) -> bool {
        let Ok(byte) = u8::try_from(c) else {
            return false;
        };
        let Some(d) = self.dense_of(byte) else {
            return false;
        };
        match cursor.depth {
            0 | 1 => {
                let allowed = match cursor.prefix.first().filter(|_| cursor.depth == 1) {
                    None => self.first,
                    Some(&a) => match self.dense_of(a).and_then(|a| self.second.get(a)) {
                        Some(&set) => set,
                        None => return false,
                    },
                };
                if allowed & (1 << d) == 0 {
                    return false;
                }
                if let Some(slot) = cursor.prefix.get_mut(cursor.depth) {
                    *slot = byte;
                }
                cursor.depth += 1;
                true
            }
            2 => {
                if let Some(slot) = cursor.prefix.get_mut(2) {
                    *slot = byte;
                }
                cursor.depth = PREFIX;
                self.enter_bucket(cursor)
            }
            depth => match cursor.word.get(depth).filter(|_| cursor.len > depth) {
                Some(&have) if have == byte => {
                    cursor.depth += 1;
                    true
                }
                Some(&have) if have > byte => false,
                _ => self.seek(cursor, byte),
            },
        }
    }

    fn entry(&self, cursor: &Cursor) -> Option<Entry> {
        if cursor.depth == 0 {
            return None;
        }
        if cursor.depth < PREFIX {
            let slot = self.short_slot(cursor.prefix.get(..cursor.depth)?)?;
            let code = self.short.get(slot)?.checked_sub(1)?;
            return self.decode(u8::try_from(code).ok()?);
        }
        if cursor.len != cursor.depth {
            return None;
        }
        self.decode(*self.codes.get(cursor.index)?)
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn lookup(word: &str) -> Option<Entry> {
        let dictionary = get()?;
        let mut cursor = dictionary.root();
        word.chars()
            .all(|c| dictionary.advance(&mut cursor, c))
            .then(|| dictionary.entry(&cursor))?
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn the_embedded_data_decodes_completely() {
        let dictionary = get().expect("the embedded dictionary is valid");
        let short = dictionary.short.iter().filter(|&&code| code > 0).count();
        assert_eq!(short, 24);
        assert_eq!(dictionary.codes.len(), 93_855 - short);
        assert_eq!(dictionary.longest, 23);
        let buckets: usize = dictionary.groups.iter().map(Vec::len).sum();
        assert_eq!(buckets, 6_270);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn small_ranks_are_exact_and_sources_are_kept() {
        let rank = |word| lookup(word).map(|entry| (entry.source, entry.rank));
        // The first entries of zxcvbn's lists. Ranks 1 to 3 are stored exactly; "qwerty"
        // (4) shares its bucket with rank 5, whose representative is round(sqrt(4 * 5)).
        assert_eq!(rank("123456"), Some((Source::Passwords, 1)));
        assert_eq!(rank("password"), Some((Source::Passwords, 2)));
        assert_eq!(rank("qwerty"), Some((Source::Passwords, 4)));
        assert_eq!(rank("the"), Some((Source::English, 1)));
        assert_eq!(rank("mary"), Some((Source::Names, 1)));
        assert_eq!(rank("smith"), Some((Source::Names, 1)));
        assert_eq!(rank("you"), Some((Source::TvAndFilm, 1)));
        // One- and two-letter words live in the short table.
        assert_eq!(rank("i").map(|(source, _)| source), Some(Source::TvAndFilm));
        assert_eq!(rank("of").map(|(source, _)| source), Some(Source::English));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn prefixes_and_strangers_are_not_words() {
        assert_eq!(lookup("sunshi"), None); // "sunshin" is a word, "sunshi" not.
        assert_eq!(lookup("passwordx"), None);
        assert_eq!(lookup("zzzzzzzzzz"), None);
        assert_eq!(lookup("pässword"), None);
        assert_eq!(lookup(""), None);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn every_prefix_of_a_word_can_be_walked() {
        let dictionary = get().expect("valid");
        let mut cursor = dictionary.root();
        let mut found = Vec::new();
        for (at, c) in "passwords".chars().enumerate() {
            assert!(dictionary.advance(&mut cursor, c), "stopped at {at}");
            if dictionary.entry(&cursor).is_some() {
                found.push(at + 1);
            }
        }
        // "pa", "pas", "pass", "passw"?, "password", "passwords": at least these three.
        assert!(
            found.contains(&4) && found.contains(&8) && found.contains(&9),
            "{found:?}"
        );
    }
}
