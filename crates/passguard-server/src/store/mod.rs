//! Storage through sqlx's `Any` driver: one set of SQL statements and migrations for SQLite
//! (the default, a file created at start) and PostgreSQL (several processes sharing one
//! database).
//!
//! Everything that must hold under concurrency is one statement or one transaction whose
//! first statement writes: failure counters are incremented and the lock decided in a single
//! `UPDATE … RETURNING`; a link is consumed by an `UPDATE … WHERE used_at IS NULL`; a password
//! change is guarded by the hash it replaces. SQLite serialises writers, PostgreSQL re-checks
//! a row's `WHERE` after waiting for its lock; both give exactly-once results. An event of
//! the account log is written in the same transaction as the change it records.
//!
//! `users.rs` holds the accounts' statements, `secrets.rs` links and sessions, `orgs.rs` the
//! organizations, `grid.rs` the administrators' search of accounts, `events.rs` the log.

mod events;
mod grid;
mod limits;
mod orgs;
mod secrets;
mod staged;
mod users;

use passguard_i18n::Locale;
use sqlx::AnyPool;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{Any, Row, Transaction};

use crate::model::{LinkPurpose, Role, SessionScope, StoredId};

pub(crate) use events::{EventFilter, NewEvent};
pub(crate) use grid::UsersFilter;
pub(crate) use limits::Take;
pub(crate) use orgs::{Effective, OrgRow};

/// What every statement returns: rows, or the database's own error for the caller to handle.
type Result<T> = std::result::Result<T, sqlx::Error>;

/// A transaction on the pool.
type Tx = Transaction<'static, Any>;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
}

/// Why the database could not be opened.
#[derive(Debug)]
pub struct StoreError(String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

/// A user's row.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct User {
    pub(crate) id: i64,
    pub(crate) username: String,
    pub(crate) email: String,
    pub(crate) role: Role,
    pub(crate) password_hash: Option<String>,
    pub(crate) password_changed_at: Option<i64>,
    pub(crate) failed_logins: i64,
    /// Wrong sets of security answers since the last right one.
    pub(crate) failed_answers: i64,
    pub(crate) locked_at: Option<i64>,
    /// When an administrator's reset revoked the password: it signs in no more until a new
    /// one is chosen.
    pub(crate) password_revoked_at: Option<i64>,
    /// The language of the account's e-mails.
    pub(crate) locale: Locale,
    /// When an administrator disabled it, if it is disabled.
    pub(crate) disabled_at: Option<i64>,
    /// Its organization, if it belongs to one.
    pub(crate) org: Option<OrgRow>,
}

impl User {
    /// Its organization's id.
    pub(crate) fn org_id(&self) -> Option<i64> {
        self.org.as_ref().map(|org| org.id)
    }

    /// Its organization's slug.
    pub(crate) fn org_slug(&self) -> Option<&str> {
        self.org.as_ref().map(|org| org.slug.as_str())
    }
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("username", &self.username)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

/// When repeated failures lock an account: the threshold, and which locks are still live.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LockRule {
    /// The count that locks; `i64::MAX` never locks.
    pub(crate) threshold: i64,
    /// A lock set at or before this time has lifted (`i64::MIN` when only an admin unlocks).
    pub(crate) lifted_until: i64,
    /// The time of the failure.
    pub(crate) now: i64,
    /// A counter whose last failure is older than this starts again.
    pub(crate) forgotten_before: i64,
}

/// The counter and lock after a failure was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LockState {
    pub(crate) failed: i64,
    pub(crate) locked: bool,
    /// This failure set the lock (the counter reached the threshold just now).
    pub(crate) locked_now: bool,
}

/// A registration or reset link's row.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub(crate) verifier_hash: String,
    pub(crate) user_id: i64,
    pub(crate) purpose: LinkPurpose,
    pub(crate) expires_at: i64,
    pub(crate) used_at: Option<i64>,
}

/// A session's row.
#[derive(Debug, Clone)]
pub(crate) struct Session {
    pub(crate) verifier_hash: String,
    pub(crate) user_id: i64,
    pub(crate) scope: SessionScope,
    pub(crate) expires_at: i64,
}

/// A new secret's row (link or session): selector, verifier hash, owner and lifetime.
pub(crate) struct NewSecret<'a> {
    pub(crate) selector: &'a str,
    pub(crate) verifier_hash: &'a str,
    pub(crate) user_id: i64,
    pub(crate) now: i64,
    pub(crate) expires_at: i64,
}

/// What a new password replaces, checked inside the transaction that sets it.
pub(crate) enum Guard<'a> {
    /// A change: the hash verified as the current password must still be the stored one.
    CurrentHash(&'a str),
    /// A registration or reset: this link must still be unused and unexpired, and is consumed.
    Link {
        selector: &'a str,
        purpose: LinkPurpose,
    },
}

/// Setting a password.
pub(crate) struct NewPassword<'a> {
    pub(crate) user_id: i64,
    pub(crate) hash: &'a str,
    pub(crate) now: i64,
    /// How many hashes to remember, the new one included (at least 1).
    pub(crate) keep: i64,
    pub(crate) guard: Guard<'a>,
    /// Security questions and answer hashes chosen at registration.
    pub(crate) answers: Option<&'a [(String, String)]>,
    /// Locks set at or before this time have lifted; a live lock refuses the change.
    pub(crate) lifted_until: i64,
    /// The account's language from now on, when the request names one.
    pub(crate) locale: Option<Locale>,
}

/// The columns of an account's row with its organization's (`users u`, `organizations o`).
macro_rules! user_columns {
    () => {
        "u.id, u.username, u.email, u.role, u.password_hash, u.password_changed_at, \
         u.failed_logins, u.failed_answers, u.locked_at, u.password_revoked_at, u.locale, \
         u.disabled_at, \
         o.id AS org_id, o.slug AS org_slug, o.name AS org_name, o.policy AS org_policy, \
         o.support_contact AS org_contact, o.notice_user AS org_notice_user, \
         o.notice_admin AS org_notice_admin"
    };
}
pub(crate) use user_columns;

/// An account's row with its organization's, for a `WHERE` on `u` (users) to follow.
macro_rules! user_select {
    () => {
        concat!(
            "SELECT ",
            user_columns!(),
            " FROM users u LEFT JOIN organizations o ON o.id = u.org_id"
        )
    };
}
pub(crate) use user_select;

/// A stored id read back as its closed set; an id this version does not know is a decode
/// error (the row was written by something else).
fn stored<T: StoredId>(row: &AnyRow, column: &str) -> Result<T> {
    let id: String = row.try_get(column)?;
    T::from_id(&id).ok_or_else(|| sqlx::Error::ColumnDecode {
        index: column.to_owned(),
        source: format!("unknown {column} {id:?}").into(),
    })
}

fn user_from(row: &AnyRow) -> Result<User> {
    Ok(User {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        email: row.try_get("email")?,
        role: stored(row, "role")?,
        password_hash: row.try_get("password_hash")?,
        password_changed_at: row.try_get("password_changed_at")?,
        failed_logins: row.try_get("failed_logins")?,
        failed_answers: row.try_get("failed_answers")?,
        locked_at: row.try_get("locked_at")?,
        password_revoked_at: row.try_get("password_revoked_at")?,
        // A tag this version does not speak (written by a newer one) reads as English.
        locale: Locale::from_tag(&row.try_get::<String, _>("locale")?).unwrap_or_default(),
        disabled_at: row.try_get("disabled_at")?,
        org: orgs::joined_org(row)?,
    })
}

fn lock_from(row: &AnyRow, rule: LockRule, counter: &str) -> Result<LockState> {
    let locked_at: Option<i64> = row.try_get("locked_at")?;
    let failed = row.try_get(counter)?;
    Ok(LockState {
        failed,
        locked: locked_at.is_some_and(|at| at > rule.lifted_until),
        locked_now: locked_at == Some(rule.now) && failed == rule.threshold,
    })
}

impl Store {
    /// Opens (and for SQLite creates) the database at `url` and brings its schema up to date.
    ///
    /// # Errors
    /// When the database cannot be reached or migrated.
    pub async fn connect(url: &str) -> std::result::Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let sqlite = url.starts_with("sqlite:");
        let mut options = AnyPoolOptions::new()
            .max_connections(if sqlite { 8 } else { 16 })
            .acquire_timeout(std::time::Duration::from_secs(30));
        if sqlite {
            options = options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    // WAL lets readers run beside the one writer; NORMAL sync loses nothing
                    // when the process dies (only on power loss); writers wait, not fail.
                    sqlx::raw_sql(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;",
                    )
                    .execute(&mut *conn)
                    .await?;
                    Ok(())
                })
            });
        }
        let pool = options
            .connect(url)
            .await
            .map_err(|e| StoreError(format!("cannot open the database: {e}")))?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| StoreError(format!("cannot migrate the database: {e}")))?;
        Ok(Self { pool })
    }

    /// Closes every connection.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A new invited account's fields.
pub(crate) struct InvitedUser<'a> {
    pub(crate) username: &'a str,
    pub(crate) username_key: &'a str,
    pub(crate) email: &'a str,
    pub(crate) email_key: &'a str,
    pub(crate) role: Role,
    /// Its organization.
    pub(crate) org_id: Option<i64>,
    /// The language of its e-mails until its owner registers.
    pub(crate) locale: Locale,
}
