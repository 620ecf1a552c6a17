//! Reading the e-mail a server sent: `.eml` files (the mail directory) or a Maildir (the
//! test SMTP server), decoded just enough to read the plain-text part and its links.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

/// One message.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    /// The whole message with quoted-printable soft breaks and `=3D` undone.
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
}

fn decode(raw: &str) -> String {
    raw.replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
        .replace("=20", " ")
}

fn header(raw: &str, name: &str) -> String {
    raw.lines()
        .take_while(|line| !line.is_empty())
        .find_map(|line| line.strip_prefix(&format!("{name}: ")))
        .unwrap_or_default()
        .to_owned()
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
        .map(|raw| Mail {
            to: header(&raw, "To"),
            subject: header(&raw, "Subject"),
            text: decode(&raw),
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
