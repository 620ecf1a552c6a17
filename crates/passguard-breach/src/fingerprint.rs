//! What the store keeps of a password: the first 60 bits of its SHA-1, split as Have I Been
//! Pwned's range API splits it (a 5-hex-digit prefix, then the suffix), and the forms of a
//! password that are looked up (as typed, and NFKC-normalised as the engine compares it).

use std::fmt;

use sha1::{Digest, Sha1};

/// Bits of the SHA-1 that pick a bucket: the range API's 5-hex-digit prefix.
pub(crate) const PREFIX_BITS: u32 = 20;
/// Bits of the SHA-1 stored in a bucket after the prefix: the first 10 hex digits of the
/// suffix.
pub(crate) const SUFFIX_BITS: u32 = 40;
/// Hex digits of a prefix.
pub(crate) const PREFIX_HEX_DIGITS: usize = 5;
/// Hex digits of a stored suffix.
pub(crate) const SUFFIX_HEX_DIGITS: usize = 10;

const SUFFIX_MASK: u64 = (1 << SUFFIX_BITS) - 1;
const UPPER_HEX: &[u8; 16] = b"0123456789ABCDEF";

/// The first 60 bits of a password's SHA-1: the prefix (top 20 bits) and the next 40.
///
/// Two passwords share a fingerprint with probability 2⁻⁶⁰, so a store of n fingerprints
/// answers a false "breached" with probability n / 2⁶⁰ (8.7·10⁻¹¹ at 100 M).
///
/// # Examples
/// ```
/// use passguard_breach::Fingerprint;
///
/// // SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8
/// let fp = Fingerprint::of("password");
/// assert_eq!(fp.prefix_hex(), "5BAA6");
/// assert_eq!(fp.suffix_hex(), "1E4C9B93F3");
/// assert_eq!(Fingerprint::from_hex("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8"), Some(fp));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint(u64);

impl Fingerprint {
    /// The fingerprint of a password's UTF-8 bytes, exactly as given (no normalisation).
    #[must_use]
    pub fn of(password: &str) -> Self {
        Self::of_bytes(password.as_bytes())
    }

    /// The fingerprint of the SHA-1 of `bytes`.
    #[must_use]
    pub fn of_bytes(bytes: &[u8]) -> Self {
        Self::from_sha1(&Sha1::digest(bytes).into())
    }

    /// The fingerprint of the NFKC form of a password, as the engine compares it
    /// ([`passguard_policy::normalize`]): what a browser queries.
    #[must_use]
    pub fn of_normalized(password: &str) -> Self {
        Self::of(&passguard_policy::normalize(password))
    }

    /// The fingerprint held in a whole SHA-1 digest.
    #[must_use]
    pub fn from_sha1(sha1: &[u8; 20]) -> Self {
        let [a, b, c, d, e, f, g, h, ..] = *sha1;
        Self(u64::from_be_bytes([a, b, c, d, e, f, g, h]) >> 4)
    }

    /// Reads a SHA-1 written as 40 hex digits, in either case. `None` for anything else.
    #[must_use]
    pub fn from_hex(hex: &str) -> Option<Self> {
        let bytes = hex.as_bytes();
        if bytes.len() != 40 || !bytes.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        Some(Self::from_key(hex_value(bytes.get(..15)?)?))
    }

    /// A fingerprint from its 60-bit value (prefix in bits 40..60); higher bits are ignored.
    #[must_use]
    pub(crate) const fn from_key(key: u64) -> Self {
        Self(key & ((1 << (PREFIX_BITS + SUFFIX_BITS)) - 1))
    }

    /// The 60-bit value: prefix, then suffix. The store is sorted by it.
    #[must_use]
    pub(crate) const fn key(self) -> u64 {
        self.0
    }

    /// The top 20 bits of the SHA-1: the bucket, and the range API's prefix.
    #[must_use]
    pub const fn prefix(self) -> u32 {
        // The key has 60 bits, so this is below 2^20 and fits.
        (self.0 >> SUFFIX_BITS) as u32
    }

    /// The 40 bits after the prefix: what a bucket stores.
    #[must_use]
    pub const fn suffix(self) -> u64 {
        self.0 & SUFFIX_MASK
    }

    /// The prefix as 5 upper-case hex digits (`5BAA6` for "password").
    #[must_use]
    pub fn prefix_hex(self) -> String {
        upper_hex(u64::from(self.prefix()), PREFIX_HEX_DIGITS)
    }

    /// The first 10 hex digits of the suffix, upper case (`1E4C9B93F3` for "password"): what
    /// a range answer lists.
    #[must_use]
    pub fn suffix_hex(self) -> String {
        upper_hex(self.suffix(), SUFFIX_HEX_DIGITS)
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({}{})", self.prefix_hex(), self.suffix_hex())
    }
}

/// The fingerprints the server looks up for a password as typed: its raw form, which is
/// what leaked and what Have I Been Pwned hashed, and its NFKC form (the engine's) when
/// that differs, which is what the browser queries and what plaintext imports add.
///
/// # Examples
/// ```
/// use passguard_breach::{Fingerprint, Lookups};
///
/// assert_eq!(Lookups::of("password").iter().count(), 1);
/// // "ｐａｓｓｗｏｒｄ" (full-width) normalises to "password".
/// let wide = Lookups::of("ｐａｓｓｗｏｒｄ");
/// assert_eq!(wide.normalized, Some(Fingerprint::of("password")));
/// assert_eq!(wide.iter().count(), 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lookups {
    /// SHA-1 of the bytes as given.
    pub raw: Fingerprint,
    /// SHA-1 of the NFKC form, when it differs from the raw form.
    pub normalized: Option<Fingerprint>,
}

impl Lookups {
    /// The fingerprints of `password` and of its NFKC form when different.
    #[must_use]
    pub fn of(password: &str) -> Self {
        let normalized = passguard_policy::normalize(password);
        Self {
            raw: Fingerprint::of(password),
            normalized: (*normalized != *password).then(|| Fingerprint::of(&normalized)),
        }
    }

    /// The raw fingerprint, then the normalised one if there is one.
    pub fn iter(&self) -> impl Iterator<Item = Fingerprint> + use<> {
        std::iter::once(self.raw).chain(self.normalized)
    }
}

/// `value` as `digits` upper-case hex digits (its low `4 * digits` bits).
pub(crate) fn upper_hex(value: u64, digits: usize) -> String {
    (0..digits)
        .rev()
        .map(|i| {
            let nibble = (value >> (4 * i)) & 0xF;
            char::from(UPPER_HEX.get(nibble as usize).copied().unwrap_or(b'0'))
        })
        .collect()
}

/// The value of up to 16 hex digits in either case; `None` if one is not a hex digit.
pub(crate) fn hex_value(digits: &[u8]) -> Option<u64> {
    digits.iter().try_fold(0u64, |value, &digit| {
        let nibble = match digit {
            b'0'..=b'9' => digit - b'0',
            b'a'..=b'f' => digit - b'a' + 10,
            b'A'..=b'F' => digit - b'A' + 10,
            _ => return None,
        };
        Some((value << 4) | u64::from(nibble))
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn parts_and_hex_round_trip() {
        let fp = Fingerprint::from_hex("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8").unwrap();
        assert_eq!(fp.prefix(), 0x5BAA6);
        assert_eq!(fp.suffix(), 0x1E4C9B93F3);
        assert_eq!(
            Fingerprint::from_key((u64::from(fp.prefix()) << SUFFIX_BITS) | fp.suffix()),
            fp
        );
        assert_eq!(fp, Fingerprint::of("password"));
        assert_eq!(upper_hex(0xab, 4), "00AB");
    }

    #[test]
    fn from_hex_refuses_what_is_not_a_sha1() {
        for text in [
            "",
            "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD",
            "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD80",
            "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FDG",
            "+BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8",
        ] {
            assert_eq!(Fingerprint::from_hex(text), None, "{text:?}");
        }
    }

    #[test]
    fn nfkc_form_only_when_it_differs() {
        assert_eq!(Lookups::of("café").normalized, None);
        let decomposed = "cafe\u{301}";
        assert_eq!(
            Lookups::of(decomposed).normalized,
            Some(Fingerprint::of("café"))
        );
        assert_eq!(
            Fingerprint::of_normalized(decomposed),
            Fingerprint::of("café")
        );
    }
}
