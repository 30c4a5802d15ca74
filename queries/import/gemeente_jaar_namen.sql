-- De gemeentelijst per jaar: wie had er moeten aanleveren?
SELECT jaar, gm_code, naam FROM gemeente_jaar ORDER BY jaar, gm_code;
