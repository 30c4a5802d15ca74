-- Eigen cijfers van één gemeente, jaar en document weer weg: daarna tellen de CBS-cijfers (als die
-- er zijn), en kan hetzelfde bestand later opnieuw worden ingelezen.
DELETE FROM import_log
WHERE soort = 'eigen_begroting'
  AND sha256 IN (SELECT sha256 FROM eigen_herkomst WHERE jaar = $jaar AND document = $document AND gm_code = $gm_code);
DELETE FROM eigen_herkomst WHERE jaar = $jaar AND document = $document AND gm_code = $gm_code;
DELETE FROM iv3_bedrag WHERE bron = 'eigen' AND jaar = $jaar AND document = $document AND gm_code = $gm_code;
