//! Background jobs: expiry notices on the policy's schedule, and sweeping expired sessions.
//! They run every minute, and at once whenever the test clock moves.

use std::sync::Arc;
use std::time::Duration;

use passguard_policy::Policy;
use passguard_wire::EventAction;

use crate::accounts::{Accounts, Error, Rules};
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

/// When the notices of `policy` are due for a password set at `changed_at`: the moment it
/// expires, and the notice offsets in seconds, soonest to expiry first; `None` when the
/// policy sends none.
fn schedule(policy: &Policy) -> Option<(i64, Vec<i64>)> {
    let max_age = policy.password.max_age?.as_secs_i64();
    let mut offsets: Vec<i64> = policy
        .password
        .expiry_notice
        .iter()
        .map(|notice| notice.as_secs_i64())
        .collect();
    offsets.sort_unstable();
    (!offsets.is_empty()).then_some((max_age, offsets))
}

/// Runs what is due now; returns how many expiry notices went out.
///
/// A notice is due `offset` before the password expires, each account under the policy in
/// force for it (its organization's, or the site's). When several are due at once (the
/// server was down), only the latest goes out and the others are recorded as sent. Each
/// (password, offset) is claimed in the database first, so with several processes each
/// notice is sent exactly once.
pub(crate) async fn run_due(accounts: &Accounts) -> Result<usize, Error> {
    let now = accounts.clock().now();
    let store = accounts.store();
    store.sweep_sessions(now).await?;
    accounts.sweep_limits(now).await?;
    // The widest window any policy in force looks back to: the site's and every
    // organization's.
    let mut policies = vec![Arc::clone(accounts.policy())];
    for (org, _) in store.orgs(None).await? {
        policies.push(accounts.policy_in(Some(&org))?);
    }
    let Some(window) = policies
        .iter()
        .filter_map(|policy| schedule(policy))
        .map(|(max_age, offsets)| offsets.last().copied().unwrap_or(0) - max_age)
        .max()
    else {
        return Ok(0);
    };
    let candidates = store
        .passwords_set_before(now.saturating_add(window))
        .await?;
    let mut sent = 0;
    for user in candidates {
        let Some(changed_at) = user.password_changed_at else {
            continue;
        };
        let policy = accounts.policy_of(&user)?;
        let Some((max_age, offsets)) = schedule(&policy) else {
            continue;
        };
        if Rules::of(&policy).is_locked(&user, now) {
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
        let event = accounts.event(&user, EventAction::ResetRequested, "system");
        let event = event.saying("expiry notice".to_owned());
        let (url, link_expires_at) = accounts.new_reset_link(&user, now, &event).await?;
        let message = mail::expiry_notice(
            user.locale,
            &user.username,
            expires_at,
            &url,
            mail::LinkTimes {
                now,
                expires_at: link_expires_at,
            },
            &accounts.letterhead(&user),
        );
        match accounts.mailer().send(&user.email, message).await {
            Ok(()) => sent += 1,
            Err(error) => tracing::warn!(user = %user.username, "expiry notice: {error}"),
        }
    }
    Ok(sent)
}
