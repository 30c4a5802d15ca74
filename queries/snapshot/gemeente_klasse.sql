SELECT jaar, gm_code, grootteklasse, stedelijkheid FROM gemeente_klasse ORDER BY jaar, gm_code;
