SELECT gm_code, naam, geometrie FROM main.geo_gemeente WHERE jaar = $jaar ORDER BY gm_code;
