//! The budgets of SPEC §8, kept in the database so that every server process draws on the
//! same ones: failed logins per client across all accounts, forgotten-password requests per
//! client, e-mails per account, and the grace a young reset link enjoys before a new
//! request may replace it. The same for known and unknown accounts: a client's budget
//! is spent before any account is looked up.
//!
//! A bucket the database refused until some moment is remembered in the process until then,
//! so a flood is answered without a write per request.

use std::collections::HashMap;
use std::sync::Mutex;

use passguard_policy::Duration;

use super::rules::FAILURE_MEMORY_SECONDS;
use super::{Accounts, Error, Rules};
use crate::client::ClientKey;
use crate::config::Rate;
use crate::store::Take;
use crate::tokens;

/// How long a new reset link lives before another request may replace it: an attacker
/// asking again and again cannot keep the owner's link dead.
pub(crate) const LINK_GRACE: Rate = Rate {
    count: 1,
    per: Duration::from_minutes(10),
};

/// A budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Budget {
    /// Failed logins of one client, whatever the accounts.
    FailedLogins,
    /// Forgotten-password requests of one client.
    ForgotClient,
    /// Forgotten-password e-mails to one account.
    ForgotAccount,
    /// A reset link's grace (per account).
    ResetGrace,
    /// Range lookups of breached passwords by one client.
    BreachRange,
}

impl Budget {
    fn id(self) -> &'static str {
        match self {
            Budget::FailedLogins => "failed-logins",
            Budget::ForgotClient => "forgot-client",
            Budget::ForgotAccount => "forgot-account",
            Budget::ResetGrace => "reset-grace",
            Budget::BreachRange => "breach-range",
        }
    }
}

/// A token taken, to give back if what it was taken for did not count.
#[derive(Debug)]
#[must_use]
pub(crate) struct Reservation {
    /// `None` for a client that is never limited.
    bucket: Option<String>,
    interval_ms: i64,
}

/// Refusals remembered in this process: bucket, and until when (Unix milliseconds).
#[derive(Debug, Default)]
pub(crate) struct Refusals(Mutex<HashMap<String, i64>>);

impl Refusals {
    /// The map, even after a panic elsewhere held the lock (it holds plain values).
    fn held(&self) -> std::sync::MutexGuard<'_, HashMap<String, i64>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn until(&self, bucket: &str, now_ms: i64) -> Option<i64> {
        let refusals = self.held();
        refusals
            .get(bucket)
            .copied()
            .filter(|until| *until > now_ms)
    }

    fn remember(&self, bucket: String, until_ms: i64) {
        let mut refusals = self.held();
        refusals.insert(bucket, until_ms);
    }

    fn forget(&self, bucket: &str) {
        let mut refusals = self.held();
        refusals.remove(bucket);
    }

    /// Drops refusals that have ended.
    pub(crate) fn sweep(&self, now_ms: i64) {
        let mut refusals = self.held();
        refusals.retain(|_, until| *until > now_ms);
    }
}

/// The bucket of `budget` for `key`: a digest, so no address or name is stored.
fn bucket(budget: Budget, key: &str) -> String {
    tokens::name_digest(&format!("{}|{key}", budget.id()))
}

impl Accounts {
    /// The rate of `budget`.
    fn rate(&self, budget: Budget) -> Rate {
        let limits = &self.inner.limits;
        match budget {
            Budget::FailedLogins => limits.failed_logins_per_client,
            Budget::ForgotClient => limits.forgot_per_client,
            Budget::ForgotAccount => limits.forgot_per_account,
            Budget::ResetGrace => LINK_GRACE,
            Budget::BreachRange => limits.breach_range_per_client,
        }
    }

    /// Takes a token of `budget` for `client`.
    ///
    /// # Errors
    /// [`Error::RateLimited`] with the seconds until the next token.
    pub(crate) async fn take_for(
        &self,
        budget: Budget,
        client: &ClientKey,
    ) -> Result<Reservation, Error> {
        match client {
            ClientKey::Local => Ok(Reservation {
                bucket: None,
                interval_ms: 0,
            }),
            ClientKey::Net(_) => self.take(budget, &client.to_string()).await,
        }
    }

    /// [`Accounts::take`] for a budget whose refusal is an answer, not an error: `None`
    /// when it is spent.
    pub(crate) async fn try_take(
        &self,
        budget: Budget,
        key: &str,
    ) -> Result<Option<Reservation>, Error> {
        match self.take(budget, key).await {
            Ok(reservation) => Ok(Some(reservation)),
            Err(Error::RateLimited { .. }) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Takes a token of `budget` for `key` (a client, or an account's id).
    ///
    /// # Errors
    /// [`Error::RateLimited`] with the seconds until the next token.
    pub(crate) async fn take(&self, budget: Budget, key: &str) -> Result<Reservation, Error> {
        let bucket = bucket(budget, key);
        let now_ms = self.clock().now_millis();
        let refused = |until_ms: i64| Error::RateLimited {
            retry_after: (until_ms.saturating_sub(now_ms).max(1) + 999) / 1000,
        };
        if let Some(until) = self.inner.refusals.until(&bucket, now_ms) {
            return Err(refused(until));
        }
        let rate = self.rate(budget);
        let interval_ms = rate.interval_ms();
        match self
            .store()
            .take(&bucket, now_ms, interval_ms, rate.tolerance_ms())
            .await?
        {
            Take::Allowed => Ok(Reservation {
                bucket: Some(bucket),
                interval_ms,
            }),
            Take::Refused { retry_after_ms } => {
                let until = now_ms.saturating_add(retry_after_ms);
                self.inner.refusals.remember(bucket, until);
                Err(refused(until))
            }
        }
    }

    /// Gives a token back: what it was taken for did not count (a login that succeeded).
    pub(crate) async fn give_back(&self, reservation: Reservation) -> Result<(), Error> {
        let Some(bucket) = reservation.bucket else {
            return Ok(());
        };
        let now_ms = self.clock().now_millis();
        self.inner.refusals.forget(&bucket);
        Ok(self
            .store()
            .give_back(&bucket, now_ms, reservation.interval_ms)
            .await?)
    }

    /// Fills `budget` for `key` again (a reset done: a new request may come at once).
    pub(crate) async fn refill(&self, budget: Budget, key: &str) -> Result<(), Error> {
        let bucket = bucket(budget, key);
        self.inner.refusals.forget(&bucket);
        Ok(self.store().forget_bucket(&bucket).await?)
    }

    /// Forgets what no longer limits anything: full buckets, refusals that have ended, and
    /// the failure counters of names that are no account once they are forgotten.
    pub(crate) async fn sweep_limits(&self, now: i64) -> Result<(), Error> {
        let now_ms = self.clock().now_millis();
        self.inner.refusals.sweep(now_ms);
        let site = Rules::of(self.policy());
        Ok(self
            .store()
            .sweep_limits(
                now_ms,
                now.saturating_sub(FAILURE_MEMORY_SECONDS),
                site.lifted_until(now),
            )
            .await?)
    }
}
