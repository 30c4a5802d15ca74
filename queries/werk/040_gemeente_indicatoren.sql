-- Per gemeente, jaar en document: euro's per laag en functie, het totaal en de inwoners.
-- Alleen gemeenten waarvan elk bedrag in deze maat bekend is (netto vraagt baten).
-- Dit rekent alle bedragen door; lees de uitkomst via werk.gemeente_indicatoren (045).
CREATE OR REPLACE MACRO werk.gemeente_indicatoren_berekend(p_model, p_maat) AS TABLE
WITH per_gemeente AS (
    SELECT
        jaar, document, gm_code,
        {{sommen}}  -- per laag en functie, ingevuld uit begrippen.py
    FROM werk.bedrag_laag(p_model, p_maat)
    GROUP BY jaar, document, gm_code
    HAVING count(bedrag) = count(*)
)
SELECT p.*, i.inwoners
FROM per_gemeente p
LEFT JOIN main.inwoners i USING (jaar, gm_code);
