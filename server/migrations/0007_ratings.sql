-- 好差评: the five-level rating a visitor gives at the end of a visit.
--
-- Anonymous by construction: no kiosk, no time of day, no link to a booking or
-- a callback, and a random id (an increasing one would give the order in which
-- visitors rated, which matched against bookings' times would name them).

CREATE TABLE ratings (
    -- 16 random bytes, hex.
    id        TEXT PRIMARY KEY NOT NULL,
    hall_id   TEXT NOT NULL REFERENCES halls(id),
    -- The hall day (YYYY-MM-DD) and nothing finer.
    rated_on  TEXT NOT NULL,
    -- 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意.
    level     INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    -- JSON array of reason codes (`kiosk_core::rating::Reason`), sorted.
    reasons   TEXT NOT NULL DEFAULT '[]',
    -- What the visit did: booking, callback or self_check.
    flow      TEXT NOT NULL CHECK (flow IN ('booking', 'callback', 'self_check'))
) STRICT;

CREATE INDEX ratings_by_hall_day ON ratings (hall_id, rated_on);
