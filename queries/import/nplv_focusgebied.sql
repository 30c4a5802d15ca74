-- Een lijst vervangt de lijst van hetzelfde jaar.
DELETE FROM nplv_focusgebied WHERE jaar IN (SELECT DISTINCT jaar FROM invoer);
INSERT INTO nplv_focusgebied SELECT jaar, gm_code, focusgebied FROM invoer;
