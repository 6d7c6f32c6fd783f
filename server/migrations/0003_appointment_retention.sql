-- Retention (PIPL arts. 19, 47): appointments are deleted a fixed time after their
-- slot ends. `slot_end` is RFC 3339 text; comparing it as text would only be right
-- while every row has the same offset, so the purge compares Unix seconds instead.
-- Generated from `slot_end`, the column can never drift from it, and existing rows
-- get it without a backfill. NOT NULL refuses a `slot_end` SQLite cannot read, so
-- every stored appointment is certain to reach its deletion date.
ALTER TABLE appointments ADD COLUMN slot_end_unix INTEGER NOT NULL
    GENERATED ALWAYS AS (unixepoch(slot_end)) VIRTUAL;

CREATE INDEX appointments_by_slot_end ON appointments (slot_end_unix);
