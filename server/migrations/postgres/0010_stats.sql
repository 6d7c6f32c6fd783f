-- PostgreSQL twin of ../0010_stats.sql.

CREATE TABLE hall_day_counts (
    hall_id  TEXT NOT NULL,
    day      TEXT NOT NULL,
    metric   TEXT NOT NULL CHECK (metric IN
                 ('booking', 'cancellation', 'no_show', 'callback', 'callback_in_window')),
    n        BIGINT NOT NULL CHECK (n >= 0),
    PRIMARY KEY (hall_id, day, metric)
);

INSERT INTO hall_day_counts (hall_id, day, metric, n)
    SELECT hall_id, slot_date, 'booking', COUNT(*) FROM appointments GROUP BY hall_id, slot_date;
INSERT INTO hall_day_counts (hall_id, day, metric, n)
    SELECT hall_id, slot_date, 'cancellation', COUNT(*) FROM appointments
    WHERE status = 'cancelled' GROUP BY hall_id, slot_date;
INSERT INTO hall_day_counts (hall_id, day, metric, n)
    SELECT k.hall_id, substr(c.created_at, 1, 10), 'callback', COUNT(*)
    FROM callbacks c JOIN kiosks k ON k.id = c.kiosk_id
    GROUP BY k.hall_id, substr(c.created_at, 1, 10);
