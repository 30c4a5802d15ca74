-- Welke bronbestanden (naam, soort, sha256, tijdstip) de huidige opslag vulden: per bestand de
-- laatste import. De snapshot neemt ze op in zijn manifest, zonder serverpaden.
SELECT soort, bestand, arg_max(sha256, id) AS sha256, max(tijdstip) AS tijdstip
FROM import_log
WHERE soort <> 'snapshot'
GROUP BY soort, bestand
ORDER BY soort, bestand;
