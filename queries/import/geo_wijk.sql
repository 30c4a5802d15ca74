DELETE FROM geo_wijk WHERE jaar IN (SELECT DISTINCT jaar FROM invoer);
INSERT INTO geo_wijk SELECT jaar, wk_code, naam, geometrie FROM invoer;
