-- Organizations (SPEC §7): partner companies with their own administrators, support contact,
-- login notices and a policy overlay that may only tighten the site's. `policy` is the
-- overlay as JSON text; `max_age_seconds` and `unlock_seconds` are the effective policy's
-- (site and overlay together, recomputed whenever either changes) so that the users grid
-- can filter by status in SQL: NULL max_age means passwords never expire, NULL unlock means
-- only an administrator unlocks.
CREATE TABLE organizations (
    id BIGINT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    support_contact TEXT,
    notice_user TEXT,
    notice_admin TEXT,
    policy TEXT,
    max_age_seconds BIGINT,
    unlock_seconds BIGINT,
    created_at BIGINT NOT NULL
);

-- Every account belongs to at most one organization; the operator's to none. A disabled
-- account cannot sign in; its sessions and links are gone.
ALTER TABLE users ADD COLUMN org_id BIGINT REFERENCES organizations (id);
ALTER TABLE users ADD COLUMN disabled_at BIGINT;
CREATE INDEX users_org ON users (org_id, username_key);

-- The account event log: who did what to which account and when. Rows outlive the account
-- (a deletion is itself an event), so nothing here references `users`. `seq` orders events
-- of the same second. Nothing secret is ever written here.
CREATE TABLE events (
    id BIGINT PRIMARY KEY,
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    username TEXT NOT NULL,
    username_key TEXT NOT NULL,
    org_id BIGINT,
    org TEXT,
    detail TEXT
);
CREATE INDEX events_user ON events (username_key, at, seq);
CREATE INDEX events_org ON events (org_id, at, seq);
CREATE INDEX events_at ON events (at, seq);
