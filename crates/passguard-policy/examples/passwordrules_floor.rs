//! Measures how random passwords generated from `passwordrules` strings score with
//! passguard's estimator, length by length: the measurement behind
//! `PasswordRules::PASSWORD_RULES_STRENGTH_FLOOR` (BENCHMARKS.md).
//!
//! ```text
//! cargo run -p passguard-policy --example passwordrules_floor [PASSWORDS_PER_LENGTH [FROM TO]]
//! ```
//!
//! For each alphabet and length it prints the lowest `guesses_log10` seen, how many
//! passwords scored below 1, 2, 3 and 4, and how many were on the common-password list.

#![allow(missing_docs, unreachable_pub, clippy::indexing_slicing)]

// Native only, as the generator's parser is; under wasm32 this target is an empty program so
// that `cargo clippy --target wasm32-unknown-unknown --all-targets` covers everything else.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> Result<(), String> {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/generator.rs"]
#[allow(dead_code)] // the test's length and conformance helpers
mod generator;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use crate::generator::{Generator, SplitMix64};
    use passguard_policy::{CharacterGroups, Group, OtherCharacters, Policy};

    /// The rule string the engine writes for a policy of exactly `length` characters.
    fn emitted(length: u32, reject: bool, groups: bool) -> Result<String, String> {
        let mut policy = Policy::preset("nist-800-63b").map_err(|e| e.to_string())?;
        let rules = &mut policy.password;
        rules.min_length = length;
        rules.max_length = length;
        if reject {
            // No ASCII special character: the smallest alphabet the engine ever announces.
            rules.special_characters = "§".to_owned();
            rules.other_characters = OtherCharacters::Reject;
        }
        if groups {
            rules.character_groups = Some(CharacterGroups {
                required: 3,
                of: Group::ALL.to_vec(),
            });
        }
        policy
            .password_rules()
            .ok_or_else(|| format!("no rule string at length {length}"))
    }

    pub fn main() -> Result<(), String> {
        let number = |index: usize, default: usize| match std::env::args().nth(index) {
            Some(text) => text.parse().map_err(|e| format!("{text:?}: {e}")),
            None => Ok(default),
        };
        let count = number(1, 100_000)?;
        let (from, to) = (number(2, 4)?, number(3, 16)?);
        type Alphabet = (&'static str, fn(u32) -> Result<String, String>);
        let alphabets: [Alphabet; 5] = [
            ("printable ASCII (95)", |n| emitted(n, false, false)),
            ("printable, lower+upper+digit required", |n| {
                emitted(n, false, true)
            }),
            ("letters and digits (62)", |n| emitted(n, true, false)),
            ("letters and digits, each required", |n| {
                emitted(n, true, true)
            }),
            // Not a string the engine writes: a manager that keeps to a small part of what is
            // allowed, to show how much the floor depends on the alphabet.
            ("lower case and digits only (36), not emitted", |n| {
                Ok(format!(
                    "minlength: {n}; maxlength: {n}; allowed: lower, digit;"
                ))
            }),
        ];
        println!("{count} passwords per length; seed = length");
        for (name, rules) in alphabets {
            println!("\n{name}: {}", rules(10)?);
            println!("length | min guesses_log10 | score<1 | <2 | <3 | <4 | common");
            for length in from..=to {
                let length = u32::try_from(length).map_err(|e| e.to_string())?;
                let generator = Generator::new(&rules(length)?)?;
                let mut rng = SplitMix64::new(u64::from(length));
                let mut below = [0usize; 4];
                let mut common = 0usize;
                let mut min = f64::INFINITY;
                for _ in 0..count {
                    let password = generator.password(&mut rng, length as usize);
                    let estimate = passguard_strength::estimate(&password, &[]);
                    min = min.min(estimate.guesses_log10);
                    let score = u8::from(estimate.score) as usize;
                    for (s, n) in below.iter_mut().enumerate() {
                        if score <= s {
                            *n += 1;
                        }
                    }
                    if passguard_strength::is_common(&password) {
                        common += 1;
                    }
                }
                println!(
                    "{length} | {min:.2} | {} | {} | {} | {} | {common}",
                    below[0], below[1], below[2], below[3]
                );
            }
        }
        Ok(())
    }
}
