//! Reading the e-mail a server sent: `.eml` files (the mail directory) or a Maildir (the
//! test SMTP server), decoded just enough to read each part's text and its links in any
//! language: MIME parts, quoted-printable and base64 bodies, RFC 2047 subjects.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

/// One message.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    /// The subject, RFC 2047 encoded words decoded.
    pub subject: String,
    /// The whole message, headers as they are and every part's body decoded
    /// (quoted-printable or base64) to text.
    pub text: String,
}

impl Mail {
    /// The token of the first link to `/{page}?token=`.
    pub fn token(&self, page: &str) -> Option<String> {
        let marker = format!("/{page}?token=");
        let at = self.text.find(&marker)? + marker.len();
        Some(
            self.text[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect(),
        )
    }

    /// The body of the part whose `Content-Type` starts with `content_type`, decoded.
    pub fn part(&self, content_type: &str) -> Option<String> {
        let marker = format!("Content-Type: {content_type}");
        let at = self.text.find(&marker)?;
        let rest = &self.text[at..];
        let body = &rest[rest.find("\r\n\r\n").map(|i| i + 4)?..];
        Some(body.split("\r\n--").next().unwrap_or(body).to_owned())
    }
}

/// Splits a message or a part into its header block and its body.
fn split(raw: &str) -> (&str, &str) {
    match raw.find("\r\n\r\n") {
        Some(at) => (&raw[..at], &raw[at + 4..]),
        None => (raw, ""),
    }
}

/// The value of header `name` in `head`, continuation lines joined.
fn header(head: &str, name: &str) -> String {
    let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
    unfolded
        .lines()
        .find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_owned())
        })
        .unwrap_or_default()
}

fn hex(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

/// Quoted-printable (RFC 2045) to bytes; `underscore_is_space` for RFC 2047's Q encoding.
fn quoted_printable(text: &str, underscore_is_space: bool) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'=' if bytes[i + 1..].starts_with(b"\r\n") => i += 3,
            b'=' if bytes[i + 1..].starts_with(b"\n") => i += 2,
            b'=' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(high), Some(low)) => out.push(high << 4 | low),
                    _ => out.extend_from_slice(&bytes[i..i + 3]),
                }
                i += 3;
            }
            b'_' if underscore_is_space => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

/// Base64 (RFC 4648, whitespace ignored) to bytes.
fn base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let values: Vec<u32> = text
        .bytes()
        .filter_map(|b| ALPHABET.iter().position(|&a| a == b).map(|v| v as u32))
        .collect();
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | v << (18 - 6 * i));
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

/// A header value with RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) decoded;
/// the space between two encoded words is dropped, as the RFC says.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut previous_encoded = false;
    for word in value.split_whitespace() {
        let encoded = word
            .strip_prefix("=?")
            .and_then(|w| w.strip_suffix("?="))
            .and_then(|w| {
                let mut parts = w.splitn(3, '?');
                let (_charset, encoding, text) = (parts.next()?, parts.next()?, parts.next()?);
                let bytes = match encoding {
                    "b" | "B" => base64(text),
                    "q" | "Q" => quoted_printable(text, true),
                    _ => return None,
                };
                Some(String::from_utf8_lossy(&bytes).into_owned())
            });
        match encoded {
            Some(text) => {
                if !previous_encoded && !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&text);
                previous_encoded = true;
            }
            None => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
                previous_encoded = false;
            }
        }
    }
    out
}

/// A message or part with its body (every part's, for a multipart) decoded to text.
fn decode(raw: &str) -> String {
    let (head, body) = split(raw);
    let content_type = header(head, "Content-Type");
    let boundary = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_owned());
    let decoded = match boundary {
        Some(boundary) => {
            let delimiter = format!("--{boundary}");
            body.split(delimiter.as_str())
                .map(|part| match part.strip_prefix("\r\n") {
                    Some(part) => decode(part),
                    None => part.to_owned(),
                })
                .collect::<Vec<_>>()
                .join(&delimiter)
        }
        None => {
            let bytes = match header(head, "Content-Transfer-Encoding")
                .to_ascii_lowercase()
                .as_str()
            {
                "quoted-printable" => quoted_printable(body, false),
                "base64" => base64(body),
                _ => body.as_bytes().to_vec(),
            };
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    format!("{head}\r\n\r\n{decoded}")
}

/// Every message under `dir` (recursively), oldest first.
pub fn all(dir: &Path) -> Vec<Mail> {
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(meta) = entry.metadata() {
                let is_mail = path.extension().is_some_and(|e| e == "eml")
                    || path.parent().is_some_and(|p| p.ends_with("new"));
                if is_mail {
                    files.push((meta.modified().unwrap(), path));
                }
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|(_, path)| std::fs::read_to_string(path).ok())
        // A Maildir may store lines ending in LF alone: read every message with CRLF.
        .map(|raw| raw.replace("\r\n", "\n").replace('\n', "\r\n"))
        .map(|raw| {
            let (head, _) = split(&raw);
            Mail {
                to: header(head, "To"),
                subject: decode_words(&header(head, "Subject")),
                text: decode(&raw),
            }
        })
        .collect()
}

/// Messages to `address`, oldest first.
pub fn to(dir: &Path, address: &str) -> Vec<Mail> {
    all(dir)
        .into_iter()
        .filter(|mail| mail.to.contains(address))
        .collect()
}

/// Waits (up to 20 s) until `address` has received `count` messages, and returns them.
pub async fn wait_for(dir: &Path, address: &str, count: usize) -> Vec<Mail> {
    for _ in 0..200 {
        let mails = to(dir, address);
        if mails.len() >= count {
            return mails;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{address} did not receive {count} messages in {}",
        dir.display()
    );
}
