//! Outgoing e-mail: SMTP through lettre when `--smtp` is given, otherwise one RFC 5322
//! `.eml` file per message in the mail directory. Every message has a plain-text and an HTML
//! part, both worded from the catalogue in the recipient's language; links in it are built
//! from the configured public URL, never from a request.

use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use passguard_i18n::Locale;

use crate::config::{ConfigError, MailSettings};
use crate::texts::{self, Key, Message, Value};

/// Why an e-mail did not go out.
#[derive(Debug)]
pub enum Error {
    /// The recipient's stored address does not parse.
    Recipient(lettre::address::AddressError),
    /// The message could not be put together.
    Build(lettre::error::Error),
    /// The SMTP server refused it or could not be reached.
    Smtp(lettre::transport::smtp::Error),
    /// It could not be written to the mail directory.
    File(lettre::transport::file::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Recipient(e) => write!(f, "recipient address: {e}"),
            Error::Build(e) => write!(f, "building an e-mail: {e}"),
            Error::Smtp(e) => write!(f, "sending an e-mail over SMTP: {e}"),
            Error::File(e) => write!(f, "writing an e-mail to the mail directory: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Recipient(e) => Some(e),
            Error::Build(e) => Some(e),
            Error::Smtp(e) => Some(e),
            Error::File(e) => Some(e),
        }
    }
}

/// Sends e-mail.
#[derive(Clone)]
pub(crate) struct Mailer {
    transport: Transport,
    from: Mailbox,
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Directory(AsyncFileTransport<Tokio1Executor>),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.transport {
            Transport::Smtp(_) => "smtp",
            Transport::Directory(_) => "directory",
        };
        f.debug_struct("Mailer").field("transport", &kind).finish()
    }
}

/// One message's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mail {
    pub(crate) subject: String,
    pub(crate) text: String,
    pub(crate) html: String,
}

impl Mailer {
    /// A mailer for `settings`; creates the mail directory when no SMTP server is set.
    ///
    /// # Errors
    /// When the SMTP URL is invalid or the directory cannot be created.
    pub(crate) fn new(settings: &MailSettings) -> Result<Self, ConfigError> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| ConfigError(format!("mail_from: {e}")))?;
        let transport = match &settings.smtp {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| ConfigError(format!("smtp: {e}")))?
                    .build(),
            ),
            None => {
                std::fs::create_dir_all(&settings.mail_dir).map_err(|e| {
                    ConfigError(format!(
                        "mail_dir: cannot create {}: {e}",
                        settings.mail_dir.display()
                    ))
                })?;
                Transport::Directory(AsyncFileTransport::new(&settings.mail_dir))
            }
        };
        Ok(Self { transport, from })
    }

    /// Signs with `site` as the sender's name when the configured `mail_from` gives none.
    #[must_use]
    pub(crate) fn named(mut self, site: &str) -> Self {
        if self.from.name.as_deref().is_none_or(str::is_empty) {
            self.from.name = Some(site.to_owned());
        }
        self
    }

    /// The address every e-mail comes from (`mail_from`), as the e-mails name it.
    pub(crate) fn sender_address(&self) -> String {
        self.from.email.to_string()
    }

    /// Sends `mail` to `to`.
    ///
    /// # Errors
    /// When the message cannot be built or delivered.
    pub(crate) async fn send(&self, to: &str, mail: Mail) -> Result<(), Error> {
        let to: Mailbox = to.parse().map_err(Error::Recipient)?;
        let message = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .multipart(MultiPart::alternative_plain_html(mail.text, mail.html))
            .map_err(Error::Build)?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(message).await.map(drop).map_err(Error::Smtp),
            Transport::Directory(dir) => dir.send(message).await.map(drop).map_err(Error::File),
        }
    }
}

/// Escapes text for HTML.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Who an e-mail comes from, as every e-mail says it: the site, the recipient's
/// organization, the address e-mails come from, and who to contact — so that a real
/// message can be told from phishing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Letterhead {
    /// The configured `site_name`.
    pub(crate) site: String,
    /// The recipient's organization's name, if any.
    pub(crate) org: Option<String>,
    /// The address of `mail_from`.
    pub(crate) from: String,
    /// Who to contact, in the recipient's language.
    pub(crate) contact: String,
}

/// Paragraphs of text and at most one link, worded in one language and rendered both ways
/// (plain text and HTML) from the same sentences.
struct Body<'a> {
    locale: Locale,
    username: &'a str,
    paragraphs: Vec<Message>,
    link: Option<(Key, &'a str)>,
    head: &'a Letterhead,
}

impl Body<'_> {
    fn render(self, subject: Key) -> Mail {
        let say = |message: &Message| message.render(self.locale);
        let head = self.head;
        let greeting = say(&Message::new(texts::MAIL_GREETING).arg("username", self.username));
        let signature = say(&match &head.org {
            Some(org) => Message::new(texts::MAIL_SIGNATURE_ORG)
                .arg("site", head.site.as_str())
                .arg("org", org.as_str()),
            None => Message::new(texts::MAIL_SIGNATURE).arg("site", head.site.as_str()),
        });
        let genuine = say(&Message::new(texts::MAIL_GENUINE)
            .arg("site", head.site.as_str())
            .arg("from", head.from.as_str()));
        let footer = say(&Message::new(texts::MAIL_FOOTER).arg("contact", head.contact.as_str()));
        let mut text = format!("{greeting}\n\n");
        let mut html = format!(
            "<!doctype html><html lang=\"{}\"><body style=\"font-family:sans-serif\"><p>{}</p>",
            self.locale.tag(),
            escape(&greeting)
        );
        for paragraph in self.paragraphs.iter().map(say) {
            text.push_str(&paragraph);
            text.push_str("\n\n");
            html.push_str(&format!("<p>{}</p>", escape(&paragraph)));
        }
        if let Some((label, url)) = self.link {
            let label = texts::text(self.locale, label);
            text.push_str(&format!("{label}:\n{url}\n\n"));
            html.push_str(&format!(
                "<p><a href=\"{}\">{}</a></p>",
                escape(url),
                escape(&label)
            ));
        }
        text.push_str(&format!("{footer}\n\n{signature}\n{genuine}\n"));
        html.push_str(&format!(
            "<p>{}</p><hr><p style=\"color:#4a525c;font-size:90%\">{}<br>{}</p></body></html>",
            escape(&footer),
            escape(&signature),
            escape(&genuine)
        ));
        Mail {
            subject: format!("{} – {}", texts::text(self.locale, subject), head.site),
            text,
            html,
        }
    }
}

/// How long a link lives from `now` to `expires_at`, and until when.
fn validity(key: Key, now: i64, expires_at: i64) -> Message {
    Message::new(key)
        .arg("lifetime", Value::Span(expires_at.saturating_sub(now)))
        .arg("until", Value::Time(expires_at))
}

/// What a link e-mail says about the link: made at `now`, valid until `expires_at`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LinkTimes {
    pub(crate) now: i64,
    pub(crate) expires_at: i64,
}

/// The invitation with a registration link; `inviter` is the administrator who asked
/// (none for the command line).
pub(crate) fn invitation(
    locale: Locale,
    username: &str,
    link: &str,
    times: LinkTimes,
    head: &Letterhead,
    inviter: Option<&str>,
) -> Mail {
    let created = match (inviter, &head.org) {
        (Some(inviter), Some(org)) => Message::new(texts::MAIL_INVITATION_BY_IN_ORG)
            .arg("inviter", inviter)
            .arg("org", org.as_str())
            .arg("site", head.site.as_str())
            .arg("username", username),
        (Some(inviter), None) => Message::new(texts::MAIL_INVITATION_BY)
            .arg("inviter", inviter)
            .arg("site", head.site.as_str())
            .arg("username", username),
        (None, _) => Message::new(texts::MAIL_INVITATION_CREATED)
            .arg("site", head.site.as_str())
            .arg("username", username),
    };
    Body {
        locale,
        username,
        paragraphs: vec![
            created,
            validity(texts::MAIL_INVITATION_VALIDITY, times.now, times.expires_at),
        ],
        link: Some((texts::MAIL_INVITATION_LINK, link)),
        head,
    }
    .render(texts::MAIL_INVITATION_SUBJECT)
}

/// A reset link: asked for by the owner ("if it was not you, ignore this"), or sent by the
/// administrator `by_admin`, which the e-mail says, since the owner asked for nothing.
pub(crate) fn reset_link(
    locale: Locale,
    username: &str,
    link: &str,
    times: LinkTimes,
    head: &Letterhead,
    by_admin: Option<&str>,
) -> Mail {
    let why = match by_admin {
        Some(admin) => Message::new(texts::MAIL_RESET_BY_ADMIN)
            .arg("admin", admin)
            .arg("site", head.site.as_str()),
        None => Message::new(texts::MAIL_RESET_REQUESTED),
    };
    Body {
        locale,
        username,
        paragraphs: vec![
            why,
            validity(texts::MAIL_RESET_VALIDITY, times.now, times.expires_at),
        ],
        link: Some((texts::MAIL_RESET_LINK, link)),
        head,
    }
    .render(texts::MAIL_RESET_SUBJECT)
}

/// What a locked account receives instead of a reset link.
pub(crate) fn locked(locale: Locale, username: &str, head: &Letterhead) -> Mail {
    Body {
        locale,
        username,
        paragraphs: vec![
            Message::new(texts::MAIL_LOCKED_REQUESTED),
            Message::new(texts::MAIL_LOCKED_CONTACT).arg("contact", head.contact.as_str()),
        ],
        link: None,
        head,
    }
    .render(texts::MAIL_LOCKED_SUBJECT)
}

/// How a locked account is unlocked, as its lock e-mail says.
#[derive(Debug, Clone)]
pub(crate) enum Unlocking {
    /// Only an administrator unlocks.
    Admin,
    /// It unlocks by itself at this time.
    At(i64),
    /// Through this single-use link.
    Link { url: String, times: LinkTimes },
}

/// The lock e-mail: what happened at `now`, what to do, and what if it was not the owner.
pub(crate) fn lock_notice(
    locale: Locale,
    username: &str,
    now: i64,
    unlocking: &Unlocking,
    head: &Letterhead,
) -> Mail {
    let support = head.contact.as_str();
    let mut paragraphs =
        vec![Message::new(texts::MAIL_LOCK_HAPPENED).arg("time", Value::Time(now))];
    let mut link = None;
    match unlocking {
        Unlocking::Admin => {
            paragraphs.push(Message::new(texts::MAIL_LOCK_ADMIN).arg("contact", support));
        }
        Unlocking::At(at) => {
            paragraphs.push(Message::new(texts::MAIL_LOCK_AT).arg("time", Value::Time(*at)));
        }
        Unlocking::Link { url, times } => {
            paragraphs.push(validity(
                texts::MAIL_LOCK_VALIDITY,
                times.now,
                times.expires_at,
            ));
            link = Some((texts::MAIL_LOCK_LINK, url.as_str()));
        }
    }
    paragraphs.push(Message::new(texts::MAIL_LOCK_NOT_YOU));
    Body {
        locale,
        username,
        paragraphs,
        link,
        head,
    }
    .render(texts::MAIL_LOCK_SUBJECT)
}

/// An expiry notice for a password expiring at `expires_at`, with a reset link.
pub(crate) fn expiry_notice(
    locale: Locale,
    username: &str,
    expires_at: i64,
    link: &str,
    times: LinkTimes,
    head: &Letterhead,
) -> Mail {
    let when = if times.now >= expires_at {
        Message::new(texts::MAIL_EXPIRY_EXPIRED).arg("date", Value::Time(expires_at))
    } else {
        Message::new(texts::MAIL_EXPIRY_EXPIRES)
            .arg("date", Value::Time(expires_at))
            .arg("remaining", Value::Span(expires_at - times.now))
    };
    Body {
        locale,
        username,
        paragraphs: vec![
            when,
            validity(texts::MAIL_EXPIRY_VALIDITY, times.now, times.expires_at),
        ],
        link: Some((texts::MAIL_RESET_LINK, link)),
        head,
    }
    .render(texts::MAIL_EXPIRY_SUBJECT)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    fn head(contact: &str) -> Letterhead {
        Letterhead {
            site: "Partner portal".to_owned(),
            org: None,
            from: "accounts@pw.example.com".to_owned(),
            contact: contact.to_owned(),
        }
    }

    #[test]
    fn both_parts_carry_the_link_and_the_support_contact_and_html_is_escaped() {
        let mail = invitation(
            Locale::En,
            "<ada>",
            "https://pw.example.com/register?token=abc&x=1",
            LinkTimes {
                now: 0,
                expires_at: 7 * DAY,
            },
            &head("the service desk"),
            None,
        );
        assert!(
            mail.text
                .contains("https://pw.example.com/register?token=abc&x=1")
        );
        assert!(
            mail.text
                .contains("Contact the service desk for assistance.")
        );
        assert!(
            mail.html
                .contains("https://pw.example.com/register?token=abc&amp;x=1")
        );
        assert!(mail.html.contains("&lt;ada&gt;"));
        assert!(!mail.html.contains("<ada>"));
        assert!(
            mail.text
                .contains("works once and for 7 days, until 1970-01-08 00:00 UTC.")
        );
    }

    #[test]
    fn every_part_is_in_the_recipients_language() {
        let times = LinkTimes {
            now: 76 * DAY,
            expires_at: 83 * DAY,
        };
        let link = "https://pw.example.com/reset?token=abc";
        let de = expiry_notice(
            Locale::De,
            "ada",
            90 * DAY,
            link,
            times,
            &head("den Helpdesk"),
        );
        assert_eq!(de.subject, "Ihr Passwort läuft ab – Partner portal");
        for part in [&de.text, &de.html] {
            assert!(part.contains("Hallo ada,"), "{part}");
            assert!(
                part.contains("Ihr Passwort läuft am 1970-04-01 00:00 UTC ab (noch 14 Tage)."),
                "{part}"
            );
            assert!(
                part.contains("7 Tage lang, bis 1970-03-25 00:00 UTC"),
                "{part}"
            );
            assert!(part.contains("Neues Passwort wählen"), "{part}");
            assert!(
                part.contains("Wenden Sie sich für Unterstützung an den Helpdesk."),
                "{part}"
            );
        }
        assert!(de.html.starts_with("<!doctype html><html lang=\"de\">"));
        let fr = locked(Locale::Fr, "ada", &head("le support"));
        assert_eq!(
            fr.subject,
            "Votre compte est verrouillé : contactez un administrateur – Partner portal"
        );
        assert!(fr.text.contains("Bonjour ada,"));
        assert!(
            fr.html
                .contains("Contactez le support pour le faire déverrouiller")
        );
        let expired = expiry_notice(
            Locale::Fr,
            "ada",
            90 * DAY,
            link,
            LinkTimes {
                now: 90 * DAY,
                expires_at: 97 * DAY,
            },
            &head("le support"),
        );
        assert!(
            expired
                .text
                .contains("Votre mot de passe a expiré le 1970-04-01 00:00 UTC.")
        );
    }

    #[test]
    fn every_mail_names_the_site_its_address_the_organization_and_who_asked() {
        let times = LinkTimes {
            now: 0,
            expires_at: 7 * DAY,
        };
        let link = "https://pw.example.com/reset?token=abc";
        let mut letterhead = head("the service desk");
        letterhead.org = Some("Acme Ltd".to_owned());
        let invited = invitation(Locale::En, "ada", link, times, &letterhead, Some("root"));
        assert_eq!(
            invited.subject,
            "Your new account: choose a password – Partner portal"
        );
        for part in [&invited.text, &invited.html] {
            assert!(
                part.contains("root invited you to Partner portal for Acme Ltd"),
                "{part}"
            );
            assert!(
                part.contains("Sent by Partner portal for Acme Ltd."),
                "{part}"
            );
            assert!(
                part.contains("Partner portal e-mails come only from accounts@pw.example.com"),
                "{part}"
            );
        }
        let by_admin = reset_link(Locale::De, "ada", link, times, &letterhead, Some("root"));
        assert!(
            by_admin.text.contains("Der Administrator root hat"),
            "{}",
            by_admin.text
        );
        assert!(!by_admin.text.contains("Falls Sie das nicht waren"));
        let asked = reset_link(Locale::En, "ada", link, times, &letterhead, None);
        assert!(
            asked
                .text
                .contains("If it was not you, ignore this message")
        );
    }
}
