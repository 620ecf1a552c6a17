//! The standards audit's explanations, keyed by finding id.

use crate::{Entry, entry};

pub(super) const ENTRIES: &[Entry] = &[
    entry!(
        "audit.asvs-activation-lifetime",
        ["lifetime"],
        "Activation codes must expire after a short period; this policy's registration and reset links live {lifetime} (passguard reads \"short\" as NIST's 24 hours for e-mail).",
        "Aktivierungscodes müssen nach kurzer Zeit ablaufen; die Registrierungs- und Zurücksetzungslinks dieser Richtlinie gelten {lifetime} (passguard legt „kurz“ wie NIST mit 24 Stunden für E-Mail aus).",
        "Les codes d’activation doivent expirer après une courte période ; les liens d’inscription et de réinitialisation de cette politique durent {lifetime} (passguard interprète « court » comme les 24 heures du NIST pour l’e-mail)."
    ),
    entry!(
        "audit.asvs-breached-passwords",
        [],
        "New passwords should be checked against a set of breached passwords. Set blocklist = \"common\", or import a breach corpus and set breached = \"block\".",
        "Neue Passwörter sollten mit einer Sammlung kompromittierter Passwörter abgeglichen werden. Setzen Sie blocklist = \"common\", oder importieren Sie eine Sammlung aus Datenlecks und setzen Sie breached = \"block\".",
        "Les nouveaux mots de passe devraient être comparés à un ensemble de mots de passe divulgués. Définissez blocklist = \"common\", ou importez un corpus de fuites et définissez breached = \"block\"."
    ),
    entry!(
        "audit.asvs-common-passwords",
        [],
        "New passwords must be checked against at least the 3000 most common passwords. Set blocklist = \"common\".",
        "Neue Passwörter müssen mindestens mit den 3000 häufigsten Passwörtern abgeglichen werden. Setzen Sie blocklist = \"common\".",
        "Les nouveaux mots de passe doivent être comparés au moins aux 3000 mots de passe les plus courants. Définissez blocklist = \"common\"."
    ),
    entry!(
        "audit.asvs-composition",
        [],
        "Any composition must be allowed, with no rule on the type or number of characters of each kind. Remove character_groups and set other_characters = \"allow\".",
        "Jede Zusammensetzung muss erlaubt sein, ohne Regeln zu Art oder Anzahl der Zeichen jeder Sorte. Entfernen Sie character_groups und setzen Sie other_characters = \"allow\".",
        "Toute composition doit être permise, sans règle sur le type ou le nombre de caractères de chaque sorte. Supprimez character_groups et définissez other_characters = \"allow\"."
    ),
    entry!(
        "audit.asvs-context-words",
        [],
        "Easy-to-guess context-specific words must be refused. Set forbid_personal_info = true (it covers the username, e-mail and names; organisation and product names are not yet covered).",
        "Leicht zu erratende kontextbezogene Wörter müssen abgelehnt werden. Setzen Sie forbid_personal_info = true (das erfasst Benutzername, E-Mail und Namen; Organisations- und Produktnamen noch nicht).",
        "Les mots liés au contexte et faciles à deviner doivent être refusés. Définissez forbid_personal_info = true (cela couvre l’identifiant, l’e-mail et les noms ; pas encore les noms d’organisation ni de produit)."
    ),
    entry!(
        "audit.asvs-expiry-reminder",
        [],
        "Where passwords expire, renewal reminders must go out early enough to act before expiry. Add an expiry_notice longer than 0d, such as \"14d\".",
        "Wenn Passwörter ablaufen, müssen Erinnerungen so früh verschickt werden, dass vor dem Ablauf gehandelt werden kann. Fügen Sie eine expiry_notice länger als 0d hinzu, etwa \"14d\".",
        "Lorsque les mots de passe expirent, les rappels doivent partir assez tôt pour agir avant l’expiration. Ajoutez un expiry_notice supérieur à 0d, par exemple \"14d\"."
    ),
    entry!(
        "audit.asvs-lockout-dos",
        ["max"],
        "Only an administrator unlocks: anyone who knows a username can lock that account, an administrator's too, with {max} wrong passwords, and it stays locked until an administrator acts. The server's per-client limits slow one address, not many. Prefer unlock = \"email\" (the lock e-mail carries an unlock link) or a duration, with notify = true; otherwise document the risk and keep `passguard admin unlock` at hand.",
        "Nur ein Administrator entsperrt: Wer einen Benutzernamen kennt, kann das Konto – auch das eines Administrators – mit {max} falschen Passwörtern sperren, und es bleibt gesperrt, bis ein Administrator handelt. Die Limits des Servers je Client bremsen eine Adresse, nicht viele. Besser unlock = \"email\" (die Sperr-E-Mail enthält einen Entsperrlink) oder eine Dauer, mit notify = true; andernfalls das Risiko dokumentieren und `passguard admin unlock` bereithalten.",
        "Seul un administrateur déverrouille : quiconque connaît un nom d’utilisateur peut verrouiller ce compte, celui d’un administrateur aussi, avec {max} mots de passe erronés, et il reste verrouillé jusqu’à ce qu’un administrateur intervienne. Les limites du serveur par client ralentissent une adresse, pas plusieurs. Préférez unlock = \"email\" (l’e-mail de verrouillage contient un lien de déverrouillage) ou une durée, avec notify = true ; sinon, documentez le risque et gardez `passguard admin unlock` sous la main."
    ),
    entry!(
        "audit.asvs-max-length",
        ["actual", "min_max"],
        "Passwords of at least {min_max} characters must be permitted; this policy stops at {actual}.",
        "Passwörter mit mindestens {min_max} Zeichen müssen erlaubt sein; diese Richtlinie endet bei {actual}.",
        "Les mots de passe d’au moins {min_max} caractères doivent être permis ; cette politique s’arrête à {actual}."
    ),
    entry!(
        "audit.asvs-min-length",
        ["actual", "min"],
        "User-set passwords must be at least {min} characters; this policy allows {actual}.",
        "Selbst gewählte Passwörter müssen mindestens {min} Zeichen lang sein; diese Richtlinie erlaubt {actual}.",
        "Les mots de passe choisis par l’utilisateur doivent compter au moins {min} caractères ; cette politique en permet {actual}."
    ),
    entry!(
        "audit.asvs-min-length-recommended",
        ["actual", "recommended"],
        "A minimum of {recommended} characters is strongly recommended; this policy allows {actual}.",
        "Ein Minimum von {recommended} Zeichen wird dringend empfohlen; diese Richtlinie erlaubt {actual}.",
        "Un minimum de {recommended} caractères est vivement recommandé ; cette politique en permet {actual}."
    ),
    entry!(
        "audit.asvs-periodic-rotation",
        [],
        "A password stays valid until it is found compromised or the user changes it: no periodic rotation. Set max_age = \"none\".",
        "Ein Passwort bleibt gültig, bis es als kompromittiert gilt oder der Benutzer es ändert: kein regelmäßiger Wechsel. Setzen Sie max_age = \"none\".",
        "Un mot de passe reste valable jusqu’à ce qu’il soit compromis ou que l’utilisateur le change : pas de rotation périodique. Définissez max_age = \"none\"."
    ),
    entry!(
        "audit.asvs-security-questions",
        [],
        "Password hints and knowledge-based authentication (\"secret questions\") must not be present. Set security_questions = 0.",
        "Passworthinweise und wissensbasierte Authentifizierung („Sicherheitsfragen“) darf es nicht geben. Setzen Sie security_questions = 0.",
        "Les indices de mot de passe et l’authentification par connaissances (« questions secrètes ») ne doivent pas exister. Définissez security_questions = 0."
    ),
    entry!(
        "audit.nist-blocklist",
        [],
        "A new password shall be compared against a blocklist of commonly used, expected or compromised passwords. Set blocklist = \"common\".",
        "Ein neues Passwort muss mit einer Sperrliste häufig verwendeter, erwartbarer oder kompromittierter Passwörter verglichen werden. Setzen Sie blocklist = \"common\".",
        "Un nouveau mot de passe doit être comparé à une liste de blocage de mots de passe courants, prévisibles ou compromis. Définissez blocklist = \"common\"."
    ),
    entry!(
        "audit.nist-composition",
        [],
        "Composition rules (requiring a mix of character types) shall not be imposed. Remove character_groups; rely on length and the blocklist instead.",
        "Kompositionsregeln (eine Mischung von Zeichenarten verlangen) dürfen nicht auferlegt werden. Entfernen Sie character_groups; setzen Sie stattdessen auf Länge und Sperrliste.",
        "Aucune règle de composition (exiger un mélange de types de caractères) ne doit être imposée. Supprimez character_groups ; misez plutôt sur la longueur et la liste de blocage."
    ),
    entry!(
        "audit.nist-max-length",
        ["actual", "min_max"],
        "Verifiers should permit passwords of at least {min_max} characters; this policy stops at {actual}. Raise max_length to {min_max} or more.",
        "Prüfer sollten Passwörter mit mindestens {min_max} Zeichen erlauben; diese Richtlinie endet bei {actual}. Erhöhen Sie max_length auf {min_max} oder mehr.",
        "Les vérificateurs devraient permettre des mots de passe d’au moins {min_max} caractères ; cette politique s’arrête à {actual}. Portez max_length à {min_max} ou plus."
    ),
    entry!(
        "audit.nist-min-length",
        ["actual", "min"],
        "A password used as the only factor must be at least {min} characters; this policy allows {actual}. Set min_length = {min} (8 is allowed only for a password used solely within multi-factor authentication).",
        "Ein Passwort als einziger Faktor muss mindestens {min} Zeichen lang sein; diese Richtlinie erlaubt {actual}. Setzen Sie min_length = {min} (8 ist nur für ein Passwort innerhalb einer Mehr-Faktor-Authentifizierung zulässig).",
        "Un mot de passe utilisé comme seul facteur doit compter au moins {min} caractères ; cette politique en permet {actual}. Définissez min_length = {min} (8 n’est admis que pour un mot de passe utilisé uniquement dans une authentification multifacteur)."
    ),
    entry!(
        "audit.nist-periodic-change",
        ["max_age"],
        "Passwords shall not have to be changed periodically (this policy expires them after {max_age}); force a change only on evidence of compromise. Set max_age = \"none\".",
        "Passwörter dürfen nicht regelmäßig geändert werden müssen (diese Richtlinie lässt sie nach {max_age} ablaufen); erzwingen Sie eine Änderung nur bei Hinweisen auf Kompromittierung. Setzen Sie max_age = \"none\".",
        "Les mots de passe ne doivent pas devoir être changés périodiquement (cette politique les fait expirer après {max_age}) ; n’imposez un changement qu’en cas d’indice de compromission. Définissez max_age = \"none\"."
    ),
    entry!(
        "audit.nist-printable-ascii",
        ["characters"],
        "All printing ASCII characters and the space should be usable; here {characters} count toward no group, so a password relying on them cannot meet the group rule. Add them to special_characters, or drop the groups.",
        "Alle druckbaren ASCII-Zeichen und das Leerzeichen sollten nutzbar sein; hier zählen {characters} zu keiner Gruppe, sodass ein Passwort, das sie nutzt, die Gruppenregel nicht erfüllen kann. Nehmen Sie sie in special_characters auf oder verzichten Sie auf die Gruppen.",
        "Tous les caractères ASCII imprimables et l’espace devraient être utilisables ; ici {characters} ne comptent dans aucun groupe, si bien qu’un mot de passe qui s’en sert ne peut satisfaire la règle des groupes. Ajoutez-les à special_characters ou abandonnez les groupes."
    ),
    entry!(
        "audit.nist-rate-limit.above",
        ["actual", "limit"],
        "Consecutive failed attempts on one account shall be limited to no more than {limit}; this policy locks after {actual}. Set max_failed_logins between 1 and {limit}.",
        "Aufeinanderfolgende Fehlversuche an einem Konto müssen auf höchstens {limit} begrenzt sein; diese Richtlinie sperrt nach {actual}. Setzen Sie max_failed_logins zwischen 1 und {limit}.",
        "Les échecs consécutifs sur un compte doivent être limités à {limit} au plus ; cette politique verrouille après {actual}. Définissez max_failed_logins entre 1 et {limit}."
    ),
    entry!(
        "audit.nist-rate-limit.never",
        ["limit"],
        "Consecutive failed attempts on one account shall be limited to no more than {limit}; this policy never locks. Set max_failed_logins between 1 and {limit}.",
        "Aufeinanderfolgende Fehlversuche an einem Konto müssen auf höchstens {limit} begrenzt sein; diese Richtlinie sperrt nie. Setzen Sie max_failed_logins zwischen 1 und {limit}.",
        "Les échecs consécutifs sur un compte doivent être limités à {limit} au plus ; cette politique ne verrouille jamais. Définissez max_failed_logins entre 1 et {limit}."
    ),
    entry!(
        "audit.nist-recovery-lifetime",
        ["lifetime"],
        "A recovery code or link sent to an e-mail address shall be valid for at most 24 hours; this policy's links live {lifetime}. Set token_lifetime = \"24h\" or less.",
        "Ein an eine E-Mail-Adresse gesendeter Wiederherstellungscode oder -link darf höchstens 24 Stunden gültig sein; die Links dieser Richtlinie gelten {lifetime}. Setzen Sie token_lifetime = \"24h\" oder weniger.",
        "Un code ou lien de récupération envoyé à une adresse e-mail doit être valable 24 heures au plus ; les liens de cette politique durent {lifetime}. Définissez token_lifetime = \"24h\" ou moins."
    ),
    entry!(
        "audit.nist-security-questions",
        ["count"],
        "Subscribers shall not be prompted for knowledge-based authentication or security questions, and they are not a recognised recovery method; this policy asks for {count}. Set security_questions = 0.",
        "Nutzer dürfen nicht nach wissensbasierter Authentifizierung oder Sicherheitsfragen gefragt werden, und diese sind kein anerkanntes Wiederherstellungsverfahren; diese Richtlinie verlangt {count}. Setzen Sie security_questions = 0.",
        "Il ne faut pas demander aux utilisateurs d’authentification par connaissances ni de questions de sécurité, qui ne sont pas une méthode de récupération reconnue ; cette politique en demande {count}. Définissez security_questions = 0."
    ),
    entry!(
        "audit.nist-unicode",
        [],
        "Verifiers should accept all printing ASCII characters, the space and Unicode; this policy rejects every character outside its groups. Set other_characters = \"allow\".",
        "Prüfer sollten alle druckbaren ASCII-Zeichen, das Leerzeichen und Unicode akzeptieren; diese Richtlinie lehnt jedes Zeichen außerhalb ihrer Gruppen ab. Setzen Sie other_characters = \"allow\".",
        "Les vérificateurs devraient accepter tous les caractères ASCII imprimables, l’espace et l’Unicode ; cette politique refuse tout caractère hors de ses groupes. Définissez other_characters = \"allow\"."
    ),
];
