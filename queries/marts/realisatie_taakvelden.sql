-- Welke taakvelden het verschil tussen begroting en jaarrekening maken: per taakveld (op twee posities,
-- zoals werk.afwijking vergelijkt) de begroting en jaarrekening van $jaar in $maat, voor één gemeente
-- ($gm_code) of heel Nederland (leeg: Σ over de gemeenten met beide documenten), met de functie(s)
-- volgens het model en de incidentele stroom (oorzaak) als die er is.
-- Contract: één rij per taakveld.
--   uniek: taakveld
--   niet leeg: taakveld, begroting, jaarrekening, verschil, gemeenten_incidenteel
WITH functies AS (
    SELECT coalesce(t.code_2posities, m.taakveld) AS taakveld,
           string_agg(DISTINCT m.functie, ', ' ORDER BY m.functie) AS functies,
           -- de naam van de code zelf (6.73 ‘Jeugdhulp met verblijf (opgeteld)’), anders die van een onderdeel
           coalesce(any_value(m.omschrijving) FILTER (WHERE m.taakveld = coalesce(t.code_2posities, m.taakveld)),
                    any_value(m.omschrijving)) AS omschrijving
    FROM werk.model_regel m
    LEFT JOIN main.taakveld t ON t.jaar = $jaar AND t.code = m.taakveld
    WHERE m.model = $model AND $jaar BETWEEN m.jaar_van AND m.jaar_tot AND m.laag <> 'niet_meegeteld'
    GROUP BY ALL
)
SELECT a.taakveld,
       coalesce(any_value(t.omschrijving), any_value(f.omschrijving), a.taakveld) AS omschrijving,
       any_value(f.functies) AS functies,
       sum(a.referentie) AS begroting,
       sum(a.bedrag) AS jaarrekening,
       sum(a.bedrag) - sum(a.referentie) AS verschil,
       count(*) FILTER (WHERE a.incidenteel) AS gemeenten_incidenteel,
       sum(a.afwijking) FILTER (WHERE a.incidenteel) AS incidenteel_bedrag,
       any_value(a.oorzaak_naam) FILTER (WHERE a.incidenteel) AS oorzaak_naam
FROM werk.afwijking a
LEFT JOIN functies f ON f.taakveld = a.taakveld
LEFT JOIN main.taakveld t ON t.jaar = a.jaar AND t.code = a.taakveld
WHERE a.jaar = $jaar AND a.document = 'jaarrekening' AND a.maat = $maat
  AND ($gm_code IS NULL OR a.gm_code = $gm_code)
GROUP BY a.taakveld
ORDER BY abs(sum(a.bedrag) - sum(a.referentie)) DESC;
