-- Wat er via het dashboard is bijgewerkt, nieuwste eerst (hoogstens 50 regels).
-- Contract: één rij per schrijfactie.
--   uniek: tijdstip, door, wat
--   niet leeg: tijdstip, door, wat
SELECT tijdstip, door, wat FROM main.schrijflog ORDER BY tijdstip DESC LIMIT 50;
