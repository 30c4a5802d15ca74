-- Per jaar en document: de punten van een reeks (Trends) die vertekend zijn door crisisgeld, voor $gm_codes
-- (of alle gemeenten) in $maat. Dezelfde regel als de kopzin van een som (marts/groep): het crisisgeld van
-- de leden (werk.vertekend, absoluut per gemeente) is minstens het deel van werk.groep_vertekend van hun
-- preventie of acute zorg. afwijking: dat crisisgeld met teken; oorzaken: de namen (werk.incidenteel).
-- Contract: één rij per jaar en document met vertekenend crisisgeld.
--   uniek: jaar, document
--   niet leeg: jaar, document, gemeenten, afwijking, oorzaken
WITH leden AS (
    SELECT gi.jaar, gi.document, gi.gm_code, gi.collectieve_preventie, gi.acute_zorg,
           v.gm_code AS vertekend_lid,
           coalesce(v.preventie_incidenteel, 0) AS preventie_incidenteel,
           coalesce(v.acuut_incidenteel, 0) AS acuut_incidenteel
    FROM werk.gemeente_indicatoren($model, $maat, p_gm_codes := $gm_codes) gi
    LEFT JOIN werk.vertekend($model, $maat) v USING (jaar, document, gm_code)
),
per_jaar AS (
    SELECT jaar, document, count(vertekend_lid) AS gemeenten,
           sum(preventie_incidenteel + acuut_incidenteel) AS afwijking,
           werk.groep_vertekend(sum(abs(preventie_incidenteel)), sum(collectieve_preventie),
                                sum(abs(acuut_incidenteel)), sum(acute_zorg)) AS vertekend
    FROM leden
    GROUP BY jaar, document
),
oorzaken AS (
    SELECT a.jaar, a.document, list(DISTINCT a.oorzaak_naam ORDER BY a.oorzaak_naam) AS oorzaken
    FROM werk.incidenteel a
    JOIN leden l ON l.vertekend_lid = a.gm_code AND l.jaar = a.jaar AND l.document = a.document
    WHERE a.maat = $maat
    GROUP BY a.jaar, a.document
)
SELECT p.jaar, p.document, p.gemeenten, p.afwijking, o.oorzaken
FROM per_jaar p
JOIN oorzaken o USING (jaar, document)
WHERE p.vertekend
ORDER BY p.jaar, p.document;
