-- PostgreSQL twin of ../0006_console.sql.

CREATE TABLE users (
    id             TEXT PRIMARY KEY NOT NULL,
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('operator', 'hall_admin', 'province_admin')),
    password_hash  TEXT NOT NULL,
    disabled       BOOLEAN NOT NULL DEFAULT FALSE,
    version        BIGINT NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    created_unix   BIGINT NOT NULL
);

CREATE TABLE user_halls (
    user_id  TEXT NOT NULL REFERENCES users(id),
    hall_id  TEXT NOT NULL REFERENCES halls(id),
    PRIMARY KEY (user_id, hall_id)
);

CREATE TABLE console_lockouts (
    login_key          TEXT PRIMARY KEY NOT NULL,
    failures           BIGINT NOT NULL DEFAULT 0,
    lockouts           BIGINT NOT NULL DEFAULT 0,
    locked_until_unix  BIGINT NOT NULL DEFAULT 0,
    updated_unix       BIGINT NOT NULL
);

CREATE TABLE console_sessions (
    token_hash      TEXT PRIMARY KEY NOT NULL,
    user_id         TEXT NOT NULL REFERENCES users(id),
    csrf_token      TEXT NOT NULL,
    created_unix    BIGINT NOT NULL,
    last_seen_unix  BIGINT NOT NULL,
    expires_unix    BIGINT NOT NULL
);

CREATE INDEX console_sessions_by_user ON console_sessions (user_id);

CREATE TABLE audit_log (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             TEXT NOT NULL,
    at_unix        BIGINT NOT NULL,
    user_id        TEXT,
    action         TEXT NOT NULL,
    target_kind    TEXT,
    target_id      TEXT,
    detail         TEXT NOT NULL,
    client_addr    TEXT,
    forwarded_for  TEXT
);

CREATE INDEX audit_log_by_user ON audit_log (user_id, id);
CREATE INDEX audit_log_by_action ON audit_log (action, id);
CREATE INDEX audit_log_by_time ON audit_log (at_unix);

-- A trigger rather than REVOKE: it holds for every role, the table's owner (the
-- server's own role) included, and says why.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
