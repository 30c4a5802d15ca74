SELECT tijdstip, soort, rijen, bestand FROM import_log ORDER BY id DESC LIMIT 30;
