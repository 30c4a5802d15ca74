DELETE FROM grenswijziging WHERE jaar_van IN (SELECT DISTINCT jaar_van FROM invoer);
INSERT INTO grenswijziging SELECT jaar_van, jaar_naar, gm_code_van, gm_code_naar, adressen, soort FROM invoer;
