-- Het gebruik van zorg van één jaar per gemeente, zoals CBS het gaf (niet gepubliceerd = leeg), met de
-- inwoners op 1 januari ernaast en per 1.000 inwoners voor aantallen ($procent: de maten in procent).
-- Contract: één rij per gemeente en maat.
--   uniek: gm_code, maat
--   niet leeg: gm_code, gemeente, maat, tabel, voorlopig
SELECT z.gebied AS gm_code, coalesce(g.naam, z.gebied) AS gemeente, z.maat, z.waarde,
       CASE WHEN list_contains($procent, z.maat) THEN NULL ELSE z.waarde / nullif(i.inwoners, 0) * 1000 END
           AS per_1000_inwoners,
       i.inwoners, z.tabel, z.voorlopig
FROM main.zorggebruik z
LEFT JOIN main.inwoners i ON i.jaar = z.jaar AND i.gm_code = z.gebied
LEFT JOIN main.gemeente_jaar g ON g.jaar = z.jaar AND g.gm_code = z.gebied
WHERE z.jaar = $jaar AND z.gebied LIKE 'GM%'
ORDER BY gemeente, z.maat;
