-- Per jaar en document: het crisisgeld (werk.afwijking, incidenteel) in preventie of acute zorg in $maat,
-- voor $gm_codes (of alle gemeenten): hoeveel gemeenten en hoeveel geld, en welke oorzaken. Voor de
-- kanttekening bij een reeks (Trends): welke punten crisisgeld bevatten.
-- Contract: één rij per jaar en document met crisisgeld.
--   uniek: jaar, document
--   niet leeg: jaar, document, gemeenten, afwijking, oorzaken
-- afwijking: het deel van de stroom dat preventie of acute zorg voedt (werk.voedt, naar aandeel).
WITH voedt AS (
    SELECT jaar_van, jaar_tot, taakveld, sum(aandeel) AS aandeel FROM werk.voedt($model)
    WHERE functie IN ('collectieve_preventie', 'acute_zorg')
    GROUP BY ALL
)
SELECT a.jaar, a.document, count(DISTINCT a.gm_code) AS gemeenten, sum(a.afwijking * v.aandeel) AS afwijking,
       list(DISTINCT a.oorzaak_naam ORDER BY a.oorzaak_naam) AS oorzaken
FROM werk.incidenteel a
JOIN voedt v ON v.taakveld = a.taakveld AND a.jaar BETWEEN v.jaar_van AND v.jaar_tot
WHERE a.maat = $maat AND ($gm_codes IS NULL OR list_contains($gm_codes, a.gm_code))
GROUP BY a.jaar, a.document
ORDER BY a.jaar, a.document;
