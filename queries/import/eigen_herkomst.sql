-- Eén rij per bestand met eigen cijfers (één gemeente, jaar en document); een nieuw bestand voor
-- dezelfde gemeente, hetzelfde jaar en document vervangt het vorige (iv3_bedrag.sql doet dat ook).
DELETE FROM import_log
WHERE soort = 'eigen_begroting'
  AND sha256 IN (SELECT h.sha256 FROM eigen_herkomst h JOIN invoer i USING (jaar, document, gm_code));
DELETE FROM eigen_herkomst WHERE (jaar, document, gm_code) IN (SELECT jaar, document, gm_code FROM invoer);
INSERT INTO eigen_herkomst (jaar, document, gm_code, bestand, sha256)
SELECT jaar, document, gm_code, bestand, sha256 FROM invoer;
