-- Contract: één rij per jaar met grenzen.
--   uniek: jaar
--   niet leeg: jaar
SELECT DISTINCT jaar FROM main.geo_gemeente ORDER BY jaar;
