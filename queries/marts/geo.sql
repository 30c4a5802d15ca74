-- Contract: één rij per gemeente met grenzen in jaar.
--   uniek: gm_code
--   niet leeg: gm_code, geometrie
SELECT gm_code, naam, geometrie FROM main.geo_gemeente WHERE jaar = $jaar ORDER BY gm_code;
