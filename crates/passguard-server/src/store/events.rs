//! The account event log: written inside the transaction of the change it records, read
//! newest first by account or by organization.

use std::sync::atomic::{AtomicI64, Ordering};

use passguard_wire::EventAction;
use sqlx::Row;

use super::{Result, Store, Tx};

/// One event to write. Nothing secret may go in: no password, answer, token or hash.
#[derive(Debug, Clone)]
pub(crate) struct NewEvent {
    pub(crate) at: i64,
    /// A username, `system` or `command-line`.
    pub(crate) actor: String,
    pub(crate) action: EventAction,
    pub(crate) username: String,
    pub(crate) username_key: String,
    pub(crate) org_id: Option<i64>,
    pub(crate) org: Option<String>,
    pub(crate) detail: Option<String>,
}

impl NewEvent {
    /// The same event as another action, by `actor` (a lock set by a failure is the
    /// system's doing).
    pub(crate) fn but(&self, action: EventAction, actor: &str) -> NewEvent {
        NewEvent {
            action,
            actor: actor.to_owned(),
            detail: None,
            ..self.clone()
        }
    }

    /// With particulars.
    pub(crate) fn saying(mut self, detail: String) -> Self {
        self.detail = Some(detail);
        self
    }
}

/// An event read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EventRow {
    pub(crate) at: i64,
    pub(crate) actor: String,
    pub(crate) action: String,
    pub(crate) username: String,
    pub(crate) org: Option<String>,
    pub(crate) detail: Option<String>,
}

/// Which events to read.
#[derive(Debug, Clone, Default)]
pub(crate) struct EventFilter<'a> {
    /// One account's (by username key).
    pub(crate) username_key: Option<&'a str>,
    /// One organization's.
    pub(crate) org_id: Option<i64>,
    pub(crate) limit: i64,
    pub(crate) offset: i64,
}

/// Orders the events of one second: microseconds of the system clock when this process
/// started, and one more for each event since, so that within a process the order is the
/// order of writing and across restarts it keeps growing.
static SEQUENCE: AtomicI64 = AtomicI64::new(0);

fn next_seq() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX))
        .unwrap_or(0);
    let previous = SEQUENCE
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |last| {
            Some(last.saturating_add(1).max(now))
        })
        .unwrap_or(now);
    previous.saturating_add(1).max(now)
}

/// Writes `event` in `tx`.
pub(super) async fn insert_event(tx: &mut Tx, event: &NewEvent) -> Result<()> {
    let id = crate::tokens::new_id().map_err(|e| sqlx::Error::Protocol(format!("CSPRNG: {e}")))?;
    sqlx::query(
        "INSERT INTO events (id, seq, at, actor, action, username, username_key, org_id, org, \
           detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id)
    .bind(next_seq())
    .bind(event.at)
    .bind(&event.actor)
    .bind(event.action.id())
    .bind(&event.username)
    .bind(&event.username_key)
    .bind(event.org_id)
    .bind(&event.org)
    .bind(&event.detail)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// The events `filter` selects, newest first, and how many there are in all.
    pub(crate) async fn events(&self, filter: &EventFilter<'_>) -> Result<(Vec<EventRow>, i64)> {
        macro_rules! filtered {
            () => {
                " FROM events WHERE ($1 IS NULL OR username_key = $1) \
                  AND ($2 IS NULL OR org_id = $2)"
            };
        }
        let total: i64 = sqlx::query(concat!("SELECT CAST(COUNT(*) AS BIGINT) AS n", filtered!()))
            .bind(filter.username_key)
            .bind(filter.org_id)
            .fetch_one(&self.pool)
            .await?
            .try_get("n")?;
        let rows = sqlx::query(concat!(
            "SELECT at, actor, action, username, org, detail",
            filtered!(),
            " ORDER BY at DESC, seq DESC LIMIT $3 OFFSET $4"
        ))
        .bind(filter.username_key)
        .bind(filter.org_id)
        .bind(filter.limit)
        .bind(filter.offset)
        .fetch_all(&self.pool)
        .await?;
        let events = rows
            .iter()
            .map(|row| {
                Ok(EventRow {
                    at: row.try_get("at")?,
                    actor: row.try_get("actor")?,
                    action: row.try_get("action")?,
                    username: row.try_get("username")?,
                    org: row.try_get("org")?,
                    detail: row.try_get("detail")?,
                })
            })
            .collect::<Result<_>>()?;
        Ok((events, total))
    }
}
