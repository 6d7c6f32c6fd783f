-- Kiosk credentials and shared rate limits.
--
-- A kiosk registered with `kiosk-server admin kiosk add` has a secret; only its
-- SHA-256 is kept (the secret is 256 random bits, so a slow hash adds nothing).
-- NULL: a kiosk whose browser runs on the server's own PC (all-in-one, demo),
-- accepted only from that PC's loopback.
ALTER TABLE kiosks ADD COLUMN key_hash TEXT;

-- The interval the kiosk says it beats at, so "offline" means missed heartbeats.
ALTER TABLE kiosks ADD COLUMN heartbeat_s INTEGER;

-- Token buckets of the write rate limit, when several server instances share the
-- database (PostgreSQL); thousandths of a token, so no floating point is stored.
CREATE TABLE rate_buckets (
    key           TEXT PRIMARY KEY NOT NULL,
    milli_tokens  INTEGER NOT NULL,
    updated_ms    INTEGER NOT NULL
) STRICT;
