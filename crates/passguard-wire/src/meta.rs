//! What the server says about itself, and the test hooks of `--test-clock`.

use serde::{Deserialize, Serialize};

/// What the pages show before anyone signs in (`GET /api/site`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Site {
    /// The site's name, as page titles and e-mails show it ("Sign in – {site_name}").
    #[serde(default)]
    pub site_name: String,
    /// Who to contact, as in "Contact {support_contact} for assistance", in the language
    /// the request asked for.
    pub support_contact: String,
    /// The public base URL.
    pub public_url: String,
}

/// `POST /api/test/clock` (test clock only).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockRequest {
    /// How far to move the clock forward, in seconds.
    pub advance_seconds: i64,
}

/// The test clock after a move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockAnswer {
    /// The clock's time now (Unix seconds).
    pub now: i64,
    /// How many expiry notices the jobs that became due sent.
    pub notices_sent: usize,
}

/// `GET /api/test/counters` (test clock only): the hashing work done, the connections, and
/// the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestCounters {
    /// Argon2 verifications (logins, current passwords, history, security answers).
    pub verifications: u64,
    /// Argon2 hashes made (new passwords, answers, rehashes).
    pub hashes: u64,
    /// The clock's time (Unix seconds).
    pub now: i64,
    /// What happened to connections (zero when the app runs without the server's loop).
    #[serde(default)]
    pub connections: ConnectionCounters,
}

/// Connections open now, and since the start: refused at a cap, closed by a timeout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionCounters {
    /// Open now.
    pub open: u64,
    /// Refused: the client held `max_connections_per_client`.
    pub refused_per_client: u64,
    /// Refused: the server held `max_connections`.
    pub refused_total: u64,
    /// Closed: a request head did not arrive within `header_timeout`.
    pub header_timeouts: u64,
    /// Closed: idle between requests for `idle_timeout`.
    pub idle_closed: u64,
    /// Closed: the client left a response unread for `idle_timeout`.
    pub stalled: u64,
}
