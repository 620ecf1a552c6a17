//! The HTML `passwordrules` attribute for a policy (Apple's Password Manager Resources
//! grammar, which Safari and other password managers read): the nearest rule a password
//! manager can follow whose generated passwords the engine never refuses.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::policy::{Group, OtherCharacters, PasswordRules, Policy};

impl PasswordRules {
    /// The shortest `minlength` announced for each `min_strength` (index = score).
    ///
    /// Measured with passguard's own estimator on random passwords from the strings this
    /// module writes (printable ASCII or letters and digits, with and without lower, upper
    /// and digit each required), 1 000 000 per alphabet and length: from 7, 10, 11 and 14
    /// characters on, not one scored below 1, 2, 3 and 4 respectively. One character more
    /// is the floor, since each added character cut the failures 10- to 100-fold in that
    /// measurement. Random text is not all bruteforce to zxcvbn: it finds short words,
    /// keyboard runs and l33t (`Qw3rty`) in it. BENCHMARKS.md, "`passwordrules`: the
    /// length that covers `min_strength`", has the figures and the command.
    pub const PASSWORD_RULES_STRENGTH_FLOOR: [u32; 5] = [0, 8, 11, 12, 15];
}

impl Policy {
    /// The `passwordrules` attribute value for this policy's new-password fields: the
    /// nearest rule a password manager understands that never generates a password the
    /// engine refuses, or `None` when no such rule exists.
    ///
    /// - `minlength`/`maxlength`: the policy's lengths. A manager generates ASCII, whose
    ///   code points, NFKC code points and UTF-16 units all agree, so both sides count alike.
    ///   `minlength` is raised to [`PasswordRules::PASSWORD_RULES_STRENGTH_FLOOR`] when
    ///   `min_strength` is set (and to the number of required groups).
    /// - `character_groups`: the grammar has no "k of N" (spelling it as overlapping unions,
    ///   six lines for 3 of 4, would be exact but is not a form managers are known to
    ///   handle), so the stricter "each of k groups" is written: one `required:` line for
    ///   each of the first k listed groups in the order lower, upper, digit, special.
    ///   Letters and digits come first because every generator makes them and the grammar
    ///   names them exactly as the engine's groups.
    /// - The special group is never Apple's `special` (a fixed 33 characters, space
    ///   included) but a custom class of the ASCII part of `special_characters`, with `-`
    ///   first and `]` last as the grammar requires. When the special group must be
    ///   required and the set holds no printable ASCII character, there is no rule: `None`.
    /// - `other_characters = "allow"` gives `allowed: ascii-printable` (space included:
    ///   nothing trims a password); `"reject"` allows exactly the groups' characters:
    ///   `upper, lower, digit` and the special class.
    ///
    /// What cannot be expressed, and is left to the live checklist and the server:
    /// - the blocklist (`not-common`): none of 5 000 000 random passwords per length from 7
    ///   characters on was on the list (BENCHMARKS.md);
    /// - personal information (`not-personal`): a random password seldom contains a given
    ///   name; a three-letter one with its l33t forms ("ada") about 4 times in 10^5 per
    ///   character, so 0.06 % at 15 characters (the test counts it);
    /// - the history (`not-reused`), `not-current` and `min-age`: properties of a change,
    ///   not of a fresh random password;
    /// - the exact "k of N" form, and non-ASCII special characters, which are never offered.
    ///
    /// `None` also when no password can pass: a policy that was not validated with
    /// `min_length > max_length`, more required groups than listed, or `min_strength` above
    /// 4, and when the strength floor exceeds `max_length`.
    ///
    /// The string is the raw value: HTML-escape it when writing markup by hand (a DOM
    /// `setAttribute` or Leptos does it).
    ///
    /// # Examples
    /// ```
    /// use passguard_policy::Policy;
    /// let rules = Policy::preset("security-admin")?.password_rules();
    /// assert_eq!(
    ///     rules.as_deref(),
    ///     Some("minlength: 8; maxlength: 128; required: lower; required: upper; required: digit; allowed: ascii-printable;")
    /// );
    /// # Ok::<(), passguard_policy::PolicyError>(())
    /// ```
    #[must_use]
    pub fn password_rules(&self) -> Option<String> {
        let rules = &self.password;
        let special = ascii_special_class(&rules.special_characters);
        let required = required_groups(rules)?;
        if required.contains(&Group::Special) && special.is_empty() {
            return None;
        }
        let floor = PasswordRules::PASSWORD_RULES_STRENGTH_FLOOR
            .get(usize::from(rules.min_strength))
            .copied()?;
        let required_count = u32::try_from(required.len()).ok()?;
        let min_length = rules.min_length.max(floor).max(required_count).max(1);
        if min_length > rules.max_length {
            return None;
        }

        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = write!(
            out,
            "minlength: {min_length}; maxlength: {};",
            rules.max_length
        );
        for group in &required {
            let class = match group {
                Group::Special => special.as_str(),
                other => other.id(),
            };
            let _ = write!(out, " required: {class};");
        }
        match rules.other_characters {
            OtherCharacters::Allow => out.push_str(" allowed: ascii-printable;"),
            OtherCharacters::Reject if special.is_empty() => {
                out.push_str(" allowed: upper, lower, digit;");
            }
            OtherCharacters::Reject => {
                let _ = write!(out, " allowed: upper, lower, digit, {special};");
            }
        }
        Some(out)
    }
}

/// The groups announced as required, in announcement order; `None` when the policy
/// requires more groups than it lists, which no password can satisfy.
fn required_groups(rules: &PasswordRules) -> Option<Vec<Group>> {
    let Some(groups) = rules.character_groups.as_ref().filter(|g| g.required > 0) else {
        return Some(Vec::new());
    };
    let listed: BTreeSet<Group> = groups.of.iter().copied().collect();
    let chosen: Vec<Group> = [Group::Lower, Group::Upper, Group::Digit, Group::Special]
        .into_iter()
        .filter(|group| listed.contains(group))
        .take(usize::try_from(groups.required).unwrap_or(usize::MAX))
        .collect();
    (chosen.len() == usize::try_from(groups.required).ok()?).then_some(chosen)
}

/// The special set's characters a password manager can generate and the engine counts as
/// special, as a custom class: printable ASCII that is not a letter or digit (those count
/// toward their own groups), `-` first, `]` last, the rest in ASCII order. Empty when there
/// is none. Inside a class nothing else is special: `[`, `\`, `;`, `,` and quotes stand for
/// themselves.
fn ascii_special_class(special_characters: &str) -> String {
    let set: BTreeSet<char> = special_characters
        .chars()
        .filter(|c| matches!(c, ' '..='~') && !c.is_ascii_alphanumeric())
        .collect();
    if set.is_empty() {
        return String::new();
    }
    let mut class = String::from("[");
    if set.contains(&'-') {
        class.push('-');
    }
    class.extend(set.iter().filter(|&&c| c != '-' && c != ']'));
    if set.contains(&']') {
        class.push(']');
    }
    class.push(']');
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn the_special_class_puts_dash_first_and_bracket_last() {
        assert_eq!(ascii_special_class("]a-!é"), "[-!]]");
        assert_eq!(ascii_special_class("-"), "[-]");
        assert_eq!(ascii_special_class("]"), "[]]");
        assert_eq!(ascii_special_class("§£"), "");
        assert_eq!(ascii_special_class(""), "");
        assert_eq!(ascii_special_class("\u{7f}\t"), "");
    }
}
