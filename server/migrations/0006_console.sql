-- The back office console: users and the halls they administer, sign-in
-- lockouts, sessions, and the append-only audit log.

CREATE TABLE users (
    -- The login name (`kiosk_core::console::is_user_id`).
    id             TEXT PRIMARY KEY NOT NULL,
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('operator', 'hall_admin', 'province_admin')),
    -- argon2id, PHC string.
    password_hash  TEXT NOT NULL,
    disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    -- Bumped by every change: an edit made from an older version is refused.
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    created_unix   INTEGER NOT NULL
) STRICT;

-- The halls a hall admin administers.
CREATE TABLE user_halls (
    user_id  TEXT NOT NULL REFERENCES users(id),
    hall_id  TEXT NOT NULL REFERENCES halls(id),
    PRIMARY KEY (user_id, hall_id)
) STRICT;

-- Wrong passwords per login name, kept under an HMAC of the name: names that
-- belong to nobody lock exactly like real ones (so a lockout does not tell which
-- names exist), and a password typed into the name field is never stored.
CREATE TABLE console_lockouts (
    login_key          TEXT PRIMARY KEY NOT NULL,
    failures           INTEGER NOT NULL DEFAULT 0,
    lockouts           INTEGER NOT NULL DEFAULT 0,
    locked_until_unix  INTEGER NOT NULL DEFAULT 0,
    updated_unix       INTEGER NOT NULL
) STRICT;

-- Console sessions: only the SHA-256 of the cookie's token is kept.
CREATE TABLE console_sessions (
    token_hash      TEXT PRIMARY KEY NOT NULL,
    user_id         TEXT NOT NULL REFERENCES users(id),
    -- Sent back to the app (it restores after a reload), so kept as it is; it is
    -- worthless without the cookie.
    csrf_token      TEXT NOT NULL,
    created_unix    INTEGER NOT NULL,
    last_seen_unix  INTEGER NOT NULL,
    expires_unix    INTEGER NOT NULL
) STRICT;

CREATE INDEX console_sessions_by_user ON console_sessions (user_id);

-- Who did what, to which record, when, from where. `detail` is JSON without
-- personal data. Rows are only ever added: the triggers below refuse the rest.
CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY,
    at             TEXT NOT NULL,
    at_unix        INTEGER NOT NULL,
    -- NULL for the CLI and for sign-ins under names that belong to nobody.
    user_id        TEXT,
    action         TEXT NOT NULL,
    target_kind    TEXT,
    target_id      TEXT,
    detail         TEXT NOT NULL,
    client_addr    TEXT,
    forwarded_for  TEXT
) STRICT;

CREATE INDEX audit_log_by_user ON audit_log (user_id, id);
CREATE INDEX audit_log_by_action ON audit_log (action, id);
CREATE INDEX audit_log_by_time ON audit_log (at_unix);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
