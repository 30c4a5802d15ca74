-- Namen uit verschillende lijsten vullen elkaar aan; dezelfde naam in hetzelfde jaar wordt bijgewerkt.
INSERT OR REPLACE INTO gemeente_naam SELECT DISTINCT jaar, naam, gm_code FROM invoer;
