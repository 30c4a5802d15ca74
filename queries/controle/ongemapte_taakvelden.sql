-- Taakvelden in de gekozen data van dit jaar en document waarvoor het model geen regel heeft.
SELECT DISTINCT g.taakveld
FROM main.iv3_gekozen g
WHERE g.jaar = $jaar AND g.document = $document
  AND NOT EXISTS (
      SELECT 1 FROM werk.model_regel m
      WHERE m.model = $model AND m.taakveld = g.taakveld AND g.jaar BETWEEN m.jaar_van AND m.jaar_tot)
ORDER BY 1;
