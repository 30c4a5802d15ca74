-- Een groep gemeenten (of heel Nederland als $gm_codes leeg is) als geheel:
-- Σ bedrag / Σ inwoners, nooit een gemiddelde van verhoudingen. $zonder_regio: zoals marts/indicatoren.
-- geen_eigen_acuut: de groep samen onder de landelijke drempel (zoals marts/indicatoren per
-- gemeente); dan geen verhouding, zoals op Trends (een groep van alleen Rozendaal is geen € 0,00).
-- Contract: één rij: de groep (of Nederland) als geheel.
--   uniek: (één rij)
--   niet leeg: gemeenten, bedragen
WITH alle AS (
    SELECT * FROM werk.indicatoren_gekozen($model, $maat, $zonder_regio)
    WHERE jaar = $jaar AND document = $document AND inwoners IS NOT NULL
),
drempel AS (
    SELECT werk.acuut_drempel(sum(acute_zorg), sum(inwoners)) AS per_inwoner FROM alle
)
SELECT
    count(*) AS gemeenten,
    sum(inwoners) AS inwoners,
    sum(COLUMNS(lambda c: list_contains(werk.bedragen(), c))),
    werk.geen_eigen_acuut(sum(acute_zorg), sum(inwoners), any_value(d.per_inwoner)) AS geen_eigen_acuut,
    werk.verhouding(sum(acute_zorg), sum(collectieve_preventie), geen_eigen_acuut) AS acuut_per_euro_preventie,
    sum(COLUMNS(lambda c: list_contains(werk.bedragen(), c)))
        / sum(inwoners) AS '\0_per_inwoner'
FROM alle, drempel d
WHERE $gm_codes IS NULL OR list_contains($gm_codes, gm_code);
