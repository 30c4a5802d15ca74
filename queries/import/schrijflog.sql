-- Eén schrijfactie van het dashboard: wie en wat, nu (UTC).
INSERT INTO schrijflog VALUES (current_timestamp AT TIME ZONE 'UTC', $door, $wat);
