-- PostgreSQL twin of ../0003_appointment_retention.sql. A generated column needs an
-- immutable expression, and reading RFC 3339 text as a timestamp is only stable,
-- so a trigger keeps `slot_end_unix` equal to `slot_end` instead: the column can
-- still never drift from it, and NOT NULL still refuses a `slot_end` that cannot
-- be read (the cast fails and so does the write).
ALTER TABLE appointments ADD COLUMN slot_end_unix BIGINT;

CREATE FUNCTION appointments_slot_end_unix() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.slot_end_unix := extract(epoch FROM NEW.slot_end::timestamptz)::bigint;
    RETURN NEW;
END
$$;

CREATE TRIGGER appointments_slot_end_unix
    BEFORE INSERT OR UPDATE OF slot_end ON appointments
    FOR EACH ROW EXECUTE FUNCTION appointments_slot_end_unix();

UPDATE appointments SET slot_end = slot_end;
ALTER TABLE appointments ALTER COLUMN slot_end_unix SET NOT NULL;

CREATE INDEX appointments_by_slot_end ON appointments (slot_end_unix);
