-- The language of an account's e-mails (`en`, `de` or `fr`): the inviting administrator's
-- at invitation, then the one the person's browser names at registration and each login.
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
