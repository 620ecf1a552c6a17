//! The strength estimator's feedback, keyed by its warning and suggestion ids.

use crate::{Entry, entry};

pub(super) const ENTRIES: &[Entry] = &[
    entry!(
        "strength.score.0",
        [],
        "very weak",
        "sehr schwach",
        "très faible"
    ),
    entry!("strength.score.1", [], "weak", "schwach", "faible"),
    entry!("strength.score.2", [], "fair", "mittel", "moyen"),
    entry!("strength.score.3", [], "good", "gut", "bon"),
    entry!("strength.score.4", [], "strong", "stark", "fort"),
    entry!(
        "suggestion.add-another-word",
        [],
        "Add another word or two. Uncommon words are better.",
        "Fügen Sie ein oder zwei Wörter hinzu. Ungewöhnliche Wörter sind besser.",
        "Ajoutez un ou deux mots. Les mots peu courants sont meilleurs."
    ),
    entry!(
        "suggestion.all-uppercase-is-easy",
        [],
        "All-uppercase is almost as easy to guess as all-lowercase",
        "Nur Großbuchstaben sind fast so leicht zu erraten wie nur Kleinbuchstaben",
        "Tout en majuscules est presque aussi facile à deviner que tout en minuscules"
    ),
    entry!(
        "suggestion.avoid-associated-dates",
        [],
        "Avoid dates and years that are associated with you",
        "Vermeiden Sie Daten und Jahreszahlen, die mit Ihnen verbunden sind",
        "Évitez les dates et les années liées à vous"
    ),
    entry!(
        "suggestion.avoid-associated-years",
        [],
        "Avoid years that are associated with you",
        "Vermeiden Sie Jahreszahlen, die mit Ihnen verbunden sind",
        "Évitez les années liées à vous"
    ),
    entry!(
        "suggestion.avoid-recent-years",
        [],
        "Avoid recent years",
        "Vermeiden Sie Jahreszahlen der letzten Jahre",
        "Évitez les années récentes"
    ),
    entry!(
        "suggestion.avoid-repeats",
        [],
        "Avoid repeated words and characters",
        "Vermeiden Sie wiederholte Wörter und Zeichen",
        "Évitez les mots et caractères répétés"
    ),
    entry!(
        "suggestion.avoid-sequences",
        [],
        "Avoid sequences",
        "Vermeiden Sie Zeichenfolgen",
        "Évitez les suites"
    ),
    entry!(
        "suggestion.capitalization-doesnt-help",
        [],
        "Capitalization doesn't help very much",
        "Großschreibung hilft kaum",
        "Les majuscules n’aident pas beaucoup"
    ),
    entry!(
        "suggestion.no-need-for-mixed-characters",
        [],
        "No need for symbols, digits, or uppercase letters",
        "Symbole, Ziffern oder Großbuchstaben sind nicht nötig",
        "Pas besoin de symboles, de chiffres ni de majuscules"
    ),
    entry!(
        "suggestion.predictable-substitutions",
        [],
        "Predictable substitutions like '@' instead of 'a' don't help very much",
        "Vorhersehbare Ersetzungen wie „@“ statt „a“ helfen kaum",
        "Les substitutions prévisibles comme « @ » au lieu de « a » n’aident pas beaucoup"
    ),
    entry!(
        "suggestion.reversed-words-are-easy",
        [],
        "Reversed words aren't much harder to guess",
        "Rückwärts geschriebene Wörter sind kaum schwerer zu erraten",
        "Les mots à l’envers ne sont guère plus difficiles à deviner"
    ),
    entry!(
        "suggestion.use-a-few-words",
        [],
        "Use a few words, avoid common phrases",
        "Verwenden Sie mehrere Wörter und vermeiden Sie gängige Redewendungen",
        "Utilisez plusieurs mots, évitez les expressions courantes"
    ),
    entry!(
        "suggestion.use-longer-keyboard-pattern",
        [],
        "Use a longer keyboard pattern with more turns",
        "Verwenden Sie ein längeres Tastaturmuster mit mehr Richtungswechseln",
        "Utilisez un motif de clavier plus long avec plus de changements de direction"
    ),
    entry!(
        "warning.common-names",
        [],
        "Common names and surnames are easy to guess",
        "Häufige Vor- und Nachnamen sind leicht zu erraten",
        "Les prénoms et noms courants sont faciles à deviner"
    ),
    entry!(
        "warning.common-password",
        [],
        "This is a very common password",
        "Dies ist ein sehr häufiges Passwort",
        "C’est un mot de passe très courant"
    ),
    entry!(
        "warning.date",
        [],
        "Dates are often easy to guess",
        "Kalenderdaten sind oft leicht zu erraten",
        "Les dates sont souvent faciles à deviner"
    ),
    entry!(
        "warning.extended-repeat",
        [],
        "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\"",
        "Wiederholungen wie „abcabcabc“ sind kaum schwerer zu erraten als „abc“",
        "Les répétitions comme « abcabcabc » sont à peine plus difficiles à deviner que « abc »"
    ),
    entry!(
        "warning.key-pattern",
        [],
        "Short keyboard patterns are easy to guess",
        "Kurze Tastaturmuster sind leicht zu erraten",
        "Les motifs de clavier courts sont faciles à deviner"
    ),
    entry!(
        "warning.name-by-itself",
        [],
        "Names and surnames by themselves are easy to guess",
        "Vor- und Nachnamen allein sind leicht zu erraten",
        "Les prénoms et noms seuls sont faciles à deviner"
    ),
    entry!(
        "warning.recent-year",
        [],
        "Recent years are easy to guess",
        "Jahreszahlen der letzten Jahre sind leicht zu erraten",
        "Les années récentes sont faciles à deviner"
    ),
    entry!(
        "warning.sequence",
        [],
        "Sequences like abc or 6543 are easy to guess",
        "Folgen wie abc oder 6543 sind leicht zu erraten",
        "Les suites comme abc ou 6543 sont faciles à deviner"
    ),
    entry!(
        "warning.similar-to-common-password",
        [],
        "This is similar to a commonly used password",
        "Dies ähnelt einem häufig verwendeten Passwort",
        "Cela ressemble à un mot de passe courant"
    ),
    entry!(
        "warning.simple-repeat",
        [],
        "Repeats like \"aaa\" are easy to guess",
        "Wiederholungen wie „aaa“ sind leicht zu erraten",
        "Les répétitions comme « aaa » sont faciles à deviner"
    ),
    entry!(
        "warning.straight-row",
        [],
        "Straight rows of keys are easy to guess",
        "Gerade Tastenreihen sind leicht zu erraten",
        "Les rangées de touches droites sont faciles à deviner"
    ),
    entry!(
        "warning.top-10-password",
        [],
        "This is a top-10 common password",
        "Dies ist eines der 10 häufigsten Passwörter",
        "C’est l’un des 10 mots de passe les plus courants"
    ),
    entry!(
        "warning.top-100-password",
        [],
        "This is a top-100 common password",
        "Dies ist eines der 100 häufigsten Passwörter",
        "C’est l’un des 100 mots de passe les plus courants"
    ),
    entry!(
        "warning.word-by-itself",
        [],
        "A word by itself is easy to guess",
        "Ein einzelnes Wort ist leicht zu erraten",
        "Un mot seul est facile à deviner"
    ),
];
