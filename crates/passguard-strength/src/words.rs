//! The word lists: zxcvbn's frequency dictionaries (`data/dictionary.bin`) and the blocklist
//! (`data/blocklist.txt`). Natively and in the npm package they are embedded (the
//! `embedded-words` feature); the pages leave them out of their wasm and load them once, at
//! run time, from the words asset (fetched beside the wasm, content-hashed and cached for
//! good), so the rules that need no word list work before it arrives. Until then
//! [`has_words`] is false: `not-common` and `min-strength` are left `pending` by the engine.
//!
//! The asset is `PGWA`, a version byte (1), the dictionary's length (u32, little-endian),
//! the dictionary's bytes, then the blocklist's text (see `data/README.md`).

use std::sync::OnceLock;

/// The lists in use.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Words {
    pub(crate) dictionary: &'static [u8],
    pub(crate) blocklist: &'static str,
}

const MAGIC: &[u8] = b"PGWA";
const VERSION: u8 = 1;

static LOADED: OnceLock<Words> = OnceLock::new();

/// The lists, embedded or loaded; `None` before a build without them has loaded them.
pub(crate) fn get() -> Option<&'static Words> {
    #[cfg(feature = "embedded-words")]
    {
        Some(LOADED.get_or_init(|| Words {
            dictionary: include_bytes!("../data/dictionary.bin"),
            blocklist: include_str!("../data/blocklist.txt"),
        }))
    }
    #[cfg(not(feature = "embedded-words"))]
    {
        LOADED.get()
    }
}

/// Why a words asset was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordsError {
    /// Not a words asset of this version: another file, or cut short.
    NotAnAsset,
    /// The dictionary inside is not one this estimator reads.
    BadDictionary,
    /// The blocklist inside is not sorted, lowercase lines of printable ASCII.
    BadBlocklist,
}

impl core::fmt::Display for WordsError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Self::NotAnAsset => "not a passguard words asset of version 1",
            Self::BadDictionary => "the words asset's dictionary is unreadable",
            Self::BadBlocklist => "the words asset's blocklist is not sorted lowercase ASCII lines",
        })
    }
}

impl std::error::Error for WordsError {}

/// Splits `asset` into its dictionary and blocklist, checking the frame and the blocklist.
fn split(asset: &[u8]) -> Result<(&[u8], &str), WordsError> {
    let rest = asset
        .strip_prefix(MAGIC)
        .and_then(|rest| rest.strip_prefix(&[VERSION]))
        .ok_or(WordsError::NotAnAsset)?;
    let (length, rest) = rest.split_at_checked(4).ok_or(WordsError::NotAnAsset)?;
    let length: [u8; 4] = length.try_into().map_err(|_| WordsError::NotAnAsset)?;
    let length = usize::try_from(u32::from_le_bytes(length)).map_err(|_| WordsError::NotAnAsset)?;
    let (dictionary, blocklist) = rest
        .split_at_checked(length)
        .ok_or(WordsError::NotAnAsset)?;
    if !crate::dictionary::has_header(dictionary) {
        return Err(WordsError::BadDictionary);
    }
    let blocklist = core::str::from_utf8(blocklist).map_err(|_| WordsError::BadBlocklist)?;
    let line_ok = |line: &str| {
        !line.is_empty()
            && line.len() <= crate::blocklist::MAX_CHARS
            && line
                .bytes()
                .all(|b| (0x20..=0x7e).contains(&b) && !b.is_ascii_uppercase())
    };
    let sorted = blocklist
        .lines()
        .zip(blocklist.lines().skip(1))
        .all(|(a, b)| a < b);
    let well_formed = blocklist.ends_with('\n') && blocklist.lines().all(line_ok) && sorted;
    if !(blocklist.is_empty() || well_formed) {
        return Err(WordsError::BadBlocklist);
    }
    Ok((dictionary, blocklist))
}

/// Loads the word lists from the words asset `asset` (a build without `embedded-words`
/// calls this once, when the asset has arrived). Lists already in use (embedded, or loaded
/// before) stay: a second asset's frame, dictionary header and blocklist are only checked,
/// and it is dropped.
/// The bytes of the asset taken live as long as the program; so do those of one whose
/// dictionary proves unreadable (the frame and the blocklist are checked before anything is
/// kept).
///
/// # Errors
/// [`WordsError`] when `asset` is not a readable words asset.
pub fn load_words(asset: Vec<u8>) -> Result<(), WordsError> {
    split(&asset)?;
    if get().is_some() {
        return Ok(());
    }
    let asset: &'static [u8] = Box::leak(asset.into_boxed_slice());
    let (dictionary, blocklist) = split(asset)?;
    if crate::dictionary::Dictionary::parse(dictionary).is_none() {
        return Err(WordsError::BadDictionary);
    }
    let _ = LOADED.set(Words {
        dictionary,
        blocklist,
    });
    Ok(())
}

/// Whether the word lists are there: always with `embedded-words`, else once
/// [`load_words`] took an asset.
#[must_use]
pub fn has_words() -> bool {
    get().is_some()
}

/// The words asset of the lists in use, as [`load_words`] reads it (`None` before any).
#[must_use]
pub fn words_asset() -> Option<Vec<u8>> {
    let words = get()?;
    let length = u32::try_from(words.dictionary.len()).ok()?;
    let mut asset = Vec::with_capacity(9 + words.dictionary.len() + words.blocklist.len());
    asset.extend_from_slice(MAGIC);
    asset.push(VERSION);
    asset.extend_from_slice(&length.to_le_bytes());
    asset.extend_from_slice(words.dictionary);
    asset.extend_from_slice(words.blocklist.as_bytes());
    Some(asset)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::{WordsError, has_words, load_words, split, words_asset};

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn the_asset_holds_the_lists_and_bad_ones_are_refused() {
        assert!(has_words());
        let asset = words_asset().unwrap();
        let (dictionary, blocklist) = split(&asset).unwrap();
        assert_eq!(dictionary, include_bytes!("../data/dictionary.bin"));
        assert_eq!(blocklist, include_str!("../data/blocklist.txt"));
        assert_eq!(load_words(asset.clone()), Ok(()));

        let refused = |bytes: Vec<u8>| load_words(bytes).unwrap_err();
        assert_eq!(refused(Vec::new()), WordsError::NotAnAsset);
        assert_eq!(refused(b"PGWA\x02".to_vec()), WordsError::NotAnAsset);
        assert_eq!(
            refused(asset.get(..100).unwrap().to_vec()),
            WordsError::NotAnAsset
        );
        let mut unsorted = asset.clone();
        unsorted.extend_from_slice(b"aaa\n");
        assert_eq!(refused(unsorted), WordsError::BadBlocklist);
        let mut upper = asset.clone();
        upper.extend_from_slice(b"ZZZ\n");
        assert_eq!(refused(upper), WordsError::BadBlocklist);
        let mut garbled = asset;
        if let Some(byte) = garbled.get_mut(9) {
            *byte ^= 0xff;
        }
        assert_eq!(refused(garbled), WordsError::BadDictionary);
    }
}
