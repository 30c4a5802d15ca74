-- Landelijke lasten, baten en netto per taakveld (hele euro's) voor één jaar en document.
SELECT
    g.taakveld,
    any_value(t.omschrijving) AS omschrijving,
    sum(g.lasten) * 1000 AS lasten,
    sum(g.baten) * 1000 AS baten,
    sum(g.lasten - g.baten) * 1000 AS netto
FROM main.iv3_gekozen g
LEFT JOIN main.taakveld t ON t.jaar = g.jaar AND t.code = g.taakveld
WHERE g.jaar = $jaar AND g.document = $document
GROUP BY g.taakveld
ORDER BY g.taakveld;
