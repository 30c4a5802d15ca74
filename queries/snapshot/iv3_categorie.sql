-- De categorieën van de bron die de momentopname per gemeente, jaar en document meeneemt
-- (werk.beste_cbs_bron; eigen cijfers hebben geen categorieën).
SELECT c.bron, c.jaar, c.document, c.gm_code, c.taakveld, c.categorie, c.lasten::DOUBLE AS lasten
FROM iv3_categorie c
JOIN werk.beste_cbs_bron() USING (bron, jaar, document, gm_code)
ORDER BY ALL;
