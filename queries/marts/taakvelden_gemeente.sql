-- Het spoor van elk getal: voor één gemeente alle taakvelden met hun laag, functie, aandeel en
-- bedrag (hele euro's), en het aandeel van dat bedrag in de laag.
-- Contract: één rij per taakveld, laag en functie van één gemeente.
--   uniek: taakveld, laag, functie
--   niet leeg: taakveld, laag, functie, aandeel, bedrag, bron
WITH regels AS (
    SELECT b.taakveld, b.laag, b.functie, b.aandeel, b.bedrag, b.bron
    FROM werk.bedrag_laag($model, $maat) b
    WHERE b.jaar = $jaar AND b.document = $document AND b.gm_code = $gm_code
)
SELECT
    r.taakveld,
    coalesce(t.omschrijving, m.omschrijving) AS omschrijving,
    r.laag,
    r.functie,
    r.aandeel,
    r.bedrag,
    r.bedrag / nullif(sum(r.bedrag) OVER (PARTITION BY r.laag), 0) AS aandeel_in_laag,
    r.bron
FROM regels r
LEFT JOIN main.taakveld t ON t.jaar = $jaar AND t.code = r.taakveld
LEFT JOIN (SELECT DISTINCT taakveld, omschrijving FROM werk.model_regel
           WHERE model = $model AND $jaar BETWEEN jaar_van AND jaar_tot) m ON m.taakveld = r.taakveld
ORDER BY r.laag, r.bedrag DESC;
