//! Outgoing e-mail: SMTP through lettre when `--smtp` is given, otherwise one RFC 5322
//! `.eml` file per message in the mail directory. Every message has a plain-text and an HTML
//! part; links in it are built from the configured public URL, never from a request.

use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{ConfigError, MailSettings};
use crate::error::ApiError;

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

    /// Sends `mail` to `to`.
    ///
    /// # Errors
    /// 500 when the message cannot be built or delivered (the reason is logged).
    pub(crate) async fn send(&self, to: &str, mail: Mail) -> Result<(), ApiError> {
        let to: Mailbox = to
            .parse()
            .map_err(|e| ApiError::internal(&format_args!("recipient address: {e}")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .multipart(MultiPart::alternative_plain_html(mail.text, mail.html))
            .map_err(|e| ApiError::internal(&format_args!("building an e-mail: {e}")))?;
        let sent = match &self.transport {
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(drop)
                .map_err(|e| e.to_string()),
            Transport::Directory(dir) => {
                dir.send(message).await.map(drop).map_err(|e| e.to_string())
            }
        };
        sent.map_err(|e| ApiError::internal(&format_args!("sending an e-mail: {e}")))
    }
}

/// Escapes text for HTML.
fn escape(text: &str) -> String {
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

/// A time as `2026-05-06 14:00 UTC`.
pub(crate) fn format_time(unix: i64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(format).ok())
        .unwrap_or_else(|| unix.to_string())
}

/// Paragraphs of text and at most one link, rendered both ways.
struct Body<'a> {
    greeting: String,
    paragraphs: Vec<String>,
    link: Option<(&'a str, &'a str)>,
    support_contact: &'a str,
}

impl Body<'_> {
    fn render(self, subject: &str) -> Mail {
        let footer = format!("Contact {} for assistance.", self.support_contact);
        let mut text = format!("{}\n\n", self.greeting);
        let mut html = format!(
            "<!doctype html><html><body style=\"font-family:sans-serif\"><p>{}</p>",
            escape(&self.greeting)
        );
        for paragraph in &self.paragraphs {
            text.push_str(paragraph);
            text.push_str("\n\n");
            html.push_str(&format!("<p>{}</p>", escape(paragraph)));
        }
        if let Some((label, url)) = self.link {
            text.push_str(&format!("{label}:\n{url}\n\n"));
            html.push_str(&format!(
                "<p><a href=\"{}\">{}</a></p>",
                escape(url),
                escape(label)
            ));
        }
        text.push_str(&footer);
        text.push('\n');
        html.push_str(&format!("<p>{}</p></body></html>", escape(&footer)));
        Mail {
            subject: subject.to_owned(),
            text,
            html,
        }
    }
}

/// The invitation with a registration link.
pub(crate) fn invitation(username: &str, link: &str, expires_at: i64, support: &str) -> Mail {
    Body {
        greeting: format!("Hello {username},"),
        paragraphs: vec![
            format!("An account named {username} was created for you. Choose its password to start using it."),
            format!("This link works once and until {}.", format_time(expires_at)),
        ],
        link: Some(("Choose your password", link)),
        support_contact: support,
    }
    .render("Your new account: choose a password")
}

/// A reset link, after a forgotten password or an administrator's reset.
pub(crate) fn reset_link(username: &str, link: &str, expires_at: i64, support: &str) -> Mail {
    Body {
        greeting: format!("Hello {username},"),
        paragraphs: vec![
            "A password reset was requested for your account. If it was not you, ignore this message: your password stays as it is.".to_owned(),
            format!(
                "This link works once and until {}; a newer request replaces it.",
                format_time(expires_at)
            ),
        ],
        link: Some(("Choose a new password", link)),
        support_contact: support,
    }
    .render("Reset your password")
}

/// What a locked account receives instead of a reset link.
pub(crate) fn locked(username: &str, support: &str) -> Mail {
    Body {
        greeting: format!("Hello {username},"),
        paragraphs: vec![
            "A password reset was requested for your account, but the account is locked after too many failed attempts, so no reset link can be sent.".to_owned(),
            format!("Contact {support} to unlock it; an administrator can then send you a reset link."),
        ],
        link: None,
        support_contact: support,
    }
    .render("Your account is locked: contact an administrator")
}

/// An expiry notice, with a reset link.
pub(crate) fn expiry_notice(
    username: &str,
    expires_at: i64,
    now: i64,
    link: &str,
    link_expires_at: i64,
    support: &str,
) -> Mail {
    let when = if now >= expires_at {
        format!("Your password expired on {}.", format_time(expires_at))
    } else {
        format!("Your password expires on {}.", format_time(expires_at))
    };
    Body {
        greeting: format!("Hello {username},"),
        paragraphs: vec![
            when,
            format!(
                "Choose a new password with the link below; it works once and until {}.",
                format_time(link_expires_at)
            ),
        ],
        link: Some(("Choose a new password", link)),
        support_contact: support,
    }
    .render("Your password is expiring")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_parts_carry_the_link_and_the_support_contact_and_html_is_escaped() {
        let mail = invitation(
            "<ada>",
            "https://pw.example.com/register?token=abc&x=1",
            0,
            "the service desk",
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
        assert!(mail.text.contains("1970-01-01 00:00 UTC"));
    }
}
