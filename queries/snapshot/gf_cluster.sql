SELECT circulaire, uitkeringsjaar, gm_code, cluster, bedrag FROM gf_cluster ORDER BY ALL;
