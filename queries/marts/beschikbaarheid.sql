-- Wat er per jaar en document in de opslag staat, uit welke bron, en of netto kan (baten bekend).
-- netto_volledig: elke gemeente met cijfers heeft ook baten; alleen dan zijn landelijke en
-- groepscijfers netto te geven (de enige plek van deze regel).
-- Contract: één rij per jaar en document met Iv3-cijfers.
--   uniek: jaar, document
--   niet leeg: jaar, document, bronnen, gemeenten, gemeenten_met_baten, zonder_cijfers, netto_volledig
SELECT jaar, document, bronnen, bron_omschrijving, gemeenten, gemeenten_met_baten, zonder_cijfers,
       gemeenten > 0 AND gemeenten_met_baten = gemeenten AS netto_volledig
FROM iv3_beschikbaar
ORDER BY jaar, document;
