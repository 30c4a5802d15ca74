SELECT jaar_van, jaar_naar, gm_code_van, gm_code_naar, adressen, soort FROM grenswijziging ORDER BY ALL;
