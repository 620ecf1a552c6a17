//! zxcvbn's l33t table and the substitution tables it tries for a password.
//!
//! zxcvbn builds a list of tables, each mapping some substitute characters present in the
//! password to letters, and looks words up in the password translated by each table. Its
//! construction has quirks (for example a table never maps both `4` and `@` to "a"), so this
//! module rebuilds exactly the same set of tables, then answers in constant time per table
//! whether a reading of a token's substitutes agrees with one of them.

/// zxcvbn's l33t table: each letter and the characters that stand for it, in its order.
const TABLE: [(char, &str); 12] = [
    ('a', "4@"),
    ('b', "8"),
    ('c', "({[<"),
    ('e', "3"),
    ('g', "69"),
    ('i', "1!|"),
    ('l', "1|7"),
    ('o', "0"),
    ('s', "$5"),
    ('t', "+7"),
    ('x', "%"),
    ('z', "2"),
];

/// The distinct substitute characters, numbered in the order the table names them.
const SUBSTITUTES: [char; 20] = [
    '4', '@', '8', '(', '{', '[', '<', '3', '6', '9', '1', '!', '|', '7', '0', '$', '5', '+', '%',
    '2',
];

/// Two bits per substitute in a [`Choice`] and in a table: 0 for "left as it is", else the
/// 1-based number of the letter it stands for among its letters in [`TABLE`] order.
const BITS: u32 = 2;
const FIELD: u64 = 0b11;

/// The number of a substitute character.
pub(super) fn index(c: char) -> Option<usize> {
    if !c.is_ascii_punctuation() && !c.is_ascii_digit() {
        return None;
    }
    SUBSTITUTES.iter().position(|&s| s == c)
}

/// For each substitute, the letters it stands for in [`TABLE`] order (`'\0'`: none).
const LETTERS: [[char; 2]; SUBSTITUTES.len()] = letters();

#[allow(clippy::indexing_slicing)] // Evaluated by the compiler: a bad index fails the build.
const fn letters() -> [[char; 2]; SUBSTITUTES.len()] {
    let mut letters = [['\0'; 2]; SUBSTITUTES.len()];
    let mut k = 0;
    while k < SUBSTITUTES.len() {
        let mut found = 0;
        let mut row = 0;
        while row < TABLE.len() {
            let (letter, subs) = TABLE[row];
            let bytes = subs.as_bytes();
            let mut at = 0;
            while at < bytes.len() {
                if bytes[at] as char == SUBSTITUTES[k] && found < 2 {
                    letters[k][found] = letter;
                    found += 1;
                }
                at += 1;
            }
            row += 1;
        }
        k += 1;
    }
    letters
}

/// The letter that substitute `substitute` stands for under option `option` (1 or 2).
pub(super) fn letter(substitute: usize, option: u8) -> Option<char> {
    let letter = *LETTERS
        .get(substitute)?
        .get(usize::from(option).checked_sub(1)?)?;
    (letter != '\0').then_some(letter)
}

fn shift(substitute: usize) -> u32 {
    BITS * substitute as u32
}

/// How the substitute characters seen so far in a token are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Choice {
    /// [`FIELD`] set for every substitute seen.
    mask: u64,
    /// Its option, 0 when left as it is.
    value: u64,
}

impl Choice {
    /// How `substitute` was read earlier in the token: `Some(None)` when left as it is.
    pub(super) fn reading(self, substitute: usize) -> Option<Option<char>> {
        if self.mask >> shift(substitute) & FIELD == 0 {
            return None;
        }
        match (self.value >> shift(substitute) & FIELD) as u8 {
            0 => Some(None),
            option => Some(letter(substitute, option)),
        }
    }

    /// This choice with `substitute` read as `option` (`None`: left as it is).
    pub(super) fn with(self, substitute: usize, option: Option<u8>) -> Self {
        Choice {
            mask: self.mask | FIELD << shift(substitute),
            value: self.value | u64::from(option.unwrap_or(0)) << shift(substitute),
        }
    }

    /// Whether at least one character is read as a letter.
    pub(super) fn substitutes(self) -> bool {
        self.value != 0
    }

    /// The substitutions in use, as (substitute, letter) pairs.
    pub(super) fn pairs(self) -> Vec<(char, char)> {
        (0..SUBSTITUTES.len())
            .filter_map(|k| {
                let option = (self.value >> shift(k) & FIELD) as u8;
                Some((*SUBSTITUTES.get(k)?, letter(k, option)?))
            })
            .collect()
    }
}

/// zxcvbn's substitution tables for one password.
#[derive(Debug, Clone, Default)]
pub(super) struct Substitutions {
    tables: Vec<u64>,
    /// Per substitute: bit 0 when some table leaves it alone, bit `n` when one uses option `n`.
    allowed: [u8; SUBSTITUTES.len()],
}

impl Substitutions {
    /// The tables zxcvbn enumerates for a password containing the characters of `lower`.
    pub(super) fn of(lower: &[char]) -> Self {
        let present = |c: char| lower.contains(&c);
        let mut tables = vec![0u64];
        for &(letter, subs) in &TABLE {
            let relevant: Vec<usize> = subs
                .chars()
                .filter(|&c| present(c))
                .filter_map(index)
                .collect();
            if relevant.is_empty() {
                continue;
            }
            let mut next = Vec::with_capacity(tables.len() * relevant.len() * 2);
            for substitute in relevant {
                // Which of the substitute's letters this is (1 or 2).
                let option = (1..=2).find(|&o| self::letter(substitute, o) == Some(letter));
                let option = u64::from(option.unwrap_or(0));
                let field = FIELD << shift(substitute);
                for &table in &tables {
                    let assigned = option << shift(substitute);
                    if table & field == 0 {
                        next.push(table | assigned);
                    } else {
                        // Already standing for an earlier letter: keep that table and add one
                        // where it stands for this letter instead.
                        next.push(table);
                        next.push(table & !field | assigned);
                    }
                }
            }
            next.sort_unstable();
            next.dedup();
            tables = next;
        }
        tables.retain(|&table| table != 0);
        let mut allowed = [0u8; SUBSTITUTES.len()];
        for (k, bits) in allowed.iter_mut().enumerate() {
            if !lower.contains(SUBSTITUTES.get(k).unwrap_or(&'\0')) {
                continue;
            }
            for &table in &tables {
                *bits |= 1 << (table >> shift(k) & FIELD);
            }
        }
        Substitutions { tables, allowed }
    }

    /// Whether the password has no substitute character at all.
    pub(super) fn is_empty(&self) -> bool {
        self.tables.is_empty()
    }

    /// The readings some table gives `substitute`: `None` for "left as it is".
    pub(super) fn options(&self, substitute: usize) -> impl Iterator<Item = Option<u8>> + use<> {
        let bits = self.allowed.get(substitute).copied().unwrap_or(0);
        [None, Some(1), Some(2)]
            .into_iter()
            .filter(move |option| bits & (1 << option.unwrap_or(0)) != 0)
    }

    /// Whether some table reads every substitute of the token as `choice` does.
    pub(super) fn allows(&self, choice: Choice) -> bool {
        self.tables
            .iter()
            .any(|&table| table & choice.mask == choice.value)
    }

    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.tables.len()
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn tables(password: &str) -> Substitutions {
        Substitutions::of(&password.chars().collect::<Vec<_>>())
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn same_tables_as_zxcvbn() {
        // Distinct tables of zxcvbn 4.4.2's enumerate_l33t_subs (which also lists duplicates).
        assert_eq!(tables("password").len(), 0);
        assert_eq!(tables("p@ssw0rd").len(), 1);
        assert_eq!(tables("1|7").len(), 8);
        assert_eq!(tables("abc!1|7").len(), 12);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
    fn zxcvbn_never_maps_two_substitutes_to_one_letter() {
        let subs = tables("4@");
        let a = |k| Choice::default().with(k, Some(1));
        let both = a(0).with(1, Some(1));
        assert!(subs.allows(a(0)) && subs.allows(a(1)));
        assert!(!subs.allows(both));
        // With '@' present, '4' may stay a digit (in the table that maps '@').
        assert!(subs.allows(Choice::default().with(0, None).with(1, Some(1))));
        assert_eq!(letter(10, 2), Some('l'));
        assert_eq!(letter(13, 2), Some('t'));
    }
}
