DELETE FROM herindeling;
INSERT INTO herindeling SELECT jaar_van, jaar_naar, gm_code_van, gm_code_naar, aandeel FROM invoer;
