-- Twee bronnen voor dezelfde gemeente, hetzelfde jaar en document moeten op 2 posities (CBS-
-- codelijst) dezelfde lasten geven; anders zou de fijnere een volledige begroting vervangen door
-- een afwijkende of gedeeltelijke. 0.10 en 0.11 (reserves, resultaat) ontbreken in de lastenreeks.
WITH per_bron AS (
    SELECT b.bron, r.rang, b.jaar, b.document, b.gm_code,
           coalesce(t.code_2posities, regexp_extract(b.taakveld, '^\d+\.\d{1,2}')) AS taakveld, sum(b.lasten) AS lasten
    FROM main.iv3_bedrag b
    JOIN main.iv3_bron r USING (bron)
    LEFT JOIN main.taakveld t ON t.jaar = b.jaar AND t.code = b.taakveld
    WHERE b.taakveld NOT IN ('0.10', '0.11')
    GROUP BY ALL
),
bronnen AS (
    SELECT DISTINCT bron, rang, jaar, document, gm_code FROM per_bron
),
paren AS (
    SELECT f.bron AS fijn, g.bron AS grof, f.jaar, f.document, f.gm_code
    FROM bronnen f
    JOIN bronnen g USING (jaar, document, gm_code)
    WHERE g.rang < f.rang
      AND f.bron <> 'eigen'  -- eigen cijfers mogen van CBS afwijken; ze gaan voor en zijn gemarkeerd
),
cellen AS (
    SELECT DISTINCT p.*, t.taakveld
    FROM paren p
    JOIN per_bron t USING (jaar, document, gm_code)
    WHERE t.bron IN (p.fijn, p.grof)
)
SELECT c.jaar, c.document, c.gm_code, coalesce(gj.naam, c.gm_code) AS gemeente, c.fijn, c.grof,
       c.taakveld, coalesce(f.lasten, 0) AS lasten_fijn, coalesce(g.lasten, 0) AS lasten_grof
FROM cellen c
LEFT JOIN per_bron f ON f.bron = c.fijn AND f.jaar = c.jaar AND f.document = c.document
     AND f.gm_code = c.gm_code AND f.taakveld = c.taakveld
LEFT JOIN per_bron g ON g.bron = c.grof AND g.jaar = c.jaar AND g.document = c.document
     AND g.gm_code = c.gm_code AND g.taakveld = c.taakveld
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = c.jaar AND gj.gm_code = c.gm_code
WHERE coalesce(f.lasten, 0) <> coalesce(g.lasten, 0)
ORDER BY c.jaar, c.document, c.gm_code, c.taakveld;
