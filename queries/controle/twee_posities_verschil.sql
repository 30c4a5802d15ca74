-- Twee bronnen voor hetzelfde jaar en document: de fijne (sub-taakvelden, lasten en baten) en de
-- lastenreeks op 2 posities. Opgeteld naar 2 posities (CBS-codelijst) moeten ze gelijk zijn,
-- voor elke gemeente die in beide staat. De lastenreeks laat 0.10 en 0.11 (reserves, resultaat)
-- zelf weg. Geeft de cellen die verschillen; leeg = ze komen overeen.
WITH grof AS (
    SELECT jaar, document, gm_code, taakveld, lasten
    FROM main.iv3_bedrag
    WHERE bron = 'lasten_2posities'
      AND (jaar, document) IN (SELECT DISTINCT jaar, document FROM main.iv3_bedrag WHERE bron = $fijne_bron)
),
fijn AS (
    SELECT b.jaar, b.document, b.gm_code, coalesce(t.code_2posities, regexp_extract(b.taakveld, '^\d+\.\d{1,2}')) AS taakveld,
           sum(b.lasten) AS lasten
    FROM main.iv3_bedrag b
    LEFT JOIN main.taakveld t ON t.jaar = b.jaar AND t.code = b.taakveld
    WHERE b.bron = $fijne_bron AND b.taakveld NOT IN ('0.10', '0.11')
      AND (b.jaar, b.document, b.gm_code) IN (SELECT jaar, document, gm_code FROM grof)
    GROUP BY ALL
)
SELECT jaar, document, coalesce(f.gm_code, g.gm_code) AS gm_code,
       coalesce(f.taakveld, g.taakveld) AS taakveld, f.lasten AS fijn, g.lasten AS grof
FROM fijn f
FULL OUTER JOIN grof g USING (jaar, document, gm_code, taakveld)
WHERE coalesce(f.lasten, 0) <> coalesce(g.lasten, 0);
