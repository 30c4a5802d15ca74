-- Taakvelden in de gekozen data van dit jaar en document waarvoor het model geen regel heeft.
SELECT g.taakveld
FROM main.iv3_taakveld_gebruikt g
LEFT JOIN (
    SELECT DISTINCT taakveld FROM werk.model_regel
    WHERE model = $model AND $jaar BETWEEN jaar_van AND jaar_tot
) m USING (taakveld)
WHERE g.jaar = $jaar AND g.document = $document AND m.taakveld IS NULL
ORDER BY 1;
