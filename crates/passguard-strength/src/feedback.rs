//! The warning and suggestions of an estimate, chosen as zxcvbn 4.4.2 chooses them: from the
//! longest part of the best cover, and only for scores of 2 or less.
//!
//! They are enums with stable kebab-case ids (their serde form) and English text (their
//! `Display`), so a front end can translate by id.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::Score;
use crate::lexicon::Source;
use crate::matching::{Match, Pattern};

/// Why a password is weak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Warning {
    /// "Straight rows of keys are easy to guess"
    StraightRow,
    /// "Short keyboard patterns are easy to guess"
    KeyPattern,
    /// "Repeats like "aaa" are easy to guess"
    SimpleRepeat,
    /// "Repeats like "abcabcabc" are only slightly harder to guess than "abc""
    ExtendedRepeat,
    /// "Sequences like abc or 6543 are easy to guess"
    Sequence,
    /// "Recent years are easy to guess"
    RecentYear,
    /// "Dates are often easy to guess"
    Date,
    /// "This is a top-10 common password"
    TopTenPassword,
    /// "This is a top-100 common password"
    TopHundredPassword,
    /// "This is a very common password"
    CommonPassword,
    /// "This is similar to a commonly used password"
    SimilarToCommonPassword,
    /// "A word by itself is easy to guess"
    WordByItself,
    /// "Names and surnames by themselves are easy to guess"
    NameByItself,
    /// "Common names and surnames are easy to guess"
    CommonNames,
}

impl Warning {
    /// Every warning.
    pub const ALL: [Warning; 14] = [
        Warning::StraightRow,
        Warning::KeyPattern,
        Warning::SimpleRepeat,
        Warning::ExtendedRepeat,
        Warning::Sequence,
        Warning::RecentYear,
        Warning::Date,
        Warning::TopTenPassword,
        Warning::TopHundredPassword,
        Warning::CommonPassword,
        Warning::SimilarToCommonPassword,
        Warning::WordByItself,
        Warning::NameByItself,
        Warning::CommonNames,
    ];

    /// The stable kebab-case id.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Warning::StraightRow => "straight-row",
            Warning::KeyPattern => "key-pattern",
            Warning::SimpleRepeat => "simple-repeat",
            Warning::ExtendedRepeat => "extended-repeat",
            Warning::Sequence => "sequence",
            Warning::RecentYear => "recent-year",
            Warning::Date => "date",
            Warning::TopTenPassword => "top-10-password",
            Warning::TopHundredPassword => "top-100-password",
            Warning::CommonPassword => "common-password",
            Warning::SimilarToCommonPassword => "similar-to-common-password",
            Warning::WordByItself => "word-by-itself",
            Warning::NameByItself => "name-by-itself",
            Warning::CommonNames => "common-names",
        }
    }

    /// The warning with this id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|warning| warning.id() == id)
    }

    /// zxcvbn's English text.
    #[must_use]
    pub const fn english(self) -> &'static str {
        match self {
            Warning::StraightRow => "Straight rows of keys are easy to guess",
            Warning::KeyPattern => "Short keyboard patterns are easy to guess",
            Warning::SimpleRepeat => "Repeats like \"aaa\" are easy to guess",
            Warning::ExtendedRepeat => {
                "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\""
            }
            Warning::Sequence => "Sequences like abc or 6543 are easy to guess",
            Warning::RecentYear => "Recent years are easy to guess",
            Warning::Date => "Dates are often easy to guess",
            Warning::TopTenPassword => "This is a top-10 common password",
            Warning::TopHundredPassword => "This is a top-100 common password",
            Warning::CommonPassword => "This is a very common password",
            Warning::SimilarToCommonPassword => "This is similar to a commonly used password",
            Warning::WordByItself => "A word by itself is easy to guess",
            Warning::NameByItself => "Names and surnames by themselves are easy to guess",
            Warning::CommonNames => "Common names and surnames are easy to guess",
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}

impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// What to do instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Suggestion {
    /// "Use a few words, avoid common phrases"
    UseAFewWords,
    /// "No need for symbols, digits, or uppercase letters"
    NoNeedForMixedCharacters,
    /// "Add another word or two. Uncommon words are better."
    AddAnotherWord,
    /// "Use a longer keyboard pattern with more turns"
    UseLongerKeyboardPattern,
    /// "Avoid repeated words and characters"
    AvoidRepeats,
    /// "Avoid sequences"
    AvoidSequences,
    /// "Avoid recent years"
    AvoidRecentYears,
    /// "Avoid years that are associated with you"
    AvoidAssociatedYears,
    /// "Avoid dates and years that are associated with you"
    AvoidAssociatedDates,
    /// "Capitalization doesn't help very much"
    CapitalizationDoesntHelp,
    /// "All-uppercase is almost as easy to guess as all-lowercase"
    AllUppercaseIsEasy,
    /// "Reversed words aren't much harder to guess"
    ReversedWordsAreEasy,
    /// "Predictable substitutions like '@' instead of 'a' don't help very much"
    PredictableSubstitutions,
}

impl Suggestion {
    /// Every suggestion.
    pub const ALL: [Suggestion; 13] = [
        Suggestion::UseAFewWords,
        Suggestion::NoNeedForMixedCharacters,
        Suggestion::AddAnotherWord,
        Suggestion::UseLongerKeyboardPattern,
        Suggestion::AvoidRepeats,
        Suggestion::AvoidSequences,
        Suggestion::AvoidRecentYears,
        Suggestion::AvoidAssociatedYears,
        Suggestion::AvoidAssociatedDates,
        Suggestion::CapitalizationDoesntHelp,
        Suggestion::AllUppercaseIsEasy,
        Suggestion::ReversedWordsAreEasy,
        Suggestion::PredictableSubstitutions,
    ];

    /// The stable kebab-case id.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Suggestion::UseAFewWords => "use-a-few-words",
            Suggestion::NoNeedForMixedCharacters => "no-need-for-mixed-characters",
            Suggestion::AddAnotherWord => "add-another-word",
            Suggestion::UseLongerKeyboardPattern => "use-longer-keyboard-pattern",
            Suggestion::AvoidRepeats => "avoid-repeats",
            Suggestion::AvoidSequences => "avoid-sequences",
            Suggestion::AvoidRecentYears => "avoid-recent-years",
            Suggestion::AvoidAssociatedYears => "avoid-associated-years",
            Suggestion::AvoidAssociatedDates => "avoid-associated-dates",
            Suggestion::CapitalizationDoesntHelp => "capitalization-doesnt-help",
            Suggestion::AllUppercaseIsEasy => "all-uppercase-is-easy",
            Suggestion::ReversedWordsAreEasy => "reversed-words-are-easy",
            Suggestion::PredictableSubstitutions => "predictable-substitutions",
        }
    }

    /// The suggestion with this id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|suggestion| suggestion.id() == id)
    }

    /// zxcvbn's English text.
    #[must_use]
    pub const fn english(self) -> &'static str {
        match self {
            Suggestion::UseAFewWords => "Use a few words, avoid common phrases",
            Suggestion::NoNeedForMixedCharacters => {
                "No need for symbols, digits, or uppercase letters"
            }
            Suggestion::AddAnotherWord => "Add another word or two. Uncommon words are better.",
            Suggestion::UseLongerKeyboardPattern => "Use a longer keyboard pattern with more turns",
            Suggestion::AvoidRepeats => "Avoid repeated words and characters",
            Suggestion::AvoidSequences => "Avoid sequences",
            Suggestion::AvoidRecentYears => "Avoid recent years",
            Suggestion::AvoidAssociatedYears => "Avoid years that are associated with you",
            Suggestion::AvoidAssociatedDates => {
                "Avoid dates and years that are associated with you"
            }
            Suggestion::CapitalizationDoesntHelp => "Capitalization doesn't help very much",
            Suggestion::AllUppercaseIsEasy => {
                "All-uppercase is almost as easy to guess as all-lowercase"
            }
            Suggestion::ReversedWordsAreEasy => "Reversed words aren't much harder to guess",
            Suggestion::PredictableSubstitutions => {
                "Predictable substitutions like '@' instead of 'a' don't help very much"
            }
        }
    }
}

impl fmt::Display for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}

impl Serialize for Suggestion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// zxcvbn's `get_feedback` for the best cover `sequence` of `chars`.
pub(crate) fn feedback(
    score: Score,
    sequence: &[Match],
    chars: &[char],
) -> (Option<Warning>, Vec<Suggestion>) {
    if sequence.is_empty() {
        return (
            None,
            vec![
                Suggestion::UseAFewWords,
                Suggestion::NoNeedForMixedCharacters,
            ],
        );
    }
    if score > Score::SomewhatGuessable {
        return (None, Vec::new());
    }
    // The first of the longest parts.
    let longest = sequence
        .iter()
        .reduce(|best, m| if m.len() > best.len() { m } else { best });
    let (warning, mut suggestions) = match longest {
        Some(m) => about(m, sequence.len() == 1, chars),
        None => (None, Vec::new()),
    };
    suggestions.insert(0, Suggestion::AddAnotherWord);
    (warning, suggestions)
}

fn about(part: &Match, alone: bool, chars: &[char]) -> (Option<Warning>, Vec<Suggestion>) {
    use Suggestion as S;
    use Warning as W;
    match part.pattern {
        Pattern::Dictionary {
            source,
            rank,
            reversed,
            l33t,
        } => {
            let warning = match source {
                Source::Passwords if alone && !l33t && !reversed => Some(match rank {
                    ..=10 => W::TopTenPassword,
                    11..=100 => W::TopHundredPassword,
                    _ => W::CommonPassword,
                }),
                Source::Passwords => {
                    (part.guesses_log10 <= 4.0).then_some(W::SimilarToCommonPassword)
                }
                Source::English => alone.then_some(W::WordByItself),
                Source::Names => Some(if alone {
                    W::NameByItself
                } else {
                    W::CommonNames
                }),
                Source::TvAndFilm | Source::UserInputs => None,
            };
            let token = chars.get(part.i..=part.j).unwrap_or_default();
            let mut suggestions = Vec::new();
            let upper = token.iter().filter(|c| c.is_ascii_uppercase()).count();
            let has_lower = token.iter().any(char::is_ascii_lowercase);
            let starts_upper = token.first().is_some_and(char::is_ascii_uppercase);
            if upper == 1 && starts_upper && token.len() > 1 {
                suggestions.push(S::CapitalizationDoesntHelp);
            } else if upper > 0 && !has_lower {
                suggestions.push(S::AllUppercaseIsEasy);
            }
            if reversed && token.len() >= 4 {
                suggestions.push(S::ReversedWordsAreEasy);
            }
            if l33t {
                suggestions.push(S::PredictableSubstitutions);
            }
            (warning, suggestions)
        }
        Pattern::Spatial { turns } => {
            let warning = if turns == 1 {
                W::StraightRow
            } else {
                W::KeyPattern
            };
            (Some(warning), vec![S::UseLongerKeyboardPattern])
        }
        Pattern::Repeat { base_chars } => {
            let warning = if base_chars == 1 {
                W::SimpleRepeat
            } else {
                W::ExtendedRepeat
            };
            (Some(warning), vec![S::AvoidRepeats])
        }
        Pattern::Sequence => (Some(W::Sequence), vec![S::AvoidSequences]),
        Pattern::RecentYear => (
            Some(W::RecentYear),
            vec![S::AvoidRecentYears, S::AvoidAssociatedYears],
        ),
        Pattern::Date => (Some(W::Date), vec![S::AvoidAssociatedDates]),
        Pattern::Bruteforce => (None, Vec::new()),
    }
}
