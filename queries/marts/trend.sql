-- Tijdreeks (alle jaren en documenten) voor één gemeente, een groep of heel Nederland
-- ($gm_codes leeg), herrekend naar de gemeentelijke indeling van $doeljaar via de
-- herindelingsketen. Met $prijsbasis in constante prijzen van dat jaar (CPI); jaren zonder
-- prijsindex krijgen dan lege bedragen. Groepen: Σ bedrag / Σ inwoners. $zonder_regio: zoals
-- marts/indicatoren (werk.indicatoren_gekozen).
-- `dekking` = het deel van de inwoners (naar aandeel) waarvoor de bron cijfers heeft; < 1 als
-- een voorganger in dat jaar niets indiende (zie werk.herrekend).
-- geen_eigen_acuut: zoals marts/indicatoren, met de landelijke drempel van dat jaar en document;
-- dan geen verhouding (€ 0 acute zorg is geen 'beste' waarde, ook niet in een reeks).
-- Contract: één rij per jaar en document met inwoners.
--   uniek: jaar, document
--   niet leeg: jaar, document, gemeenten, inwoners, dekking, prijsfactor
WITH herrekend AS (
    SELECT * FROM werk.herrekend($model, $maat, $doeljaar, $zonder_regio, p_gm_codes := $gm_codes)
),
drempel AS (
    SELECT jaar, document, werk.acuut_drempel(sum(acute_zorg), sum(inwoners)) AS acuut_drempel_per_inwoner
    FROM werk.herrekend($model, $maat, $doeljaar, $zonder_regio)
    WHERE inwoners IS NOT NULL
    GROUP BY jaar, document
),
groep AS (
    SELECT jaar, document, count(inwoners) AS gemeenten, sum(inwoners) AS inwoners,
           coalesce(sum(gewicht_aanwezig), 0) / sum(gewicht_totaal) AS dekking,
           sum(COLUMNS(lambda c: list_contains(werk.bedragen(), c)))
    FROM herrekend
    GROUP BY jaar, document
),
prijs AS (
    SELECT g.*,
           CASE WHEN $prijsbasis IS NULL THEN 1.0
                ELSE (SELECT cpi FROM main.prijsindex WHERE jaar = $prijsbasis) / pi.cpi END AS prijsfactor,
           werk.geen_eigen_acuut(g.acute_zorg, g.inwoners, d.acuut_drempel_per_inwoner) AS geen_eigen_acuut
    FROM groep g
    LEFT JOIN main.prijsindex pi USING (jaar)
    LEFT JOIN drempel d USING (jaar, document)
)
SELECT
    jaar, document, gemeenten, inwoners, dekking, prijsfactor, geen_eigen_acuut,
    COLUMNS(lambda c: list_contains(werk.bedragen(), c)) * prijsfactor,
    werk.verhouding(acute_zorg, collectieve_preventie, geen_eigen_acuut) AS acuut_per_euro_preventie,
    COLUMNS(lambda c: list_contains(werk.bedragen(), c)) * prijsfactor
        / inwoners AS '\0_per_inwoner'
FROM prijs
WHERE inwoners IS NOT NULL
ORDER BY jaar, document;
