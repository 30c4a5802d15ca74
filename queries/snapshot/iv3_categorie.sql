-- De categorieën van de bron die de momentopname per gemeente, jaar en document meeneemt (de
-- fijnste CBS-bron, zie iv3_bedrag.sql; eigen cijfers hebben geen categorieën).
WITH beste AS (
    SELECT b.jaar, b.document, b.gm_code, arg_max(b.bron, r.rang) AS bron
    FROM iv3_bedrag b
    JOIN iv3_bron r USING (bron)
    WHERE b.bron <> 'eigen'
    GROUP BY ALL
)
SELECT c.bron, c.jaar, c.document, c.gm_code, c.taakveld, c.categorie, c.lasten::DOUBLE AS lasten
FROM iv3_categorie c
JOIN beste USING (bron, jaar, document, gm_code)
ORDER BY ALL;
