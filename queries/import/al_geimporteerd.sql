-- Overslaan als de laatste import van dit bestand (pad en soort) precies deze inhoud had.
-- Een oudere versie opnieuw importeren is dus wél een wijziging.
SELECT coalesce(arg_max(sha256, id) = $sha256, false)
FROM import_log
WHERE bestand = $bestand AND soort = $soort;
