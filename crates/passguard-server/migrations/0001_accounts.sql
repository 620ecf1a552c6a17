-- passguard's schema, written once for both SQLite and PostgreSQL: only BIGINT and TEXT
-- columns, times as Unix seconds, and no database-generated ids (ids come from the CSPRNG).

-- One row per account. `password_hash` is NULL while the account is only invited.
-- `locked_at` is set when either counter reaches its policy threshold.
CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    username TEXT NOT NULL,
    username_key TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT,
    password_changed_at BIGINT,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    failed_answers BIGINT NOT NULL DEFAULT 0,
    locked_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX users_email_key ON users (email_key);

-- The Argon2 hashes of the last passwords, the current one included; `seq` grows by one
-- per password set.
CREATE TABLE password_history (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    password_hash TEXT NOT NULL,
    set_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, seq)
);

-- Questions chosen at registration and the Argon2 hashes of their normalised answers.
CREATE TABLE security_answers (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    question TEXT NOT NULL,
    answer_hash TEXT NOT NULL,
    PRIMARY KEY (user_id, position)
);

-- Registration and reset links (`purpose`): a public selector and the SHA-256 of the secret
-- verifier. `used_at` is set when the link is redeemed or replaced by a newer one.
CREATE TABLE links (
    selector TEXT PRIMARY KEY,
    verifier_hash TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX links_user ON links (user_id, purpose);

-- Sessions, stored like links. `scope` is `full`, or `change-password` for an expired
-- password that may only be changed.
CREATE TABLE sessions (
    selector TEXT PRIMARY KEY,
    verifier_hash TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scope TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed logins for names that are no registered account, keyed by the SHA-256 of the
-- normalised name, so that unknown usernames lock exactly like known ones.
CREATE TABLE login_throttle (
    name_digest TEXT PRIMARY KEY,
    failed_logins BIGINT NOT NULL,
    locked_at BIGINT
);

-- Expiry notices sent, one per password (identified by when it was set) and schedule entry;
-- the primary key makes sending exactly-once across server processes.
CREATE TABLE expiry_notices (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    password_changed_at BIGINT NOT NULL,
    notice_seconds BIGINT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, password_changed_at, notice_seconds)
);
