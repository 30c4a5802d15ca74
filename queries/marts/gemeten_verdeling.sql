-- Waar de verdeling over de lagen gemeten is (uit de categorieën) in plaats van vast: per jaar,
-- document en taakveld het aantal gemeenten, hun namen en de landelijke gemeten aandelen.
-- Contract: één rij per jaar, document, taakveld en laag met een gemeten verdeling.
--   uniek: jaar, document, taakveld, laag
--   niet leeg: jaar, document, taakveld, laag, gemeenten, namen, laagste, hoogste
SELECT s.jaar, s.document, s.taakveld, s.laag,
       count(DISTINCT s.gm_code) AS gemeenten,
       string_agg(DISTINCT coalesce(gj.naam, s.gm_code), ', ' ORDER BY coalesce(gj.naam, s.gm_code)) AS namen,
       min(s.aandeel) AS laagste, max(s.aandeel) AS hoogste,
       sum(g.lasten * s.aandeel) / nullif(sum(g.lasten), 0) AS gewogen
FROM werk.gemeten s
JOIN main.iv3_gekozen g USING (jaar, document, gm_code, taakveld)
LEFT JOIN main.gemeente_jaar gj USING (jaar, gm_code)
WHERE s.model = $model
GROUP BY ALL
ORDER BY s.jaar, s.document, s.taakveld, s.laag;
