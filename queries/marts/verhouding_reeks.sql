-- Elke indicator met een eigen noemer (o.a. de verhouding acuut per € preventie) van elke gemeente, per jaar
-- en document, in de indeling van $doeljaar (zoals marts/trend), met of ze een rang heeft (rangbaar: de
-- landelijke drempels en vertekend van dat jaar en document), uit werk.meting. indicators.trend_spreiding
-- rekent er de mediaan en kwartielen uit met dezelfde functie als elke andere mediane gemeente (indicators.spreiding).
-- Contract: één rij per gemeente, jaar en document met inwoners.
--   uniek: gm_code, jaar, document
--   niet leeg: gm_code, jaar, document, rangbaar
SELECT gm_code, jaar, document, inwoners, rangbaar, COLUMNS(lambda c: list_contains(werk.delingen(), c))
FROM werk.meting($model, $maat, $zonder_regio, p_doeljaar := $doeljaar, p_gm_codes := $gm_codes)
WHERE inwoners IS NOT NULL
ORDER BY jaar, document, gm_code;
