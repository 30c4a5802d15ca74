-- Elke naam die de opslag kent (alle jaren, ook vóór een herindeling) met de GM-code die in
-- $jaar bij die naam hoort: zo opent een link met een oude of andere CBS-naam toch een gemeente.
-- Een opgeheven gemeente wijst naar de gemeente die het grootste deel ervan overnam.
-- Contract: één rij per bekende naam en jaar van die naam.
--   uniek: naam, jaar
--   niet leeg: naam, gm_code, jaar
WITH huidig AS (
    SELECT gm_code FROM main.gemeente_jaar WHERE jaar = $jaar
), opvolger AS (
    SELECT gm_code_van, arg_max(gm_code_naar, aandeel) AS gm_code
    FROM main.herindeling
    WHERE jaar_naar = $jaar AND gm_code_van <> gm_code_naar
    GROUP BY gm_code_van
)
SELECT DISTINCT n.naam, coalesce(h.gm_code, o.gm_code) AS gm_code, n.jaar
FROM main.gemeente_naam n
LEFT JOIN huidig h ON h.gm_code = n.gm_code
LEFT JOIN opvolger o ON o.gm_code_van = n.gm_code
WHERE coalesce(h.gm_code, o.gm_code) IS NOT NULL
ORDER BY n.jaar DESC, n.naam
