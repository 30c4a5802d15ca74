-- Na elke import opnieuw afgeleid, in dezelfde transactie.
DELETE FROM iv3_gekozen;
INSERT INTO iv3_gekozen
WITH beste AS (
    SELECT b.jaar, b.document, b.gm_code, arg_max(b.bron, r.rang) AS bron
    FROM iv3_bedrag b
    JOIN iv3_bron r USING (bron)
    GROUP BY ALL
)
SELECT b.bron, b.jaar, b.document, b.gm_code, b.taakveld, b.lasten, b.baten
FROM iv3_bedrag b
JOIN beste USING (jaar, document, gm_code, bron)
ORDER BY b.jaar, b.document, b.gm_code, b.taakveld;

DELETE FROM iv3_zonder_cijfers;
INSERT INTO iv3_zonder_cijfers
SELECT jaar, document, gm_code
FROM iv3_gekozen
GROUP BY ALL
HAVING bool_and(lasten = 0 AND coalesce(baten, 0) = 0);

DELETE FROM iv3_beschikbaar;
-- `gemeenten` telt alleen gemeenten met cijfers; wie niets indiende staat in zonder_cijfers.
INSERT INTO iv3_beschikbaar (jaar, document, bronnen, bron_omschrijving, gemeenten, gemeenten_met_baten,
                             zonder_cijfers)
SELECT
    jaar,
    document,
    string_agg(DISTINCT bron, ', ' ORDER BY bron),
    string_agg(DISTINCT omschrijving, ' + ' ORDER BY omschrijving),
    count(*) FILTER (WHERE NOT leeg),
    count(*) FILTER (WHERE met_baten AND NOT leeg),
    count(*) FILTER (WHERE leeg)
FROM (
    SELECT g.jaar, g.document, g.gm_code, any_value(g.bron) AS bron,
           bool_and(g.baten IS NOT NULL) AS met_baten,
           any_value(z.gm_code IS NOT NULL) AS leeg
    FROM iv3_gekozen g
    LEFT JOIN iv3_zonder_cijfers z USING (jaar, document, gm_code)
    GROUP BY ALL
)
JOIN iv3_bron USING (bron)
GROUP BY jaar, document;

DELETE FROM iv3_taakveld_gebruikt;
INSERT INTO iv3_taakveld_gebruikt SELECT DISTINCT jaar, document, taakveld FROM iv3_gekozen;
