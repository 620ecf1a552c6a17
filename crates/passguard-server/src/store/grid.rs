//! The administrators' view of the accounts: search by name or address, filter by status and
//! organization, one page at a time with the total, the status told in SQL so the filter
//! and the count agree with the page.
//!
//! The status expression is `accounts::Rules::status` written in SQL: the same order
//! (disabled, invited, locked, reset-pending, expired, active) and the same inclusive
//! boundaries, with each organization's effective password lifetime and lock length read
//! from its row (`orgs.rs`) and the site's bound for accounts of no organization. A test
//! keeps the two in agreement.

use sqlx::Row;

use super::{LinkPurpose, Result, Store, User, user_columns, user_from};
use crate::model::{AccountStatus, StoredId};

/// Which accounts the grid shows.
#[derive(Debug, Clone)]
pub(crate) struct UsersFilter {
    /// A piece of the username or e-mail address, already in key form (lower case).
    pub(crate) q: Option<String>,
    pub(crate) status: Option<AccountStatus>,
    pub(crate) org_id: Option<i64>,
    pub(crate) limit: i64,
    pub(crate) offset: i64,
    /// The site policy's password lifetime and lock length (for accounts of no organization).
    pub(crate) site_max_age: Option<i64>,
    pub(crate) site_unlock: Option<i64>,
    pub(crate) now: i64,
}

/// One page of the grid.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    pub(crate) rows: Vec<(User, AccountStatus)>,
    pub(crate) total: i64,
}

/// Binds: `$1` now, `$2` the site's max age, `$3` the site's unlock, `$4` the reset purpose.
macro_rules! status_sql {
    () => {
        "CASE \
           WHEN u.disabled_at IS NOT NULL THEN 'disabled' \
           WHEN u.password_hash IS NULL THEN 'invited' \
           WHEN u.locked_at IS NOT NULL AND ( \
                (CASE WHEN u.org_id IS NULL THEN $3 ELSE o.unlock_seconds END) IS NULL \
                OR u.locked_at > $1 - (CASE WHEN u.org_id IS NULL THEN $3 ELSE o.unlock_seconds END)) \
             THEN 'locked' \
           WHEN EXISTS (SELECT 1 FROM links l WHERE l.user_id = u.id AND l.purpose = $4 \
                AND l.used_at IS NULL AND l.expires_at >= $1) THEN 'reset-pending' \
           WHEN (CASE WHEN u.org_id IS NULL THEN $2 ELSE o.max_age_seconds END) IS NOT NULL \
                AND $1 > u.password_changed_at \
                  + (CASE WHEN u.org_id IS NULL THEN $2 ELSE o.max_age_seconds END) \
             THEN 'expired' \
           ELSE 'active' END"
    };
}

/// Binds, after the status's: `$5` the search (a `LIKE` pattern), `$6` the status, `$7` the
/// organization.
macro_rules! grid_where {
    () => {
        "WHERE ($5 IS NULL OR username_key LIKE $5 ESCAPE '!' OR email_key LIKE $5 ESCAPE '!') \
           AND ($6 IS NULL OR status = $6) AND ($7 IS NULL OR org_id = $7)"
    };
}

/// The accounts with their status, for the `WHERE` of `grid_where!`.
macro_rules! graded {
    () => {
        concat!(
            "SELECT * FROM (SELECT ",
            user_columns!(),
            ", (",
            status_sql!(),
            ") AS status, u.username_key, u.email_key \
             FROM users u LEFT JOIN organizations o ON o.id = u.org_id) graded "
        )
    };
}

/// `text` as a `LIKE` pattern matching it anywhere, `!` escaping the wildcards.
fn contains_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '!') {
            pattern.push('!');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

impl Store {
    /// One page of the accounts `filter` selects, by username, and their number in all.
    pub(crate) async fn grid(&self, filter: &UsersFilter) -> Result<Grid> {
        let pattern = filter.q.as_deref().map(contains_pattern);
        let status = filter.status.map(AccountStatus::id);
        macro_rules! bind_all {
            ($query:expr) => {
                $query
                    .bind(filter.now)
                    .bind(filter.site_max_age)
                    .bind(filter.site_unlock)
                    .bind(LinkPurpose::Reset.id())
                    .bind(pattern.as_deref())
                    .bind(status)
                    .bind(filter.org_id)
            };
        }
        let total: i64 = bind_all!(sqlx::query(concat!(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM (",
            graded!(),
            grid_where!(),
            ") counted"
        )))
        .fetch_one(&self.pool)
        .await?
        .try_get("n")?;
        let rows = bind_all!(sqlx::query(concat!(
            graded!(),
            grid_where!(),
            " ORDER BY username_key LIMIT $8 OFFSET $9"
        )))
        .bind(filter.limit)
        .bind(filter.offset)
        .fetch_all(&self.pool)
        .await?;
        let rows = rows
            .iter()
            .map(|row| {
                let status: String = row.try_get("status")?;
                let status =
                    AccountStatus::from_id(&status).ok_or_else(|| sqlx::Error::ColumnDecode {
                        index: "status".to_owned(),
                        source: format!("unknown status {status:?}").into(),
                    })?;
                Ok((user_from(row)?, status))
            })
            .collect::<Result<_>>()?;
        Ok(Grid { rows, total })
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
}

#[cfg(test)]
mod tests {
    #[test]
    fn search_patterns_escape_the_wildcards() {
        assert_eq!(super::contains_pattern("ada"), "%ada%");
        assert_eq!(super::contains_pattern("a_b%c!"), "%a!_b!%c!!%");
    }
}
