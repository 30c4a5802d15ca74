-- Per jaar en document: hoeveel gemeenten economische categorieën hebben (de gemeten verdeling van 6.1).
-- Contract: één rij per jaar en document met economische categorieën.
--   uniek: jaar, document
--   niet leeg: jaar, document, gemeenten_met_categorie
SELECT jaar, document, count(DISTINCT gm_code) AS gemeenten_met_categorie
FROM main.iv3_categorie
GROUP BY jaar, document
ORDER BY jaar, document;
