-- Welke gemeentefondscirculaires er zijn, per uitkeringsjaar.
-- Contract: één rij per circulaire en uitkeringsjaar.
--   uniek: circulaire, uitkeringsjaar
--   niet leeg: circulaire, uitkeringsjaar
SELECT DISTINCT circulaire, uitkeringsjaar FROM main.gf_cluster ORDER BY uitkeringsjaar, circulaire;
