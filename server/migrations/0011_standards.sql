-- Legal-aid standards uploaded in the console. The newest row is in force (over
-- the --standards file and the built-in copy); older rows are the history.
-- `replaces` is the id of the row in force when the upload was made (0 for
-- none): unique, so of two uploads made from the same version only one lands.

CREATE TABLE legal_aid_standards (
    id             INTEGER PRIMARY KEY,
    replaces       INTEGER NOT NULL UNIQUE,
    body           TEXT NOT NULL,
    -- SHA-256 of the standards as served (`StandardsStatus::version`).
    version        TEXT NOT NULL,
    uploaded_by    TEXT NOT NULL REFERENCES users(id),
    uploaded_at    TEXT NOT NULL,
    uploaded_unix  INTEGER NOT NULL
) STRICT;
