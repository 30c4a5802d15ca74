-- Begroting tegen jaarrekening voor heel Nederland (of de groep $gm_codes), per jaar en bedrag, in
-- $maat: Σ over de gemeenten met beide documenten in die maat (werk.realisatie), met de som van de
-- incidentele stromen en het verschil zonder die stromen (een schatting, zie werk.realisatie).
-- Contract: één rij per jaar en bedrag met beide documenten.
--   uniek: jaar, functie
--   niet leeg: jaar, maat, functie, gemeenten, begroting, jaarrekening, verschil, incidenteel_bedrag, verschil_zonder_incidenteel
SELECT jaar, $maat AS maat, functie, count(*) AS gemeenten, sum(inwoners) AS inwoners,
       sum(begroting) AS begroting, sum(jaarrekening) AS jaarrekening,
       sum(jaarrekening) - sum(begroting) AS verschil,
       CASE WHEN sum(begroting) > 0 THEN 100 * sum(jaarrekening) / sum(begroting) END AS realisatie_pct,
       sum(incidenteel_bedrag) AS incidenteel_bedrag,
       sum(jaarrekening) - sum(begroting) - sum(incidenteel_bedrag) AS verschil_zonder_incidenteel,
       count(*) FILTER (WHERE len(incidenteel) > 0) AS gemeenten_incidenteel
FROM werk.realisatie($model, $maat)
WHERE $gm_codes IS NULL OR list_contains($gm_codes, gm_code)
GROUP BY jaar, functie
ORDER BY jaar, functie;
