-- PostgreSQL twin of ../0008_desk.sql. Keep the two in step.
-- The 12348 desk: claims, tries and outcomes on each callback request, and the
-- calls and notes of its history. Notes and calls are deleted with their
-- request by the retention purge: they are kept exactly as long as it is.

-- Failed tries (no answer) so far; the request is closed at three.
ALTER TABLE callbacks ADD COLUMN tries BIGINT NOT NULL DEFAULT 0;
-- What closed it (status 'completed'): NULL for requests closed before the desk
-- existed, or by the operator API.
ALTER TABLE callbacks ADD COLUMN outcome TEXT
    CHECK (outcome IS NULL OR outcome IN ('reached', 'no_answer', 'wrong_number'));
-- Not to be called before (after no answer, or when the visitor asked).
ALTER TABLE callbacks ADD COLUMN retry_unix BIGINT;
-- Who is calling now, until when. A claim is won by one UPDATE whose WHERE
-- says "free, expired or mine", so of two operators exactly one wins.
ALTER TABLE callbacks ADD COLUMN claimed_by TEXT;
ALTER TABLE callbacks ADD COLUMN claim_until BIGINT;

CREATE TABLE callback_attempts (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference   TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    outcome     TEXT NOT NULL
                CHECK (outcome IN ('reached', 'no_answer', 'wrong_number', 'later')),
    call_after  TEXT,
    at          TEXT NOT NULL,
    at_unix     BIGINT NOT NULL
);

CREATE INDEX callback_attempts_by_reference ON callback_attempts (reference, id);

CREATE TABLE callback_notes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference   TEXT NOT NULL,
    -- NULL for the desk's own notes.
    user_id     TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('note', 'closed_after_tries')),
    text        TEXT NOT NULL,
    at          TEXT NOT NULL,
    at_unix     BIGINT NOT NULL
);

CREATE INDEX callback_notes_by_reference ON callback_notes (reference, id);
