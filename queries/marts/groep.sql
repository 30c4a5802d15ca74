-- Een groep gemeenten (of heel Nederland als $gm_codes leeg is) als geheel, uit werk.meting:
-- Σ teller / Σ noemer, nooit een gemiddelde van verhoudingen. $zonder_regio: zoals marts/indicatoren.
-- geen_eigen_acuut: de groep samen onder de landelijke drempel (zoals marts/indicatoren per
-- gemeente); dan geen verhouding, zoals op Trends (een groep van alleen Rozendaal is geen € 0,00).
-- vertekend: zie werk.groep_vertekend (crisisgeld van de leden, 060_afwijking.sql).
-- Ook zonder leden met cijfers één rij (0 gemeenten, lege bedragen).
-- Contract: één rij: de groep (of Nederland) als geheel.
--   uniek: (één rij)
--   niet leeg: gemeenten, vertekend, gemeenten_vertekend
SELECT m.* EXCLUDE (jaar, document, gm_code, dekking, gemeenten, vertekend, gemeenten_vertekend),
       coalesce(m.gemeenten, 0) AS gemeenten,
       coalesce(m.vertekend, false) AS vertekend,
       coalesce(m.gemeenten_vertekend, 0) AS gemeenten_vertekend
FROM (SELECT 1) een
LEFT JOIN werk.meting($model, $maat, $zonder_regio, p_jaar := $jaar, p_document := $document,
                      p_gm_codes := $gm_codes, p_samen := true) m ON true;
