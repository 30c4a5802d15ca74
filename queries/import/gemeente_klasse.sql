DELETE FROM gemeente_klasse WHERE jaar IN (SELECT DISTINCT jaar FROM invoer);
INSERT INTO gemeente_klasse SELECT jaar, gm_code, grootteklasse, stedelijkheid FROM invoer;
