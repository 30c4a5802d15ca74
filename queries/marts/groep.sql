-- Een groep gemeenten (of heel Nederland als $gm_codes leeg is) als geheel:
-- Σ bedrag / Σ inwoners, nooit een gemiddelde van verhoudingen. $zonder_regio: zoals marts/indicatoren.
SELECT
    count(*) AS gemeenten,
    sum(inwoners) AS inwoners,
    sum(COLUMNS(lambda c: list_contains(werk.bedragen(), c))),
    werk.acuut_per_preventie(sum(acute_zorg), sum(collectieve_preventie)) AS acuut_per_euro_preventie,
    sum(COLUMNS(lambda c: list_contains(werk.bedragen(), c)))
        / sum(inwoners) AS '\0_per_inwoner'
FROM werk.indicatoren_gekozen($model, $maat, $zonder_regio)
WHERE jaar = $jaar AND document = $document
  AND inwoners IS NOT NULL
  AND ($gm_codes IS NULL OR list_contains($gm_codes, gm_code));
