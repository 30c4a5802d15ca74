-- Een groep gemeenten (of heel Nederland als $gm_codes leeg is) als geheel:
-- Σ bedrag / Σ inwoners, nooit een gemiddelde van verhoudingen. $zonder_regio: zoals marts/indicatoren.
-- geen_eigen_acuut: de groep samen onder de landelijke drempel (zoals marts/indicatoren per
-- gemeente); dan geen verhouding, zoals op Trends (een groep van alleen Rozendaal is geen € 0,00).
-- vertekend: zie werk.groep_vertekend (crisisgeld van de leden, 060_afwijking.sql).
-- Contract: één rij: de groep (of Nederland) als geheel.
--   uniek: (één rij)
--   niet leeg: gemeenten, vertekend, gemeenten_vertekend, bedragen
WITH alle AS (
    SELECT gi.*, coalesce(v.vertekend, false) AS vertekend,
           -- absoluut per gemeente: meer en minder crisisgeld heffen elkaar in een som niet op
           abs(coalesce(v.preventie_incidenteel, 0)) AS preventie_incidenteel,
           abs(coalesce(v.acuut_incidenteel, 0)) AS acuut_incidenteel
    FROM werk.indicatoren_gekozen($model, $maat, $zonder_regio) gi
    LEFT JOIN werk.vertekend($model, $maat) v USING (jaar, document, gm_code)
    WHERE gi.jaar = $jaar AND gi.document = $document AND gi.inwoners IS NOT NULL
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
    -- Een som is vertekend als het crisisgeld van haar leden (werk.vertekend) minstens 5% (begrippen.VERTEKEND_GROEP_DEEL)
    -- van haar preventie of acute zorg is; de kopzin zegt het dan erbij.
    werk.groep_vertekend(sum(preventie_incidenteel), sum(collectieve_preventie),
                         sum(acuut_incidenteel), sum(acute_zorg)) AS vertekend,
    count(*) FILTER (WHERE vertekend) AS gemeenten_vertekend,
    sum(COLUMNS(lambda c: list_contains(werk.bedragen(), c)))
        / sum(inwoners) AS '\0_per_inwoner'
FROM alle, drempel d
WHERE $gm_codes IS NULL OR list_contains($gm_codes, gm_code);
