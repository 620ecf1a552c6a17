//! Organizations: their rows, and the effective policy values the users grid filters by.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Result, Store};

/// An organization's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OrgRow {
    pub(crate) id: i64,
    pub(crate) slug: String,
    pub(crate) name: String,
    pub(crate) support_contact: Option<String>,
    pub(crate) notice_user: Option<String>,
    pub(crate) notice_admin: Option<String>,
    /// The policy overlay as JSON text.
    pub(crate) policy: Option<String>,
}

/// What the users grid needs of an organization's effective policy to tell a status in SQL:
/// the password lifetime and how long a lock lasts (`None`: never expires; only an
/// administrator unlocks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Effective {
    pub(crate) max_age_seconds: Option<i64>,
    pub(crate) unlock_seconds: Option<i64>,
}

/// The organization joined to an account's row (`user_select!`), if any.
pub(super) fn joined_org(row: &AnyRow) -> Result<Option<OrgRow>> {
    let Some(id) = row.try_get::<Option<i64>, _>("org_id")? else {
        return Ok(None);
    };
    Ok(Some(OrgRow {
        id,
        slug: row.try_get("org_slug")?,
        name: row.try_get("org_name")?,
        support_contact: row.try_get("org_contact")?,
        notice_user: row.try_get("org_notice_user")?,
        notice_admin: row.try_get("org_notice_admin")?,
        policy: row.try_get("org_policy")?,
    }))
}

fn org_from(row: &AnyRow) -> Result<OrgRow> {
    Ok(OrgRow {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        support_contact: row.try_get("support_contact")?,
        notice_user: row.try_get("notice_user")?,
        notice_admin: row.try_get("notice_admin")?,
        policy: row.try_get("policy")?,
    })
}

macro_rules! org_columns {
    () => {
        "id, slug, name, support_contact, notice_user, notice_admin, policy"
    };
}

impl Store {
    /// Creates an organization; `false` when the slug is taken.
    pub(crate) async fn create_org(
        &self,
        org: &OrgRow,
        effective: Effective,
        now: i64,
    ) -> Result<bool> {
        let inserted = sqlx::query(
            "INSERT INTO organizations (id, slug, name, support_contact, notice_user, \
               notice_admin, policy, max_age_seconds, unlock_seconds, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (slug) DO NOTHING",
        )
        .bind(org.id)
        .bind(&org.slug)
        .bind(&org.name)
        .bind(&org.support_contact)
        .bind(&org.notice_user)
        .bind(&org.notice_admin)
        .bind(&org.policy)
        .bind(effective.max_age_seconds)
        .bind(effective.unlock_seconds)
        .bind(now)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(inserted == 1)
    }

    /// Replaces an organization's fields (by id; the slug never changes).
    pub(crate) async fn update_org(&self, org: &OrgRow, effective: Effective) -> Result<bool> {
        let updated = sqlx::query(
            "UPDATE organizations SET name = $2, support_contact = $3, notice_user = $4, \
               notice_admin = $5, policy = $6, max_age_seconds = $7, unlock_seconds = $8 \
             WHERE id = $1",
        )
        .bind(org.id)
        .bind(&org.name)
        .bind(&org.support_contact)
        .bind(&org.notice_user)
        .bind(&org.notice_admin)
        .bind(&org.policy)
        .bind(effective.max_age_seconds)
        .bind(effective.unlock_seconds)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(updated == 1)
    }

    /// Records the effective policy values of an organization (after the site policy changed).
    pub(crate) async fn set_effective(&self, id: i64, effective: Effective) -> Result<()> {
        sqlx::query(
            "UPDATE organizations SET max_age_seconds = $2, unlock_seconds = $3 WHERE id = $1",
        )
        .bind(id)
        .bind(effective.max_age_seconds)
        .bind(effective.unlock_seconds)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub(crate) async fn org_by_slug(&self, slug: &str) -> Result<Option<OrgRow>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            org_columns!(),
            " FROM organizations WHERE slug = $1"
        ))
        .bind(slug)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(org_from).transpose()
    }

    /// Every organization with its number of accounts, by slug (only `only`'s when given).
    pub(crate) async fn orgs(&self, only: Option<i64>) -> Result<Vec<(OrgRow, i64)>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            org_columns!(),
            ", CAST((SELECT COUNT(*) FROM users u WHERE u.org_id = organizations.id) AS BIGINT) \
             AS accounts FROM organizations WHERE ($1 IS NULL OR id = $1) ORDER BY slug"
        ))
        .bind(only)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok((org_from(row)?, row.try_get("accounts")?)))
            .collect()
    }
}
