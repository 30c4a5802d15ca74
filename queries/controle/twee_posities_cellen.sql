-- Aantal vergeleken cellen (gemeente × taakveld op 2 posities) per jaar en document.
SELECT jaar, document, count(*) AS cellen
FROM main.iv3_bedrag
WHERE bron = 'lasten_2posities'
  AND (jaar, document) IN (SELECT DISTINCT jaar, document FROM main.iv3_bedrag WHERE bron = $fijne_bron)
GROUP BY ALL
ORDER BY ALL;
