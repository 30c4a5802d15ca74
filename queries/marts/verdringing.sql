-- Verdringing: gaat een overschrijding op acute zorg samen met minder groei van de begrote collectieve
-- preventie $stap jaar later? Per gemeente en jaar t (bruto: alle jaren met lasten, tot en met
-- begroting $tot_jaar) de overschrijding (jaarrekening ÷ begroting − 1 op acute zorg) en de groei van
-- preventie per inwoner van begroting t naar begroting t + $stap. Beide ten opzichte van de landelijke
-- mediaan van dat jaar; de groei ook ten opzichte van het eigen gemiddelde van de gemeente (haar trend),
-- zodat alleen overblijft wat afwijkt van wat ze toch al deed. kwintiel: 1 = minst overschreden … 5 = meest.
-- $tot_jaar houdt de opvang van ontheemden (6.1 vanaf begroting 2023) en de schemabreuk van 2023 buiten.
-- Contract: één rij per gemeente en jaar.
--   uniek: gm_code, jaar
--   niet leeg: gm_code, jaar, overschrijding, groei, overschrijding_rel, groei_rel, kwintiel
WITH gi AS (
    SELECT * FROM werk.gemeente_indicatoren($model, 'bruto') WHERE inwoners IS NOT NULL
),
paar AS (
    SELECT b.gm_code, b.jaar,
           r.acute_zorg / b.acute_zorg - 1 AS overschrijding,
           (v.collectieve_preventie / v.inwoners) / (b.collectieve_preventie / b.inwoners) - 1 AS groei
    FROM gi b
    JOIN gi r ON r.gm_code = b.gm_code AND r.jaar = b.jaar AND r.document = 'jaarrekening'
    JOIN gi v ON v.gm_code = b.gm_code AND v.jaar = b.jaar + $stap AND v.document = 'begroting'
    WHERE b.document = 'begroting' AND b.acute_zorg > 0 AND b.collectieve_preventie > 0
      AND v.jaar <= $tot_jaar
),
jaar_gecorrigeerd AS (
    SELECT *,
           overschrijding - median(overschrijding) OVER (PARTITION BY jaar) AS overschrijding_rel,
           groei - median(groei) OVER (PARTITION BY jaar) AS groei_jaar
    FROM paar
),
eigen AS (
    -- Het gemiddelde, niet de mediaan: bij een oneven aantal jaren zou één jaar per gemeente precies 0 worden.
    SELECT *, groei_jaar - avg(groei_jaar) OVER (PARTITION BY gm_code) AS groei_rel,
           count(*) OVER (PARTITION BY gm_code) AS jaren
    FROM jaar_gecorrigeerd
)
SELECT e.gm_code, coalesce(gj.naam, e.gm_code) AS gemeente, e.jaar, e.overschrijding, e.groei,
       e.overschrijding_rel, e.groei_rel,
       ntile(5) OVER (ORDER BY e.overschrijding_rel) AS kwintiel
FROM eigen e
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = e.jaar AND gj.gm_code = e.gm_code
WHERE e.jaren >= 2  -- met één jaar is er geen eigen trend
ORDER BY e.gm_code, e.jaar;
