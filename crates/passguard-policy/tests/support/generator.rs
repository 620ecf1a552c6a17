//! A conforming `passwordrules` generator, as a password manager would be one: it reads the
//! rule string with 1Password's independent parser (`password-rules-parser`), never with
//! ours, so the emitter and the generator cannot agree by sharing a mistake. Seeded, so a
//! failure names a password that can be reproduced.

use password_rules_parser::{CharacterClass, parse_password_rules};

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, well-mixed generator; plenty for
/// drawing test passwords, and no dependency.
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (multiply-shift; the bias, below n / 2^64, is immaterial here).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }
}

/// What a rule string lets a generator do, read by the independent parser.
#[derive(Debug)]
pub struct Generator {
    pub min_length: usize,
    pub max_length: usize,
    /// Every character a password may hold: `allowed` and, as the grammar says, the
    /// characters of every `required` class.
    pub allowed: Vec<char>,
    /// One set a line: a password holds at least one character of each.
    pub required: Vec<Vec<char>>,
}

fn characters(classes: &[CharacterClass]) -> Vec<char> {
    let mut chars: Vec<char> = classes.iter().flat_map(CharacterClass::chars).collect();
    chars.sort_unstable();
    chars.dedup();
    chars
}

impl Generator {
    pub fn new(rules: &str) -> Result<Self, String> {
        let parsed = parse_password_rules(rules, true).map_err(|e| format!("{rules:?}: {e}"))?;
        let required: Vec<Vec<char>> = parsed.required.iter().map(|c| characters(c)).collect();
        let mut allowed = characters(&parsed.allowed);
        allowed.extend(required.iter().flatten());
        allowed.sort_unstable();
        allowed.dedup();
        let min_length = parsed.min_length.ok_or("no minlength")? as usize;
        let max_length = parsed.max_length.ok_or("no maxlength")? as usize;
        if min_length > max_length || required.len() > max_length || allowed.is_empty() {
            return Err(format!("{rules:?} admits no password"));
        }
        if required.iter().any(Vec::is_empty) {
            return Err(format!("{rules:?} requires an empty class"));
        }
        Ok(Self {
            min_length,
            max_length,
            allowed,
            required,
        })
    }

    /// The `index`th of `count` lengths: one in ten at `minlength`, one in ten at
    /// `maxlength`, four in ten uniform over the first 16 lengths (where short random text
    /// is weakest) and four in ten uniform over the whole range.
    pub fn length(&self, rng: &mut SplitMix64, index: usize) -> usize {
        let (min, max) = (self.min_length, self.max_length);
        match index % 10 {
            0 => min,
            1 => max,
            2..=5 => rng.between(min, max.min(min + 15)),
            _ => rng.between(min, max),
        }
    }

    /// A password of `length` characters (at least the number of required lines): each
    /// required set drawn at a position of its own, every other position from `allowed`,
    /// then the positions shuffled.
    pub fn password(&self, rng: &mut SplitMix64, length: usize) -> String {
        let length = length.max(self.required.len());
        let mut chars: Vec<char> = (0..length)
            .map(|i| match self.required.get(i) {
                Some(set) => set[rng.below(set.len())],
                None => self.allowed[rng.below(self.allowed.len())],
            })
            .collect();
        for i in (1..chars.len()).rev() {
            chars.swap(i, rng.below(i + 1));
        }
        chars.into_iter().collect()
    }

    /// Whether `password` follows the rule (checks the generator itself).
    pub fn conforms(&self, password: &str) -> bool {
        let length = password.chars().count();
        (self.min_length..=self.max_length).contains(&length)
            && password
                .chars()
                .all(|c| self.allowed.binary_search(&c).is_ok())
            && self
                .required
                .iter()
                .all(|set| password.chars().any(|c| set.binary_search(&c).is_ok()))
    }
}
