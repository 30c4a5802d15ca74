SELECT jaar, wk_code, maat, waarde FROM wijk_cijfer ORDER BY ALL;
