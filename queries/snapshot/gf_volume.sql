SELECT circulaire, uitkeringsjaar, gm_code, maatstaf, waarde FROM gf_volume ORDER BY ALL;
