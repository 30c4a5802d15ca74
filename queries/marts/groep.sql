-- Een groep gemeenten (of heel Nederland als $gm_codes leeg is) als geheel:
-- Σ bedrag / Σ inwoners, nooit een gemiddelde van verhoudingen.
SELECT
    count(*) AS gemeenten,
    sum(inwoners) AS inwoners,
    sum(COLUMNS('^(persoonlijk|informeel|institutioneel|maatwerk|acuut|overig|totaal|collectieve_preventie|toegang|bestaanszekerheid|individuele_ondersteuning|acute_zorg|beleid)$')),
    CASE WHEN sum(collectieve_preventie) > 0
         THEN sum(acute_zorg) / sum(collectieve_preventie) END AS acuut_per_euro_preventie,
    sum(COLUMNS('^(persoonlijk|informeel|institutioneel|maatwerk|acuut|overig|totaal|collectieve_preventie|toegang|bestaanszekerheid|individuele_ondersteuning|acute_zorg|beleid)$'))
        / sum(inwoners) AS '\1_per_inwoner'
FROM werk.gemeente_indicatoren($model, $maat)
WHERE jaar = $jaar AND document = $document
  AND inwoners IS NOT NULL
  AND ($gm_codes IS NULL OR list_contains($gm_codes, gm_code));
