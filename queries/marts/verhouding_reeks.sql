-- De verhouding acuut per € preventie van elke gemeente, per jaar en document, in de indeling van
-- $doeljaar (zoals marts/trend), met of ze een rang heeft (werk.rangbaar: de landelijke drempel en vertekend
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
SELECT h.gm_code, h.jaar, h.document, h.verhouding AS acuut_per_euro_preventie,
       -- Vertekend (werk.vertekend) naar de code na herindeling, zoals marts/indicatoren_herrekend.
       werk.rangbaar(h.verhouding, werk.geen_eigen_acuut(h.acute_zorg, h.inwoners, h.drempel), v.vertekend) AS rangbaar
FROM herrekend h
LEFT JOIN werk.vertekend($model, $maat) v USING (jaar, document, gm_code)
WHERE $gm_codes IS NULL OR list_contains($gm_codes, h.gm_code)
ORDER BY h.jaar, h.document, h.gm_code;
