-- PostgreSQL twin of ../0009_hall_console.sql (BIGINT for INTEGER, no STRICT).
-- Keep the two in step.

-- Bumped by every profile edit, and by every opening-hours edit: a save made
-- from an older version is refused (409 changed_by_someone_else).
ALTER TABLE halls ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE halls ADD COLUMN hours_version BIGINT NOT NULL DEFAULT 1;

ALTER TABLE hall_services ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- A day off (sessions '[]') or shorter hours on one date (a JSON array of
-- {"start","end"} minutes), with the reason staff gave. `hall_holidays` stays
-- for the holidays the CLI sets; the schedule reads both.
CREATE TABLE hall_closures (
    hall_id     TEXT NOT NULL REFERENCES halls(id),
    date        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    sessions    TEXT NOT NULL,
    created_by  TEXT,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (hall_id, date)
);

-- Check-in at the counter, beside the status: a booking that stands may be
-- marked arrived or no-show. A separate column, so the unique index on standing
-- bookings and the status CHECK stay as they are.
ALTER TABLE appointments ADD COLUMN attendance TEXT
    CHECK (attendance IS NULL OR attendance IN ('arrived', 'no_show'));
ALTER TABLE appointments ADD COLUMN attendance_at TEXT;

CREATE INDEX appointments_by_hall_day ON appointments (hall_id, slot_date);

-- Requests the kiosk PC's edge holds for the central, from its last heartbeat.
ALTER TABLE kiosks ADD COLUMN outbox_depth BIGINT;
