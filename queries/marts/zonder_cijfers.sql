-- Gemeenten zonder cijfers voor dit jaar en document (alle lasten en baten 0 in de bron).
-- Contract: één rij per gemeente zonder cijfers in jaar/document.
--   uniek: gm_code
--   niet leeg: gm_code, gemeente
SELECT z.gm_code, coalesce(gj.naam, z.gm_code) AS gemeente
FROM main.iv3_zonder_cijfers z
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = z.jaar AND gj.gm_code = z.gm_code
WHERE z.jaar = $jaar AND z.document = $document
ORDER BY 2;
