-- De laatste imports, met alleen de bestandsnaam (nooit een pad op de server).
SELECT tijdstip, soort, rijen, regexp_extract(bestand, '[^/]+$') AS bestand
FROM import_log ORDER BY id DESC LIMIT 30;
