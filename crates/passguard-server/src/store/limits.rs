//! Budgets (SPEC §8) as token buckets in the database, in GCRA form: one statement takes a
//! token or refuses, atomically across every server process. The arithmetic is governor's
//! (a burst of `count`, then one every `per / count`), so a test holds it to governor.

use sqlx::Row;

use super::{Result, Store};

/// What a take decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Take {
    /// A token was taken.
    Allowed,
    /// None is left: the next comes in this many milliseconds.
    Refused { retry_after_ms: i64 },
}

impl Store {
    /// Takes one token of `bucket` at `now_ms`: allowed when the bucket's theoretical arrival
    /// time is at most `tolerance_ms` ahead of now, which then moves `interval_ms` on.
    pub(crate) async fn take(
        &self,
        bucket: &str,
        now_ms: i64,
        interval_ms: i64,
        tolerance_ms: i64,
    ) -> Result<Take> {
        let row = sqlx::query(
            "INSERT INTO rate_limits (bucket, tat, allowed) VALUES ($1, $2 + $3, 1) \
             ON CONFLICT (bucket) DO UPDATE SET \
               allowed = CASE WHEN rate_limits.tat - $4 <= $2 THEN 1 ELSE 0 END, \
               tat = CASE WHEN rate_limits.tat - $4 <= $2 \
                          THEN (CASE WHEN rate_limits.tat > $2 THEN rate_limits.tat ELSE $2 END) + $3 \
                          ELSE rate_limits.tat END \
             RETURNING allowed, tat",
        )
        .bind(bucket)
        .bind(now_ms)
        .bind(interval_ms)
        .bind(tolerance_ms)
        .fetch_one(&self.pool)
        .await?;
        let allowed: i64 = row.try_get("allowed")?;
        let tat: i64 = row.try_get("tat")?;
        Ok(if allowed == 1 {
            Take::Allowed
        } else {
            Take::Refused {
                retry_after_ms: tat
                    .saturating_sub(tolerance_ms)
                    .saturating_sub(now_ms)
                    .max(1),
            }
        })
    }

    /// Gives back one token taken from `bucket` (a reservation that did not count).
    pub(crate) async fn give_back(
        &self,
        bucket: &str,
        now_ms: i64,
        interval_ms: i64,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE rate_limits SET tat = CASE WHEN tat - $2 > $3 THEN tat - $2 ELSE $3 END \
             WHERE bucket = $1",
        )
        .bind(bucket)
        .bind(interval_ms)
        .bind(now_ms)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Empties `bucket`'s debt: the next take is allowed.
    pub(crate) async fn forget_bucket(&self, bucket: &str) -> Result<()> {
        sqlx::query("DELETE FROM rate_limits WHERE bucket = $1")
            .bind(bucket)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Drops full buckets (a theoretical arrival time in the past is the same as no row), and
    /// the failure counters of names that are no account once they are forgotten anyway.
    /// `lifted_until` is when a lock set by then has lifted by itself (`i64::MIN` when only an
    /// administrator or a link unlocks: such a lock is never swept).
    pub(crate) async fn sweep_limits(
        &self,
        now_ms: i64,
        forgotten_before: i64,
        lifted_until: i64,
    ) -> Result<()> {
        sqlx::query("DELETE FROM rate_limits WHERE tat <= $1")
            .bind(now_ms)
            .execute(&self.pool)
            .await?;
        sqlx::query(
            "DELETE FROM login_throttle WHERE (last_failed_at IS NULL OR last_failed_at < $1) \
             AND (locked_at IS NULL OR locked_at <= $2)",
        )
        .bind(forgotten_before)
        .bind(lifted_until)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::num::NonZeroU32;
    use std::time::Duration;

    use governor::clock::FakeRelativeClock;
    use governor::{Quota, RateLimiter};
    use proptest::prelude::*;

    use super::*;
    use crate::config::Rate;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// The statement decides exactly as governor's GCRA does, and names the same wait,
        /// for any budget and any sequence of requests over time.
        #[test]
        fn the_database_bucket_is_governors_gcra(
            count in 1u32..6,
            per_seconds in 1u64..7200,
            steps in proptest::collection::vec((0u64..90_000, 1usize..5), 1..40),
        ) {
            let rate = Rate { count, per: passguard_policy::Duration::from_secs(per_seconds) };
            let (interval, tolerance) = (rate.interval_ms(), rate.tolerance_ms());
            let quota = Quota::with_period(Duration::from_millis(interval.unsigned_abs()))
                .unwrap()
                .allow_burst(NonZeroU32::new(count).unwrap());
            let clock = FakeRelativeClock::default();
            let governor = RateLimiter::direct_with_clock(quota, clock.clone());
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            let dir = tempfile::tempdir().unwrap();
            let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
            let ours: Vec<Take> = runtime.block_on(async {
                let store = Store::connect(&url).await.unwrap();
                let start = 1_700_000_000_000_i64;
                let mut now = start;
                let mut decisions = Vec::new();
                for (advance, takes) in &steps {
                    now += i64::try_from(*advance).unwrap();
                    for _ in 0..*takes {
                        decisions.push(store.take("b", now, interval, tolerance).await.unwrap());
                    }
                }
                store.close().await;
                decisions
            });
            let mut theirs = Vec::new();
            for (advance, takes) in &steps {
                clock.advance(Duration::from_millis(*advance));
                for _ in 0..*takes {
                    theirs.push(match governor.check() {
                        Ok(()) => Take::Allowed,
                        Err(not_until) => Take::Refused {
                            retry_after_ms: i64::try_from(
                                not_until.wait_time_from(governor::clock::Clock::now(&clock)).as_millis(),
                            )
                            .unwrap(),
                        },
                    });
                }
            }
            prop_assert_eq!(ours, theirs);
        }
    }
}
