-- A staged policy (SPEC §9): evaluated at each successful login beside the policy in force,
-- to tell the operator before a change how many accounts it would hit. `staged_policies`
-- holds each staged policy seen (by the SHA-256 of its JSON) and since when; `staged_checks`
-- the latest verdict per account and staged policy: only the ids of the rules that failed,
-- comma-separated (empty when none did). Nothing of the password is stored.
CREATE TABLE staged_policies (
    digest TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    since BIGINT NOT NULL
);
CREATE TABLE staged_checks (
    digest TEXT NOT NULL REFERENCES staged_policies (digest) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    checked_at BIGINT NOT NULL,
    failed TEXT NOT NULL,
    PRIMARY KEY (digest, user_id)
);
CREATE INDEX staged_checks_user ON staged_checks (user_id);
