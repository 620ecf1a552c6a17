//! The server's settings: a TOML file (`passguard serve --config FILE`) whose every field is
//! optional, command-line flags that override it, and the defaults that make
//! `passguard serve` work with no file at all. `[limits]` is in `limits.rs`.

mod limits;

pub use limits::{Limits, LimitsFile, Rate};

use std::net::SocketAddr;
use std::path::PathBuf;

use passguard_policy::{Duration, Policy};
use serde::Deserialize;
use url::Url;

/// The server's config file as written. Every field may be left out.
///
/// ```toml
/// listen = "127.0.0.1:8080"
/// public_url = "https://passwords.example.com"
/// database = "postgres://passguard@db/passguard"
/// support_contact = "the IT service desk (help@example.com)"
/// policy = "security-admin"   # a preset, a policy file, or a [policy] table
/// [notices]
/// user = "Authorised use only."
/// admin = "You are signed in as an administrator: every action is logged."
/// [argon2]
/// memory_kib = 19456
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// The address to listen on, such as `127.0.0.1:8080`.
    pub listen: Option<String>,
    /// The base URL users reach the server at; every link in an e-mail starts with it.
    pub public_url: Option<String>,
    /// `postgres://…`, `sqlite://FILE` or a plain file path (SQLite).
    pub database: Option<String>,
    /// The directory where outgoing e-mail is written as `.eml` files (when no SMTP is set).
    pub mail_dir: Option<PathBuf>,
    /// An SMTP URL such as `smtp://mail.example.com:25` or `smtps://user:pass@host`.
    pub smtp: Option<String>,
    /// The `From` address of outgoing e-mail.
    pub mail_from: Option<String>,
    /// The site's name, in page titles and e-mails ("passguard" when left out).
    pub site_name: Option<String>,
    /// Who to contact, as in "Contact {support_contact} for assistance": one text, or one
    /// per language (`support_contact = { en = "…", de = "…" }`).
    pub support_contact: Option<LocalizedSetting>,
    /// The notice shown after login, per role.
    pub notices: Option<Notices>,
    /// Argon2id parameters and the hashing pool.
    pub argon2: Option<HashFileSettings>,
    /// How long a session lasts, such as `8h`.
    pub session_lifetime: Option<String>,
    /// The directory holding the built web pages.
    pub static_dir: Option<PathBuf>,
    /// The policy: a preset name, a policy file, or an inline `[policy]` table.
    pub policy: Option<PolicySetting>,
    /// Abuse controls: budgets, timeouts and connection caps.
    pub limits: Option<LimitsFile>,
    /// Whether `Strict-Transport-Security` (sent behind https) covers subdomains too.
    pub hsts_include_subdomains: Option<bool>,
    /// The store of breached passwords.
    pub breach: Option<BreachFile>,
    /// A policy evaluated at each login beside the one in force (a preset, a file or a
    /// table), to learn how many accounts it would hit: `GET /api/admin/policy/impact`.
    pub staged_policy: Option<PolicySetting>,
}

/// The `[breach]` table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreachFile {
    /// The store file written by `passguard breach import`.
    pub store: Option<PathBuf>,
}

/// `policy = "security-admin"` / `policy = "my-policy.toml"` / `[policy] …`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum PolicySetting {
    /// A preset name or the path of a policy file.
    Source(String),
    /// The policy itself, written in the config file.
    Inline(toml::Table),
}

/// A configured text as the config file writes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum LocalizedSetting {
    /// The same text in every language.
    Same(String),
    /// A text per language.
    PerLanguage(PerLanguage),
}

/// `{ en = "…", de = "…", fr = "…" }`, each optional.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerLanguage {
    /// English.
    pub en: Option<String>,
    /// German.
    pub de: Option<String>,
    /// French.
    pub fr: Option<String>,
}

/// The `[notices]` table: what login tells users of each role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notices {
    /// The notice for ordinary users (one text, or one per language).
    pub user: Option<LocalizedSetting>,
    /// The notice for administrators (one text, or one per language).
    pub admin: Option<LocalizedSetting>,
}

/// The `[argon2]` table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HashFileSettings {
    /// Memory per hash in KiB (OWASP: 19456 = 19 MiB).
    pub memory_kib: Option<u32>,
    /// Passes over the memory (OWASP: 2).
    pub iterations: Option<u32>,
    /// Lanes (OWASP: 1).
    pub parallelism: Option<u32>,
    /// Threads that hash; by default one per CPU core.
    pub workers: Option<usize>,
    /// Hashing jobs allowed to wait for a thread before the server answers 503 `busy`.
    pub queue: Option<usize>,
    /// Of those, how many one client may have waiting (429 `rate-limited` past it); a
    /// quarter of the queue by default.
    pub per_client_queue: Option<usize>,
}

/// Argon2id parameters and the size of the hashing pool, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashSettings {
    /// Memory per hash in KiB.
    pub memory_kib: u32,
    /// Passes over the memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
    /// Threads that hash at once.
    pub workers: usize,
    /// Jobs allowed to wait.
    pub queue: usize,
    /// Jobs one client may have waiting.
    pub per_client_queue: usize,
}

impl HashSettings {
    /// OWASP's recommendation for Argon2id (Password Storage Cheat Sheet): m = 19 MiB, t = 2, p = 1.
    pub const OWASP: HashSettings = HashSettings {
        memory_kib: 19 * 1024,
        iterations: 2,
        parallelism: 1,
        workers: 0,
        queue: 256,
        per_client_queue: 64,
    };
}

/// Where e-mail goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailSettings {
    /// An SMTP URL; when `None`, messages are written to `mail_dir`.
    pub smtp: Option<String>,
    /// The directory for `.eml` files.
    pub mail_dir: PathBuf,
    /// The `From` header.
    pub from: String,
}

/// Everything the server needs, resolved from defaults, the config file and the flags.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address to listen on.
    pub listen: SocketAddr,
    /// The base URL for links; `None` derives it from the address actually bound.
    pub public_url: Option<Url>,
    /// The database URL (`sqlite://…` or `postgres://…`).
    pub database: String,
    /// E-mail settings.
    pub mail: MailSettings,
    /// The site's name.
    pub site_name: String,
    /// "Contact {support_contact} for assistance."; `None`: the catalogue's "your
    /// administrator", in the reader's language.
    pub support_contact: Option<LocalizedSetting>,
    /// Login notices per role.
    pub notices: Notices,
    /// Argon2id and the hashing pool.
    pub hashing: HashSettings,
    /// How long a session lasts, in seconds.
    pub session_lifetime: i64,
    /// The built web pages.
    pub static_dir: PathBuf,
    /// The policy in force.
    pub policy: Policy,
    /// Adds `POST /api/test/clock`; refused unless `listen` is a loopback address.
    pub test_clock: bool,
    /// Abuse controls.
    pub limits: Limits,
    /// `includeSubDomains` in `Strict-Transport-Security`.
    pub hsts_include_subdomains: bool,
    /// The store of breached passwords (`[breach] store`), if any.
    pub breach_store: Option<PathBuf>,
    /// The staged policy, loaded by the caller from [`ConfigFile::staged_policy`] or a flag.
    pub staged_policy: Option<Policy>,
}

/// Why a config could not be resolved; the message names the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// The default listening address.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
/// The default database: a SQLite file in the working directory.
pub const DEFAULT_DATABASE: &str = "sqlite://passguard.db";
/// The default mail directory.
pub const DEFAULT_MAIL_DIR: &str = "passguard-mail";
/// The default directory of the built web pages.
pub const DEFAULT_STATIC_DIR: &str = "www/dist";
/// The default session lifetime.
pub const DEFAULT_SESSION_LIFETIME: &str = "8h";
/// The longest a session may be configured to last.
pub const MAX_SESSION_LIFETIME: Duration = Duration::from_days(30);
/// The largest Argon2 memory accepted, in KiB (4 GiB).
pub const MAX_MEMORY_KIB: u32 = 4 * 1024 * 1024;

impl ConfigFile {
    /// Reads a config file's text.
    ///
    /// # Errors
    /// When the TOML is malformed or names an unknown field (the message says where).
    pub fn from_toml(text: &str) -> Result<Self, ConfigError> {
        toml::from_str(text).map_err(|e| {
            ConfigError(format!(
                "config file: {}",
                e.to_string().lines().collect::<Vec<_>>().join(" ")
            ))
        })
    }

    /// Resolves the file with defaults, given the policy already loaded from
    /// [`ConfigFile::policy`] or a flag.
    ///
    /// # Errors
    /// When a value is out of range or unreadable; the message names the field.
    pub fn resolve(self, policy: Policy, test_clock: bool) -> Result<Config, ConfigError> {
        let listen_text = self.listen.as_deref().unwrap_or(DEFAULT_LISTEN);
        let listen: SocketAddr = listen_text.parse().map_err(|e| {
            ConfigError(format!(
                "listen: {listen_text:?} is not an address such as 127.0.0.1:8080: {e}"
            ))
        })?;
        if test_clock && !listen.ip().is_loopback() {
            return Err(ConfigError(format!(
                "--test-clock is refused unless listening on a loopback address, not {listen}"
            )));
        }
        let public_url = self
            .public_url
            .as_deref()
            .map(parse_public_url)
            .transpose()?;
        let lifetime_text = self
            .session_lifetime
            .as_deref()
            .unwrap_or(DEFAULT_SESSION_LIFETIME);
        let lifetime = Duration::parse(lifetime_text)
            .map_err(|e| ConfigError(format!("session_lifetime: {e}")))?;
        if lifetime.as_secs() < 60 || lifetime > MAX_SESSION_LIFETIME {
            return Err(ConfigError(format!(
                "session_lifetime: must be between 1min and {MAX_SESSION_LIFETIME}, found {lifetime}"
            )));
        }
        let hashing = resolve_hashing(self.argon2.unwrap_or_default())?;
        let from = self
            .mail_from
            .unwrap_or_else(|| "passguard <passguard@localhost>".to_owned());
        if from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(ConfigError(format!(
                "mail_from: {from:?} is not an e-mail address"
            )));
        }
        if let Some(smtp) = &self.smtp
            && Url::parse(smtp).is_err()
        {
            return Err(ConfigError(
                "smtp: not a URL such as smtp://mail.example.com:25".to_owned(),
            ));
        }
        Ok(Config {
            listen,
            public_url,
            database: database_url(self.database.as_deref().unwrap_or(DEFAULT_DATABASE)),
            mail: MailSettings {
                smtp: self.smtp,
                mail_dir: self
                    .mail_dir
                    .unwrap_or_else(|| PathBuf::from(DEFAULT_MAIL_DIR)),
                from,
            },
            site_name: self
                .site_name
                .filter(|name| !name.trim().is_empty())
                .unwrap_or_else(|| "passguard".to_owned()),
            support_contact: self.support_contact,
            notices: self.notices.unwrap_or_default(),
            hashing,
            session_lifetime: lifetime.as_secs_i64(),
            static_dir: self
                .static_dir
                .unwrap_or_else(|| PathBuf::from(DEFAULT_STATIC_DIR)),
            policy,
            test_clock,
            limits: self.limits.unwrap_or_default().resolve()?,
            hsts_include_subdomains: self.hsts_include_subdomains.unwrap_or(true),
            breach_store: self.breach.and_then(|breach| breach.store),
            staged_policy: None,
        })
    }
}

impl Config {
    /// The public URL: the configured one, or `http://` plus the address bound (a wildcard
    /// address reads as `127.0.0.1`).
    ///
    /// # Errors
    /// Never in practice: an address always makes a valid URL.
    pub fn public_url_for(&self, bound: SocketAddr) -> Result<Url, ConfigError> {
        if let Some(url) = &self.public_url {
            return Ok(url.clone());
        }
        let host = if bound.ip().is_unspecified() {
            SocketAddr::from(([127, 0, 0, 1], bound.port()))
        } else {
            bound
        };
        parse_public_url(&format!("http://{host}/"))
    }
}

fn parse_public_url(text: &str) -> Result<Url, ConfigError> {
    let url = Url::parse(text)
        .map_err(|e| ConfigError(format!("public_url: {text:?} is not a URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(ConfigError(format!(
            "public_url: {text:?} must be an http:// or https:// URL with a host"
        )));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(ConfigError(format!(
            "public_url: {text:?} must not have a query or fragment"
        )));
    }
    Ok(url)
}

/// `postgres://…` and `sqlite:…` URLs pass through; anything else is a SQLite file path,
/// created when missing.
#[must_use]
pub fn database_url(text: &str) -> String {
    if text.starts_with("postgres://") || text.starts_with("postgresql://") {
        return text.to_owned();
    }
    let path = text
        .strip_prefix("sqlite://")
        .or_else(|| text.strip_prefix("sqlite:"))
        .unwrap_or(text);
    if path.contains('?') {
        format!("sqlite://{path}")
    } else {
        format!("sqlite://{path}?mode=rwc")
    }
}

fn resolve_hashing(file: HashFileSettings) -> Result<HashSettings, ConfigError> {
    let default = HashSettings::OWASP;
    let workers = file.workers.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(std::num::NonZero::get)
            .unwrap_or(1)
    });
    let queue = file.queue.unwrap_or(default.queue);
    let settings = HashSettings {
        memory_kib: file.memory_kib.unwrap_or(default.memory_kib),
        iterations: file.iterations.unwrap_or(default.iterations),
        parallelism: file.parallelism.unwrap_or(default.parallelism),
        workers,
        queue,
        // A quarter of the queue unless set: one client never fills it alone.
        per_client_queue: file.per_client_queue.unwrap_or((queue / 4).max(1)),
    };
    if settings.per_client_queue == 0 {
        return Err(ConfigError(
            "argon2.per_client_queue: must be at least 1".to_owned(),
        ));
    }
    if !(1..=64).contains(&settings.workers) {
        return Err(ConfigError(
            "argon2.workers: must be 1 to 64 threads".to_owned(),
        ));
    }
    if settings.memory_kib > MAX_MEMORY_KIB {
        return Err(ConfigError(format!(
            "argon2.memory_kib: must be at most {MAX_MEMORY_KIB}"
        )));
    }
    argon2::Params::new(
        settings.memory_kib,
        settings.iterations,
        settings.parallelism,
        None,
    )
    .map_err(|e| ConfigError(format!("argon2: {e}")))?;
    Ok(settings)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn policy() -> Policy {
        Policy::preset("security-admin").unwrap()
    }

    #[test]
    fn an_empty_file_takes_the_defaults() {
        let config = ConfigFile::from_toml("")
            .unwrap()
            .resolve(policy(), false)
            .unwrap();
        assert_eq!(config.listen.to_string(), DEFAULT_LISTEN);
        assert_eq!(config.database, "sqlite://passguard.db?mode=rwc");
        assert_eq!(config.hashing.memory_kib, 19_456);
        assert_eq!(config.hashing.iterations, 2);
        assert_eq!(config.hashing.parallelism, 1);
        assert_eq!(config.session_lifetime, 8 * 3600);
        assert_eq!(
            config
                .public_url_for("0.0.0.0:9000".parse().unwrap())
                .unwrap()
                .as_str(),
            "http://127.0.0.1:9000/"
        );
    }

    #[test]
    fn every_field_is_read() {
        let text = r#"
            listen = "127.0.0.1:9999"
            public_url = "https://pw.example.com/base/"
            database = "/var/lib/passguard/db.sqlite"
            support_contact = "the service desk"
            session_lifetime = "30min"
            policy = "nist-800-63b"
            [notices]
            user = "Authorised use only."
            admin = "Admins: every action is logged."
            [argon2]
            memory_kib = 8192
            iterations = 3
            parallelism = 2
            workers = 1
            queue = 10
        "#;
        let file = ConfigFile::from_toml(text).unwrap();
        assert!(matches!(&file.policy, Some(PolicySetting::Source(s)) if s == "nist-800-63b"));
        let config = file.resolve(policy(), false).unwrap();
        assert_eq!(
            config.public_url.unwrap().as_str(),
            "https://pw.example.com/base/"
        );
        assert_eq!(
            config.database,
            "sqlite:///var/lib/passguard/db.sqlite?mode=rwc"
        );
        assert_eq!(config.session_lifetime, 1800);
        assert_eq!(
            config.notices.admin,
            Some(LocalizedSetting::Same(
                "Admins: every action is logged.".to_owned()
            ))
        );
        assert_eq!(config.hashing.memory_kib, 8192);
        assert_eq!(config.hashing.workers, 1);
    }

    #[test]
    fn configured_texts_may_be_given_per_language() {
        let text = r#"
            site_name = "Partner portal"
            support_contact = { en = "the service desk", de = "den Service-Desk" }
            [notices]
            user = { de = "Nur für befugte Nutzung." }
        "#;
        let config = ConfigFile::from_toml(text)
            .unwrap()
            .resolve(policy(), false)
            .unwrap();
        assert_eq!(config.site_name, "Partner portal");
        assert_eq!(
            config.support_contact,
            Some(LocalizedSetting::PerLanguage(PerLanguage {
                en: Some("the service desk".to_owned()),
                de: Some("den Service-Desk".to_owned()),
                fr: None,
            }))
        );
        assert!(matches!(
            config.notices.user,
            Some(LocalizedSetting::PerLanguage(PerLanguage {
                de: Some(_),
                ..
            }))
        ));
        let error = ConfigFile::from_toml("support_contact = { it = \"x\" }")
            .and_then(|file| file.resolve(policy(), false))
            .unwrap_err();
        assert!(error.0.contains("support_contact"), "{error}");
    }

    #[test]
    fn bad_values_name_their_field() {
        let fails = |text: &str, field: &str| {
            let error = ConfigFile::from_toml(text)
                .and_then(|file| file.resolve(policy(), false))
                .unwrap_err();
            assert!(error.0.contains(field), "{text}: {error}");
        };
        fails("listen = \"nowhere\"", "listen");
        fails("public_url = \"ftp://x\"", "public_url");
        fails("session_lifetime = \"90d\"", "session_lifetime");
        fails("[argon2]\nmemory_kib = 1", "argon2");
        fails("unknown = 1", "unknown");
        fails("mail_from = \"not an address\"", "mail_from");
    }

    #[test]
    fn the_test_clock_needs_loopback() {
        let file = ConfigFile::from_toml("listen = \"0.0.0.0:8080\"").unwrap();
        assert!(file.clone().resolve(policy(), true).is_err());
        assert!(file.resolve(policy(), false).is_ok());
        let file = ConfigFile::from_toml("listen = \"[::1]:8080\"").unwrap();
        assert!(file.resolve(policy(), true).is_ok());
    }

    #[test]
    fn database_urls() {
        assert_eq!(database_url("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(database_url("x.db"), "sqlite://x.db?mode=rwc");
        assert_eq!(database_url("sqlite:x.db"), "sqlite://x.db?mode=rwc");
        assert_eq!(
            database_url("sqlite://x.db?mode=ro"),
            "sqlite://x.db?mode=ro"
        );
    }
}
