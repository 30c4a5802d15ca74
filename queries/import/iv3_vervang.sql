-- Een volledige CBS-tabel (opgehaald) vervangt voor haar gemeenten, jaar en document de andere
-- bronnen (eerdere extracties, lastenreeksen); eigen CBS-ruwe imports worden in iv3_bedrag.sql
-- per bron vervangen.
DELETE FROM iv3_bedrag
WHERE (jaar, document, gm_code) IN (SELECT DISTINCT jaar, document, gm_code FROM invoer)
  AND bron NOT IN (SELECT DISTINCT bron FROM invoer);
