//! The server's error messages (`error.<id>` or `error.<id>.<variant>`, the id being the
//! JSON API's `error`), its other answers, the placeholder page, and its e-mails (`mail.…`).

use passguard_i18n::{Entry, entry};

pub(super) const ENTRIES: &[Entry] = &[
    entry!(
        "contact.default",
        [],
        "your administrator",
        "Ihren Administrator",
        "votre administrateur"
    ),
    entry!(
        "error.admin-in-org",
        [],
        "An administrator belongs to no organization.",
        "Ein Administrator gehört zu keiner Organisation.",
        "Un administrateur n’appartient à aucune organisation."
    ),
    entry!(
        "error.body-too-large",
        ["limit"],
        "The request body is larger than {limit} bytes.",
        "Der Anfragetext ist größer als {limit} Bytes.",
        "Le corps de la requête dépasse {limit} octets."
    ),
    entry!(
        "error.breach-store-missing",
        [],
        "This server holds no store of breached passwords.",
        "Dieser Server hat keine Sammlung kompromittierter Passwörter.",
        "Ce serveur ne dispose d’aucune base de mots de passe divulgués."
    ),
    entry!(
        "error.busy",
        [],
        "The server is busy. Please try again in a moment.",
        "Der Server ist ausgelastet. Bitte versuchen Sie es gleich noch einmal.",
        "Le serveur est occupé. Veuillez réessayer dans un instant."
    ),
    entry!(
        "error.conflict",
        [],
        "The password was changed or the account locked meanwhile. Sign in again.",
        "Das Passwort wurde inzwischen geändert oder das Konto gesperrt. Melden Sie sich erneut an.",
        "Le mot de passe a été changé ou le compte verrouillé entre-temps. Reconnectez-vous."
    ),
    entry!(
        "error.cross-origin",
        [],
        "Requests from other sites are refused.",
        "Anfragen von anderen Websites werden abgelehnt.",
        "Les requêtes provenant d’autres sites sont refusées."
    ),
    entry!(
        "error.disabled",
        [],
        "This account is disabled: enable it first.",
        "Dieses Konto ist deaktiviert: Aktivieren Sie es zuerst.",
        "Ce compte est désactivé : réactivez-le d’abord."
    ),
    entry!(
        "error.exists",
        ["username"],
        "An account named {username} already exists.",
        "Ein Konto mit dem Namen {username} existiert bereits.",
        "Un compte nommé {username} existe déjà."
    ),
    entry!(
        "error.exists.org",
        ["slug"],
        "An organization with the slug {slug} already exists.",
        "Eine Organisation mit dem Kürzel {slug} existiert bereits.",
        "Une organisation avec l’identifiant {slug} existe déjà."
    ),
    entry!(
        "error.forbidden",
        [],
        "You are not allowed to do this.",
        "Dazu sind Sie nicht berechtigt.",
        "Vous n’avez pas l’autorisation de faire cela."
    ),
    entry!(
        "error.forbidden.admin-role",
        [],
        "Only an administrator can give the administrator role.",
        "Nur ein Administrator kann die Administratorrolle vergeben.",
        "Seul un administrateur peut attribuer le rôle d’administrateur."
    ),
    entry!(
        "error.internal",
        [],
        "Something went wrong on the server.",
        "Auf dem Server ist ein Fehler aufgetreten.",
        "Une erreur s’est produite sur le serveur."
    ),
    entry!(
        "error.invalid-asvs-level",
        [],
        "The ASVS level (asvs_level) must be 1, 2 or 3.",
        "Die ASVS-Stufe (asvs_level) muss 1, 2 oder 3 sein.",
        "Le niveau ASVS (asvs_level) doit être 1, 2 ou 3."
    ),
    entry!(
        "error.invalid-credentials",
        [],
        "The username or password is incorrect.",
        "Benutzername oder Passwort ist falsch.",
        "L’identifiant ou le mot de passe est incorrect."
    ),
    entry!(
        "error.invalid-email",
        [],
        "This is not an e-mail address such as ada@example.com.",
        "Das ist keine E-Mail-Adresse wie ada@example.com.",
        "Ceci n’est pas une adresse e-mail comme ada@example.com."
    ),
    entry!(
        "error.invalid-json.duplicate-field",
        ["field"],
        "The request body is not the JSON expected: the field {field} appears twice.",
        "Der Anfragetext ist nicht das erwartete JSON: Das Feld {field} kommt zweimal vor.",
        "Le corps de la requête n’est pas le JSON attendu : le champ {field} apparaît deux fois."
    ),
    entry!(
        "error.invalid-json.eof",
        [],
        "The request body is not the JSON expected: it ends too early.",
        "Der Anfragetext ist nicht das erwartete JSON: Er endet zu früh.",
        "Le corps de la requête n’est pas le JSON attendu : il se termine trop tôt."
    ),
    entry!(
        "error.invalid-json.missing-field",
        ["field"],
        "The request body is not the JSON expected: the field {field} is missing.",
        "Der Anfragetext ist nicht das erwartete JSON: Das Feld {field} fehlt.",
        "Le corps de la requête n’est pas le JSON attendu : le champ {field} manque."
    ),
    entry!(
        "error.invalid-json.syntax",
        ["column", "line"],
        "The request body is not the JSON expected: syntax error at line {line}, column {column}.",
        "Der Anfragetext ist nicht das erwartete JSON: Syntaxfehler in Zeile {line}, Spalte {column}.",
        "Le corps de la requête n’est pas le JSON attendu : erreur de syntaxe à la ligne {line}, colonne {column}."
    ),
    entry!(
        "error.invalid-json.unknown-field",
        ["fields"],
        "The request body is not the JSON expected: a field is unknown (expected: {fields}).",
        "Der Anfragetext ist nicht das erwartete JSON: Ein Feld ist unbekannt (erwartet: {fields}).",
        "Le corps de la requête n’est pas le JSON attendu : un champ est inconnu (attendus : {fields})."
    ),
    entry!(
        "error.invalid-json.value",
        ["column", "line"],
        "The request body is not the JSON expected: a value has the wrong type or form at line {line}, column {column}.",
        "Der Anfragetext ist nicht das erwartete JSON: Ein Wert in Zeile {line}, Spalte {column} hat nicht den erwarteten Typ oder die erwartete Form.",
        "Le corps de la requête n’est pas le JSON attendu : une valeur n’a pas le type ou la forme attendus à la ligne {line}, colonne {column}."
    ),
    entry!(
        "error.invalid-org-name",
        ["max"],
        "An organization’s name is 1 to {max} characters.",
        "Der Name einer Organisation hat 1 bis {max} Zeichen.",
        "Le nom d’une organisation compte de 1 à {max} caractères."
    ),
    entry!(
        "error.invalid-policy",
        ["field", "problem"],
        "The organization’s policy is refused: {field}: {problem}",
        "Die Richtlinie der Organisation wird abgelehnt: {field}: {problem}",
        "La politique de l’organisation est refusée : {field} : {problem}"
    ),
    entry!(
        "error.invalid-prefix",
        [],
        "The prefix must be the first 5 hexadecimal digits of a SHA-1 hash.",
        "Das Präfix muss aus den ersten 5 Hexadezimalziffern eines SHA-1-Hashs bestehen.",
        "Le préfixe doit être formé des 5 premiers chiffres hexadécimaux d’une empreinte SHA-1."
    ),
    entry!(
        "error.invalid-request.answers",
        ["count"],
        "Give one answer per question: {count, plural, one {# answer} other {# answers}}.",
        "Geben Sie eine Antwort pro Frage: {count, plural, one {# Antwort} other {# Antworten}}.",
        "Donnez une réponse par question : {count, plural, one {# réponse} other {# réponses}}."
    ),
    entry!(
        "error.invalid-request.clock",
        [],
        "The clock only moves forward, by at most a thousand years at once.",
        "Die Uhr läuft nur vorwärts, um höchstens tausend Jahre auf einmal.",
        "L’horloge ne peut qu’avancer, de mille ans au plus à la fois."
    ),
    entry!(
        "error.invalid-request.forgot",
        [],
        "Give a username or an e-mail address.",
        "Geben Sie einen Benutzernamen oder eine E-Mail-Adresse an.",
        "Indiquez un identifiant ou une adresse e-mail."
    ),
    entry!(
        "error.invalid-request.query",
        ["allowed"],
        "Unknown query parameter: this endpoint takes only {allowed}.",
        "Unbekannter Abfrageparameter: Dieser Endpunkt akzeptiert nur {allowed}.",
        "Paramètre de requête inconnu : ce point d’accès n’accepte que {allowed}."
    ),
    entry!(
        "error.invalid-request.value",
        ["name"],
        "The query parameter {name} has a value that is not allowed.",
        "Der Abfrageparameter {name} hat einen unzulässigen Wert.",
        "Le paramètre de requête {name} a une valeur non autorisée."
    ),
    entry!(
        "error.invalid-security-questions.answer",
        ["min", "max"],
        "An answer is {min} to {max} characters.",
        "Eine Antwort hat {min} bis {max} Zeichen.",
        "Une réponse compte de {min} à {max} caractères."
    ),
    entry!(
        "error.invalid-security-questions.answer-secret",
        [],
        "An answer may not be your username or your password.",
        "Eine Antwort darf weder Ihr Benutzername noch Ihr Passwort sein.",
        "Une réponse ne peut être ni votre nom d’utilisateur ni votre mot de passe."
    ),
    entry!(
        "error.invalid-security-questions.count",
        ["found", "wanted"],
        "Choose exactly {wanted, plural, one {# security question} other {# security questions}} ({found} given).",
        "Wählen Sie genau {wanted, plural, one {# Sicherheitsfrage} other {# Sicherheitsfragen}} (angegeben: {found}).",
        "Choisissez exactement {wanted, plural, one {# question de sécurité} other {# questions de sécurité}} (reçues : {found})."
    ),
    entry!(
        "error.invalid-security-questions.duplicate",
        [],
        "Choose different questions.",
        "Wählen Sie unterschiedliche Fragen.",
        "Choisissez des questions différentes."
    ),
    entry!(
        "error.invalid-security-questions.question",
        ["max"],
        "A question is 1 to {max} characters on one line.",
        "Eine Frage hat 1 bis {max} Zeichen in einer Zeile.",
        "Une question compte de 1 à {max} caractères sur une seule ligne."
    ),
    entry!(
        "error.invalid-security-questions.same-answer",
        [],
        "Give each question its own answer.",
        "Geben Sie jeder Frage eine eigene Antwort.",
        "Donnez à chaque question sa propre réponse."
    ),
    entry!(
        "error.invalid-slug",
        ["max"],
        "A slug is 1 to {max} lower-case letters, digits or hyphens, starting with a letter.",
        "Ein Kürzel hat 1 bis {max} Kleinbuchstaben, Ziffern oder Bindestriche und beginnt mit einem Buchstaben.",
        "Un identifiant compte de 1 à {max} lettres minuscules, chiffres ou tirets, et commence par une lettre."
    ),
    entry!(
        "error.invalid-text",
        ["max"],
        "A support contact or notice is at most {max} characters, without control characters.",
        "Ein Support-Kontakt oder Hinweis hat höchstens {max} Zeichen und keine Steuerzeichen.",
        "Un contact d’assistance ou un avis compte au plus {max} caractères, sans caractères de contrôle."
    ),
    entry!(
        "error.invalid-username",
        ["max"],
        "A username is 1 to {max} characters without spaces or slashes.",
        "Ein Benutzername hat 1 bis {max} Zeichen, ohne Leerzeichen und Schrägstriche.",
        "Un identifiant compte de 1 à {max} caractères, sans espace ni barre oblique."
    ),
    entry!(
        "error.invited",
        [],
        "This account has not registered yet: it has no password to reset.",
        "Dieses Konto ist noch nicht registriert: Es hat kein Passwort, das zurückgesetzt werden könnte.",
        "Ce compte n’est pas encore inscrit : il n’a pas de mot de passe à réinitialiser."
    ),
    entry!(
        "error.locked",
        ["contact"],
        "This account is locked. Contact {contact} for assistance to unlock it.",
        "Dieses Konto ist gesperrt. Wenden Sie sich an {contact}, um es entsperren zu lassen.",
        "Ce compte est verrouillé. Contactez {contact} pour le faire déverrouiller."
    ),
    entry!(
        "error.locked.email",
        ["contact"],
        "This account is locked after too many failed attempts. If it is yours, open the unlock link e-mailed to you, or choose a new password with “Forgot password”. Contact {contact} for assistance.",
        "Dieses Konto ist nach zu vielen Fehlversuchen gesperrt. Wenn es Ihres ist, öffnen Sie den Entsperrlink aus der E-Mail an Sie oder wählen Sie über „Passwort vergessen“ ein neues Passwort. Wenden Sie sich für Unterstützung an {contact}.",
        "Ce compte est verrouillé après trop de tentatives échouées. S’il est à vous, ouvrez le lien de déverrouillage reçu par e-mail ou choisissez un nouveau mot de passe avec « Mot de passe oublié ». Contactez {contact} pour obtenir de l’aide."
    ),
    entry!(
        "error.locked.timed",
        ["contact"],
        "This account is locked for a while after too many failed attempts; it unlocks by itself. If it is yours, try again later or choose a new password with “Forgot password”. Contact {contact} for assistance.",
        "Dieses Konto ist nach zu vielen Fehlversuchen vorübergehend gesperrt; die Sperre endet von selbst. Wenn es Ihres ist, versuchen Sie es später erneut oder wählen Sie über „Passwort vergessen“ ein neues Passwort. Wenden Sie sich für Unterstützung an {contact}.",
        "Ce compte est verrouillé pour un temps après trop de tentatives échouées ; il se déverrouillera de lui-même. S’il est à vous, réessayez plus tard ou choisissez un nouveau mot de passe avec « Mot de passe oublié ». Contactez {contact} pour obtenir de l’aide."
    ),
    entry!(
        "error.locked.unlock-first",
        [],
        "This account is locked: unlock it first.",
        "Dieses Konto ist gesperrt: Entsperren Sie es zuerst.",
        "Ce compte est verrouillé : déverrouillez-le d’abord."
    ),
    entry!(
        "error.method-not-allowed",
        [],
        "This endpoint does not answer that method.",
        "Dieser Endpunkt unterstützt diese Methode nicht.",
        "Ce point d’accès ne prend pas en charge cette méthode."
    ),
    entry!(
        "error.min-age",
        ["remaining"],
        "The password was changed too recently to change it again yet: try again in {remaining}.",
        "Das Passwort wurde erst vor Kurzem geändert und kann noch nicht wieder geändert werden; noch {remaining} bis zur nächsten möglichen Änderung.",
        "Le mot de passe a été changé trop récemment pour être changé à nouveau : réessayez dans {remaining}."
    ),
    entry!(
        "error.no-staged-policy",
        [],
        "No policy is staged: start the server with --staged-policy or staged_policy in its config.",
        "Es ist keine Richtlinie vorgemerkt: Starten Sie den Server mit --staged-policy oder staged_policy in seiner Konfiguration.",
        "Aucune politique n’est en attente : démarrez le serveur avec --staged-policy ou staged_policy dans sa configuration."
    ),
    entry!(
        "error.not-found.account",
        [],
        "No such account.",
        "Dieses Konto gibt es nicht.",
        "Ce compte n’existe pas."
    ),
    entry!(
        "error.not-found.endpoint",
        [],
        "No such endpoint.",
        "Diesen Endpunkt gibt es nicht.",
        "Ce point d’accès n’existe pas."
    ),
    entry!(
        "error.not-found.org",
        [],
        "No such organization.",
        "Diese Organisation gibt es nicht.",
        "Cette organisation n’existe pas."
    ),
    entry!(
        "error.not-invited",
        [],
        "This account has registered already: there is no invitation to send again.",
        "Dieses Konto ist bereits registriert: Es gibt keine Einladung, die erneut gesendet werden könnte.",
        "Ce compte est déjà inscrit : il n’y a pas d’invitation à renvoyer."
    ),
    entry!(
        "error.org-required",
        [],
        "An organization’s administrator belongs to an organization: name it.",
        "Ein Administrator einer Organisation gehört zu einer Organisation: Geben Sie sie an.",
        "L’administrateur d’une organisation appartient à une organisation : indiquez-la."
    ),
    entry!(
        "error.own-account",
        [],
        "You cannot do this to your own account.",
        "Das können Sie mit Ihrem eigenen Konto nicht tun.",
        "Vous ne pouvez pas faire cela à votre propre compte."
    ),
    entry!(
        "error.password-expired.change",
        [],
        "Your password has expired. Choose a new one to continue.",
        "Ihr Passwort ist abgelaufen. Wählen Sie ein neues, um fortzufahren.",
        "Votre mot de passe a expiré. Choisissez-en un nouveau pour continuer."
    ),
    entry!(
        "error.password-expired.closed",
        ["contact", "date"],
        "Your password expired on {date} and can no longer be used. Ask for a reset link, or contact {contact} for assistance.",
        "Ihr Passwort ist am {date} abgelaufen und kann nicht mehr verwendet werden. Fordern Sie einen Link zum Zurücksetzen an oder wenden Sie sich für Unterstützung an {contact}.",
        "Votre mot de passe a expiré le {date} et ne peut plus être utilisé. Demandez un lien de réinitialisation, ou contactez {contact} pour obtenir de l’aide."
    ),
    entry!(
        "error.password-expired.session",
        [],
        "Your password has expired: change it first.",
        "Ihr Passwort ist abgelaufen: Ändern Sie es zuerst.",
        "Votre mot de passe a expiré : changez-le d’abord."
    ),
    entry!(
        "error.password-noncompliant",
        [],
        "Your password no longer meets the password policy: choose a new one now.",
        "Ihr Passwort entspricht nicht mehr der Passwortrichtlinie: Wählen Sie jetzt ein neues.",
        "Votre mot de passe ne respecte plus la politique de mots de passe : choisissez-en un nouveau maintenant."
    ),
    entry!(
        "error.password-rejected",
        [],
        "The password does not meet the policy.",
        "Das Passwort erfüllt die Richtlinie nicht.",
        "Le mot de passe ne respecte pas la politique."
    ),
    entry!(
        "error.rate-limited",
        ["wait"],
        "Too many attempts from here. Please try again in {wait}.",
        "Zu viele Versuche von hier. Bitte versuchen Sie es in {wait} erneut.",
        "Trop de tentatives depuis cet endroit. Veuillez réessayer dans {wait}."
    ),
    entry!(
        "error.request-timeout",
        [],
        "The request took too long to arrive.",
        "Die Anfrage kam zu langsam an.",
        "La requête a mis trop de temps à arriver."
    ),
    entry!(
        "error.reset-required",
        ["contact"],
        "An administrator has asked you to choose a new password: use the link e-mailed to you. Contact {contact} for assistance.",
        "Ein Administrator hat Sie gebeten, ein neues Passwort zu wählen: Verwenden Sie den Link, den Sie per E-Mail erhalten haben. Wenden Sie sich für Unterstützung an {contact}.",
        "Un administrateur vous a demandé de choisir un nouveau mot de passe : utilisez le lien reçu par e-mail. Contactez {contact} pour obtenir de l’aide."
    ),
    entry!(
        "error.token-expired",
        [],
        "This link has expired. Ask for a new one.",
        "Dieser Link ist abgelaufen. Fordern Sie einen neuen an.",
        "Ce lien a expiré. Demandez-en un nouveau."
    ),
    entry!(
        "error.token-unknown",
        [],
        "This link is not valid. Check that it was copied completely.",
        "Dieser Link ist ungültig. Prüfen Sie, ob er vollständig kopiert wurde.",
        "Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier."
    ),
    entry!(
        "error.token-used",
        [],
        "This link has already been used, or a newer link replaced it.",
        "Dieser Link wurde bereits verwendet oder durch einen neueren ersetzt.",
        "Ce lien a déjà été utilisé, ou un lien plus récent l’a remplacé."
    ),
    entry!(
        "error.unauthenticated",
        [],
        "Please sign in first.",
        "Bitte melden Sie sich zuerst an.",
        "Veuillez d’abord vous connecter."
    ),
    entry!(
        "error.unsupported-media-type",
        [],
        "Send the request body as application/json.",
        "Senden Sie den Anfragetext als application/json.",
        "Envoyez le corps de la requête au format application/json."
    ),
    entry!(
        "error.wrong-answers",
        [],
        "One or more answers are wrong.",
        "Mindestens eine Antwort ist falsch.",
        "Une ou plusieurs réponses sont incorrectes."
    ),
    entry!(
        "forgot.accepted",
        [],
        "If an account matches, an e-mail with the next step is on its way.",
        "Falls ein Konto passt, ist eine E-Mail mit dem nächsten Schritt unterwegs.",
        "Si un compte correspond, un e-mail indiquant la marche à suivre est en route."
    ),
    entry!(
        "form.back-to-sign-in",
        [],
        "Back to sign in",
        "Zurück zur Anmeldung",
        "Retour à la connexion"
    ),
    entry!(
        "form.busy",
        [],
        "Please wait…",
        "Bitte warten…",
        "Veuillez patienter…"
    ),
    entry!("form.error", [], "Error: ", "Fehler: ", "Erreur : "),
    entry!(
        "form.forgot.intro",
        [],
        "Enter your username or e-mail address and we will e-mail you a link to choose a new password.",
        "Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein; wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen.",
        "Saisissez votre identifiant ou votre adresse e-mail et nous vous enverrons un lien pour choisir un nouveau mot de passe."
    ),
    entry!(
        "form.forgot.submit",
        [],
        "E-mail me a link",
        "Link per E-Mail senden",
        "M’envoyer un lien"
    ),
    entry!(
        "form.forgot.title",
        [],
        "Forgot your password?",
        "Passwort vergessen?",
        "Mot de passe oublié ?"
    ),
    entry!("form.language", [], "Language", "Sprache", "Langue"),
    entry!(
        "form.language.apply",
        [],
        "Change language",
        "Sprache wechseln",
        "Changer de langue"
    ),
    entry!(
        "form.login.change",
        [],
        "Change your password",
        "Passwort ändern",
        "Changer votre mot de passe"
    ),
    entry!(
        "form.login.change-hint",
        [],
        "To change your password, sign in with your current one first: the form for the new one comes next. Forgotten it? Use “Forgot your password?” below.",
        "Um Ihr Passwort zu ändern, melden Sie sich zuerst mit dem aktuellen an: danach folgt das Formular für das neue. Vergessen? Nutzen Sie unten „Passwort vergessen?“.",
        "Pour changer votre mot de passe, connectez-vous d’abord avec l’actuel : le formulaire du nouveau suit. Oublié ? Utilisez « Mot de passe oublié ? » ci-dessous."
    ),
    entry!(
        "form.login.forgot",
        [],
        "Forgot your password?",
        "Passwort vergessen?",
        "Mot de passe oublié ?"
    ),
    entry!(
        "form.login.help-label",
        [],
        "Password help",
        "Hilfe zum Passwort",
        "Aide sur le mot de passe"
    ),
    entry!(
        "form.login.submit",
        [],
        "Sign in",
        "Anmelden",
        "Se connecter"
    ),
    entry!("form.login.title", [], "Sign in", "Anmelden", "Connexion"),
    entry!("form.nav.account", [], "Account", "Konto", "Compte"),
    entry!("form.nav.label", [], "Main", "Hauptmenü", "Menu principal"),
    entry!(
        "form.nav.sign-in",
        [],
        "Sign in",
        "Anmelden",
        "Se connecter"
    ),
    entry!(
        "form.need-password",
        [],
        "Enter your password.",
        "Geben Sie Ihr Passwort ein.",
        "Saisissez votre mot de passe."
    ),
    entry!(
        "form.need-username",
        [],
        "Enter your username or e-mail address.",
        "Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.",
        "Saisissez votre nom d’utilisateur ou votre adresse e-mail."
    ),
    entry!("form.password", [], "Password", "Passwort", "Mot de passe"),
    entry!(
        "form.problem",
        [],
        "There is a problem",
        "Es gibt ein Problem",
        "Il y a un problème"
    ),
    entry!(
        "form.skip",
        [],
        "Skip to main content",
        "Zum Hauptinhalt springen",
        "Aller au contenu principal"
    ),
    entry!(
        "form.support",
        ["contact"],
        "Contact {contact} for assistance.",
        "Wenden Sie sich bei Fragen an {contact}.",
        "Pour obtenir de l’aide, contactez {contact}."
    ),
    entry!(
        "form.unreachable",
        [],
        "The server cannot be reached. Check your connection and try again; nothing you typed has been lost.",
        "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut; Ihre Eingaben sind nicht verloren.",
        "Le serveur est injoignable. Vérifiez votre connexion et réessayez ; rien de ce que vous avez saisi n’est perdu."
    ),
    entry!(
        "form.username-or-email",
        [],
        "Username or e-mail",
        "Benutzername oder E-Mail",
        "Identifiant ou e-mail"
    ),
    entry!(
        "mail.expiry.expired",
        ["date"],
        "Your password expired on {date}.",
        "Ihr Passwort ist am {date} abgelaufen.",
        "Votre mot de passe a expiré le {date}."
    ),
    entry!(
        "mail.expiry.expires",
        ["date", "remaining"],
        "Your password expires on {date}, in {remaining}.",
        "Ihr Passwort läuft am {date} ab (noch {remaining}).",
        "Votre mot de passe expire le {date}, dans {remaining}."
    ),
    entry!(
        "mail.expiry.subject",
        [],
        "Your password is expiring",
        "Ihr Passwort läuft ab",
        "Votre mot de passe arrive à expiration"
    ),
    entry!(
        "mail.expiry.validity",
        ["lifetime", "until"],
        "Choose a new password with the link below; it works once and for {lifetime}, until {until}.",
        "Wählen Sie mit dem Link unten ein neues Passwort; er funktioniert einmal und {lifetime} lang, bis {until}.",
        "Choisissez un nouveau mot de passe avec le lien ci-dessous ; il ne fonctionne qu’une fois, pendant {lifetime}, jusqu’au {until}."
    ),
    entry!(
        "mail.footer",
        ["contact"],
        "Contact {contact} for assistance.",
        "Wenden Sie sich für Unterstützung an {contact}.",
        "Contactez {contact} pour obtenir de l’aide."
    ),
    entry!(
        "mail.genuine",
        ["from", "site"],
        "{site} e-mails come only from {from} and never ask for your password.",
        "E-Mails von {site} kommen nur von {from} und fragen nie nach Ihrem Passwort.",
        "Les e-mails de {site} viennent uniquement de {from} et ne demandent jamais votre mot de passe."
    ),
    entry!(
        "mail.greeting",
        ["username"],
        "Hello {username},",
        "Hallo {username},",
        "Bonjour {username},"
    ),
    entry!(
        "mail.invitation.by",
        ["inviter", "site", "username"],
        "{inviter} invited you to {site}: an account named {username} was created for you. Choose its password to start using it.",
        "{inviter} hat Sie zu {site} eingeladen: Für Sie wurde ein Konto mit dem Namen {username} angelegt. Wählen Sie sein Passwort, um es zu nutzen.",
        "{inviter} vous a invité sur {site} : un compte nommé {username} a été créé pour vous. Choisissez son mot de passe pour commencer à l’utiliser."
    ),
    entry!(
        "mail.invitation.by-in-org",
        ["inviter", "org", "site", "username"],
        "{inviter} invited you to {site} for {org}: an account named {username} was created for you. Choose its password to start using it.",
        "{inviter} hat Sie zu {site} für {org} eingeladen: Für Sie wurde ein Konto mit dem Namen {username} angelegt. Wählen Sie sein Passwort, um es zu nutzen.",
        "{inviter} vous a invité sur {site} pour {org} : un compte nommé {username} a été créé pour vous. Choisissez son mot de passe pour commencer à l’utiliser."
    ),
    entry!(
        "mail.invitation.created",
        ["site", "username"],
        "An account named {username} was created for you on {site}. Choose its password to start using it.",
        "Für Sie wurde bei {site} ein Konto mit dem Namen {username} angelegt. Wählen Sie sein Passwort, um es zu nutzen.",
        "Un compte nommé {username} a été créé pour vous sur {site}. Choisissez son mot de passe pour commencer à l’utiliser."
    ),
    entry!(
        "mail.invitation.link",
        [],
        "Choose your password",
        "Passwort festlegen",
        "Choisir votre mot de passe"
    ),
    entry!(
        "mail.invitation.subject",
        [],
        "Your new account: choose a password",
        "Ihr neues Konto: Wählen Sie ein Passwort",
        "Votre nouveau compte : choisissez un mot de passe"
    ),
    entry!(
        "mail.invitation.validity",
        ["lifetime", "until"],
        "This link works once and for {lifetime}, until {until}.",
        "Dieser Link funktioniert einmal und {lifetime} lang, bis {until}.",
        "Ce lien ne fonctionne qu’une fois, pendant {lifetime}, jusqu’au {until}."
    ),
    entry!(
        "mail.lock.admin",
        ["contact"],
        "Only an administrator can unlock it: contact {contact}.",
        "Nur ein Administrator kann es entsperren: Wenden Sie sich an {contact}.",
        "Seul un administrateur peut le déverrouiller : contactez {contact}."
    ),
    entry!(
        "mail.lock.at",
        ["time"],
        "It unlocks by itself at {time}.",
        "Es wird am {time} automatisch entsperrt.",
        "Il se déverrouillera de lui-même le {time}."
    ),
    entry!(
        "mail.lock.happened",
        ["time"],
        "Too many wrong passwords were entered for your account, so it was locked at {time}. While it is locked nobody can sign in to it, not even with the right password, and every session of it was ended.",
        "Für Ihr Konto wurden zu viele falsche Passwörter eingegeben, daher wurde es am {time} gesperrt. Solange es gesperrt ist, kann sich niemand anmelden, auch nicht mit dem richtigen Passwort, und alle Sitzungen wurden beendet.",
        "Trop de mots de passe erronés ont été saisis pour votre compte : il a donc été verrouillé le {time}. Tant qu’il est verrouillé, personne ne peut s’y connecter, même avec le bon mot de passe, et toutes ses sessions ont été fermées."
    ),
    entry!(
        "mail.lock.link",
        [],
        "Unlock my account",
        "Mein Konto entsperren",
        "Déverrouiller mon compte"
    ),
    entry!(
        "mail.lock.not-you",
        [],
        "If it was not you, someone knows your username and may be guessing your password: once you are back in, consider choosing a new password, and tell your administrator.",
        "Falls Sie das nicht waren, kennt jemand Ihren Benutzernamen und versucht womöglich, Ihr Passwort zu erraten: Wählen Sie nach der Anmeldung am besten ein neues Passwort und informieren Sie Ihren Administrator.",
        "Si ce n’était pas vous, quelqu’un connaît votre nom d’utilisateur et tente peut-être de deviner votre mot de passe : une fois reconnecté, choisissez de préférence un nouveau mot de passe et prévenez votre administrateur."
    ),
    entry!(
        "mail.lock.subject",
        [],
        "Your account was locked after too many wrong passwords",
        "Ihr Konto wurde nach zu vielen falschen Passwörtern gesperrt",
        "Votre compte a été verrouillé après trop de mots de passe erronés"
    ),
    entry!(
        "mail.lock.validity",
        ["lifetime", "until"],
        "To unlock it, open the link below. It works once and for {lifetime}, until {until}. Choosing a new password with “Forgot password” unlocks it too.",
        "Öffnen Sie zum Entsperren den Link unten. Er funktioniert einmal und {lifetime} lang, bis {until}. Auch ein neues Passwort über „Passwort vergessen“ entsperrt es.",
        "Pour le déverrouiller, ouvrez le lien ci-dessous. Il ne fonctionne qu’une fois, pendant {lifetime}, jusqu’au {until}. Choisir un nouveau mot de passe avec « Mot de passe oublié » le déverrouille aussi."
    ),
    entry!(
        "mail.locked.contact",
        ["contact"],
        "Contact {contact} to unlock it; an administrator can then send you a reset link.",
        "Wenden Sie sich an {contact}, um es entsperren zu lassen; anschließend kann Ihnen ein Administrator einen Link zum Zurücksetzen senden.",
        "Contactez {contact} pour le faire déverrouiller ; un administrateur pourra ensuite vous envoyer un lien de réinitialisation."
    ),
    entry!(
        "mail.locked.requested",
        [],
        "A password reset was requested for your account, but the account is locked after too many failed attempts, so no reset link can be sent.",
        "Für Ihr Konto wurde das Zurücksetzen des Passworts angefordert, aber das Konto ist nach zu vielen Fehlversuchen gesperrt, daher kann kein Link zum Zurücksetzen gesendet werden.",
        "Une réinitialisation du mot de passe a été demandée pour votre compte, mais le compte est verrouillé après trop de tentatives échouées : aucun lien de réinitialisation ne peut donc être envoyé."
    ),
    entry!(
        "mail.locked.subject",
        [],
        "Your account is locked: contact an administrator",
        "Ihr Konto ist gesperrt: Wenden Sie sich an einen Administrator",
        "Votre compte est verrouillé : contactez un administrateur"
    ),
    entry!(
        "mail.reset.by-admin",
        ["admin", "site"],
        "The administrator {admin} asked for a new password for your {site} account: this message was not asked for by you. Choose a new password with the link below; if you did not expect it, contact support before you use it.",
        "Der Administrator {admin} hat für Ihr Konto bei {site} ein neues Passwort angefordert: Diese Nachricht haben nicht Sie angefordert. Wählen Sie mit dem Link unten ein neues Passwort; wenn Sie das nicht erwartet haben, wenden Sie sich vorher an den Support.",
        "L’administrateur {admin} a demandé un nouveau mot de passe pour votre compte {site} : ce n’est pas vous qui avez demandé ce message. Choisissez un nouveau mot de passe avec le lien ci-dessous ; si vous ne vous y attendiez pas, contactez l’assistance avant de l’utiliser."
    ),
    entry!(
        "mail.reset.link",
        [],
        "Choose a new password",
        "Neues Passwort wählen",
        "Choisir un nouveau mot de passe"
    ),
    entry!(
        "mail.reset.requested",
        [],
        "A password reset was requested for your account. If it was not you, ignore this message: your password stays as it is.",
        "Für Ihr Konto wurde das Zurücksetzen des Passworts angefordert. Falls Sie das nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.",
        "Une réinitialisation du mot de passe a été demandée pour votre compte. Si ce n’était pas vous, ignorez ce message : votre mot de passe reste inchangé."
    ),
    entry!(
        "mail.reset.subject",
        [],
        "Reset your password",
        "Passwort zurücksetzen",
        "Réinitialisez votre mot de passe"
    ),
    entry!(
        "mail.reset.validity",
        ["lifetime", "until"],
        "This link works once and for {lifetime}, until {until}; a newer request replaces it.",
        "Dieser Link funktioniert einmal und {lifetime} lang, bis {until}; eine neuere Anfrage ersetzt ihn.",
        "Ce lien ne fonctionne qu’une fois, pendant {lifetime}, jusqu’au {until} ; une demande plus récente le remplace."
    ),
    entry!(
        "mail.signature",
        ["site"],
        "Sent by {site}.",
        "Gesendet von {site}.",
        "Envoyé par {site}."
    ),
    entry!(
        "mail.signature-org",
        ["org", "site"],
        "Sent by {site} for {org}.",
        "Gesendet von {site} für {org}.",
        "Envoyé par {site} pour {org}."
    ),
    entry!(
        "placeholder.api",
        [],
        "The JSON API answers under /api/. Its description and the policy in force:",
        "Die JSON-API antwortet unter /api/. Ihre Beschreibung und die geltende Richtlinie:",
        "L’API JSON répond sous /api/. Sa description et la politique en vigueur :"
    ),
    entry!(
        "placeholder.not-built",
        [],
        "The server is running, but the web pages are not built yet.",
        "Der Server läuft, aber die Webseiten sind noch nicht gebaut.",
        "Le serveur fonctionne, mais les pages web ne sont pas encore construites."
    ),
    entry!(
        "placeholder.openapi",
        [],
        "The API's description (OpenAPI)",
        "Beschreibung der API (OpenAPI)",
        "Description de l’API (OpenAPI)"
    ),
    entry!(
        "placeholder.policy",
        [],
        "The policy in force",
        "Die geltende Richtlinie",
        "La politique en vigueur"
    ),
];
