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

DELETE FROM iv3_beschikbaar;
INSERT INTO iv3_beschikbaar
SELECT
    jaar,
    document,
    string_agg(DISTINCT bron, ', ' ORDER BY bron),
    string_agg(DISTINCT omschrijving, ' + ' ORDER BY omschrijving),
    count(*),
    count(*) FILTER (WHERE met_baten)
FROM (
    SELECT jaar, document, gm_code, any_value(bron) AS bron, bool_and(baten IS NOT NULL) AS met_baten
    FROM iv3_gekozen
    GROUP BY ALL
)
JOIN iv3_bron USING (bron)
GROUP BY jaar, document;

DELETE FROM iv3_taakveld_gebruikt;
INSERT INTO iv3_taakveld_gebruikt SELECT DISTINCT jaar, document, taakveld FROM iv3_gekozen;
