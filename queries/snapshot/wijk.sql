SELECT jaar, wk_code, gm_code, naam FROM wijk ORDER BY ALL;
