-- PostgreSQL twin of ../0004_kiosk_back_at.sql.
ALTER TABLE kiosks ADD COLUMN back_at_unix BIGINT;
