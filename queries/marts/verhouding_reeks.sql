-- De verhouding acuut per € preventie van elke gemeente, per jaar en document, in de indeling van
-- $doeljaar (zoals marts/trend), met of ze een rang heeft (werk.rangbaar, met de landelijke drempel
-- van dat jaar en document, ook voor een groep). indicators.trend_spreiding rekent er de mediaan en
-- kwartielen uit met dezelfde functie als elke andere mediane gemeente (indicators.spreiding).
-- Contract: één rij per gemeente, jaar en document met inwoners.
--   uniek: gm_code, jaar, document
--   niet leeg: gm_code, jaar, document, rangbaar
WITH herrekend AS (
    SELECT jaar, document, gm_code, inwoners, acute_zorg, collectieve_preventie,
           werk.acuut_per_preventie(acute_zorg, collectieve_preventie) AS verhouding,
           werk.acuut_drempel(sum(acute_zorg) OVER w, sum(inwoners) OVER w) AS drempel
    FROM werk.herrekend($model, $maat, $doeljaar, $zonder_regio)
    WHERE inwoners IS NOT NULL
    WINDOW w AS (PARTITION BY jaar, document)
)
SELECT gm_code, jaar, document, verhouding AS acuut_per_euro_preventie,
       werk.rangbaar(verhouding, werk.geen_eigen_acuut(acute_zorg, inwoners, drempel)) AS rangbaar
FROM herrekend
WHERE $gm_codes IS NULL OR list_contains($gm_codes, gm_code)
ORDER BY jaar, document, gm_code;
