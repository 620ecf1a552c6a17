//! The `[limits]` table (SPEC §8): which peers may name the client, the budgets of failed
//! logins and of forgotten-password e-mails, and the connection timeouts and caps.

use std::time::Duration as StdDuration;

use ipnet::IpNet;
use passguard_policy::Duration;
use serde::Deserialize;

use super::ConfigError;

/// The `[limits]` table as written; every field may be left out.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsFile {
    /// Peers (addresses or CIDR ranges) whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Option<Vec<String>>,
    /// Failed logins a client address may make across all accounts, such as `30/10min`.
    pub failed_logins_per_client: Option<String>,
    /// Forgotten-password e-mails an account may receive, such as `3/h`.
    pub forgot_per_account: Option<String>,
    /// Forgotten-password requests a client address may make, such as `20/h`.
    pub forgot_per_client: Option<String>,
    /// How long a request's headers may take to arrive.
    pub header_timeout: Option<String>,
    /// How long a request's body may take to arrive.
    pub body_timeout: Option<String>,
    /// How long a keep-alive connection may sit idle.
    pub idle_timeout: Option<String>,
    /// Connections one client address may hold open at once.
    pub max_connections_per_client: Option<usize>,
    /// Connections in all; by default half of what the process's file-handle limit leaves.
    pub max_connections: Option<usize>,
    /// Range lookups of breached passwords (`GET /api/breach/range/…`) per client.
    pub breach_range_per_client: Option<String>,
}

/// A budget: `count` events per `per`, as a token bucket that holds `count` and refills
/// one every `per / count` (governor's GCRA: a burst of `count`, then a steady rate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// Events allowed at once.
    pub count: u32,
    /// The window they refill over.
    pub per: Duration,
}

impl Rate {
    /// Reads `30/10min`, `3/h` (a bare unit is one of it) or `20/1h`.
    ///
    /// # Errors
    /// When the text is not `COUNT/DURATION` with a count from 1.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (count, per) = text
            .split_once('/')
            .ok_or_else(|| format!("{text:?} is not COUNT/DURATION, such as \"30/10min\""))?;
        let count: u32 = count
            .trim()
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("{text:?}: the count is a whole number from 1"))?;
        let per = per.trim();
        let per = if per.starts_with(|c: char| c.is_ascii_digit()) {
            per.to_owned()
        } else {
            format!("1{per}")
        };
        let per = Duration::parse(&per).map_err(|e| format!("{text:?}: {e}"))?;
        if per == Duration::ZERO {
            return Err(format!("{text:?}: the window must be longer than 0"));
        }
        Ok(Self { count, per })
    }

    /// Milliseconds between two refills.
    #[must_use]
    pub fn interval_ms(self) -> i64 {
        let per_ms = self.per.as_secs().saturating_mul(1000);
        let interval = per_ms.div_ceil(u64::from(self.count)).max(1);
        i64::try_from(interval).unwrap_or(i64::MAX)
    }

    /// How far ahead of now the bucket may run: `count - 1` intervals (the burst).
    #[must_use]
    pub fn tolerance_ms(self) -> i64 {
        self.interval_ms()
            .saturating_mul(i64::from(self.count).saturating_sub(1))
    }
}

impl std::fmt::Display for Rate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.count, self.per)
    }
}

/// `[limits]`, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Peers whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpNet>,
    /// See [`LimitsFile::failed_logins_per_client`].
    pub failed_logins_per_client: Rate,
    /// See [`LimitsFile::forgot_per_account`].
    pub forgot_per_account: Rate,
    /// See [`LimitsFile::forgot_per_client`].
    pub forgot_per_client: Rate,
    /// See [`LimitsFile::header_timeout`].
    pub header_timeout: StdDuration,
    /// See [`LimitsFile::body_timeout`].
    pub body_timeout: StdDuration,
    /// See [`LimitsFile::idle_timeout`].
    pub idle_timeout: StdDuration,
    /// See [`LimitsFile::max_connections_per_client`].
    pub max_connections_per_client: usize,
    /// See [`LimitsFile::max_connections`]; `None` derives it from the file-handle limit.
    pub max_connections: Option<usize>,
    /// See [`LimitsFile::breach_range_per_client`].
    pub breach_range_per_client: Rate,
}

/// SPEC §8's defaults.
const DEFAULT_FAILED_LOGINS_PER_CLIENT: &str = "30/10min";
/// SPEC §8's default.
const DEFAULT_FORGOT_PER_ACCOUNT: &str = "3/h";
/// SPEC §8's default.
const DEFAULT_FORGOT_PER_CLIENT: &str = "20/h";
/// SPEC §8's default.
const DEFAULT_HEADER_TIMEOUT: &str = "10s";
/// SPEC §8's default.
const DEFAULT_BODY_TIMEOUT: &str = "30s";
/// SPEC §8's default.
const DEFAULT_IDLE_TIMEOUT: &str = "120s";
/// SPEC §8's default.
const DEFAULT_MAX_CONNECTIONS_PER_CLIENT: usize = 128;
/// Ours: the pages ask once per new 5-digit prefix as a password is typed (a few per
/// password), so a burst of 120 never stops a person, while a client walking all 2²⁰
/// prefixes to copy the corpus needs over a week.
const DEFAULT_BREACH_RANGE_PER_CLIENT: &str = "120/10min";

impl LimitsFile {
    /// Resolves the table with SPEC §8's defaults.
    ///
    /// # Errors
    /// When a value does not read; the message names the field.
    pub fn resolve(self) -> Result<Limits, ConfigError> {
        let rate = |field: &str, value: Option<String>, default: &str| {
            Rate::parse(value.as_deref().unwrap_or(default))
                .map_err(|e| ConfigError(format!("limits.{field}: {e}")))
        };
        let timeout = |field: &str, value: Option<String>, default: &str| {
            let text = value.unwrap_or_else(|| default.to_owned());
            let duration =
                Duration::parse(&text).map_err(|e| ConfigError(format!("limits.{field}: {e}")))?;
            if duration == Duration::ZERO || duration > Duration::from_hours(1) {
                return Err(ConfigError(format!(
                    "limits.{field}: must be longer than 0 and at most 1h, found {text}"
                )));
            }
            Ok(StdDuration::from_secs(duration.as_secs()))
        };
        let trusted_proxies = self
            .trusted_proxies
            .unwrap_or_default()
            .iter()
            .map(|entry| parse_net(entry))
            .collect::<Result<_, _>>()?;
        let per_client = self
            .max_connections_per_client
            .unwrap_or(DEFAULT_MAX_CONNECTIONS_PER_CLIENT);
        if per_client == 0 {
            return Err(ConfigError(
                "limits.max_connections_per_client: must be at least 1".to_owned(),
            ));
        }
        if self.max_connections == Some(0) {
            return Err(ConfigError(
                "limits.max_connections: must be at least 1".to_owned(),
            ));
        }
        Ok(Limits {
            trusted_proxies,
            failed_logins_per_client: rate(
                "failed_logins_per_client",
                self.failed_logins_per_client,
                DEFAULT_FAILED_LOGINS_PER_CLIENT,
            )?,
            forgot_per_account: rate(
                "forgot_per_account",
                self.forgot_per_account,
                DEFAULT_FORGOT_PER_ACCOUNT,
            )?,
            forgot_per_client: rate(
                "forgot_per_client",
                self.forgot_per_client,
                DEFAULT_FORGOT_PER_CLIENT,
            )?,
            header_timeout: timeout(
                "header_timeout",
                self.header_timeout,
                DEFAULT_HEADER_TIMEOUT,
            )?,
            body_timeout: timeout("body_timeout", self.body_timeout, DEFAULT_BODY_TIMEOUT)?,
            idle_timeout: timeout("idle_timeout", self.idle_timeout, DEFAULT_IDLE_TIMEOUT)?,
            max_connections_per_client: per_client,
            max_connections: self.max_connections,
            breach_range_per_client: rate(
                "breach_range_per_client",
                self.breach_range_per_client,
                DEFAULT_BREACH_RANGE_PER_CLIENT,
            )?,
        })
    }
}

/// `10.0.0.0/8`, `2001:db8::/32` or a single address.
fn parse_net(entry: &str) -> Result<IpNet, ConfigError> {
    let entry = entry.trim();
    entry
        .parse::<IpNet>()
        .or_else(|_| entry.parse::<std::net::IpAddr>().map(IpNet::from))
        .map_err(|_| {
            ConfigError(format!(
                "limits.trusted_proxies: {entry:?} is neither an address nor a range such as 10.0.0.0/8"
            ))
        })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn rates_read_as_spec_writes_them() {
        let rate = Rate::parse("30/10min").unwrap();
        assert_eq!((rate.count, rate.per.as_secs()), (30, 600));
        assert_eq!(rate.interval_ms(), 20_000);
        assert_eq!(rate.tolerance_ms(), 29 * 20_000);
        assert_eq!(Rate::parse("3/h").unwrap().per.as_secs(), 3600);
        assert_eq!(Rate::parse("1/24h").unwrap().tolerance_ms(), 0);
        for bad in ["30", "0/h", "x/h", "3/", "3/0s", "3/fortnight"] {
            assert!(Rate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn defaults_and_errors_naming_the_field() {
        let limits = LimitsFile::default().resolve().unwrap();
        assert_eq!(limits.failed_logins_per_client.to_string(), "30/10min");
        assert_eq!(limits.header_timeout, StdDuration::from_secs(10));
        assert_eq!(limits.max_connections_per_client, 128);
        let bad = LimitsFile {
            trusted_proxies: Some(vec!["10.0.0.0/8".to_owned(), "proxy".to_owned()]),
            ..LimitsFile::default()
        };
        assert!(
            bad.resolve()
                .unwrap_err()
                .0
                .contains("limits.trusted_proxies")
        );
        let bad = LimitsFile {
            idle_timeout: Some("0s".to_owned()),
            ..LimitsFile::default()
        };
        assert!(bad.resolve().unwrap_err().0.contains("limits.idle_timeout"));
    }
}
