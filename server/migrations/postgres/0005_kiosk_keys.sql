-- PostgreSQL twin of ../0005_kiosk_keys.sql.
ALTER TABLE kiosks ADD COLUMN key_hash TEXT;

ALTER TABLE kiosks ADD COLUMN heartbeat_s BIGINT;

CREATE TABLE rate_buckets (
    key           TEXT PRIMARY KEY NOT NULL,
    milli_tokens  BIGINT NOT NULL,
    updated_ms    BIGINT NOT NULL
);
