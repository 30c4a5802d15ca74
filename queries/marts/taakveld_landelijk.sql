-- Landelijke lasten, baten en netto per taakveld (hele euro's) voor één jaar en document.
-- Contract: één rij per taakveld in jaar/document.
--   uniek: taakveld
--   niet leeg: taakveld, lasten
SELECT
    g.taakveld,
    any_value(t.omschrijving) AS omschrijving,
    sum(g.lasten) * 1000 AS lasten,
    -- Baten en netto alleen als elke gemeente baten heeft; anders zou netto stilletjes half zijn.
    CASE WHEN count(g.baten) = count(*) THEN sum(g.baten) * 1000 END AS baten,
    CASE WHEN count(g.baten) = count(*) THEN sum(g.lasten - g.baten) * 1000 END AS netto
FROM main.iv3_gekozen g
LEFT JOIN main.taakveld t ON t.jaar = g.jaar AND t.code = g.taakveld
WHERE g.jaar = $jaar AND g.document = $document
GROUP BY g.taakveld
ORDER BY g.taakveld;
