-- Het laatste jaar waarnaar de cijfers van $jaar te herrekenen zijn en waarin $gm_code nog
-- bestaat (NULL = alleen de herrekenbaarheid van het hele land telt).
-- Contract: één waarde: het doeljaar (leeg als de gemeente niet te volgen is).
--   uniek: (één rij)
--   niet leeg: —
SELECT max(jaar_naar)
FROM main.herindeling
WHERE jaar_van = $jaar
  AND ($gm_code IS NULL OR (gm_code_van = $gm_code AND gm_code_naar = $gm_code));
