-- Wat er per jaar en document in de opslag staat, uit welke bron, en of netto kan (baten bekend).
SELECT jaar, document, bronnen, bron_omschrijving, gemeenten, gemeenten_met_baten, zonder_cijfers
FROM iv3_beschikbaar
ORDER BY jaar, document;
