-- Jaren en documenten waarvoor de opslag CBS-cijfers heeft (niet alleen eigen cijfers), en of
-- daar baten bij zijn (dan kan netto, en moet een eigen bestand ook baten geven).
SELECT jaar, document, bool_or(baten IS NOT NULL) AS met_baten
FROM iv3_bedrag
WHERE bron <> 'eigen'
GROUP BY ALL
ORDER BY ALL;
