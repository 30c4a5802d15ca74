SELECT jaar, gm_code, focusgebied FROM nplv_focusgebied ORDER BY ALL;
