DELETE FROM gf_cluster
WHERE (circulaire, uitkeringsjaar) IN (SELECT DISTINCT circulaire, uitkeringsjaar FROM invoer);
INSERT INTO gf_cluster SELECT circulaire, uitkeringsjaar, gm_code, cluster, bedrag FROM invoer;
