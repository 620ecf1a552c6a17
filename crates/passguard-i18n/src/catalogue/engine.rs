//! The engine's rule messages, the character groups they name, and units of time.

use crate::{Entry, entry};

pub(super) const ENTRIES: &[Entry] = &[
    entry!(
        "group.digit",
        [],
        "digits (0–9)",
        "Ziffern (0–9)",
        "chiffres (0–9)"
    ),
    entry!(
        "group.lower",
        [],
        "small letters (a–z)",
        "Kleinbuchstaben (a–z)",
        "minuscules (a–z)"
    ),
    entry!(
        "group.special",
        ["characters"],
        "special characters ({characters})",
        "Sonderzeichen ({characters})",
        "caractères spéciaux ({characters})"
    ),
    entry!(
        "group.upper",
        [],
        "capital letters (A–Z)",
        "Großbuchstaben (A–Z)",
        "majuscules (A–Z)"
    ),
    entry!(
        "rule.allowed-characters.fail",
        ["characters", "count"],
        "Use only letters A–Z and a–z, digits 0–9 and the special characters {characters}; {count, plural, one {# character is} other {# characters are}} not allowed.",
        "Verwenden Sie nur die Buchstaben A–Z und a–z, die Ziffern 0–9 und die Sonderzeichen {characters}; {count, plural, one {# Zeichen ist} other {# Zeichen sind}} nicht erlaubt.",
        "N’utilisez que les lettres A–Z et a–z, les chiffres 0–9 et les caractères spéciaux {characters} ; {count, plural, one {# caractère n’est pas autorisé} other {# caractères ne sont pas autorisés}}."
    ),
    entry!(
        "rule.allowed-characters.pass",
        ["characters"],
        "Only letters A–Z and a–z, digits 0–9 and the special characters {characters}.",
        "Nur die Buchstaben A–Z und a–z, die Ziffern 0–9 und die Sonderzeichen {characters}.",
        "Uniquement les lettres A–Z et a–z, les chiffres 0–9 et les caractères spéciaux {characters}."
    ),
    entry!(
        "rule.character-groups.fail",
        ["actual", "groups", "listed", "required"],
        "Use characters from at least {required} of these {listed} groups ({actual} so far): {groups}.",
        "Verwenden Sie Zeichen aus mindestens {required} dieser {listed} Gruppen (bisher {actual}): {groups}.",
        "Utilisez des caractères d’au moins {required} de ces {listed} groupes ({actual} pour l’instant) : {groups}."
    ),
    entry!(
        "rule.character-groups.pass",
        ["groups", "listed", "required"],
        "Characters from at least {required} of these {listed} groups: {groups}.",
        "Zeichen aus mindestens {required} dieser {listed} Gruppen: {groups}.",
        "Des caractères d’au moins {required} de ces {listed} groupes : {groups}."
    ),
    entry!(
        "rule.character-groups.uncounted",
        ["uncounted"],
        "{uncounted, plural, one {# character counts} other {# characters count}} toward none of them.",
        "{uncounted, plural, one {# Zeichen zählt} other {# Zeichen zählen}} zu keiner davon.",
        "{uncounted, plural, one {# caractère ne compte} other {# caractères ne comptent}} dans aucun d’eux."
    ),
    entry!(
        "rule.max-length.fail",
        ["actual", "max"],
        "Use at most {max} characters ({actual} now).",
        "Verwenden Sie höchstens {max} Zeichen (derzeit {actual}).",
        "Utilisez au plus {max} caractères (actuellement {actual})."
    ),
    entry!(
        "rule.max-length.pass",
        ["max"],
        "At most {max} characters.",
        "Höchstens {max} Zeichen.",
        "Au plus {max} caractères."
    ),
    entry!(
        "rule.min-age.fail",
        ["min_age", "remaining"],
        "You changed your password less than {min_age} ago; you can change it again in {remaining}.",
        "Ihre letzte Änderung liegt weniger als {min_age} zurück; noch {remaining} bis zur nächsten möglichen Änderung.",
        "Vous avez changé votre mot de passe il y a moins de {min_age} ; vous pourrez le changer à nouveau dans {remaining}."
    ),
    entry!(
        "rule.min-age.pass",
        ["min_age"],
        "Last change at least {min_age} ago.",
        "Die letzte Änderung liegt mindestens {min_age} zurück.",
        "Dernier changement il y a au moins {min_age}."
    ),
    entry!(
        "rule.min-age.pass-first",
        ["min_age"],
        "Can be changed now (at most once every {min_age}).",
        "Jetzt änderbar (höchstens einmal alle {min_age}).",
        "Modifiable maintenant (au plus une fois par période de {min_age})."
    ),
    entry!(
        "rule.min-age.pending",
        ["min_age"],
        "At most one change every {min_age} (checked when you submit).",
        "Höchstens eine Änderung alle {min_age} (wird beim Absenden geprüft).",
        "Au plus un changement par période de {min_age} (vérifié à l’envoi)."
    ),
    entry!(
        "rule.min-length.fail",
        ["actual", "min"],
        "Use at least {min} characters ({actual} so far).",
        "Verwenden Sie mindestens {min} Zeichen (bisher {actual}).",
        "Utilisez au moins {min} caractères ({actual} pour l’instant)."
    ),
    entry!(
        "rule.min-length.pass",
        ["min"],
        "At least {min} characters.",
        "Mindestens {min} Zeichen.",
        "Au moins {min} caractères."
    ),
    entry!(
        "rule.min-strength.fail",
        ["actual", "min"],
        "Choose a stronger password (strength {actual} of 4, {min} needed).",
        "Wählen Sie ein stärkeres Passwort (Stärke {actual} von 4, {min} erforderlich).",
        "Choisissez un mot de passe plus robuste (robustesse {actual} sur 4, {min} requis)."
    ),
    entry!(
        "rule.min-strength.pass",
        ["min"],
        "Strength at least {min} of 4.",
        "Stärke mindestens {min} von 4.",
        "Robustesse d’au moins {min} sur 4."
    ),
    entry!(
        "rule.not-breached.fail",
        [],
        "This password appears in a known data breach: attackers try such passwords first. Choose another.",
        "Dieses Passwort ist aus einem bekannten Datenleck bekannt: Angreifer probieren solche Passwörter zuerst. Wählen Sie ein anderes.",
        "Ce mot de passe figure dans une fuite de données connue : les attaquants essaient ces mots de passe en premier. Choisissez-en un autre."
    ),
    entry!(
        "rule.not-breached.pass",
        [],
        "Not found in known data breaches.",
        "In keinem bekannten Datenleck gefunden.",
        "Absent des fuites de données connues."
    ),
    entry!(
        "rule.not-breached.pending",
        [],
        "Not found in known data breaches (checked when you submit).",
        "In keinem bekannten Datenleck gefunden (wird beim Absenden geprüft).",
        "Absent des fuites de données connues (vérifié à l’envoi)."
    ),
    entry!(
        "rule.not-common.fail",
        [],
        "This password is one of the most common: choose one nobody else would.",
        "Dieses Passwort gehört zu den häufigsten: Wählen Sie eines, das sonst niemand wählen würde.",
        "Ce mot de passe fait partie des plus courants : choisissez-en un que personne d’autre ne choisirait."
    ),
    entry!(
        "rule.not-common.pass",
        [],
        "Not a commonly used password.",
        "Kein häufig verwendetes Passwort.",
        "Pas un mot de passe courant."
    ),
    entry!(
        "rule.not-current.fail",
        [],
        "Choose a password different from your current one.",
        "Wählen Sie ein anderes Passwort als Ihr aktuelles.",
        "Choisissez un mot de passe différent de l’actuel."
    ),
    entry!(
        "rule.not-current.pass",
        [],
        "Differs from your current password.",
        "Unterscheidet sich von Ihrem aktuellen Passwort.",
        "Diffère de votre mot de passe actuel."
    ),
    entry!(
        "rule.not-personal.fail",
        [],
        "Do not use your name, username or e-mail address in your password.",
        "Verwenden Sie weder Ihren Namen noch Ihren Benutzernamen oder Ihre E-Mail-Adresse im Passwort.",
        "N’utilisez ni votre nom, ni votre identifiant, ni votre adresse e-mail dans votre mot de passe."
    ),
    entry!(
        "rule.not-personal.pass",
        [],
        "Does not contain your name, username or e-mail.",
        "Enthält weder Ihren Namen noch Ihren Benutzernamen oder Ihre E-Mail-Adresse.",
        "Ne contient ni votre nom, ni votre identifiant, ni votre adresse e-mail."
    ),
    entry!(
        "rule.not-reused.fail",
        ["history"],
        "You used this password recently: it may not repeat {history, plural, one {your last password} other {any of your last # passwords}}.",
        "Sie haben dieses Passwort kürzlich verwendet: {history, plural, one {Ihr letztes Passwort darf} other {Ihre letzten # Passwörter dürfen}} nicht wiederverwendet werden.",
        "Vous avez utilisé ce mot de passe récemment : {history, plural, one {votre dernier mot de passe ne peut pas être réutilisé} other {vos # derniers mots de passe ne peuvent pas être réutilisés}}."
    ),
    entry!(
        "rule.not-reused.pass",
        ["history"],
        "Not {history, plural, one {your last password} other {one of your last # passwords}}.",
        "Nicht {history, plural, one {Ihr letztes Passwort} other {eines Ihrer letzten # Passwörter}}.",
        "Pas {history, plural, one {votre dernier mot de passe} other {l’un de vos # derniers mots de passe}}."
    ),
    entry!(
        "rule.not-reused.pending",
        ["history"],
        "Not {history, plural, one {your last password} other {one of your last # passwords}} (checked when you submit).",
        "Nicht {history, plural, one {Ihr letztes Passwort} other {eines Ihrer letzten # Passwörter}} (wird beim Absenden geprüft).",
        "Pas {history, plural, one {votre dernier mot de passe} other {l’un de vos # derniers mots de passe}} (vérifié à l’envoi)."
    ),
    entry!(
        "unit.day",
        ["n"],
        "{n, plural, one {# day} other {# days}}",
        "{n, plural, one {# Tag} other {# Tage}}",
        "{n, plural, one {# jour} other {# jours}}"
    ),
    entry!(
        "unit.hour",
        ["n"],
        "{n, plural, one {# hour} other {# hours}}",
        "{n, plural, one {# Stunde} other {# Stunden}}",
        "{n, plural, one {# heure} other {# heures}}"
    ),
    entry!(
        "unit.minute",
        ["n"],
        "{n, plural, one {# minute} other {# minutes}}",
        "{n, plural, one {# Minute} other {# Minuten}}",
        "{n, plural, one {# minute} other {# minutes}}"
    ),
    entry!(
        "unit.second",
        ["n"],
        "{n, plural, one {# second} other {# seconds}}",
        "{n, plural, one {# Sekunde} other {# Sekunden}}",
        "{n, plural, one {# seconde} other {# secondes}}"
    ),
];
