//! Every sentence the server says: its catalogue (`catalogue.rs`, the server's own area, in
//! English, German and French), and the keys it is said by, with the parameters each is
//! filled with. Keys are declared once here, so a test can check that each is in the
//! catalogue and that every entry there is used.

mod catalogue;

use std::borrow::Cow;

use crate::config::LocalizedSetting;
use passguard_i18n::{Arg, Catalogue, ENGINE, Locale};

/// The server's sentences. Spans of time are worded with the engine's units.
static CATALOGUE: Catalogue = Catalogue::new(&[catalogue::ENTRIES]).with_fallback(&ENGINE);

/// A key of the server's area of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key(&'static str);

macro_rules! keys {
    ($($name:ident = $key:literal,)*) => {
        $(pub(crate) const $name: Key = Key($key);)*
        /// Every key the server uses.
        #[cfg(test)]
        const ALL: &[Key] = &[$($name),*];
    };
}

keys! {
    ADMIN_IN_ORG = "error.admin-in-org",
    BODY_TOO_LARGE = "error.body-too-large",
    BREACH_STORE_MISSING = "error.breach-store-missing",
    BUSY = "error.busy",
    CONFLICT = "error.conflict",
    CONTACT_DEFAULT = "contact.default",
    CROSS_ORIGIN = "error.cross-origin",
    DISABLED = "error.disabled",
    EXISTS = "error.exists",
    ORG_EXISTS = "error.exists.org",
    FORBIDDEN = "error.forbidden",
    FORBIDDEN_ADMIN_ROLE = "error.forbidden.admin-role",
    INTERNAL = "error.internal",
    INVALID_ASVS_LEVEL = "error.invalid-asvs-level",
    INVALID_CREDENTIALS = "error.invalid-credentials",
    INVALID_EMAIL = "error.invalid-email",
    INVALID_ORG_NAME = "error.invalid-org-name",
    INVALID_POLICY = "error.invalid-policy",
    INVALID_PREFIX = "error.invalid-prefix",
    NO_STAGED_POLICY = "error.no-staged-policy",
    PASSWORD_NONCOMPLIANT = "error.password-noncompliant",
    JSON_DUPLICATE_FIELD = "error.invalid-json.duplicate-field",
    JSON_EOF = "error.invalid-json.eof",
    JSON_MISSING_FIELD = "error.invalid-json.missing-field",
    JSON_SYNTAX = "error.invalid-json.syntax",
    JSON_UNKNOWN_FIELD = "error.invalid-json.unknown-field",
    JSON_VALUE = "error.invalid-json.value",
    REQUEST_ANSWERS = "error.invalid-request.answers",
    REQUEST_CLOCK = "error.invalid-request.clock",
    REQUEST_FORGOT = "error.invalid-request.forgot",
    REQUEST_QUERY = "error.invalid-request.query",
    REQUEST_VALUE = "error.invalid-request.value",
    QUESTIONS_ANSWER = "error.invalid-security-questions.answer",
    QUESTIONS_ANSWER_SECRET = "error.invalid-security-questions.answer-secret",
    QUESTIONS_SAME_ANSWER = "error.invalid-security-questions.same-answer",
    QUESTIONS_COUNT = "error.invalid-security-questions.count",
    QUESTIONS_DUPLICATE = "error.invalid-security-questions.duplicate",
    QUESTIONS_QUESTION = "error.invalid-security-questions.question",
    INVALID_SLUG = "error.invalid-slug",
    INVALID_TEXT = "error.invalid-text",
    INVALID_USERNAME = "error.invalid-username",
    INVITED = "error.invited",
    LOCKED = "error.locked",
    LOCKED_EMAIL = "error.locked.email",
    LOCKED_TIMED = "error.locked.timed",
    LOCKED_UNLOCK_FIRST = "error.locked.unlock-first",
    METHOD_NOT_ALLOWED = "error.method-not-allowed",
    MIN_AGE = "error.min-age",
    NO_SUCH_ACCOUNT = "error.not-found.account",
    NO_SUCH_ENDPOINT = "error.not-found.endpoint",
    NO_SUCH_ORG = "error.not-found.org",
    NOT_INVITED = "error.not-invited",
    ORG_REQUIRED = "error.org-required",
    OWN_ACCOUNT = "error.own-account",
    EXPIRED_CHANGE = "error.password-expired.change",
    EXPIRED_CLOSED = "error.password-expired.closed",
    EXPIRED_SESSION = "error.password-expired.session",
    PASSWORD_REJECTED = "error.password-rejected",
    RATE_LIMITED = "error.rate-limited",
    REQUEST_TIMEOUT = "error.request-timeout",
    RESET_REQUIRED = "error.reset-required",
    TOKEN_EXPIRED = "error.token-expired",
    TOKEN_UNKNOWN = "error.token-unknown",
    TOKEN_USED = "error.token-used",
    UNAUTHENTICATED = "error.unauthenticated",
    UNSUPPORTED_MEDIA_TYPE = "error.unsupported-media-type",
    WRONG_ANSWERS = "error.wrong-answers",
    FORGOT_ACCEPTED = "forgot.accepted",
    FORM_BACK_TO_SIGN_IN = "form.back-to-sign-in",
    FORM_BUSY = "form.busy",
    FORM_ERROR = "form.error",
    FORM_FORGOT_INTRO = "form.forgot.intro",
    FORM_FORGOT_SUBMIT = "form.forgot.submit",
    FORM_FORGOT_TITLE = "form.forgot.title",
    FORM_LANGUAGE = "form.language",
    FORM_LANGUAGE_APPLY = "form.language.apply",
    FORM_LOGIN_CHANGE = "form.login.change",
    FORM_LOGIN_CHANGE_HINT = "form.login.change-hint",
    FORM_LOGIN_FORGOT = "form.login.forgot",
    FORM_LOGIN_HELP = "form.login.help-label",
    FORM_LOGIN_SUBMIT = "form.login.submit",
    FORM_LOGIN_TITLE = "form.login.title",
    FORM_NAV_ACCOUNT = "form.nav.account",
    FORM_NAV_LABEL = "form.nav.label",
    FORM_NAV_SIGN_IN = "form.nav.sign-in",
    FORM_NEED_PASSWORD = "form.need-password",
    FORM_NEED_USERNAME = "form.need-username",
    FORM_PASSWORD = "form.password",
    FORM_PROBLEM = "form.problem",
    FORM_SKIP = "form.skip",
    FORM_SUPPORT = "form.support",
    FORM_UNREACHABLE = "form.unreachable",
    FORM_USERNAME_OR_EMAIL = "form.username-or-email",
    MAIL_EXPIRY_EXPIRED = "mail.expiry.expired",
    MAIL_EXPIRY_EXPIRES = "mail.expiry.expires",
    MAIL_EXPIRY_SUBJECT = "mail.expiry.subject",
    MAIL_EXPIRY_VALIDITY = "mail.expiry.validity",
    MAIL_FOOTER = "mail.footer",
    MAIL_GENUINE = "mail.genuine",
    MAIL_GREETING = "mail.greeting",
    MAIL_INVITATION_BY = "mail.invitation.by",
    MAIL_INVITATION_BY_IN_ORG = "mail.invitation.by-in-org",
    MAIL_INVITATION_CREATED = "mail.invitation.created",
    MAIL_INVITATION_LINK = "mail.invitation.link",
    MAIL_INVITATION_SUBJECT = "mail.invitation.subject",
    MAIL_INVITATION_VALIDITY = "mail.invitation.validity",
    MAIL_LOCK_ADMIN = "mail.lock.admin",
    MAIL_LOCK_AT = "mail.lock.at",
    MAIL_LOCK_HAPPENED = "mail.lock.happened",
    MAIL_LOCK_LINK = "mail.lock.link",
    MAIL_LOCK_NOT_YOU = "mail.lock.not-you",
    MAIL_LOCK_SUBJECT = "mail.lock.subject",
    MAIL_LOCK_VALIDITY = "mail.lock.validity",
    MAIL_LOCKED_CONTACT = "mail.locked.contact",
    MAIL_LOCKED_REQUESTED = "mail.locked.requested",
    MAIL_LOCKED_SUBJECT = "mail.locked.subject",
    MAIL_RESET_BY_ADMIN = "mail.reset.by-admin",
    MAIL_RESET_LINK = "mail.reset.link",
    MAIL_RESET_REQUESTED = "mail.reset.requested",
    MAIL_RESET_SUBJECT = "mail.reset.subject",
    MAIL_RESET_VALIDITY = "mail.reset.validity",
    MAIL_SIGNATURE = "mail.signature",
    MAIL_SIGNATURE_ORG = "mail.signature-org",
    PLACEHOLDER_API = "placeholder.api",
    PLACEHOLDER_NOT_BUILT = "placeholder.not-built",
    PLACEHOLDER_OPENAPI = "placeholder.openapi",
    PLACEHOLDER_POLICY = "placeholder.policy",
}

/// A parameter's value. Spans of time are worded in the reader's language when the message
/// is rendered, which may be long after it was made (an error is rendered per request).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// A count or a number.
    Int(i64),
    /// Text inserted as it is: a name, an address, the configured support contact.
    Text(String),
    /// A span of time in seconds, such as "7 days" or "7 Tage".
    Span(i64),
    /// A moment (Unix seconds), written `2026-11-24 14:05 UTC` in every language.
    Time(i64),
    /// A configured text that may be given per language (the support contact).
    Localized(Localized),
}

/// A configured text (support contact, login notice): one text for every language, or one
/// per language (`{ en = "…", de = "…" }`). A language left out reads the English text, else
/// any other given; with none given, `fallback`'s sentence of the catalogue, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Localized {
    en: Option<String>,
    de: Option<String>,
    fr: Option<String>,
    fallback: Option<Key>,
}

impl Localized {
    /// The same `text` in every language.
    pub(crate) fn same(text: &str) -> Self {
        Self {
            en: Some(text.to_owned()),
            ..Self::default()
        }
    }

    /// The configured `setting` (empty texts count as none), else `fallback`'s sentence.
    pub(crate) fn configured(setting: Option<LocalizedSetting>, fallback: Option<Key>) -> Self {
        let keep = |text: Option<String>| text.filter(|t| !t.trim().is_empty());
        let (en, de, fr) = match setting {
            None => (None, None, None),
            Some(LocalizedSetting::Same(text)) => (keep(Some(text)), None, None),
            Some(LocalizedSetting::PerLanguage(per)) => (keep(per.en), keep(per.de), keep(per.fr)),
        };
        Self {
            en,
            de,
            fr,
            fallback,
        }
    }

    /// The text in `locale`; empty when there is none.
    pub(crate) fn render(&self, locale: Locale) -> String {
        let own = match locale {
            Locale::En => &self.en,
            Locale::De => &self.de,
            Locale::Fr => &self.fr,
        };
        own.as_ref()
            .or(self.en.as_ref())
            .or(self.de.as_ref())
            .or(self.fr.as_ref())
            .cloned()
            .or_else(|| self.fallback.map(|key| text(locale, key)))
            .unwrap_or_default()
    }
}

impl From<Localized> for Value {
    fn from(text: Localized) -> Self {
        Value::Localized(text)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Int(n)
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Self {
        Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(text)
    }
}

/// A sentence to say: its key and its parameters, rendered in any locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Message {
    key: Key,
    args: Vec<(&'static str, Value)>,
}

impl Message {
    /// The sentence `key`, without parameters so far.
    pub(crate) fn new(key: Key) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// Adds the parameter `name`.
    #[must_use]
    pub(crate) fn arg(mut self, name: &'static str, value: impl Into<Value>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The sentence in `locale`.
    pub(crate) fn render(&self, locale: Locale) -> String {
        debug_assert!(
            self.has_declared_params(),
            "{} is given {:?}",
            self.key.0,
            self.args
        );
        // Spans and times become text first, so that the template borrows from here.
        let words: Vec<Cow<'_, str>> = self
            .args
            .iter()
            .map(|(_, value)| match value {
                Value::Text(text) => Cow::Borrowed(text.as_str()),
                Value::Span(seconds) => Cow::Owned(passguard_i18n::span(locale, *seconds)),
                Value::Time(unix) => Cow::Owned(format_time(*unix)),
                Value::Localized(text) => Cow::Owned(text.render(locale)),
                Value::Int(_) => Cow::Borrowed(""),
            })
            .collect();
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .zip(&words)
            .map(|((name, value), word)| match value {
                Value::Int(n) => (*name, Arg::Int(*n)),
                Value::Text(_) | Value::Span(_) | Value::Time(_) | Value::Localized(_) => {
                    (*name, Arg::Text(word))
                }
            })
            .collect();
        CATALOGUE.text(locale, self.key.0, &args)
    }

    /// Whether the parameters given are exactly those the catalogue declares for the key.
    fn has_declared_params(&self) -> bool {
        let Some(entry) = CATALOGUE.find(self.key.0) else {
            return false;
        };
        let mut given: Vec<&str> = self.args.iter().map(|(name, _)| *name).collect();
        let mut declared = entry.params.to_vec();
        given.sort_unstable();
        declared.sort_unstable();
        given == declared
    }
}

/// The sentence `key`, which takes no parameters, in `locale`.
pub(crate) fn text(locale: Locale, key: Key) -> String {
    Message::new(key).render(locale)
}

/// A moment as `2026-05-06 14:00 UTC`: unambiguous in every language passguard speaks.
pub(crate) fn format_time(unix: i64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(format).ok())
        .unwrap_or_else(|| unix.to_string())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_key_is_in_the_catalogue_and_every_server_entry_is_used() {
        let used: BTreeSet<&str> = ALL.iter().map(|key| key.0).collect();
        assert_eq!(used.len(), ALL.len(), "a key is declared twice");
        let catalogue: BTreeSet<&str> = CATALOGUE.entries().map(|entry| entry.key).collect();
        let missing: Vec<_> = used.difference(&catalogue).collect();
        let unused: Vec<_> = catalogue.difference(&used).collect();
        assert!(missing.is_empty(), "not in the catalogue: {missing:?}");
        assert!(unused.is_empty(), "never used by the server: {unused:?}");
    }

    #[test]
    fn the_catalogue_has_no_problems() {
        let problems = CATALOGUE.problems();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn spans_and_times_are_worded_for_the_reader() {
        let message = Message::new(MAIL_EXPIRY_EXPIRES)
            .arg("date", Value::Time(0))
            .arg("remaining", Value::Span(14 * 86_400));
        assert_eq!(
            message.render(Locale::En),
            "Your password expires on 1970-01-01 00:00 UTC, in 14 days."
        );
        assert_eq!(
            message.render(Locale::De),
            "Ihr Passwort läuft am 1970-01-01 00:00 UTC ab (noch 14 Tage)."
        );
        assert_eq!(
            message.render(Locale::Fr),
            "Votre mot de passe expire le 1970-01-01 00:00 UTC, dans 14 jours."
        );
        let count = |wanted: i64, locale| {
            Message::new(QUESTIONS_COUNT)
                .arg("wanted", wanted)
                .arg("found", 0_i64)
                .render(locale)
        };
        assert_eq!(
            count(1, Locale::De),
            "Wählen Sie genau 1 Sicherheitsfrage (angegeben: 0)."
        );
        assert_eq!(
            count(2, Locale::Fr),
            "Choisissez exactement 2 questions de sécurité (reçues : 0)."
        );
    }
}
