-- Per gemeente, jaar en document de fijnste CBS-bron (met die bron erbij). Eigen cijfers van een
-- gemeente horen nooit in de meegeleverde gegevens: daar telt de beste bron zonder 'eigen'.
-- Bedragen als DOUBLE: hele € 1.000 met hoogstens 3 decimalen keren exact terug in DECIMAL(18, 3).
WITH beste AS (
    SELECT b.jaar, b.document, b.gm_code, arg_max(b.bron, r.rang) AS bron
    FROM iv3_bedrag b
    JOIN iv3_bron r USING (bron)
    WHERE b.bron <> 'eigen'
    GROUP BY ALL
)
SELECT b.bron, b.jaar, b.document, b.gm_code, b.taakveld, b.lasten::DOUBLE AS lasten, b.baten::DOUBLE AS baten
FROM iv3_bedrag b
JOIN beste USING (jaar, document, gm_code, bron)
ORDER BY b.jaar, b.document, b.gm_code, b.taakveld;
