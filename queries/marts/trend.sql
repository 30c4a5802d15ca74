-- Tijdreeks (alle jaren en documenten) voor één gemeente, een groep of heel Nederland
-- ($gm_codes leeg), herrekend naar de gemeentelijke indeling van $doeljaar via de
-- herindelingsketen, uit werk.meting (Σ teller / Σ noemer, de landelijke drempel van dat jaar en document).
-- Met $prijsbasis in constante prijzen van dat jaar (CPI): elke kolom in euro's (werk.in_euro) maal de
-- prijsfactor; jaren zonder prijsindex krijgen dan lege bedragen. $zonder_regio: zoals marts/indicatoren.
-- `dekking` = het deel van de inwoners (naar aandeel) waarvoor de bron cijfers heeft; < 1 als
-- een voorganger in dat jaar niets indiende (zie werk.herrekend).
-- Contract: één rij per jaar en document met inwoners.
--   uniek: jaar, document
--   niet leeg: jaar, document, gemeenten, inwoners, dekking, prijsfactor
WITH reeks AS (
    SELECT m.*,
           CASE WHEN $prijsbasis IS NULL THEN 1.0
                ELSE (SELECT cpi FROM main.prijsindex WHERE jaar = $prijsbasis) / pi.cpi END AS prijsfactor
    FROM werk.meting($model, $maat, $zonder_regio, p_doeljaar := $doeljaar, p_gm_codes := $gm_codes,
                     p_samen := true) m
    LEFT JOIN main.prijsindex pi USING (jaar)
)
SELECT COLUMNS(lambda c: NOT list_contains(werk.in_euro(), c) AND c <> 'gm_code'),
       COLUMNS(lambda c: list_contains(werk.in_euro(), c)) * prijsfactor
FROM reeks
WHERE inwoners IS NOT NULL
ORDER BY jaar, document;
