-- Counts per hall and day for the statistics, kept apart from the bookings and
-- callbacks they count: those are deleted by the retention purge, the counts
-- (numbers only, nothing about anyone) stay. Each is bumped in the transaction
-- of the event it counts (`kiosk_core::stats::Metric`).

CREATE TABLE hall_day_counts (
    hall_id  TEXT NOT NULL,
    -- The hall day, YYYY-MM-DD: a booking's slot day, a callback's request day.
    day      TEXT NOT NULL,
    metric   TEXT NOT NULL CHECK (metric IN
                 ('booking', 'cancellation', 'no_show', 'callback', 'callback_in_window')),
    n        INTEGER NOT NULL CHECK (n >= 0),
    PRIMARY KEY (hall_id, day, metric)
) STRICT;

-- What is still on record when the table arrives.
INSERT INTO hall_day_counts (hall_id, day, metric, n)
    SELECT hall_id, slot_date, 'booking', COUNT(*) FROM appointments GROUP BY hall_id, slot_date;
INSERT INTO hall_day_counts (hall_id, day, metric, n)
    SELECT hall_id, slot_date, 'cancellation', COUNT(*) FROM appointments
    WHERE status = 'cancelled' GROUP BY hall_id, slot_date;
INSERT INTO hall_day_counts (hall_id, day, metric, n)
    SELECT k.hall_id, substr(c.created_at, 1, 10), 'callback', COUNT(*)
    FROM callbacks c JOIN kiosks k ON k.id = c.kiosk_id
    GROUP BY k.hall_id, substr(c.created_at, 1, 10);
