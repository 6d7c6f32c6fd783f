-- PostgreSQL twin of ../0011_standards.sql.

CREATE TABLE legal_aid_standards (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    replaces       BIGINT NOT NULL UNIQUE,
    body           TEXT NOT NULL,
    version        TEXT NOT NULL,
    uploaded_by    TEXT NOT NULL REFERENCES users(id),
    uploaded_at    TEXT NOT NULL,
    uploaded_unix  BIGINT NOT NULL
);
