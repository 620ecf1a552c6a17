//! Background jobs: expiry notices on the policy's schedule, and sweeping expired sessions.
//! They run every minute, and at once whenever the test clock moves.

use std::time::Duration;

use crate::accounts::{Accounts, Error};
use crate::mail;

/// How often the jobs run on the system clock.
const INTERVAL: Duration = Duration::from_secs(60);

/// Starts the periodic run. A failed run is logged once, with its cause, and the next one
/// tries again.
pub(crate) fn spawn(accounts: Accounts) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(INTERVAL);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            if let Err(error) = run_due(&accounts).await {
                tracing::warn!("background jobs: {error}");
            }
        }
    })
}

/// Runs what is due now; returns how many expiry notices went out.
///
/// A notice is due `offset` before the password expires. When several are due at once
/// (the server was down), only the latest goes out and the others are recorded as sent.
/// Each (password, offset) is claimed in the database first, so with several processes
/// each notice is sent exactly once.
pub(crate) async fn run_due(accounts: &Accounts) -> Result<usize, Error> {
    let now = accounts.clock().now();
    let store = accounts.store();
    store.sweep_sessions(now).await?;
    let policy = accounts.policy();
    let Some(max_age) = policy.password.max_age else {
        return Ok(0);
    };
    let max_age = max_age.as_secs_i64();
    let mut offsets: Vec<i64> = policy
        .password
        .expiry_notice
        .iter()
        .map(|notice| notice.as_secs_i64())
        .collect();
    offsets.sort_unstable();
    let Some(&earliest) = offsets.last() else {
        return Ok(0);
    };
    let candidates = store
        .passwords_set_before(now.saturating_sub(max_age).saturating_add(earliest))
        .await?;
    let mut sent = 0;
    for user in candidates {
        let Some(changed_at) = user.password_changed_at else {
            continue;
        };
        if accounts.rules().is_locked(&user, now) {
            continue;
        }
        let expires_at = changed_at.saturating_add(max_age);
        let due: Vec<i64> = offsets
            .iter()
            .copied()
            .filter(|offset| now >= expires_at.saturating_sub(*offset))
            .collect();
        let Some((&latest, earlier)) = due.split_first() else {
            continue;
        };
        let claimed = store.claim_notice(&user, changed_at, latest, now).await?;
        for &offset in earlier {
            store.claim_notice(&user, changed_at, offset, now).await?;
        }
        if !claimed {
            continue;
        }
        let (url, link_expires_at) = accounts.new_reset_link(&user, now).await?;
        let message = mail::expiry_notice(
            user.locale,
            &user.username,
            expires_at,
            &url,
            mail::LinkTimes {
                now,
                expires_at: link_expires_at,
            },
            accounts.support_contact(),
        );
        match accounts.mailer().send(&user.email, message).await {
            Ok(()) => sent += 1,
            Err(error) => tracing::warn!(user = %user.username, "expiry notice: {error}"),
        }
    }
    Ok(sent)
}
