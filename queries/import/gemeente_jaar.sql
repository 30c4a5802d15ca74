DELETE FROM gemeente_jaar WHERE jaar IN (SELECT DISTINCT jaar FROM invoer);
INSERT INTO gemeente_jaar SELECT jaar, gm_code, naam, provincie FROM invoer;
