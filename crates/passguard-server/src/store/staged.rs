//! The staged policy's verdicts (SPEC §9): which rules each account's password failed under
//! it at its latest login, as rule ids only, and since when the policy has been staged.

use sqlx::Row;

use super::{Result, Store};

impl Store {
    /// Records that the policy with `digest` is staged, from `now` unless it was before.
    /// Answers since when.
    pub(crate) async fn stage_policy(&self, digest: &str, name: &str, now: i64) -> Result<i64> {
        sqlx::query(
            "INSERT INTO staged_policies (digest, name, since) VALUES ($1, $2, $3) \
             ON CONFLICT (digest) DO NOTHING",
        )
        .bind(digest)
        .bind(name)
        .bind(now)
        .execute(&self.pool)
        .await?;
        let row = sqlx::query("SELECT since FROM staged_policies WHERE digest = $1")
            .bind(digest)
            .fetch_one(&self.pool)
            .await?;
        row.try_get("since")
    }

    /// The latest verdict of the staged policy `digest` for `user_id`: the ids of the rules
    /// that failed, comma-separated.
    pub(crate) async fn record_staged(
        &self,
        digest: &str,
        user_id: i64,
        now: i64,
        failed: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO staged_checks (digest, user_id, checked_at, failed) \
             VALUES ($1, $2, $3, $4) \
             ON CONFLICT (digest, user_id) DO UPDATE SET checked_at = $3, failed = $4",
        )
        .bind(digest)
        .bind(user_id)
        .bind(now)
        .bind(failed)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The verdicts of the staged policy `digest` (the failed rule ids, comma-separated;
    /// empty when none failed), each with how many accounts got it: of the accounts of
    /// `org_id` only when given.
    pub(crate) async fn staged_verdicts(
        &self,
        digest: &str,
        org_id: Option<i64>,
    ) -> Result<Vec<(String, u64)>> {
        let rows = sqlx::query(
            "SELECT c.failed, COUNT(*) AS accounts FROM staged_checks c \
             JOIN users u ON u.id = c.user_id \
             WHERE c.digest = $1 AND ($2 IS NULL OR u.org_id = $2) GROUP BY c.failed",
        )
        .bind(digest)
        .bind(org_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let accounts: i64 = row.try_get("accounts")?;
                Ok((row.try_get("failed")?, accounts.unsigned_abs()))
            })
            .collect()
    }
}
