-- PostgreSQL twin of ../0001_halls.sql: the same tables, columns and constraints,
-- in PostgreSQL's types (BIGINT, BOOLEAN, BYTEA). Keep the two in step.
CREATE TABLE halls (
    id            TEXT PRIMARY KEY NOT NULL,
    name_zh       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    address_zh    TEXT NOT NULL,
    address_en    TEXT NOT NULL,
    phone         TEXT NOT NULL,
    hours_zh      TEXT NOT NULL,
    hours_en      TEXT NOT NULL
);
