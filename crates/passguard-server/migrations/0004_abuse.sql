-- Abuse controls (SPEC §8). Budgets are token buckets in GCRA form, shared by every server
-- process: `tat` is the theoretical arrival time (Unix milliseconds) of the next event,
-- `allowed` what the last take decided. `bucket` is the SHA-256 of the budget and its key, so
-- no address or name is stored.
CREATE TABLE rate_limits (
    bucket TEXT PRIMARY KEY,
    tat BIGINT NOT NULL,
    allowed BIGINT NOT NULL
);
CREATE INDEX rate_limits_tat ON rate_limits (tat);

-- When the last failed login was counted: counters idle for long are forgotten, for an
-- account and for a name that is none alike, so `login_throttle` can be swept.
ALTER TABLE users ADD COLUMN last_failed_at BIGINT;
ALTER TABLE login_throttle ADD COLUMN last_failed_at BIGINT;
CREATE INDEX login_throttle_last_failed ON login_throttle (last_failed_at);

-- An administrator's reset that revokes the password (policy `reset.admin_reset_revokes`):
-- the old password no longer signs in until a new one is chosen.
ALTER TABLE users ADD COLUMN password_revoked_at BIGINT;
