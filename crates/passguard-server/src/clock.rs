//! Where the server's time comes from. Every rule with a time in it (min-age, expiry, link
//! and session lifetimes, timed unlocks, expiry notices) reads this clock, so a test clock
//! that only moves when told to makes those boundaries testable to the second.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The server's clock: the system's, or a frozen test clock moved by `POST /api/test/clock`.
#[derive(Debug, Clone)]
pub struct Clock {
    frozen: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system clock.
    #[must_use]
    pub fn system() -> Self {
        Self { frozen: None }
    }

    /// A test clock, frozen at the system's current time until advanced.
    #[must_use]
    pub fn test() -> Self {
        Self {
            frozen: Some(Arc::new(AtomicI64::new(system_now()))),
        }
    }

    /// Whether this is a test clock.
    #[must_use]
    pub fn is_test(&self) -> bool {
        self.frozen.is_some()
    }

    /// The current time in Unix seconds.
    #[must_use]
    pub fn now(&self) -> i64 {
        match &self.frozen {
            Some(now) => now.load(Ordering::SeqCst),
            None => system_now(),
        }
    }

    /// The current time in Unix milliseconds (a test clock's whole seconds), for budgets
    /// that refill faster than once a second.
    #[must_use]
    pub fn now_millis(&self) -> i64 {
        match &self.frozen {
            Some(now) => now.load(Ordering::SeqCst).saturating_mul(1000),
            None => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
                .unwrap_or(0),
        }
    }

    /// Moves a test clock forward by `seconds` (at most [`Clock::MAX_ADVANCE`]) and returns
    /// the new time, which saturates rather than wraps; the system clock cannot be moved
    /// (`None`).
    pub fn advance(&self, seconds: i64) -> Option<i64> {
        let frozen = self.frozen.as_ref()?;
        let seconds = seconds.clamp(0, Self::MAX_ADVANCE);
        let before = frozen
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |now| {
                Some(now.saturating_add(seconds))
            })
            .unwrap_or_else(|now| now);
        Some(before.saturating_add(seconds))
    }

    /// The most a test clock moves at once: a thousand years.
    pub const MAX_ADVANCE: i64 = 1000 * 366 * 86_400;
}

fn system_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_test_clock_moves_only_when_told() {
        let clock = Clock::test();
        let start = clock.now();
        assert_eq!(clock.now(), start);
        assert_eq!(clock.advance(172_800), Some(start + 172_800));
        assert_eq!(clock.clone().now(), start + 172_800);
        assert_eq!(Clock::system().advance(1), None);
        assert_eq!(clock.now_millis(), (start + 172_800) * 1000);
        // It saturates instead of wrapping.
        for _ in 0..1000 {
            clock.advance(i64::MAX);
        }
        assert!(clock.now() > start);
    }
}
