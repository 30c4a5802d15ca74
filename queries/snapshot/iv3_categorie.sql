SELECT c.bron, c.jaar, c.document, c.gm_code, c.taakveld, c.categorie, c.lasten::DOUBLE AS lasten
FROM iv3_categorie c
JOIN iv3_gekozen g USING (bron, jaar, document, gm_code, taakveld)
ORDER BY ALL;
