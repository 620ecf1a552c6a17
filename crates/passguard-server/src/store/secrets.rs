//! Registration and reset links, and sessions: rows of a public selector and the hash of a
//! secret verifier.

use sqlx::Row;

use super::events::{NewEvent, insert_event};
use super::{
    Link, LinkPurpose, NewSecret, Result, Session, SessionScope, Store, StoredId, Tx, stored,
};

impl Store {
    /// Stores a new link, replacing (marking used) the user's older links of that purpose.
    pub(crate) async fn replace_link(
        &self,
        link: &NewSecret<'_>,
        purpose: LinkPurpose,
        event: &NewEvent,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        insert_link(&mut tx, link, purpose).await?;
        insert_event(&mut tx, event).await?;
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
}

pub(super) async fn insert_link(
    tx: &mut Tx,
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
