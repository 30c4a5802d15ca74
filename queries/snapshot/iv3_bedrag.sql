-- De gekozen Iv3-bedragen (per gemeente, jaar en document de fijnste bron, met die bron erbij);
-- bedragen als DOUBLE: hele € 1.000 met hoogstens 3 decimalen keren exact terug in DECIMAL(18, 3).
SELECT bron, jaar, document, gm_code, taakveld, lasten::DOUBLE AS lasten, baten::DOUBLE AS baten
FROM iv3_gekozen ORDER BY jaar, document, gm_code, taakveld;
