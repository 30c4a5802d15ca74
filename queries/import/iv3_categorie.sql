-- Na iv3_bedrag.sql (dat de oude categorieën van deze bron en gemeenten al wiste).
INSERT INTO iv3_categorie
SELECT bron, jaar, document, gm_code, taakveld, categorie, lasten::DECIMAL(18, 3) FROM invoer;
