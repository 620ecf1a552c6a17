//! Reading an input line: a Have I Been Pwned `SHA1[:COUNT]` line, or a plaintext password
//! turned into the fingerprints it is stored under. Only `\r?\n` is stripped, never spaces.

use std::io::{self, BufRead};

use crate::error::LineError;
use crate::fingerprint::Fingerprint;

/// The longest line read; a longer one is invalid (HIBP) or skipped (plaintext, where a
/// password that long is refused by every policy's `max_length` anyway).
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// How an input is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// Decided from the first non-empty line: `hibp` if it is a HIBP line, else
    /// `plaintext` (and an error for a line of 32 hex digits, an NTLM download).
    #[default]
    Auto,
    /// Have I Been Pwned's download: `SHA1` or `SHA1:COUNT` a line, hex in either case.
    Hibp,
    /// One password a line, stored as the SHA-1 of its bytes and of its NFKC form.
    Plaintext,
}

impl Format {
    /// The format's name on the command line: `auto`, `hibp`, `plaintext`.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Hibp => "hibp",
            Self::Plaintext => "plaintext",
        }
    }

    pub(crate) fn from_id(id: &str) -> Option<Self> {
        [Self::Auto, Self::Hibp, Self::Plaintext]
            .into_iter()
            .find(|format| format.id() == id)
    }
}

/// A HIBP line, without its `\n` (a trailing `\r` is allowed): the fingerprint and the count
/// when there is one (saturating at `u64::MAX`).
pub(crate) fn parse_hibp(line: &[u8]) -> Result<(Fingerprint, Option<u64>), LineError> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    // The common case, for every line of a 10⁹-line download: 40 hex digits, then nothing
    // or `:`. Both loops are branch-free, so they compile to a few vector instructions.
    if let Some((hash, rest)) = line.split_first_chunk::<40>() {
        let all_hex = hash
            .iter()
            .fold(true, |all, digit| all & digit.is_ascii_hexdigit());
        if all_hex && (rest.is_empty() || rest.first() == Some(&b':')) {
            // For a hex digit, the low nibble plus 9 for a letter ('A' = 0x41, 'a' = 0x61).
            let key = hash.iter().take(15).fold(0u64, |key, &digit| {
                (key << 4) | u64::from((digit & 0xF) + 9 * (digit >> 6))
            });
            let count = match rest.get(1..) {
                None => None,
                Some(digits) => Some(decimal(digits).ok_or(LineError::BadCount)?),
            };
            return Ok((Fingerprint::from_key(key), count));
        }
    }
    Err(line_error(line))
}

/// A decimal count, saturating; `None` unless it is one or more ASCII digits.
fn decimal(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0u64, |n, &d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    }))
}

/// Why a line (without `\r?\n`) is not a HIBP line.
fn line_error(line: &[u8]) -> LineError {
    if line.len() > MAX_LINE_BYTES {
        return LineError::TooLong;
    }
    let (hash, count) = match line.iter().position(|&b| b == b':') {
        Some(at) => (
            line.get(..at).unwrap_or_default(),
            line.get(at + 1..).unwrap_or_default(),
        ),
        None => (line, &b"0"[..]),
    };
    let not_hex = hash.iter().position(|b| !b.is_ascii_hexdigit());
    match (hash.len(), not_hex) {
        (32, None) => LineError::Ntlm,
        (40, Some(at)) => LineError::NotHex(at + 1),
        (40, None) if decimal(count).is_none() => LineError::BadCount,
        (n, _) => LineError::HashLength(n),
    }
}

/// The fingerprints a plaintext line (without `\r?\n`) is stored under: the SHA-1 of its
/// bytes, and of its NFKC form when that differs. A line that is not UTF-8 (a Latin-1 dump)
/// is read as Latin-1 for its NFKC form.
pub(crate) fn plaintext_fingerprints(line: &[u8], mut add: impl FnMut(Fingerprint)) {
    add(Fingerprint::of_bytes(line));
    match std::str::from_utf8(line) {
        Ok(text) => {
            let normalized = passguard_policy::normalize(text);
            if *normalized != *text {
                add(Fingerprint::of(&normalized));
            }
        }
        Err(_) => {
            let text: String = line.iter().map(|&b| char::from(b)).collect();
            add(Fingerprint::of(&passguard_policy::normalize(&text)));
        }
    }
}

/// Decides `auto`: the format of the first non-empty line.
pub(crate) fn detect(line: &[u8]) -> Result<Format, LineError> {
    match parse_hibp(line) {
        Ok(_) => Ok(Format::Hibp),
        Err(LineError::Ntlm) => Err(LineError::Ntlm),
        Err(_) => Ok(Format::Plaintext),
    }
}

/// Whether a line (without `\n`) is empty, `\r` alone included. Empty lines are skipped in
/// both formats.
pub(crate) fn is_blank(line: &[u8]) -> bool {
    line.is_empty() || line == b"\r"
}

/// Reads one line into `line` without its `\n` (a `\r` stays, for the parser to judge),
/// keeping at most `MAX_LINE_BYTES + 1` bytes of it. Returns the bytes consumed, `0` at the
/// end of input.
pub(crate) fn read_line<R: BufRead + ?Sized>(
    input: &mut R,
    line: &mut Vec<u8>,
) -> io::Result<usize> {
    line.clear();
    let mut consumed = 0;
    loop {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(consumed);
        }
        let (part, used) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (chunk.get(..at).unwrap_or_default(), Some(at + 1)),
            None => (chunk, None),
        };
        let room = (MAX_LINE_BYTES + 1).saturating_sub(line.len());
        line.extend_from_slice(part.get(..part.len().min(room)).unwrap_or_default());
        let used_bytes = used.unwrap_or(chunk.len());
        input.consume(used_bytes);
        consumed += used_bytes;
        if used.is_some() {
            return Ok(consumed);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    const PASSWORD: &str = "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8";

    fn check(line: &str, expected: Result<Option<u64>, LineError>) {
        let parsed = parse_hibp(line.as_bytes());
        assert_eq!(parsed.clone().map(|(_, count)| count), expected, "{line:?}");
        if let Ok((fingerprint, _)) = parsed {
            assert_eq!(fingerprint, Fingerprint::of("password"), "{line:?}");
        }
    }

    #[test]
    fn hibp_lines() {
        check(PASSWORD, Ok(None));
        check(&format!("{PASSWORD}:10434004"), Ok(Some(10_434_004)));
        check(&format!("{PASSWORD}:3\r"), Ok(Some(3)));
        check(&PASSWORD.to_lowercase(), Ok(None));
        check(
            &format!("{PASSWORD}:99999999999999999999999"),
            Ok(Some(u64::MAX)),
        );
        check(&format!("{PASSWORD}\r"), Ok(None));
    }

    #[test]
    fn invalid_hibp_lines() {
        check(&PASSWORD[..32], Err(LineError::Ntlm));
        check(&format!("{}:5", &PASSWORD[..32]), Err(LineError::Ntlm));
        check(&PASSWORD[..39], Err(LineError::HashLength(39)));
        check("password", Err(LineError::HashLength(8)));
        check("", Err(LineError::HashLength(0)));
        check(&format!("{}g", &PASSWORD[..39]), Err(LineError::NotHex(40)));
        check(&format!(" {}", &PASSWORD[1..]), Err(LineError::NotHex(1)));
        check(&format!("{PASSWORD}:"), Err(LineError::BadCount));
        check(&format!("{PASSWORD}:-1"), Err(LineError::BadCount));
        check(&format!("{PASSWORD}:1 "), Err(LineError::BadCount));
        check(&format!("{PASSWORD} "), Err(LineError::HashLength(41)));
        check(&"A".repeat(MAX_LINE_BYTES + 1), Err(LineError::TooLong));
    }

    #[test]
    fn detection_reads_one_line() {
        assert_eq!(detect(PASSWORD.as_bytes()), Ok(Format::Hibp));
        assert_eq!(detect(b"correct horse"), Ok(Format::Plaintext));
        assert_eq!(detect(&PASSWORD.as_bytes()[..32]), Err(LineError::Ntlm));
    }

    fn plaintext(line: &[u8]) -> Vec<Fingerprint> {
        let mut out = Vec::new();
        plaintext_fingerprints(line, |fingerprint| out.push(fingerprint));
        out
    }

    #[test]
    fn plaintext_adds_the_nfkc_form_when_it_differs() {
        assert_eq!(plaintext(b"password"), [Fingerprint::of("password")]);
        assert_eq!(
            plaintext(" pass ".as_bytes()),
            [Fingerprint::of(" pass ")],
            "never trimmed"
        );
        assert_eq!(
            plaintext("ﬁsh".as_bytes()),
            [Fingerprint::of("ﬁsh"), Fingerprint::of("fish")]
        );
        // "café" in Latin-1.
        assert_eq!(
            plaintext(b"caf\xe9"),
            [Fingerprint::of_bytes(b"caf\xe9"), Fingerprint::of("café")]
        );
    }

    #[test]
    fn lines_keep_their_carriage_return_for_the_parser() {
        let mut input: &[u8] = b"a\r\nb\n\nlast";
        let mut line = Vec::new();
        let mut seen = Vec::new();
        loop {
            let consumed = read_line(&mut input, &mut line).unwrap();
            if consumed == 0 {
                break;
            }
            seen.push((String::from_utf8(line.clone()).unwrap(), consumed));
        }
        let expected = [("a\r", 3), ("b", 2), ("", 1), ("last", 4)];
        assert_eq!(
            seen,
            expected.map(|(text, n)| (text.to_owned(), n)).to_vec()
        );
    }
}
