-- Contract: één rij per jaar met een CPI.
--   uniek: jaar
--   niet leeg: jaar, cpi, bron, basisjaar
SELECT jaar, cpi, bron, basisjaar FROM main.prijsindex ORDER BY jaar;
