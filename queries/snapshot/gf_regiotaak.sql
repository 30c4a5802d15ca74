SELECT circulaire, uitkeringsjaar, gm_code, taak, bedrag FROM gf_regiotaak ORDER BY ALL;
