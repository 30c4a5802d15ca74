SELECT DISTINCT jaar, wk_code FROM geo_wijk;
