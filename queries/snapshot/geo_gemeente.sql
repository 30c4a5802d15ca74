SELECT jaar, gm_code, naam, geometrie FROM geo_gemeente ORDER BY jaar, gm_code;
