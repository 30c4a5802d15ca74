-- Per gemeente, jaar en document de bedragen van de fijnste CBS-bron (werk.beste_cbs_bron; nooit
-- eigen cijfers). Bedragen als DOUBLE: hele € 1.000 met hoogstens 3 decimalen keren exact terug
-- in DECIMAL(18, 3).
SELECT b.bron, b.jaar, b.document, b.gm_code, b.taakveld, b.lasten::DOUBLE AS lasten, b.baten::DOUBLE AS baten
FROM iv3_bedrag b
JOIN werk.beste_cbs_bron() USING (jaar, document, gm_code, bron)
ORDER BY b.jaar, b.document, b.gm_code, b.taakveld;
