DELETE FROM geo_gemeente WHERE jaar IN (SELECT DISTINCT jaar FROM invoer);
INSERT INTO geo_gemeente SELECT jaar, gm_code, naam, geometrie FROM invoer;
