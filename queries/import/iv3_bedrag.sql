-- Een bestand vervangt alles wat dezelfde bron eerder gaf voor dezelfde jaren, documenten en
-- gemeenten, ook de categorieën (die volgen in iv3_categorie.sql, als de bron ze heeft).
DELETE FROM iv3_categorie
WHERE (bron, jaar, document, gm_code) IN (SELECT DISTINCT bron, jaar, document, gm_code FROM invoer);
DELETE FROM iv3_bedrag
WHERE (bron, jaar, document, gm_code) IN (SELECT DISTINCT bron, jaar, document, gm_code FROM invoer);
INSERT INTO iv3_bedrag
SELECT bron, jaar, document, gm_code, taakveld, lasten::DECIMAL(18, 3), baten::DECIMAL(18, 3) FROM invoer;
