-- Per gemeente, jaar en document: euro's per laag en functie, het totaal en de inwoners.
-- Alleen gemeenten waarvan elk bedrag in deze maat bekend is (netto vraagt baten).
-- Dit rekent alle bedragen door; lees de uitkomst via werk.gemeente_indicatoren (045).
CREATE OR REPLACE MACRO werk.gemeente_indicatoren_berekend(p_model, p_maat) AS TABLE
WITH per_gemeente AS (
    SELECT
        jaar, document, gm_code,
        coalesce(sum(bedrag) FILTER (laag = 'persoonlijk'), 0) AS persoonlijk,
        coalesce(sum(bedrag) FILTER (laag = 'informeel'), 0) AS informeel,
        coalesce(sum(bedrag) FILTER (laag = 'institutioneel'), 0) AS institutioneel,
        coalesce(sum(bedrag) FILTER (laag = 'maatwerk'), 0) AS maatwerk,
        coalesce(sum(bedrag) FILTER (laag = 'acuut'), 0) AS acuut,
        coalesce(sum(bedrag) FILTER (laag = 'overig'), 0) AS overig,
        sum(bedrag) AS totaal,
        coalesce(sum(bedrag) FILTER (functie = 'collectieve_preventie'), 0) AS collectieve_preventie,
        coalesce(sum(bedrag) FILTER (functie = 'toegang'), 0) AS toegang,
        coalesce(sum(bedrag) FILTER (functie = 'bestaanszekerheid'), 0) AS bestaanszekerheid,
        coalesce(sum(bedrag) FILTER (functie = 'individuele_ondersteuning'), 0) AS individuele_ondersteuning,
        coalesce(sum(bedrag) FILTER (functie = 'acute_zorg'), 0) AS acute_zorg,
        coalesce(sum(bedrag) FILTER (functie = 'beleid'), 0) AS beleid
    FROM werk.bedrag_laag(p_model, p_maat)
    GROUP BY jaar, document, gm_code
    HAVING count(bedrag) = count(*)
)
SELECT p.*, i.inwoners
FROM per_gemeente p
LEFT JOIN main.inwoners i USING (jaar, gm_code);
