-- When staff expect a kiosk in maintenance back in service (issue #7). Unix seconds,
-- so the API can write it at the hall offset like every other time; NULL when not
-- given or not in maintenance.
ALTER TABLE kiosks ADD COLUMN back_at_unix INTEGER;
