SELECT jaar, gm_code, maat, waarde FROM cbs_kerncijfer ORDER BY ALL;
