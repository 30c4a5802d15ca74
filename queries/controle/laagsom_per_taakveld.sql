-- Boekhoudcontrole: per jaar, document, gemeente en taakveld moet de som over de lagen precies
-- het bronbedrag zijn (× 1000, in euro's). Geeft alleen de afwijkingen; leeg = klopt.
WITH verdeeld AS (
    SELECT jaar, document, gm_code, taakveld, sum(bedrag) AS over_lagen
    FROM werk.bedrag_laag($model, $maat)
    WHERE jaar = $jaar AND document = $document
    GROUP BY ALL
),
bron AS (
    SELECT g.jaar, g.document, g.gm_code, g.taakveld,
           CASE WHEN $maat = 'netto' THEN g.lasten - g.baten ELSE g.lasten END * 1000 AS bedrag
    FROM main.iv3_gekozen g
    WHERE g.jaar = $jaar AND g.document = $document
      AND (g.jaar, g.document, g.gm_code) NOT IN (SELECT jaar, document, gm_code FROM main.iv3_zonder_cijfers)
      AND g.taakveld NOT IN (
          SELECT taakveld FROM werk.model_regel
          WHERE model = $model AND laag = 'niet_meegeteld' AND $jaar BETWEEN jaar_van AND jaar_tot)
)
SELECT coalesce(b.gm_code, v.gm_code) AS gm_code, coalesce(b.taakveld, v.taakveld) AS taakveld,
       b.bedrag, v.over_lagen
FROM bron b
FULL OUTER JOIN verdeeld v USING (jaar, document, gm_code, taakveld)
WHERE b.bedrag IS DISTINCT FROM v.over_lagen;
