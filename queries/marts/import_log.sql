-- De laatste imports, met alleen de bestandsnaam (nooit een pad op de server).
-- Contract: één rij per import (de laatste 30), nieuwste eerst.
--   uniek: tijdstip, soort, bestand
--   niet leeg: tijdstip, soort, rijen
SELECT tijdstip, soort, rijen, regexp_extract(bestand, '[^/]+$') AS bestand
FROM import_log ORDER BY id DESC LIMIT 30;
