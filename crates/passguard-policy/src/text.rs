//! How passguard reads a password's text: NFKC normalisation, length in code points, and the
//! character groups. Every other part of passguard (server hashing, browser counters) uses
//! these functions, so the browser and the server can never count differently.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// The password as it is checked, compared and hashed: NFKC-normalised.
///
/// Borrowed when the input is already normalised (all ASCII text is), so the common case
/// costs one linear scan and no allocation.
///
/// # Examples
/// ```
/// use passguard_policy::normalize;
/// assert_eq!(normalize("e\u{301}"), "\u{e9}"); // combining accent composed
/// assert_eq!(normalize("\u{ff21}"), "A"); // fullwidth A
/// ```
#[must_use]
pub fn normalize(password: &str) -> Cow<'_, str> {
    if is_nfkc_quick(password.chars()) == IsNormalized::Yes {
        Cow::Borrowed(password)
    } else {
        Cow::Owned(password.nfkc().collect())
    }
}

/// The length of a password as every rule counts it: Unicode code points after NFKC.
///
/// JavaScript's `.length` counts UTF-16 code units and differs for emoji and other characters
/// outside the Basic Multilingual Plane; use this (or the npm package's) count instead.
///
/// # Examples
/// ```
/// assert_eq!(passguard_policy::length("Aa1😀😀😀😀😀"), 8);
/// ```
#[must_use]
pub fn length(password: &str) -> usize {
    normalize(password).chars().count()
}

/// Whether a single character survives NFKC normalisation unchanged (alone).
pub(crate) fn is_stable_under_nfkc(c: char) -> bool {
    let mut normalized = std::iter::once(c).nfkc();
    normalized.next() == Some(c) && normalized.next().is_none()
}

/// What one pass over a normalised password found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Composition {
    /// Code points.
    pub(crate) length: usize,
    /// Bit set of [`crate::Group::bit`] for each group present.
    pub(crate) groups: u8,
    /// Code points in no group.
    pub(crate) other: usize,
}

/// The special set as a lookup table: a bit per ASCII character, a sorted list for the rest.
#[derive(Debug, Clone, Default)]
pub(crate) struct SpecialSet {
    ascii: u128,
    other: Vec<char>,
}

impl SpecialSet {
    pub(crate) fn new(characters: &str) -> Self {
        let mut set = Self::default();
        for c in characters.chars() {
            if c.is_ascii() {
                set.ascii |= 1u128 << (c as u32);
            } else {
                set.other.push(c);
            }
        }
        set.other.sort_unstable();
        set.other.dedup();
        set
    }

    fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            self.ascii & (1u128 << (c as u32)) != 0
        } else {
            self.other.binary_search(&c).is_ok()
        }
    }
}

/// Counts code points and classifies each into its group, in one linear pass.
pub(crate) fn compose(normalized: &str, special: &SpecialSet) -> Composition {
    use crate::Group;
    let mut composition = Composition::default();
    for c in normalized.chars() {
        composition.length += 1;
        let group = match c {
            'A'..='Z' => Some(Group::Upper),
            'a'..='z' => Some(Group::Lower),
            '0'..='9' => Some(Group::Digit),
            _ if special.contains(c) => Some(Group::Special),
            _ => None,
        };
        match group {
            Some(group) => composition.groups |= group.bit(),
            None => composition.other += 1,
        }
    }
    composition
}
