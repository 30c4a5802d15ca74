-- Per jaar en document: hoeveel gemeenten economische categorieën hebben (de gemeten verdeling van 6.1).
SELECT jaar, document, count(DISTINCT gm_code) AS gemeenten_met_categorie
FROM main.iv3_categorie
GROUP BY jaar, document
ORDER BY jaar, document;
