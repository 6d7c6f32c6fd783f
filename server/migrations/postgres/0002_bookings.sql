-- PostgreSQL twin of ../0002_bookings.sql.

ALTER TABLE halls ADD COLUMN slot_minutes BIGINT NOT NULL DEFAULT 30
    CHECK (slot_minutes BETWEEN 5 AND 240);

CREATE TABLE services (
    id                  TEXT PRIMARY KEY NOT NULL,
    sort                BIGINT NOT NULL,
    name_zh             TEXT NOT NULL,
    name_en             TEXT NOT NULL,
    description_zh      TEXT NOT NULL,
    description_en      TEXT NOT NULL,
    duration_minutes    BIGINT NOT NULL CHECK (duration_minutes > 0),
    requires_id_number  BOOLEAN NOT NULL,
    materials           TEXT NOT NULL
);

CREATE TABLE hall_services (
    hall_id     TEXT NOT NULL REFERENCES halls(id),
    service_id  TEXT NOT NULL REFERENCES services(id),
    capacity    BIGINT NOT NULL CHECK (capacity > 0),
    PRIMARY KEY (hall_id, service_id)
);

CREATE TABLE hall_sessions (
    hall_id       TEXT NOT NULL REFERENCES halls(id),
    weekday       BIGINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute  BIGINT NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute    BIGINT NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1440),
    PRIMARY KEY (hall_id, weekday, start_minute)
);

CREATE TABLE hall_holidays (
    hall_id  TEXT NOT NULL REFERENCES halls(id),
    date     TEXT NOT NULL,
    PRIMARY KEY (hall_id, date)
);

-- The CHECK is the backstop against overbooking, across every server instance
-- that shares this database; the booking transaction's conditional update (which
-- waits for the row lock of a concurrent one) is the first line.
CREATE TABLE slot_seats (
    hall_id     TEXT NOT NULL,
    service_id  TEXT NOT NULL,
    slot_start  TEXT NOT NULL,
    capacity    BIGINT NOT NULL,
    taken       BIGINT NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= capacity),
    PRIMARY KEY (hall_id, service_id, slot_start)
);

CREATE TABLE appointments (
    reference        TEXT PRIMARY KEY NOT NULL,
    hall_id          TEXT NOT NULL REFERENCES halls(id),
    service_id       TEXT NOT NULL REFERENCES services(id),
    slot_start       TEXT NOT NULL,
    slot_end         TEXT NOT NULL,
    slot_date        TEXT NOT NULL,
    name             TEXT NOT NULL,
    phone            TEXT NOT NULL,
    id_number_hash   TEXT,
    id_number_last4  TEXT,
    needs            TEXT NOT NULL,
    language         TEXT NOT NULL,
    consent_version  TEXT NOT NULL,
    kiosk_id         TEXT,
    status           TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
    created_at       TEXT NOT NULL,
    cancelled_at     TEXT
);

CREATE UNIQUE INDEX appointments_one_per_phone_service_day
    ON appointments (phone, service_id, slot_date) WHERE status = 'booked';

CREATE TABLE callbacks (
    reference        TEXT PRIMARY KEY NOT NULL,
    phone            TEXT NOT NULL,
    name             TEXT,
    topic            TEXT NOT NULL,
    preferred        TEXT NOT NULL,
    language         TEXT NOT NULL,
    needs            TEXT NOT NULL,
    may_say_12348    BOOLEAN NOT NULL,
    note             TEXT,
    consent_version  TEXT NOT NULL,
    kiosk_id         TEXT,
    status           TEXT NOT NULL CHECK (status IN ('queued', 'completed')),
    created_at       TEXT NOT NULL,
    created_unix     BIGINT NOT NULL,
    completed_at     TEXT
);

CREATE INDEX callbacks_by_phone ON callbacks (phone, created_unix);
CREATE INDEX callbacks_by_status ON callbacks (status, created_unix);

CREATE TABLE idempotency_keys (
    scope          TEXT NOT NULL,
    key            TEXT NOT NULL,
    request_hash   TEXT NOT NULL,
    status         BIGINT NOT NULL,
    response_body  TEXT NOT NULL,
    created_unix   BIGINT NOT NULL,
    PRIMARY KEY (scope, key)
);

CREATE TABLE kiosks (
    id                  TEXT PRIMARY KEY NOT NULL,
    hall_id             TEXT NOT NULL REFERENCES halls(id),
    maintenance         BOOLEAN NOT NULL DEFAULT FALSE,
    message_zh          TEXT,
    message_en          TEXT,
    last_seen_unix      BIGINT,
    version             TEXT,
    uptime_s            BIGINT,
    last_interaction_s  BIGINT,
    errors              BIGINT
);

CREATE TABLE staff_pins (
    hall_id   TEXT PRIMARY KEY NOT NULL REFERENCES halls(id),
    pin_hash  TEXT NOT NULL
);

CREATE TABLE staff_lockouts (
    kiosk_id          TEXT PRIMARY KEY NOT NULL,
    failures          BIGINT NOT NULL DEFAULT 0,
    lockouts          BIGINT NOT NULL DEFAULT 0,
    locked_until_unix BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE staff_attempts (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kiosk_id  TEXT NOT NULL,
    at_unix   BIGINT NOT NULL,
    outcome   TEXT NOT NULL CHECK (outcome IN ('ok', 'wrong_pin', 'locked', 'unknown_kiosk'))
);

CREATE TABLE staff_sessions (
    token_hash    TEXT PRIMARY KEY NOT NULL,
    kiosk_id      TEXT NOT NULL,
    expires_unix  BIGINT NOT NULL
);

CREATE TABLE server_secrets (
    name   TEXT PRIMARY KEY NOT NULL,
    value  BYTEA NOT NULL
);
