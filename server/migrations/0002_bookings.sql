-- Services, opening hours, appointments, callbacks, kiosks, staff, idempotency.

ALTER TABLE halls ADD COLUMN slot_minutes INTEGER NOT NULL DEFAULT 30
    CHECK (slot_minutes BETWEEN 5 AND 240);

CREATE TABLE services (
    id                  TEXT PRIMARY KEY NOT NULL,
    sort                INTEGER NOT NULL,
    name_zh             TEXT NOT NULL,
    name_en             TEXT NOT NULL,
    description_zh      TEXT NOT NULL,
    description_en      TEXT NOT NULL,
    duration_minutes    INTEGER NOT NULL CHECK (duration_minutes > 0),
    requires_id_number  INTEGER NOT NULL CHECK (requires_id_number IN (0, 1)),
    -- JSON array of {"zh-CN", "en"} objects: what to bring.
    materials           TEXT NOT NULL
) STRICT;

-- Which services a hall offers, with seats per slot.
CREATE TABLE hall_services (
    hall_id     TEXT NOT NULL REFERENCES halls(id),
    service_id  TEXT NOT NULL REFERENCES services(id),
    capacity    INTEGER NOT NULL CHECK (capacity > 0),
    PRIMARY KEY (hall_id, service_id)
) STRICT;

-- Opening sessions per ISO weekday (1 = Monday), minutes after midnight.
CREATE TABLE hall_sessions (
    hall_id       TEXT NOT NULL REFERENCES halls(id),
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute  INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute    INTEGER NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1440),
    PRIMARY KEY (hall_id, weekday, start_minute)
) STRICT;

CREATE TABLE hall_holidays (
    hall_id  TEXT NOT NULL REFERENCES halls(id),
    date     TEXT NOT NULL,
    PRIMARY KEY (hall_id, date)
) STRICT;

-- Seats taken per slot. The CHECK is the backstop against overbooking; the
-- booking transaction's conditional update is the first line.
CREATE TABLE slot_seats (
    hall_id     TEXT NOT NULL,
    service_id  TEXT NOT NULL,
    slot_start  TEXT NOT NULL,
    capacity    INTEGER NOT NULL,
    taken       INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= capacity),
    PRIMARY KEY (hall_id, service_id, slot_start)
) STRICT;

CREATE TABLE appointments (
    reference        TEXT PRIMARY KEY NOT NULL,
    hall_id          TEXT NOT NULL REFERENCES halls(id),
    service_id       TEXT NOT NULL REFERENCES services(id),
    slot_start       TEXT NOT NULL,
    slot_end         TEXT NOT NULL,
    slot_date        TEXT NOT NULL,
    name             TEXT NOT NULL,
    phone            TEXT NOT NULL,
    -- Never the ID number itself: a keyed hash and the last four characters.
    id_number_hash   TEXT,
    id_number_last4  TEXT,
    needs            TEXT NOT NULL,
    language         TEXT NOT NULL,
    consent_version  TEXT NOT NULL,
    kiosk_id         TEXT,
    status           TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
    created_at       TEXT NOT NULL,
    cancelled_at     TEXT
) STRICT;

-- One standing booking per phone, service and day.
CREATE UNIQUE INDEX appointments_one_per_phone_service_day
    ON appointments (phone, service_id, slot_date) WHERE status = 'booked';

CREATE TABLE callbacks (
    reference        TEXT PRIMARY KEY NOT NULL,
    phone            TEXT NOT NULL,
    name             TEXT,
    topic            TEXT NOT NULL,
    -- JSON: "asap" or {"date", "period"}.
    preferred        TEXT NOT NULL,
    language         TEXT NOT NULL,
    needs            TEXT NOT NULL,
    may_say_12348    INTEGER NOT NULL CHECK (may_say_12348 IN (0, 1)),
    note             TEXT,
    consent_version  TEXT NOT NULL,
    kiosk_id         TEXT,
    status           TEXT NOT NULL CHECK (status IN ('queued', 'completed')),
    created_at       TEXT NOT NULL,
    created_unix     INTEGER NOT NULL,
    completed_at     TEXT
) STRICT;

CREATE INDEX callbacks_by_phone ON callbacks (phone, created_unix);
CREATE INDEX callbacks_by_status ON callbacks (status, created_unix);

-- Replays of POSTs with the same Idempotency-Key. Written in the same transaction
-- as the row it guards.
CREATE TABLE idempotency_keys (
    scope          TEXT NOT NULL,
    key            TEXT NOT NULL,
    request_hash   TEXT NOT NULL,
    status         INTEGER NOT NULL,
    response_body  TEXT NOT NULL,
    created_unix   INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
) STRICT;

CREATE TABLE kiosks (
    id                  TEXT PRIMARY KEY NOT NULL,
    hall_id             TEXT NOT NULL REFERENCES halls(id),
    maintenance         INTEGER NOT NULL DEFAULT 0 CHECK (maintenance IN (0, 1)),
    message_zh          TEXT,
    message_en          TEXT,
    last_seen_unix      INTEGER,
    version             TEXT,
    uptime_s            INTEGER,
    last_interaction_s  INTEGER,
    errors              INTEGER
) STRICT;

-- Staff PINs, argon2id (PHC strings). One PIN per hall.
CREATE TABLE staff_pins (
    hall_id   TEXT PRIMARY KEY NOT NULL REFERENCES halls(id),
    pin_hash  TEXT NOT NULL
) STRICT;

CREATE TABLE staff_lockouts (
    kiosk_id          TEXT PRIMARY KEY NOT NULL,
    failures          INTEGER NOT NULL DEFAULT 0,
    lockouts          INTEGER NOT NULL DEFAULT 0,
    locked_until_unix INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE staff_attempts (
    id        INTEGER PRIMARY KEY,
    kiosk_id  TEXT NOT NULL,
    at_unix   INTEGER NOT NULL,
    outcome   TEXT NOT NULL CHECK (outcome IN ('ok', 'wrong_pin', 'locked', 'unknown_kiosk'))
) STRICT;

-- Staff bearer tokens, stored as SHA-256 hashes.
CREATE TABLE staff_sessions (
    token_hash    TEXT PRIMARY KEY NOT NULL,
    kiosk_id      TEXT NOT NULL,
    expires_unix  INTEGER NOT NULL
) STRICT;

-- Server secrets created on first start (the ID-number hash key).
CREATE TABLE server_secrets (
    name   TEXT PRIMARY KEY NOT NULL,
    value  BLOB NOT NULL
) STRICT;
