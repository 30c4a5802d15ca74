SELECT DISTINCT jaar FROM main.geo_gemeente ORDER BY jaar;
