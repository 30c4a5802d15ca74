SELECT jaar, naam, gm_code FROM gemeente_naam ORDER BY jaar, naam;
