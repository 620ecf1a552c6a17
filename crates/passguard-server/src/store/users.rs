//! The accounts' statements: reading an account (with its organization), inviting it,
//! counting failures and locking, signing in, setting a password, and an administrator's
//! changes (unlock, disable, enable, delete, e-mail, role), each with its event.

use passguard_i18n::Locale;
use passguard_wire::EventAction;
use sqlx::Row;

use super::events::{NewEvent, insert_event};
use super::secrets::insert_link;
use super::{
    Guard, InvitedUser, LinkPurpose, LockRule, LockState, NewPassword, NewSecret, Result, Role,
    Store, StoredId, Tx, User, lock_from, user_columns, user_from, user_select,
};

/// The statement that counts one failure in `$table` (the row whose `$key` is `$1`): the
/// counter restarts after a lock that has lifted or after [`LockRule::forgotten_before`] with
/// no failure, a live lock changes nothing, and reaching the threshold sets the lock. `$also`
/// is whatever else the statement sets (for an account, clearing the other kind's counter once
/// a lifted lock is left behind). Binds: `$1` the key, `$2` the time before which a lock has
/// lifted, `$3` the threshold, `$4` now, `$5` the time before which a failure is forgotten.
macro_rules! count_failure_statement {
    ($table:literal, $key:literal, $counter:literal, $also:literal) => {
        concat!(
            "UPDATE ",
            $table,
            " SET ",
            $counter,
            " = ",
            new_count!($counter),
            ", ",
            $also,
            "last_failed_at = $4, ",
            "locked_at = CASE WHEN locked_at > $2 THEN locked_at ",
            "WHEN ",
            new_count!($counter),
            " >= $3 THEN $4 ELSE NULL END ",
            "WHERE ",
            $key,
            " = $1 RETURNING ",
            $counter,
            ", locked_at"
        )
    };
}

/// The counter after one more failure (see `count_failure_statement!`).
macro_rules! new_count {
    ($counter:literal) => {
        concat!(
            "(CASE WHEN locked_at > $2 THEN ",
            $counter,
            " ",
            "WHEN locked_at IS NOT NULL THEN 1 ",
            "WHEN last_failed_at < $5 THEN 1 ",
            "ELSE ",
            $counter,
            " + 1 END)"
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
    pub(crate) async fn user_by_key(&self, username_key: &str) -> Result<Option<User>> {
        let row = sqlx::query(concat!(user_select!(), " WHERE u.username_key = $1"))
            .bind(username_key)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user_from).transpose()
    }

    pub(crate) async fn user_by_id(&self, id: i64) -> Result<Option<User>> {
        let row = sqlx::query(concat!(user_select!(), " WHERE u.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user_from).transpose()
    }

    /// The account `username_key` of organization `org_id`: what an organization's
    /// administrator may reach. The same one statement whether or not the account exists or
    /// belongs elsewhere, so neither answer nor time tells them apart.
    pub(crate) async fn user_in_org(
        &self,
        username_key: &str,
        org_id: i64,
    ) -> Result<Option<User>> {
        let row = sqlx::query(concat!(
            user_select!(),
            " WHERE u.username_key = $1 AND u.org_id = $2"
        ))
        .bind(username_key)
        .bind(org_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user_from).transpose()
    }

    pub(crate) async fn users_by_email_key(&self, email_key: &str) -> Result<Vec<User>> {
        let rows = sqlx::query(concat!(
            user_select!(),
            " WHERE u.email_key = $1 ORDER BY u.username_key LIMIT 10"
        ))
        .bind(email_key)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user_from).collect()
    }

    /// Creates an invited account and its registration link in one transaction; `false`
    /// when the username is taken.
    pub(crate) async fn invite(
        &self,
        user: &InvitedUser<'_>,
        link: &NewSecret<'_>,
        event: &NewEvent,
    ) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO users (id, username, username_key, email, email_key, role, created_at, \
               locale, org_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (username_key) DO NOTHING",
        )
        .bind(link.user_id)
        .bind(user.username)
        .bind(user.username_key)
        .bind(user.email)
        .bind(user.email_key)
        .bind(user.role.id())
        .bind(link.now)
        .bind(user.locale.tag())
        .bind(user.org_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        insert_link(&mut tx, link, LinkPurpose::Register).await?;
        insert_event(&mut tx, event).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Records a failed login of a registered account: one statement increments the
    /// counter and sets the lock when the returned count reaches the threshold; a live lock
    /// leaves both unchanged. `event` (a `login-failed`) goes in with it, and a `locked` one
    /// when this failure locked the account.
    pub(crate) async fn login_failed(
        &self,
        id: i64,
        rule: LockRule,
        event: &NewEvent,
    ) -> Result<LockState> {
        self.count_failure(id, rule, LOGIN_FAILED, "failed_logins", Some(event), event)
            .await
    }

    /// Records a wrong set of security answers, as [`Store::login_failed`] does logins; only
    /// a lock is an event.
    pub(crate) async fn answers_failed(
        &self,
        id: i64,
        rule: LockRule,
        about: &NewEvent,
    ) -> Result<LockState> {
        self.count_failure(id, rule, ANSWERS_FAILED, "failed_answers", None, about)
            .await
    }

    /// Runs one of the two counting statements (`count_failure_statement!`), reads the lock,
    /// and writes `event` and, when the statement set the lock, `about` as `locked`.
    async fn count_failure(
        &self,
        id: i64,
        rule: LockRule,
        statement: &'static str,
        counter: &str,
        event: Option<&NewEvent>,
        about: &NewEvent,
    ) -> Result<LockState> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(statement)
            .bind(id)
            .bind(rule.lifted_until)
            .bind(rule.threshold)
            .bind(rule.now)
            .bind(rule.forgotten_before)
            .fetch_one(&mut *tx)
            .await?;
        let lock = lock_from(&row, rule, counter)?;
        if let Some(event) = event {
            insert_event(&mut tx, event).await?;
        }
        if lock.locked_now {
            // A lock ends every session: whoever holds one is signed out with the owner.
            end_sessions(&mut tx, id).await?;
            insert_event(&mut tx, &about.but(EventAction::Locked, "system")).await?;
        }
        tx.commit().await?;
        Ok(lock)
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
            .bind(rule.forgotten_before)
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
        event: &NewEvent,
    ) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let updated = sqlx::query(
            "UPDATE users SET failed_logins = 0, \
               failed_answers = CASE WHEN locked_at IS NULL THEN failed_answers ELSE 0 END, \
               locked_at = NULL, locale = COALESCE($3, locale) \
             WHERE id = $1 AND (locked_at IS NULL OR locked_at <= $2)",
        )
        .bind(id)
        .bind(lifted_until)
        .bind(locale.map(Locale::tag))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated == 1 {
            insert_event(&mut tx, event).await?;
        }
        tx.commit().await?;
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
    pub(crate) async fn unlock(&self, id: i64, event: &NewEvent) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let updated = sqlx::query(
            "UPDATE users SET locked_at = NULL, failed_logins = 0, failed_answers = 0 WHERE id = $1",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        self.finish(tx, updated == 1, event).await
    }

    /// Lifts a lock through an unlock link, consuming the link in the same transaction;
    /// `false` when the link was used meanwhile.
    pub(crate) async fn unlock_by_link(
        &self,
        id: i64,
        selector: &str,
        now: i64,
        event: &NewEvent,
    ) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let consumed = sqlx::query(
            "UPDATE links SET used_at = $2 WHERE selector = $1 AND purpose = $3 \
             AND user_id = $4 AND used_at IS NULL AND expires_at >= $2",
        )
        .bind(selector)
        .bind(now)
        .bind(LinkPurpose::Unlock.id())
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if consumed == 1 {
            sqlx::query(
                "UPDATE users SET locked_at = NULL, failed_logins = 0, failed_answers = 0 \
                 WHERE id = $1",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        self.finish(tx, consumed == 1, event).await
    }

    /// An administrator's reset that revokes the password: its sessions end and it signs in
    /// no more until a new one is chosen.
    pub(crate) async fn revoke_password(&self, id: i64, now: i64) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE users SET password_revoked_at = $2 WHERE id = $1")
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        end_sessions(&mut tx, id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Commits `tx` with `event` when `changed`, or rolls it back; answers `changed`.
    async fn finish(&self, mut tx: Tx, changed: bool, event: &NewEvent) -> Result<bool> {
        if changed {
            insert_event(&mut tx, event).await?;
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        Ok(changed)
    }

    /// Disables an account: it cannot sign in, its sessions end and its links die.
    /// `false` when there is no such account or it is disabled already.
    pub(crate) async fn disable(&self, id: i64, now: i64, event: &NewEvent) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let updated =
            sqlx::query("UPDATE users SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if updated == 1 {
            end_sessions_and_links(&mut tx, id, now).await?;
        }
        self.finish(tx, updated == 1, event).await
    }

    /// Enables a disabled account again; `false` when it is not disabled.
    pub(crate) async fn enable(&self, id: i64, event: &NewEvent) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let updated = sqlx::query(
            "UPDATE users SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        self.finish(tx, updated == 1, event).await
    }

    /// Deletes an account and everything of it (history, answers, links, sessions, notices,
    /// by the schema's cascades); the event log keeps `event`.
    pub(crate) async fn delete_user(&self, id: i64, event: &NewEvent) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let deleted = sqlx::query("DELETE FROM users WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        self.finish(tx, deleted == 1, event).await
    }

    /// Changes an account's e-mail address.
    pub(crate) async fn change_email(
        &self,
        id: i64,
        email: &str,
        email_key: &str,
        event: &NewEvent,
    ) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let updated = sqlx::query("UPDATE users SET email = $2, email_key = $3 WHERE id = $1")
            .bind(id)
            .bind(email)
            .bind(email_key)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        self.finish(tx, updated == 1, event).await
    }

    /// Changes an account's role.
    pub(crate) async fn set_role(&self, id: i64, role: Role, event: &NewEvent) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let updated = sqlx::query("UPDATE users SET role = $2 WHERE id = $1")
            .bind(id)
            .bind(role.id())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        self.finish(tx, updated == 1, event).await
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
    pub(crate) async fn set_password(
        &self,
        change: &NewPassword<'_>,
        event: &NewEvent,
    ) -> Result<bool> {
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
                           password_revoked_at = NULL, locale = COALESCE($5, locale) \
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
                   password_revoked_at = NULL, locale = COALESCE($6, locale) \
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
        end_sessions_and_links(&mut tx, user_id, change.now).await?;
        insert_event(&mut tx, event).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Registered accounts whose password was set at or before `changed_before`.
    pub(crate) async fn passwords_set_before(&self, changed_before: i64) -> Result<Vec<User>> {
        let rows = sqlx::query(concat!(
            user_select!(),
            " WHERE u.password_hash IS NOT NULL AND u.disabled_at IS NULL \
               AND u.password_changed_at <= $1"
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

/// Ends every session of `user_id` and kills its outstanding links (of any purpose).
async fn end_sessions_and_links(tx: &mut Tx, user_id: i64, now: i64) -> Result<()> {
    end_sessions(tx, user_id).await?;
    sqlx::query("UPDATE links SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL")
        .bind(user_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Ends every session of the account.
async fn end_sessions(tx: &mut Tx, user_id: i64) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
