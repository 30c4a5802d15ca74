-- Welke gemeentefondscirculaires er zijn, per uitkeringsjaar.
SELECT DISTINCT circulaire, uitkeringsjaar FROM main.gf_cluster ORDER BY uitkeringsjaar, circulaire;
