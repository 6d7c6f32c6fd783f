-- PostgreSQL twin of ../0007_ratings.sql.

CREATE TABLE ratings (
    id        TEXT PRIMARY KEY NOT NULL,
    hall_id   TEXT NOT NULL REFERENCES halls(id),
    rated_on  TEXT NOT NULL,
    level     BIGINT NOT NULL CHECK (level BETWEEN 1 AND 5),
    reasons   TEXT NOT NULL DEFAULT '[]',
    flow      TEXT NOT NULL CHECK (flow IN ('booking', 'callback', 'self_check'))
);

CREATE INDEX ratings_by_hall_day ON ratings (hall_id, rated_on);
