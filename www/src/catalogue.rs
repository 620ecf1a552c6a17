//! The web pages' labels, buttons and notices.

use passguard_i18n::{Entry, entry};

pub(crate) const ENTRIES: &[Entry] = &[
    entry!(
        "page.account.by-email-text",
        [],
        "We send a link to your e-mail address; it works once.",
        "Wir senden einen Link an Ihre E-Mail-Adresse; er funktioniert einmal.",
        "Nous envoyons un lien à votre adresse e-mail ; il ne fonctionne qu’une fois."
    ),
    entry!(
        "page.account.by-email-title",
        [],
        "Or change it by e-mail",
        "Oder per E-Mail ändern",
        "Ou changez-le par e-mail"
    ),
    entry!(
        "page.account.change-title",
        [],
        "Change your password",
        "Passwort ändern",
        "Changer votre mot de passe"
    ),
    entry!(
        "page.account.expired",
        [],
        "Your password has expired. Choose a new one to continue.",
        "Ihr Passwort ist abgelaufen. Wählen Sie ein neues, um fortzufahren.",
        "Votre mot de passe a expiré. Choisissez-en un nouveau pour continuer."
    ),
    entry!(
        "page.account.expired-sign-in",
        [],
        "Your password has expired. Sign in again to choose a new one.",
        "Ihr Passwort ist abgelaufen. Melden Sie sich erneut an, um ein neues zu wählen.",
        "Votre mot de passe a expiré. Reconnectez-vous pour en choisir un nouveau."
    ),
    entry!(
        "page.account.fact.account",
        [],
        "Account",
        "Konto",
        "Compte"
    ),
    entry!(
        "page.account.fact.can-change",
        [],
        "Can change again",
        "Wieder änderbar",
        "Modifiable à nouveau"
    ),
    entry!(
        "page.account.fact.changed",
        [],
        "Last changed",
        "Zuletzt geändert",
        "Dernier changement"
    ),
    entry!(
        "page.account.fact.expires",
        [],
        "Expires",
        "Läuft ab",
        "Expire le"
    ),
    entry!(
        "page.account.in",
        ["span"],
        "in {span}",
        "noch {span}",
        "dans {span}"
    ),
    entry!(
        "page.account.loading",
        [],
        "Loading your account…",
        "Konto wird geladen …",
        "Chargement de votre compte…"
    ),
    entry!(
        "page.account.mailed",
        [],
        "We have e-mailed you a link to choose a new password.",
        "Wir haben Ihnen einen Link zum Wählen eines neuen Passworts gesendet.",
        "Nous vous avons envoyé un lien pour choisir un nouveau mot de passe."
    ),
    entry!(
        "page.account.min-age-wait",
        ["span", "at"],
        "Your password was changed recently, and the policy allows a new change only after a waiting time: you can change it again from {at} (in {span}). Forgotten it meanwhile? Use the e-mail link below.",
        "Ihr Passwort wurde kürzlich geändert, und die Richtlinie erlaubt eine neue Änderung erst nach einer Wartezeit: Sie können es ab {at} wieder ändern (noch {span}). Inzwischen vergessen? Nutzen Sie den E-Mail-Link unten.",
        "Votre mot de passe a été changé récemment et la politique n’autorise un nouveau changement qu’après un délai : vous pourrez le changer à nouveau à partir du {at} (dans {span}). Oublié entre-temps ? Utilisez le lien par e-mail ci-dessous."
    ),
    entry!(
        "page.account.need-current",
        [],
        "Enter your current password.",
        "Geben Sie Ihr aktuelles Passwort ein.",
        "Saisissez votre mot de passe actuel."
    ),
    entry!("page.account.never", [], "never", "nie", "jamais"),
    entry!(
        "page.account.noncompliant",
        [],
        "Your password no longer meets the password policy in force. Choose a new one to continue.",
        "Ihr Passwort erfüllt die geltende Passwortrichtlinie nicht mehr. Wählen Sie ein neues, um fortzufahren.",
        "Votre mot de passe ne respecte plus la politique en vigueur. Choisissez-en un nouveau pour continuer."
    ),
    entry!("page.account.now", [], "now", "jetzt", "maintenant"),
    entry!(
        "page.account.sign-in-first",
        [],
        "Sign in to see and change your password.",
        "Melden Sie sich an, um Ihr Passwort zu sehen und zu ändern.",
        "Connectez-vous pour voir et changer votre mot de passe."
    ),
    entry!(
        "page.account.sign-out",
        [],
        "Sign out",
        "Abmelden",
        "Se déconnecter"
    ),
    entry!(
        "page.account.title",
        [],
        "Your password",
        "Ihr Passwort",
        "Votre mot de passe"
    ),
    entry!(
        "page.account.wrong-current",
        [],
        "The current password is not right.",
        "Das aktuelle Passwort ist falsch.",
        "Le mot de passe actuel est incorrect."
    ),
    entry!("page.admin.cancel", [], "Cancel", "Abbrechen", "Annuler"),
    entry!(
        "page.admin.caption",
        [],
        "All accounts and their status",
        "Alle Konten und ihr Status",
        "Tous les comptes et leur statut"
    ),
    entry!(
        "page.admin.change-email",
        [],
        "Change e-mail",
        "E-Mail ändern",
        "Changer l’e-mail"
    ),
    entry!(
        "page.admin.col.actions",
        [],
        "Actions",
        "Aktionen",
        "Actions"
    ),
    entry!(
        "page.admin.col.changed",
        [],
        "Password changed",
        "Passwort geändert",
        "Mot de passe changé"
    ),
    entry!("page.admin.col.email", [], "E-mail", "E-Mail", "E-mail"),
    entry!(
        "page.admin.col.failed",
        [],
        "Failed logins",
        "Fehlversuche",
        "Échecs de connexion"
    ),
    entry!(
        "page.admin.col.org",
        [],
        "Organization",
        "Organisation",
        "Organisation"
    ),
    entry!("page.admin.col.role", [], "Role", "Rolle", "Rôle"),
    entry!("page.admin.col.status", [], "Status", "Status", "Statut"),
    entry!(
        "page.admin.col.username",
        [],
        "Username",
        "Benutzername",
        "Identifiant"
    ),
    entry!(
        "page.admin.confirm.change-email",
        ["username", "email"],
        "Change the e-mail address of {username} (now {email}).",
        "Die E-Mail-Adresse von {username} ändern (bisher {email}).",
        "Changer l’adresse e-mail de {username} (actuellement {email})."
    ),
    entry!(
        "page.admin.confirm.delete",
        ["username"],
        "Delete {username} for good? The account, its password history and its security answers are gone; the event log keeps that you deleted it. This cannot be undone.",
        "{username} endgültig löschen? Das Konto, sein Passwortverlauf und seine Sicherheitsantworten sind dann weg; das Ereignisprotokoll behält, dass Sie es gelöscht haben. Das lässt sich nicht rückgängig machen.",
        "Supprimer {username} définitivement ? Le compte, son historique de mots de passe et ses réponses de sécurité disparaissent ; le journal garde que vous l’avez supprimé. C’est irréversible."
    ),
    entry!(
        "page.admin.confirm.disable",
        ["username"],
        "Disable {username}? They can no longer sign in, and their sessions and links end. You can enable the account again.",
        "{username} deaktivieren? Die Person kann sich nicht mehr anmelden, ihre Sitzungen und Links enden. Sie können das Konto wieder aktivieren.",
        "Désactiver {username} ? Cette personne ne pourra plus se connecter, ses sessions et ses liens prennent fin. Vous pourrez réactiver le compte."
    ),
    entry!(
        "page.admin.confirm.enable",
        ["username"],
        "Enable {username} again?",
        "{username} wieder aktivieren?",
        "Réactiver {username} ?"
    ),
    entry!(
        "page.admin.confirm.resend-invitation",
        ["username", "email"],
        "Send {username} a new invitation, by e-mail to {email}? The old link stops working.",
        "{username} eine neue Einladung per E-Mail an {email} senden? Der alte Link funktioniert dann nicht mehr.",
        "Envoyer à {username} une nouvelle invitation, par e-mail à {email} ? L’ancien lien ne fonctionnera plus."
    ),
    entry!(
        "page.admin.confirm.reset-password",
        ["username", "email"],
        "Send {username} a link to choose a new password, by e-mail to {email}? The e-mail says an administrator asked for it.",
        "{username} per E-Mail an {email} einen Link zum Wählen eines neuen Passworts senden? Die E-Mail sagt, dass ein Administrator ihn angefordert hat.",
        "Envoyer à {username} un lien pour choisir un nouveau mot de passe, par e-mail à {email} ? L’e-mail indique qu’un administrateur l’a demandé."
    ),
    entry!(
        "page.admin.confirm.unlock",
        ["username"],
        "Unlock {username}?",
        "{username} entsperren?",
        "Déverrouiller {username} ?"
    ),
    entry!("page.admin.delete", [], "Delete", "Löschen", "Supprimer"),
    entry!(
        "page.admin.disable",
        [],
        "Disable",
        "Deaktivieren",
        "Désactiver"
    ),
    entry!(
        "page.admin.done.change-email",
        ["username"],
        "The e-mail address of {username} is changed.",
        "Die E-Mail-Adresse von {username} ist geändert.",
        "L’adresse e-mail de {username} est modifiée."
    ),
    entry!(
        "page.admin.done.delete",
        ["username"],
        "{username} is deleted.",
        "{username} ist gelöscht.",
        "{username} est supprimé."
    ),
    entry!(
        "page.admin.done.disable",
        ["username"],
        "{username} is disabled.",
        "{username} ist deaktiviert.",
        "{username} est désactivé."
    ),
    entry!(
        "page.admin.done.enable",
        ["username"],
        "{username} is enabled again.",
        "{username} ist wieder aktiviert.",
        "{username} est réactivé."
    ),
    entry!(
        "page.admin.done.resend-invitation",
        ["username"],
        "A new invitation has been e-mailed to {username}.",
        "Eine neue Einladung wurde an {username} gesendet.",
        "Une nouvelle invitation a été envoyée à {username}."
    ),
    entry!(
        "page.admin.done.reset-password",
        ["username"],
        "A reset link has been e-mailed to {username}.",
        "Ein Link zum Zurücksetzen wurde an {username} gesendet.",
        "Un lien de réinitialisation a été envoyé à {username}."
    ),
    entry!(
        "page.admin.done.unlock",
        ["username"],
        "{username} is unlocked.",
        "{username} ist entsperrt.",
        "{username} est déverrouillé."
    ),
    entry!(
        "page.admin.empty",
        [],
        "No account matches.",
        "Kein Konto passt dazu.",
        "Aucun compte ne correspond."
    ),
    entry!("page.admin.enable", [], "Enable", "Aktivieren", "Réactiver"),
    entry!(
        "page.admin.events",
        [],
        "Events",
        "Ereignisse",
        "Événements"
    ),
    entry!(
        "page.admin.events.close",
        [],
        "Close the events",
        "Ereignisse schließen",
        "Fermer les événements"
    ),
    entry!("page.admin.events.col.action", [], "What", "Was", "Quoi"),
    entry!("page.admin.events.col.actor", [], "Who", "Wer", "Qui"),
    entry!("page.admin.events.col.at", [], "When", "Wann", "Quand"),
    entry!(
        "page.admin.events.col.detail",
        [],
        "Details",
        "Einzelheiten",
        "Détails"
    ),
    entry!(
        "page.admin.events.none",
        [],
        "Nothing has happened to this account yet.",
        "Mit diesem Konto ist noch nichts geschehen.",
        "Rien n’est encore arrivé à ce compte."
    ),
    entry!(
        "page.admin.events.title",
        ["username"],
        "What happened to {username}",
        "Was mit {username} geschah",
        "Ce qui est arrivé à {username}"
    ),
    entry!(
        "page.admin.filter.all-orgs",
        [],
        "All organizations",
        "Alle Organisationen",
        "Toutes les organisations"
    ),
    entry!(
        "page.admin.filter.any-status",
        [],
        "Any status",
        "Jeder Status",
        "Tous les statuts"
    ),
    entry!(
        "page.admin.filter.org",
        [],
        "Organization",
        "Organisation",
        "Organisation"
    ),
    entry!("page.admin.filter.status", [], "Status", "Status", "Statut"),
    entry!(
        "page.admin.loading",
        [],
        "Loading users…",
        "Benutzer werden geladen …",
        "Chargement des utilisateurs…"
    ),
    entry!(
        "page.admin.menu",
        ["username"],
        "Actions for {username}",
        "Aktionen für {username}",
        "Actions pour {username}"
    ),
    entry!("page.admin.menu.open", [], "Actions", "Aktionen", "Actions"),
    entry!(
        "page.admin.new-email",
        [],
        "New e-mail address",
        "Neue E-Mail-Adresse",
        "Nouvelle adresse e-mail"
    ),
    entry!(
        "page.admin.not-an-administrator",
        [],
        "This page is for administrators. Your account is not one.",
        "Diese Seite ist für Administratoren. Ihr Konto ist keines.",
        "Cette page est réservée aux administrateurs. Votre compte n’en est pas un."
    ),
    entry!(
        "page.admin.pager.label",
        [],
        "Pages of the users",
        "Seiten der Benutzer",
        "Pages des utilisateurs"
    ),
    entry!(
        "page.admin.pager.next",
        [],
        "Next page",
        "Nächste Seite",
        "Page suivante"
    ),
    entry!(
        "page.admin.pager.page",
        ["page", "pages"],
        "Page {page} of {pages}",
        "Seite {page} von {pages}",
        "Page {page} sur {pages}"
    ),
    entry!(
        "page.admin.pager.previous",
        [],
        "Previous page",
        "Vorige Seite",
        "Page précédente"
    ),
    entry!(
        "page.admin.resend",
        [],
        "Resend invitation",
        "Einladung erneut senden",
        "Renvoyer l’invitation"
    ),
    entry!(
        "page.admin.reset",
        [],
        "Reset password",
        "Passwort zurücksetzen",
        "Réinitialiser le mot de passe"
    ),
    entry!(
        "page.admin.scope",
        ["org"],
        "You administer the accounts of {org}.",
        "Sie verwalten die Konten von {org}.",
        "Vous administrez les comptes de {org}."
    ),
    entry!("page.admin.search", [], "Search", "Suchen", "Rechercher"),
    entry!(
        "page.admin.search-hint",
        [],
        "Part of a username or e-mail address",
        "Teil eines Benutzernamens oder einer E-Mail-Adresse",
        "Partie d’un nom d’utilisateur ou d’une adresse e-mail"
    ),
    entry!(
        "page.admin.send-link",
        [],
        "Send a new invitation or reset link to the new address",
        "Eine neue Einladung oder einen Link zum Zurücksetzen an die neue Adresse senden",
        "Envoyer une nouvelle invitation ou un lien de réinitialisation à la nouvelle adresse"
    ),
    entry!(
        "page.admin.sign-in",
        [],
        "Sign in as an administrator to manage users.",
        "Melden Sie sich als Administrator an, um Benutzer zu verwalten.",
        "Connectez-vous en tant qu’administrateur pour gérer les utilisateurs."
    ),
    entry!("page.admin.title", [], "Users", "Benutzer", "Utilisateurs"),
    entry!(
        "page.admin.total",
        ["count"],
        "{count, plural, one {# account} other {# accounts}}",
        "{count, plural, one {# Konto} other {# Konten}}",
        "{count, plural, one {# compte} other {# comptes}}"
    ),
    entry!(
        "page.admin.unlock",
        [],
        "Unlock",
        "Entsperren",
        "Déverrouiller"
    ),
    entry!("page.audit.col.clause", [], "Clause", "Abschnitt", "Clause"),
    entry!("page.audit.col.field", [], "Field", "Feld", "Champ"),
    entry!("page.audit.col.level", [], "Level", "Stufe", "Niveau"),
    entry!(
        "page.audit.col.what",
        [],
        "What to change",
        "Was zu ändern ist",
        "Que changer"
    ),
    entry!(
        "page.audit.conforms",
        [],
        "The policy conforms: no SHALL-level finding.",
        "Die Richtlinie ist konform: kein Befund der Stufe SHALL.",
        "La politique est conforme : aucun constat de niveau SHALL."
    ),
    entry!(
        "page.audit.does-not-conform",
        ["count"],
        "The policy does not conform: {count, plural, one {# SHALL-level finding} other {# SHALL-level findings}}.",
        "Die Richtlinie ist nicht konform: {count, plural, one {# Befund} other {# Befunde}} der Stufe SHALL.",
        "La politique n’est pas conforme : {count, plural, one {# constat} other {# constats}} de niveau SHALL."
    ),
    entry!(
        "page.audit.intro",
        ["policy"],
        "Where the policy {policy} departs from NIST SP 800-63B rev. 4 and OWASP ASVS 5.0 (level 1).",
        "Wo die Richtlinie {policy} von NIST SP 800-63B Rev. 4 und OWASP ASVS 5.0 (Stufe 1) abweicht.",
        "Les écarts de la politique {policy} par rapport à NIST SP 800-63B rév. 4 et OWASP ASVS 5.0 (niveau 1)."
    ),
    entry!(
        "page.audit.title",
        [],
        "Standards audit",
        "Prüfung gegen die Standards",
        "Audit par rapport aux normes"
    ),
    entry!(
        "page.back-to-sign-in",
        [],
        "Back to sign in",
        "Zurück zur Anmeldung",
        "Retour à la connexion"
    ),
    entry!(
        "page.change.submit",
        [],
        "Change password",
        "Passwort ändern",
        "Changer le mot de passe"
    ),
    entry!(
        "page.confirm.match",
        [],
        "✓ The passwords match.",
        "✓ Die Passwörter stimmen überein.",
        "✓ Les mots de passe correspondent."
    ),
    entry!(
        "page.confirm.mismatch",
        [],
        "✗ The passwords do not match yet.",
        "✗ Die Passwörter stimmen noch nicht überein.",
        "✗ Les mots de passe ne correspondent pas encore."
    ),
    entry!(
        "page.error.bad-policy",
        [],
        "The server's policy could not be read.",
        "Die Richtlinie des Servers konnte nicht gelesen werden.",
        "La politique du serveur n’a pas pu être lue."
    ),
    entry!(
        "page.error.bad-response",
        [],
        "The server sent an answer this page does not understand.",
        "Der Server hat eine Antwort gesendet, die diese Seite nicht versteht.",
        "Le serveur a envoyé une réponse que cette page ne comprend pas."
    ),
    entry!(
        "page.error.failed",
        ["status"],
        "The request failed ({status}).",
        "Die Anfrage ist fehlgeschlagen ({status}).",
        "La requête a échoué ({status})."
    ),
    entry!(
        "page.error.link-expired",
        [],
        "This link has expired. Ask for a new one.",
        "Dieser Link ist abgelaufen. Fordern Sie einen neuen an.",
        "Ce lien a expiré. Demandez-en un nouveau."
    ),
    entry!(
        "page.error.link-unknown",
        [],
        "This link is not valid. Check that you copied it whole, or ask for a new one.",
        "Dieser Link ist ungültig. Prüfen Sie, ob Sie ihn vollständig kopiert haben, oder fordern Sie einen neuen an.",
        "Ce lien n’est pas valide. Vérifiez que vous l’avez copié en entier, ou demandez-en un nouveau."
    ),
    entry!(
        "page.error.link-used",
        [],
        "This link has already been used. Ask for a new one.",
        "Dieser Link wurde bereits verwendet. Fordern Sie einen neuen an.",
        "Ce lien a déjà été utilisé. Demandez-en un nouveau."
    ),
    entry!(
        "page.error.locked",
        [],
        "This account is locked. Contact an administrator to unlock it.",
        "Dieses Konto ist gesperrt. Wenden Sie sich zum Entsperren an einen Administrator.",
        "Ce compte est verrouillé. Contactez un administrateur pour le déverrouiller."
    ),
    entry!(
        "page.error.network",
        [],
        "The server cannot be reached. Check your connection and try again; nothing you typed has been lost.",
        "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut; Ihre Eingaben sind nicht verloren.",
        "Le serveur est injoignable. Vérifiez votre connexion et réessayez ; rien de ce que vous avez saisi n’est perdu."
    ),
    entry!(
        "page.error.rejected",
        [],
        "The password does not meet every rule below.",
        "Das Passwort erfüllt nicht alle Regeln unten.",
        "Le mot de passe ne respecte pas toutes les règles ci-dessous."
    ),
    entry!(
        "page.error.server",
        [],
        "Something went wrong on the server. Please try again in a moment; nothing you typed has been lost.",
        "Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal; Ihre Eingaben sind nicht verloren.",
        "Une erreur s’est produite sur le serveur. Réessayez dans un instant ; rien de ce que vous avez saisi n’est perdu."
    ),
    entry!("page.event.deleted", [], "Deleted", "Gelöscht", "Supprimé"),
    entry!(
        "page.event.disabled",
        [],
        "Disabled",
        "Deaktiviert",
        "Désactivé"
    ),
    entry!(
        "page.event.e-mail-changed",
        [],
        "E-mail address changed",
        "E-Mail-Adresse geändert",
        "Adresse e-mail modifiée"
    ),
    entry!("page.event.enabled", [], "Enabled", "Aktiviert", "Réactivé"),
    entry!("page.event.invited", [], "Invited", "Eingeladen", "Invité"),
    entry!("page.event.locked", [], "Locked", "Gesperrt", "Verrouillé"),
    entry!(
        "page.event.login-failed",
        [],
        "Sign-in failed",
        "Anmeldung fehlgeschlagen",
        "Connexion échouée"
    ),
    entry!(
        "page.event.password-changed",
        [],
        "Password changed",
        "Passwort geändert",
        "Mot de passe changé"
    ),
    entry!(
        "page.event.registered",
        [],
        "Registered",
        "Registriert",
        "Inscrit"
    ),
    entry!(
        "page.event.reset-by-admin",
        [],
        "Reset link sent by an administrator",
        "Link zum Zurücksetzen von einem Administrator gesendet",
        "Lien de réinitialisation envoyé par un administrateur"
    ),
    entry!(
        "page.event.reset-requested",
        [],
        "Reset link sent",
        "Link zum Zurücksetzen gesendet",
        "Lien de réinitialisation envoyé"
    ),
    entry!(
        "page.event.role-changed",
        [],
        "Role changed",
        "Rolle geändert",
        "Rôle modifié"
    ),
    entry!(
        "page.event.signed-in",
        [],
        "Signed in",
        "Angemeldet",
        "Connecté"
    ),
    entry!(
        "page.event.unlocked",
        [],
        "Unlocked",
        "Entsperrt",
        "Déverrouillé"
    ),
    entry!(
        "page.field.confirm-password",
        [],
        "Confirm the new password",
        "Neues Passwort bestätigen",
        "Confirmez le nouveau mot de passe"
    ),
    entry!(
        "page.field.current-password",
        [],
        "Current password",
        "Aktuelles Passwort",
        "Mot de passe actuel"
    ),
    entry!("page.field.email", [], "E-mail", "E-Mail", "E-mail"),
    entry!(
        "page.field.new-password",
        [],
        "New password",
        "Neues Passwort",
        "Nouveau mot de passe"
    ),
    entry!(
        "page.field.password",
        [],
        "Password",
        "Passwort",
        "Mot de passe"
    ),
    entry!(
        "page.field.username",
        [],
        "Username",
        "Benutzername",
        "Identifiant"
    ),
    entry!(
        "page.field.username-or-email",
        [],
        "Username or e-mail",
        "Benutzername oder E-Mail",
        "Identifiant ou e-mail"
    ),
    entry!(
        "page.forgot.intro",
        [],
        "Enter your username or e-mail address and we will e-mail you a link to choose a new password.",
        "Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein; wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen.",
        "Saisissez votre identifiant ou votre adresse e-mail et nous vous enverrons un lien pour choisir un nouveau mot de passe."
    ),
    entry!(
        "page.forgot.sent",
        [],
        "If an account matches, we have e-mailed it a link to reset the password. The link works once.",
        "Falls ein Konto passt, haben wir ihm einen Link zum Zurücksetzen des Passworts gesendet. Der Link funktioniert einmal.",
        "Si un compte correspond, nous lui avons envoyé un lien pour réinitialiser le mot de passe. Le lien ne fonctionne qu’une fois."
    ),
    entry!(
        "page.forgot.submit",
        [],
        "E-mail me a link",
        "Link per E-Mail senden",
        "M’envoyer un lien"
    ),
    entry!(
        "page.forgot.title",
        [],
        "Forgot your password?",
        "Passwort vergessen?",
        "Mot de passe oublié ?"
    ),
    entry!(
        "page.form.busy",
        [],
        "Please wait…",
        "Bitte warten…",
        "Veuillez patienter…"
    ),
    entry!("page.form.error", [], "Error: ", "Fehler: ", "Erreur : "),
    entry!(
        "page.form.problem",
        [],
        "There is a problem",
        "Es gibt ein Problem",
        "Il y a un problème"
    ),
    entry!(
        "page.impact.col.accounts",
        [],
        "Accounts that would fail",
        "Konten, die scheitern würden",
        "Comptes qui échoueraient"
    ),
    entry!("page.impact.col.rule", [], "Rule", "Regel", "Règle"),
    entry!(
        "page.impact.col.share",
        [],
        "Share of signed-in accounts",
        "Anteil der angemeldeten Konten",
        "Part des comptes connectés"
    ),
    entry!(
        "page.impact.intro",
        ["policy", "since"],
        "The staged policy {policy} is checked beside the one in force at every sign-in since {since}. Only which rules fail is kept, nothing of the passwords.",
        "Die vorgemerkte Richtlinie {policy} wird seit {since} bei jeder Anmeldung neben der geltenden geprüft. Gespeichert wird nur, welche Regeln scheitern, nichts von den Passwörtern.",
        "La politique en attente {policy} est vérifiée à côté de celle en vigueur à chaque connexion depuis {since}. Seules les règles qui échouent sont gardées, rien des mots de passe."
    ),
    entry!(
        "page.impact.summary",
        ["fail", "seen"],
        "{fail} of {seen, plural, one {# account} other {# accounts}} signed in since then would have to change their password.",
        "{fail} von {seen, plural, one {# Konto} other {# Konten}}, die sich seither angemeldet haben, müssten ihr Passwort ändern.",
        "{fail} sur {seen, plural, one {# compte connecté} other {# comptes connectés}} depuis devraient changer leur mot de passe."
    ),
    entry!(
        "page.impact.title",
        [],
        "Impact of the staged policy",
        "Auswirkung der vorgemerkten Richtlinie",
        "Impact de la politique en attente"
    ),
    entry!(
        "page.invite.need-email",
        [],
        "Enter an e-mail address such as name@example.com: the invitation goes there.",
        "Geben Sie eine E-Mail-Adresse wie name@example.com ein: Dorthin geht die Einladung.",
        "Saisissez une adresse e-mail comme nom@example.com : l’invitation y sera envoyée."
    ),
    entry!(
        "page.invite.need-username",
        [],
        "Enter a username for the new account.",
        "Geben Sie einen Benutzernamen für das neue Konto ein.",
        "Saisissez un nom d’utilisateur pour le nouveau compte."
    ),
    entry!(
        "page.invite.no-org",
        [],
        "None (the operator’s own accounts)",
        "Keine (die eigenen Konten des Betreibers)",
        "Aucune (les comptes propres de l’exploitant)"
    ),
    entry!(
        "page.invite.org",
        [],
        "Organization",
        "Organisation",
        "Organisation"
    ),
    entry!("page.invite.role", [], "Role", "Rolle", "Rôle"),
    entry!(
        "page.invite.sent",
        ["email"],
        "An invitation has been e-mailed to {email}.",
        "Eine Einladung wurde an {email} gesendet.",
        "Une invitation a été envoyée à {email}."
    ),
    entry!(
        "page.invite.submit",
        [],
        "Send invitation",
        "Einladung senden",
        "Envoyer l’invitation"
    ),
    entry!(
        "page.invite.title",
        [],
        "Invite a user",
        "Benutzer einladen",
        "Inviter un utilisateur"
    ),
    entry!("page.language", [], "Language", "Sprache", "Langue"),
    entry!(
        "page.link.missing",
        [],
        "This page needs the link from your e-mail: the address you opened has no token.",
        "Diese Seite braucht den Link aus Ihrer E-Mail: Der geöffneten Adresse fehlt das Token.",
        "Cette page a besoin du lien reçu par e-mail : l’adresse ouverte ne contient pas de jeton."
    ),
    entry!(
        "page.link.next.register",
        [],
        "Open the link in your invitation e-mail. If it no longer works, ask your administrator to send a new invitation.",
        "Öffnen Sie den Link aus Ihrer Einladungs-E-Mail. Funktioniert er nicht mehr, bitten Sie Ihren Administrator um eine neue Einladung.",
        "Ouvrez le lien de votre e-mail d’invitation. S’il ne fonctionne plus, demandez une nouvelle invitation à votre administrateur."
    ),
    entry!(
        "page.link.next.register-used",
        [],
        "Your account is already set up: sign in with the password you chose. Forgotten it? Ask for a reset link.",
        "Ihr Konto ist bereits eingerichtet: Melden Sie sich mit dem gewählten Passwort an. Vergessen? Fordern Sie einen Link zum Zurücksetzen an.",
        "Votre compte est déjà créé : connectez-vous avec le mot de passe choisi. Oublié ? Demandez un lien de réinitialisation."
    ),
    entry!(
        "page.link.next.reset",
        [],
        "Ask for a new link: it arrives by e-mail within minutes.",
        "Fordern Sie einen neuen Link an: Er kommt innerhalb weniger Minuten per E-Mail.",
        "Demandez un nouveau lien : il arrive par e-mail en quelques minutes."
    ),
    entry!(
        "page.link.next.reset-used",
        [],
        "This link was already used. If you chose a new password with it, sign in; otherwise ask for a new link.",
        "Dieser Link wurde bereits benutzt. Haben Sie damit ein neues Passwort gewählt, melden Sie sich an; sonst fordern Sie einen neuen Link an.",
        "Ce lien a déjà servi. Si vous avez choisi un nouveau mot de passe avec lui, connectez-vous ; sinon demandez un nouveau lien."
    ),
    entry!(
        "page.login.change",
        [],
        "Change your password",
        "Passwort ändern",
        "Changer votre mot de passe"
    ),
    entry!(
        "page.login.change-hint",
        [],
        "To change your password, sign in with your current one first: the form for the new one comes next. Forgotten it? Use “Forgot your password?” below.",
        "Um Ihr Passwort zu ändern, melden Sie sich zuerst mit dem aktuellen an: danach folgt das Formular für das neue. Vergessen? Nutzen Sie unten „Passwort vergessen?“.",
        "Pour changer votre mot de passe, connectez-vous d’abord avec l’actuel : le formulaire du nouveau suit. Oublié ? Utilisez « Mot de passe oublié ? » ci-dessous."
    ),
    entry!(
        "page.login.forgot",
        [],
        "Forgot your password?",
        "Passwort vergessen?",
        "Mot de passe oublié ?"
    ),
    entry!(
        "page.login.help-label",
        [],
        "Password help",
        "Hilfe zum Passwort",
        "Aide sur le mot de passe"
    ),
    entry!(
        "page.login.invalid",
        [],
        "The username or password is incorrect.",
        "Benutzername oder Passwort ist falsch.",
        "L’identifiant ou le mot de passe est incorrect."
    ),
    entry!(
        "page.login.need-password",
        [],
        "Enter your password.",
        "Geben Sie Ihr Passwort ein.",
        "Saisissez votre mot de passe."
    ),
    entry!(
        "page.login.need-username",
        [],
        "Enter your username or e-mail address.",
        "Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.",
        "Saisissez votre nom d’utilisateur ou votre adresse e-mail."
    ),
    entry!(
        "page.login.submit",
        [],
        "Sign in",
        "Anmelden",
        "Se connecter"
    ),
    entry!("page.login.title", [], "Sign in", "Anmelden", "Connexion"),
    entry!("page.nav.account", [], "Account", "Konto", "Compte"),
    entry!(
        "page.nav.admin",
        [],
        "Admin",
        "Verwaltung",
        "Administration"
    ),
    entry!("page.nav.label", [], "Main", "Hauptmenü", "Menu principal"),
    entry!(
        "page.nav.sign-in",
        [],
        "Sign in",
        "Anmelden",
        "Se connecter"
    ),
    entry!(
        "page.nav.signed-in-as",
        [],
        "Signed in as",
        "Angemeldet als",
        "Connecté en tant que"
    ),
    entry!(
        "page.not-found.link",
        [],
        "Go to the sign-in page",
        "Zur Anmeldeseite",
        "Aller à la page de connexion"
    ),
    entry!(
        "page.not-found.title",
        [],
        "Page not found",
        "Seite nicht gefunden",
        "Page introuvable"
    ),
    entry!("page.password.hide", [], "Hide", "Verbergen", "Masquer"),
    entry!(
        "page.password.need-confirm",
        [],
        "Type the new password again to confirm it.",
        "Geben Sie das neue Passwort zur Bestätigung noch einmal ein.",
        "Saisissez à nouveau le nouveau mot de passe pour le confirmer."
    ),
    entry!(
        "page.password.need-new",
        [],
        "Choose a new password.",
        "Wählen Sie ein neues Passwort.",
        "Choisissez un nouveau mot de passe."
    ),
    entry!(
        "page.password.rules-unmet",
        [],
        "The new password does not meet every requirement: see the list under it.",
        "Das neue Passwort erfüllt nicht alle Anforderungen: Siehe die Liste darunter.",
        "Le nouveau mot de passe ne respecte pas toutes les exigences : voir la liste en dessous."
    ),
    entry!("page.password.show", [], "Show", "Anzeigen", "Afficher"),
    entry!(
        "page.question-idea.1",
        [],
        "What was the name of your first school?",
        "Wie hieß Ihre erste Schule?",
        "Quel était le nom de votre première école ?"
    ),
    entry!(
        "page.question-idea.2",
        [],
        "In which city did your parents meet?",
        "In welcher Stadt haben sich Ihre Eltern kennengelernt?",
        "Dans quelle ville vos parents se sont-ils rencontrés ?"
    ),
    entry!(
        "page.question-idea.3",
        [],
        "What was the make of your first car?",
        "Welche Marke hatte Ihr erstes Auto?",
        "Quelle était la marque de votre première voiture ?"
    ),
    entry!(
        "page.question-idea.4",
        [],
        "What is the name of a street you lived on as a child?",
        "Wie heißt eine Straße, in der Sie als Kind gewohnt haben?",
        "Quel est le nom d’une rue où vous avez habité enfant ?"
    ),
    entry!(
        "page.question-idea.5",
        [],
        "What was the name of your first pet?",
        "Wie hieß Ihr erstes Haustier?",
        "Comment s’appelait votre premier animal de compagnie ?"
    ),
    entry!(
        "page.question-idea.6",
        [],
        "What was your childhood nickname?",
        "Wie war Ihr Spitzname als Kind?",
        "Quel était votre surnom d’enfance ?"
    ),
    entry!(
        "page.questions.answer",
        ["n"],
        "Answer {n}",
        "Antwort {n}",
        "Réponse {n}"
    ),
    entry!(
        "page.questions.answer-is-secret",
        ["n"],
        "Answer {n} may not be your username or your password.",
        "Antwort {n} darf weder Ihr Benutzername noch Ihr Passwort sein.",
        "La réponse {n} ne peut être ni votre nom d’utilisateur ni votre mot de passe."
    ),
    entry!(
        "page.questions.hint",
        [],
        "You will answer these before you can reset your password. Answers ignore case and extra spaces.",
        "Diese beantworten Sie, bevor Sie Ihr Passwort zurücksetzen können. Groß- und Kleinschreibung sowie zusätzliche Leerzeichen spielen keine Rolle.",
        "Vous y répondrez avant de pouvoir réinitialiser votre mot de passe. Les réponses ignorent la casse et les espaces superflus."
    ),
    entry!(
        "page.questions.legend",
        [],
        "Security questions",
        "Sicherheitsfragen",
        "Questions de sécurité"
    ),
    entry!(
        "page.questions.need-answer",
        ["n"],
        "Answer question {n}.",
        "Beantworten Sie Frage {n}.",
        "Répondez à la question {n}."
    ),
    entry!(
        "page.questions.need-question",
        ["n"],
        "Write question {n} (or pick a suggestion).",
        "Schreiben Sie Frage {n} (oder wählen Sie einen Vorschlag).",
        "Écrivez la question {n} (ou choisissez une suggestion)."
    ),
    entry!(
        "page.questions.placeholder",
        ["idea"],
        "For example: {idea}",
        "Zum Beispiel: {idea}",
        "Par exemple : {idea}"
    ),
    entry!(
        "page.questions.question",
        ["n"],
        "Question {n}",
        "Frage {n}",
        "Question {n}"
    ),
    entry!(
        "page.questions.same-answer",
        ["n"],
        "Answer {n} repeats an earlier answer: give each question its own answer.",
        "Antwort {n} wiederholt eine frühere Antwort: Geben Sie jeder Frage eine eigene Antwort.",
        "La réponse {n} répète une réponse précédente : donnez à chaque question sa propre réponse."
    ),
    entry!(
        "page.questions.same-question",
        ["n"],
        "Question {n} repeats an earlier question: choose a different one.",
        "Frage {n} wiederholt eine frühere Frage: Wählen Sie eine andere.",
        "La question {n} répète une question précédente : choisissez-en une autre."
    ),
    entry!(
        "page.questions.short-answer",
        ["n"],
        "Answer {n} needs at least 3 characters.",
        "Antwort {n} braucht mindestens 3 Zeichen.",
        "La réponse {n} doit compter au moins 3 caractères."
    ),
    entry!("page.register.account", [], "Account", "Konto", "Compte"),
    entry!(
        "page.register.checking",
        [],
        "Checking your invitation…",
        "Einladung wird geprüft …",
        "Vérification de votre invitation…"
    ),
    entry!(
        "page.register.done",
        [],
        "Your account is ready.",
        "Ihr Konto ist bereit.",
        "Votre compte est prêt."
    ),
    entry!(
        "page.register.submit",
        [],
        "Create account",
        "Konto anlegen",
        "Créer le compte"
    ),
    entry!(
        "page.register.title",
        [],
        "Create your password",
        "Passwort festlegen",
        "Créez votre mot de passe"
    ),
    entry!(
        "page.reset.attempts",
        ["n"],
        "{n, plural, one {After # wrong attempt} other {After # wrong attempts}} your account locks.",
        "{n, plural, one {Nach # falschen Versuch} other {Nach # falschen Versuchen}} wird Ihr Konto gesperrt.",
        "{n, plural, one {Après # essai erroné} other {Après # essais erronés}}, votre compte est verrouillé."
    ),
    entry!(
        "page.reset.checking",
        [],
        "Checking your link…",
        "Link wird geprüft …",
        "Vérification de votre lien…"
    ),
    entry!(
        "page.reset.done",
        [],
        "Your password has been changed.",
        "Ihr Passwort wurde geändert.",
        "Votre mot de passe a été changé."
    ),
    entry!(
        "page.reset.last-attempt",
        [],
        "Last attempt: one more wrong answer locks your account. If you are unsure, contact support instead.",
        "Letzter Versuch: Eine weitere falsche Antwort sperrt Ihr Konto. Wenn Sie unsicher sind, wenden Sie sich lieber an den Support.",
        "Dernier essai : une autre réponse erronée verrouillera votre compte. En cas de doute, contactez plutôt l’assistance."
    ),
    entry!(
        "page.reset.locked",
        [],
        "Too many wrong answers: the account is locked. Contact an administrator to unlock it.",
        "Zu viele falsche Antworten: Das Konto ist gesperrt. Wenden Sie sich zum Entsperren an einen Administrator.",
        "Trop de mauvaises réponses : le compte est verrouillé. Contactez un administrateur pour le déverrouiller."
    ),
    entry!(
        "page.reset.need-answer",
        ["question"],
        "Answer “{question}”.",
        "Beantworten Sie „{question}“.",
        "Répondez à « {question} »."
    ),
    entry!(
        "page.reset.new-link",
        [],
        "Ask for a new link",
        "Neuen Link anfordern",
        "Demander un nouveau lien"
    ),
    entry!(
        "page.reset.questions",
        [],
        "Your security questions",
        "Ihre Sicherheitsfragen",
        "Vos questions de sécurité"
    ),
    entry!(
        "page.reset.title",
        [],
        "Choose a new password",
        "Neues Passwort wählen",
        "Choisissez un nouveau mot de passe"
    ),
    entry!(
        "page.reset.wrong-answers",
        [],
        "The answers do not match the ones you chose. Check them and try again.",
        "Die Antworten stimmen nicht mit den von Ihnen gewählten überein. Prüfen Sie sie und versuchen Sie es erneut.",
        "Les réponses ne correspondent pas à celles que vous avez choisies. Vérifiez-les et réessayez."
    ),
    entry!(
        "page.reset.wrong-answers-last",
        [],
        "The answers do not match the ones you chose. Careful: one more wrong answer locks your account.",
        "Die Antworten stimmen nicht mit den von Ihnen gewählten überein. Vorsicht: Eine weitere falsche Antwort sperrt Ihr Konto.",
        "Les réponses ne correspondent pas à celles que vous avez choisies. Attention : une autre réponse erronée verrouillera votre compte."
    ),
    entry!(
        "page.role.admin",
        [],
        "Administrator",
        "Administrator",
        "Administrateur"
    ),
    entry!(
        "page.role.org-admin",
        [],
        "Organization administrator",
        "Administrator der Organisation",
        "Administrateur de l’organisation"
    ),
    entry!("page.role.user", [], "User", "Benutzer", "Utilisateur"),
    entry!(
        "page.rule.asked",
        [],
        "Required: ",
        "Erforderlich: ",
        "Exigé : "
    ),
    entry!("page.rule.met", [], "Met: ", "Erfüllt: ", "Respecté : "),
    entry!(
        "page.rule.pending",
        [],
        "Checked on submit: ",
        "Wird beim Absenden geprüft: ",
        "Vérifié à l’envoi : "
    ),
    entry!(
        "page.rule.unmet",
        [],
        "Not met: ",
        "Nicht erfüllt: ",
        "Non respecté : "
    ),
    entry!(
        "page.skip",
        [],
        "Skip to main content",
        "Zum Hauptinhalt springen",
        "Aller au contenu principal"
    ),
    entry!("page.status.active", [], "Active", "Aktiv", "Actif"),
    entry!(
        "page.status.disabled",
        [],
        "Disabled",
        "Deaktiviert",
        "Désactivé"
    ),
    entry!("page.status.expired", [], "Expired", "Abgelaufen", "Expiré"),
    entry!("page.status.invited", [], "Invited", "Eingeladen", "Invité"),
    entry!("page.status.locked", [], "Locked", "Gesperrt", "Verrouillé"),
    entry!(
        "page.status.reset-pending",
        [],
        "Password Reset Pending",
        "Zurücksetzung ausstehend",
        "Réinitialisation en attente"
    ),
    entry!(
        "page.strength.advice",
        ["word"],
        "Estimated strength (advice, not a rule): {word}",
        "Geschätzte Stärke (Hinweis, keine Regel): {word}",
        "Robustesse estimée (conseil, pas une règle) : {word}"
    ),
    entry!(
        "page.strength.label",
        [],
        "Password strength",
        "Passwortstärke",
        "Robustesse du mot de passe"
    ),
    entry!(
        "page.strength.line",
        ["word"],
        "Strength: {word}",
        "Stärke: {word}",
        "Robustesse : {word}"
    ),
    entry!(
        "page.summary.all",
        [],
        "All requirements met.",
        "Alle Anforderungen erfüllt.",
        "Toutes les exigences sont remplies."
    ),
    entry!(
        "page.summary.some",
        ["checked", "met"],
        "{met} of {checked} requirements met.",
        "{met} von {checked} Anforderungen erfüllt.",
        "{met, plural, one {# exigence remplie} other {# exigences remplies}} sur {checked}."
    ),
    entry!(
        "page.support",
        ["contact"],
        "Contact {contact} for assistance.",
        "Wenden Sie sich bei Fragen an {contact}.",
        "Pour obtenir de l’aide, contactez {contact}."
    ),
    entry!(
        "page.unlock.done",
        [],
        "Your account is unlocked.",
        "Ihr Konto ist entsperrt.",
        "Votre compte est déverrouillé."
    ),
    entry!(
        "page.unlock.intro",
        [],
        "Your account was locked after too many wrong passwords. Unlock it to sign in again with your password.",
        "Ihr Konto wurde nach zu vielen falschen Passwörtern gesperrt. Entsperren Sie es, um sich wieder mit Ihrem Passwort anzumelden.",
        "Votre compte a été verrouillé après trop de mots de passe erronés. Déverrouillez-le pour vous reconnecter avec votre mot de passe."
    ),
    entry!(
        "page.unlock.submit",
        [],
        "Unlock my account",
        "Mein Konto entsperren",
        "Déverrouiller mon compte"
    ),
    entry!(
        "page.unlock.title",
        [],
        "Unlock your account",
        "Konto entsperren",
        "Déverrouiller votre compte"
    ),
];
