-- Begroting tegen jaarrekening per gemeente en bedrag (werk.realisatie) in $jaar en $maat, voor
-- $gm_codes (of alle gemeenten als leeg), met het verschil en de realisatie (jaarrekening ÷ begroting).
-- Contract: één rij per gemeente en bedrag met beide documenten.
--   uniek: gm_code, functie
--   niet leeg: gm_code, gemeente, jaar, maat, functie, begroting, jaarrekening, verschil, incidenteel, incidenteel_bedrag
SELECT r.gm_code, coalesce(gj.naam, r.gm_code) AS gemeente, r.jaar, $maat AS maat, r.functie,
       r.begroting, r.jaarrekening, r.jaarrekening - r.begroting AS verschil,
       CASE WHEN r.begroting > 0 THEN 100 * r.jaarrekening / r.begroting END AS realisatie_pct,
       r.inwoners, r.incidenteel, r.incidenteel_bedrag
FROM werk.realisatie($model, $maat) r
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = r.jaar AND gj.gm_code = r.gm_code
WHERE r.jaar = $jaar AND ($gm_codes IS NULL OR list_contains($gm_codes, r.gm_code))
ORDER BY r.gm_code, r.functie;
