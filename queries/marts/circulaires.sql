-- Welke gemeentefondscirculaires er zijn, per uitkeringsjaar, in de volgorde van hun datum
-- (werk.circulaire_datum); `nieuwste`: de laatste voor dat uitkeringsjaar.
-- Contract: één rij per circulaire en uitkeringsjaar.
--   uniek: circulaire, uitkeringsjaar
--   niet leeg: circulaire, uitkeringsjaar, nieuwste
SELECT circulaire, uitkeringsjaar,
       row_number() OVER (PARTITION BY uitkeringsjaar ORDER BY werk.circulaire_datum(circulaire) DESC) = 1 AS nieuwste
FROM (SELECT DISTINCT circulaire, uitkeringsjaar FROM main.gf_cluster)
ORDER BY uitkeringsjaar, werk.circulaire_datum(circulaire);
