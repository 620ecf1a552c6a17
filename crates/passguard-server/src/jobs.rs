//! Background jobs: expiry notices on the policy's schedule, and sweeping expired sessions.
//! They run every minute, and at once whenever the test clock moves.

use std::time::Duration;

use crate::error::ApiError;
use crate::mail;
use crate::state::AppState;

/// How often the jobs run on the system clock.
const INTERVAL: Duration = Duration::from_secs(60);

/// Starts the periodic run.
pub(crate) fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(INTERVAL);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            if let Err(error) = run_due(&state).await {
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
pub(crate) async fn run_due(state: &AppState) -> Result<usize, ApiError> {
    let now = state.clock().now();
    let store = state.store();
    store.sweep_sessions(now).await?;
    let policy = state.policy();
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
        if state.is_locked(&user, now) {
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
        let (url, link_expires_at) = state.new_reset_link(&user, now).await?;
        let message = mail::expiry_notice(
            user.locale,
            &user.username,
            expires_at,
            &url,
            mail::LinkTimes {
                now,
                expires_at: link_expires_at,
            },
            state.support_contact(),
        );
        match state.inner.mailer.send(&user.email, message).await {
            Ok(()) => sent += 1,
            Err(error) => tracing::warn!(user = %user.username, "expiry notice: {error}"),
        }
    }
    Ok(sent)
}
