SELECT jaar, gm_code, naam, provincie FROM gemeente_jaar ORDER BY jaar, gm_code;
