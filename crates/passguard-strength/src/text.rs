//! Character classes as zxcvbn's JavaScript regular expressions define them, so that the
//! matchers agree with zxcvbn 4.4.2 on what a digit, a space or a capital letter is.
//!
//! passguard works on Unicode code points where JavaScript works on UTF-16 code units; the
//! two differ only for characters outside the Basic Multilingual Plane.

/// One character lowercased without changing the length of the text.
///
/// The few characters whose lowercase form is several code points (such as `İ`) stay as
/// they are: the matchers need positions in the lowercased text to be positions in the
/// password, and the dictionaries hold only ASCII.
pub(crate) fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lowered = c.to_lowercase();
    match (lowered.next(), lowered.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

/// Lowercases a whole password with [`lower`].
pub(crate) fn lowercase(chars: &[char]) -> Vec<char> {
    chars.iter().map(|&c| lower(c)).collect()
}

/// JavaScript's `\s`: the separators zxcvbn accepts in dates such as `1 1 91`.
pub(crate) fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// The characters JavaScript's `.` does not match, so zxcvbn's repeat regex never spans them.
pub(crate) fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// The value of an ASCII digit (`\d` in JavaScript matches only these).
pub(crate) fn digit(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        c.to_digit(10)
    } else {
        None
    }
}
