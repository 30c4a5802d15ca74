-- De verdeling van de verhouding acuut per € preventie over gemeenten, per jaar en document, in
-- de indeling van $doeljaar (zoals marts/trend): mediaan, kwartielen en aantal, voor heel
-- Nederland ($gm_codes leeg) of een groep. Alleen gemeenten met een rang (werk.rangbaar, met de
-- landelijke drempel van dat jaar en document, ook voor een groep): € 0 acute zorg is geen
-- 'beste' waarde. Kwartielen interpoleren (quantile_cont), zoals pandas.
-- Contract: één rij per jaar en document met gemeenten met een rang.
--   sleutel: jaar, document
--   niet leeg: jaar, document, mediaan, q1, q3, gemeenten
WITH herrekend AS (
    SELECT jaar, document, gm_code, inwoners, acute_zorg, collectieve_preventie,
           werk.acuut_per_preventie(acute_zorg, collectieve_preventie) AS verhouding,
           werk.acuut_drempel(sum(acute_zorg) OVER w, sum(inwoners) OVER w) AS drempel
    FROM werk.herrekend($model, $maat, $doeljaar, $zonder_regio)
    WHERE inwoners IS NOT NULL
    WINDOW w AS (PARTITION BY jaar, document)
)
SELECT jaar, document,
       quantile_cont(verhouding, 0.5) AS mediaan,
       quantile_cont(verhouding, 0.25) AS q1,
       quantile_cont(verhouding, 0.75) AS q3,
       count(*) AS gemeenten
FROM herrekend
WHERE werk.rangbaar(verhouding, werk.geen_eigen_acuut(acute_zorg, inwoners, drempel))
  AND ($gm_codes IS NULL OR list_contains($gm_codes, gm_code))
GROUP BY jaar, document
ORDER BY jaar, document;
