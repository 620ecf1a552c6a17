//! Storage through sqlx's `Any` driver: one set of SQL statements and migrations for SQLite
//! (the default, a file created at start) and PostgreSQL (several processes sharing one
//! database).
//!
//! Everything that must hold under concurrency is one statement or one transaction whose
//! first statement writes: failure counters are incremented and the lock decided in a single
//! `UPDATE … RETURNING`; a link is consumed by an `UPDATE … WHERE used_at IS NULL`; a password
//! change is guarded by the hash it replaces. SQLite serialises writers, PostgreSQL re-checks
//! a row's `WHERE` after waiting for its lock; both give exactly-once results.

use passguard_i18n::Locale;
use sqlx::AnyPool;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{Row, Transaction};

use crate::model::{LinkPurpose, Role, SessionScope, StoredId};

/// What every statement returns: rows, or the database's own error for the caller to handle.
type Result<T> = std::result::Result<T, sqlx::Error>;

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
    pub(crate) locked_at: Option<i64>,
    /// The language of the account's e-mails.
    pub(crate) locale: Locale,
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

/// A user as the admin list shows it.
#[derive(Debug, Clone)]
pub(crate) struct ListedUser {
    pub(crate) user: User,
    pub(crate) reset_pending: bool,
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
}

/// The counter and lock after a failure was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LockState {
    pub(crate) failed: i64,
    pub(crate) locked: bool,
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

macro_rules! user_columns {
    () => {
        "id, username, email, role, password_hash, password_changed_at, failed_logins, locked_at, \
         locale"
    };
}

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
        locked_at: row.try_get("locked_at")?,
        // A tag this version does not speak (written by a newer one) reads as English.
        locale: Locale::from_tag(&row.try_get::<String, _>("locale")?).unwrap_or_default(),
    })
}

fn lock_from(row: &AnyRow, rule: LockRule, counter: &str) -> Result<LockState> {
    let locked_at: Option<i64> = row.try_get("locked_at")?;
    Ok(LockState {
        failed: row.try_get(counter)?,
        locked: locked_at.is_some_and(|at| at > rule.lifted_until),
    })
}

/// The statement that counts one failure in `$table` (the row whose `$key` is `$1`): the
/// counter restarts after a lock that has lifted, a live lock changes nothing, and reaching
/// the threshold sets the lock. `$also` is whatever else the statement sets (for an account,
/// clearing the other kind's counter once a lifted lock is left behind). Binds: `$1` the key,
/// `$2` the time before which a lock has lifted, `$3` the threshold, `$4` now.
macro_rules! count_failure_statement {
    ($table:literal, $key:literal, $counter:literal, $also:literal) => {
        concat!(
            "UPDATE ",
            $table,
            " SET ",
            $counter,
            " = CASE WHEN locked_at > $2 THEN ",
            $counter,
            " ",
            "WHEN locked_at IS NOT NULL THEN 1 ELSE ",
            $counter,
            " + 1 END, ",
            $also,
            "locked_at = CASE WHEN locked_at > $2 THEN locked_at ",
            "WHEN (CASE WHEN locked_at IS NOT NULL THEN 1 ELSE ",
            $counter,
            " + 1 END) >= $3 ",
            "THEN $4 ELSE NULL END ",
            "WHERE ",
            $key,
            " = $1 RETURNING ",
            $counter,
            ", locked_at"
        )
    };
}

/// Counts a failed login of an account.
const LOGIN_FAILED: &str = count_failure_statement!(
    "users",
    "id",
    "failed_logins",
    "failed_answers = CASE WHEN locked_at <= $2 THEN 0 ELSE failed_answers END, "
);
/// Counts a wrong set of security answers.
const ANSWERS_FAILED: &str = count_failure_statement!(
    "users",
    "id",
    "failed_answers",
    "failed_logins = CASE WHEN locked_at <= $2 THEN 0 ELSE failed_logins END, "
);
/// Counts a failed login of a name that is no account.
const UNKNOWN_LOGIN_FAILED: &str =
    count_failure_statement!("login_throttle", "name_digest", "failed_logins", "");

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

    pub(crate) async fn user_by_key(&self, username_key: &str) -> Result<Option<User>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            " FROM users WHERE username_key = $1"
        ))
        .bind(username_key)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user_from).transpose()
    }

    pub(crate) async fn user_by_id(&self, id: i64) -> Result<Option<User>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            " FROM users WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user_from).transpose()
    }

    pub(crate) async fn users_by_email_key(&self, email_key: &str) -> Result<Vec<User>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            " FROM users WHERE email_key = $1 ORDER BY username_key LIMIT 10"
        ))
        .bind(email_key)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user_from).collect()
    }

    pub(crate) async fn list_users(&self, now: i64) -> Result<Vec<ListedUser>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            ", CAST((SELECT COUNT(*) FROM links l WHERE l.user_id = users.id AND l.purpose = $2 \
              AND l.used_at IS NULL AND l.expires_at >= $1) AS BIGINT) AS pending_resets \
             FROM users ORDER BY username_key"
        ))
        .bind(now)
        .bind(LinkPurpose::Reset.id())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let pending: i64 = row.try_get("pending_resets")?;
                Ok(ListedUser {
                    user: user_from(row)?,
                    reset_pending: pending > 0,
                })
            })
            .collect()
    }

    pub(crate) async fn reset_pending(&self, user_id: i64, now: i64) -> Result<bool> {
        let count: i64 = sqlx::query(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM links WHERE user_id = $1 \
             AND purpose = $3 AND used_at IS NULL AND expires_at >= $2",
        )
        .bind(user_id)
        .bind(now)
        .bind(LinkPurpose::Reset.id())
        .fetch_one(&self.pool)
        .await?
        .try_get("n")?;
        Ok(count > 0)
    }

    /// Creates an invited account and its registration link in one transaction; `false`
    /// when the username is taken.
    pub(crate) async fn invite(
        &self,
        user: &InvitedUser<'_>,
        link: &NewSecret<'_>,
    ) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO users (id, username, username_key, email, email_key, role, created_at, \
               locale) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (username_key) DO NOTHING",
        )
        .bind(link.user_id)
        .bind(user.username)
        .bind(user.username_key)
        .bind(user.email)
        .bind(user.email_key)
        .bind(user.role.id())
        .bind(link.now)
        .bind(user.locale.tag())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        insert_link(&mut tx, link, LinkPurpose::Register).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Records a failed login of a registered account: one statement increments the
    /// counter and sets the lock when the returned count reaches the threshold; a live lock
    /// leaves both unchanged.
    pub(crate) async fn login_failed(&self, id: i64, rule: LockRule) -> Result<LockState> {
        self.count_failure(id, rule, LOGIN_FAILED, "failed_logins")
            .await
    }

    /// Records a wrong set of security answers, as [`Store::login_failed`] does logins.
    pub(crate) async fn answers_failed(&self, id: i64, rule: LockRule) -> Result<LockState> {
        self.count_failure(id, rule, ANSWERS_FAILED, "failed_answers")
            .await
    }

    /// Runs one of the two counting statements (`count_failure_statement!`) and reads the lock.
    async fn count_failure(
        &self,
        id: i64,
        rule: LockRule,
        statement: &'static str,
        counter: &str,
    ) -> Result<LockState> {
        let row = sqlx::query(statement)
            .bind(id)
            .bind(rule.lifted_until)
            .bind(rule.threshold)
            .bind(rule.now)
            .fetch_one(&self.pool)
            .await?;
        lock_from(&row, rule, counter)
    }

    /// Records a failed login for a name that is no registered account, with the same
    /// counting and locking as a real account: the name's row is made if missing, then the
    /// same statement counts, in one transaction whose first statement writes.
    pub(crate) async fn unknown_login_failed(
        &self,
        name_digest: &str,
        rule: LockRule,
    ) -> Result<LockState> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO login_throttle (name_digest, failed_logins, locked_at) \
             VALUES ($1, 0, NULL) ON CONFLICT (name_digest) DO NOTHING",
        )
        .bind(name_digest)
        .execute(&mut *tx)
        .await?;
        let row = sqlx::query(UNKNOWN_LOGIN_FAILED)
            .bind(name_digest)
            .bind(rule.lifted_until)
            .bind(rule.threshold)
            .bind(rule.now)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        lock_from(&row, rule, "failed_logins")
    }

    /// Forgets the failed logins counted for a name before it became an account.
    pub(crate) async fn forget_unknown_name(&self, name_digest: &str) -> Result<()> {
        sqlx::query("DELETE FROM login_throttle WHERE name_digest = $1")
            .bind(name_digest)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A successful login: clears the failure counter unless the account is locked
    /// (`false`), atomically with the check, and remembers `locale` when one is given.
    pub(crate) async fn login_succeeded(
        &self,
        id: i64,
        lifted_until: i64,
        locale: Option<Locale>,
    ) -> Result<bool> {
        let updated = sqlx::query(
            "UPDATE users SET failed_logins = 0, \
               failed_answers = CASE WHEN locked_at IS NULL THEN failed_answers ELSE 0 END, \
               locked_at = NULL, locale = COALESCE($3, locale) \
             WHERE id = $1 AND (locked_at IS NULL OR locked_at <= $2)",
        )
        .bind(id)
        .bind(lifted_until)
        .bind(locale.map(Locale::tag))
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(updated == 1)
    }

    /// Right answers: the count of wrong ones starts again.
    pub(crate) async fn answers_succeeded(&self, id: i64) -> Result<()> {
        sqlx::query("UPDATE users SET failed_answers = 0 WHERE id = $1 AND failed_answers <> 0")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Lifts a lock and clears both counters; `false` when there is no such user.
    pub(crate) async fn unlock(&self, id: i64) -> Result<bool> {
        let updated = sqlx::query(
            "UPDATE users SET locked_at = NULL, failed_logins = 0, failed_answers = 0 WHERE id = $1",
        )
        .bind(id)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(updated == 1)
    }

    /// Replaces a hash made with old parameters by one made with the configured ones, in the
    /// account and in its history, unless the password changed meanwhile.
    pub(crate) async fn rehash(&self, id: i64, old: &str, new: &str) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let updated =
            sqlx::query("UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2")
                .bind(id)
                .bind(old)
                .bind(new)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if updated == 1 {
            sqlx::query(
                "UPDATE password_history SET password_hash = $3 \
                 WHERE user_id = $1 AND password_hash = $2",
            )
            .bind(id)
            .bind(old)
            .bind(new)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The stored hashes of the last `limit` passwords, newest first.
    pub(crate) async fn history(&self, user_id: i64, limit: i64) -> Result<Vec<String>> {
        let rows = sqlx::query(
            "SELECT password_hash FROM password_history WHERE user_id = $1 \
             ORDER BY seq DESC LIMIT $2",
        )
        .bind(user_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| row.try_get("password_hash"))
            .collect()
    }

    /// The security questions and answer hashes, in the order chosen.
    pub(crate) async fn security_answers(&self, user_id: i64) -> Result<Vec<(String, String)>> {
        let rows = sqlx::query(
            "SELECT question, answer_hash FROM security_answers WHERE user_id = $1 ORDER BY position",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("question")?, row.try_get("answer_hash")?)))
            .collect()
    }

    /// Sets a password in one transaction: checks and consumes the guard, stores the hash,
    /// appends it to the history (trimmed to `keep`), stores registration answers, clears the
    /// failure counters, revokes every session and outstanding reset link. `false` when the
    /// guard no longer holds (link used meanwhile, password changed meanwhile, account locked).
    pub(crate) async fn set_password(&self, change: &NewPassword<'_>) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let user_id = change.user_id;
        let updated = match change.guard {
            Guard::Link { selector, purpose } => {
                let consumed = sqlx::query(
                    "UPDATE links SET used_at = $2 WHERE selector = $1 AND purpose = $3 \
                     AND user_id = $4 AND used_at IS NULL AND expires_at >= $2",
                )
                .bind(selector)
                .bind(change.now)
                .bind(purpose.id())
                .bind(user_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if consumed == 1 {
                    sqlx::query(
                        "UPDATE users SET password_hash = $2, password_changed_at = $3, \
                           failed_logins = 0, failed_answers = 0, locked_at = NULL, \
                           locale = COALESCE($5, locale) \
                         WHERE id = $1 AND (locked_at IS NULL OR locked_at <= $4)",
                    )
                    .bind(user_id)
                    .bind(change.hash)
                    .bind(change.now)
                    .bind(change.lifted_until)
                    .bind(change.locale.map(Locale::tag))
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                } else {
                    0
                }
            }
            Guard::CurrentHash(current) => sqlx::query(
                "UPDATE users SET password_hash = $2, password_changed_at = $3, \
                   failed_logins = 0, failed_answers = 0, locked_at = NULL, \
                   locale = COALESCE($6, locale) \
                 WHERE id = $1 AND password_hash = $4 AND (locked_at IS NULL OR locked_at <= $5)",
            )
            .bind(user_id)
            .bind(change.hash)
            .bind(change.now)
            .bind(current)
            .bind(change.lifted_until)
            .bind(change.locale.map(Locale::tag))
            .execute(&mut *tx)
            .await?
            .rows_affected(),
        };
        if updated != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO password_history (user_id, seq, password_hash, set_at) \
             SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3 FROM password_history WHERE user_id = $1",
        )
        .bind(user_id)
        .bind(change.hash)
        .bind(change.now)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "DELETE FROM password_history WHERE user_id = $1 \
             AND seq <= (SELECT MAX(seq) FROM password_history WHERE user_id = $1) - $2",
        )
        .bind(user_id)
        .bind(change.keep.max(1))
        .execute(&mut *tx)
        .await?;
        if let Some(answers) = change.answers {
            sqlx::query("DELETE FROM security_answers WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            for (position, (question, hash)) in (0_i64..).zip(answers) {
                sqlx::query(
                    "INSERT INTO security_answers (user_id, position, question, answer_hash) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(user_id)
                .bind(position)
                .bind(question.as_str())
                .bind(hash.as_str())
                .execute(&mut *tx)
                .await?;
            }
        }
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE links SET used_at = $2 WHERE user_id = $1 AND purpose = $3 \
             AND used_at IS NULL",
        )
        .bind(user_id)
        .bind(change.now)
        .bind(LinkPurpose::Reset.id())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Stores a new link, replacing (marking used) the user's older links of that purpose.
    pub(crate) async fn replace_link(
        &self,
        link: &NewSecret<'_>,
        purpose: LinkPurpose,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        insert_link(&mut tx, link, purpose).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(crate) async fn link(&self, selector: &str) -> Result<Option<Link>> {
        let row = sqlx::query(
            "SELECT verifier_hash, user_id, purpose, expires_at, used_at FROM links \
             WHERE selector = $1",
        )
        .bind(selector)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(Link {
            verifier_hash: row.try_get("verifier_hash")?,
            user_id: row.try_get("user_id")?,
            purpose: stored(&row, "purpose")?,
            expires_at: row.try_get("expires_at")?,
            used_at: row.try_get("used_at")?,
        }))
    }

    pub(crate) async fn create_session(
        &self,
        session: &NewSecret<'_>,
        scope: SessionScope,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (selector, verifier_hash, user_id, scope, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(session.selector)
        .bind(session.verifier_hash)
        .bind(session.user_id)
        .bind(scope.id())
        .bind(session.now)
        .bind(session.expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub(crate) async fn session(&self, selector: &str) -> Result<Option<Session>> {
        let row = sqlx::query(
            "SELECT verifier_hash, user_id, scope, expires_at FROM sessions WHERE selector = $1",
        )
        .bind(selector)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(Session {
            verifier_hash: row.try_get("verifier_hash")?,
            user_id: row.try_get("user_id")?,
            scope: stored(&row, "scope")?,
            expires_at: row.try_get("expires_at")?,
        }))
    }

    pub(crate) async fn delete_session(&self, selector: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE selector = $1")
            .bind(selector)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Drops sessions that have expired.
    pub(crate) async fn sweep_sessions(&self, now: i64) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Registered accounts whose password was set at or before `changed_before`.
    pub(crate) async fn passwords_set_before(&self, changed_before: i64) -> Result<Vec<User>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            user_columns!(),
            " FROM users WHERE password_hash IS NOT NULL AND password_changed_at <= $1"
        ))
        .bind(changed_before)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user_from).collect()
    }

    /// Claims an expiry notice; `true` for exactly one caller across all processes.
    pub(crate) async fn claim_notice(
        &self,
        user: &User,
        changed_at: i64,
        notice_seconds: i64,
        now: i64,
    ) -> Result<bool> {
        let inserted = sqlx::query(
            "INSERT INTO expiry_notices (user_id, password_changed_at, notice_seconds, sent_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(user.id)
        .bind(changed_at)
        .bind(notice_seconds)
        .bind(now)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(inserted == 1)
    }
}

/// A new invited account's fields.
pub(crate) struct InvitedUser<'a> {
    pub(crate) username: &'a str,
    pub(crate) username_key: &'a str,
    pub(crate) email: &'a str,
    pub(crate) email_key: &'a str,
    pub(crate) role: Role,
    /// The language of its e-mails until its owner registers.
    pub(crate) locale: Locale,
}

async fn insert_link(
    tx: &mut Transaction<'static, sqlx::Any>,
    link: &NewSecret<'_>,
    purpose: LinkPurpose,
) -> Result<()> {
    sqlx::query(
        "UPDATE links SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
    )
    .bind(link.user_id)
    .bind(purpose.id())
    .bind(link.now)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO links (selector, verifier_hash, user_id, purpose, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(link.selector)
    .bind(link.verifier_hash)
    .bind(link.user_id)
    .bind(purpose.id())
    .bind(link.now)
    .bind(link.expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
