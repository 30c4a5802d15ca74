-- De incidentele stromen (werk.afwijking, regel in werk/060_afwijking.sql) in $jaar/$document/$maat,
-- voor één gemeente ($gm_code) of alle (leeg): taakveld, bedrag, referentie, afwijking en oorzaak, en
-- of het taakveld preventie of acute zorg voedt (dan is de verhouding vertekend, werk.vertekend).
-- Contract: één rij per gemeente en taakveld met een incidentele stroom.
--   uniek: gm_code, taakveld
--   niet leeg: gm_code, gemeente, taakveld, bedrag, referentie, afwijking, oorzaak, oorzaak_naam, uitleg, bron, vertekent
WITH functies AS (
    SELECT taakveld, list(DISTINCT functie ORDER BY functie) AS functies
    FROM werk.voedt($model)
    WHERE $jaar BETWEEN jaar_van AND jaar_tot
    GROUP BY taakveld
)
SELECT a.gm_code, coalesce(gj.naam, a.gm_code) AS gemeente, a.taakveld,
       coalesce(t.omschrijving, a.taakveld) AS omschrijving,
       a.bedrag, a.referentie, a.afwijking, a.afwijking_deel, a.landelijk, a.inwoners,
       a.oorzaak, a.oorzaak_naam, o.uitleg, o.bron,
       coalesce(list_has_any(f.functies, ['collectieve_preventie', 'acute_zorg']), false) AS vertekent
FROM werk.incidenteel a
JOIN werk.bekende_oorzaken() o ON o.oorzaak = a.oorzaak AND o.taakveld = a.taakveld
LEFT JOIN functies f ON f.taakveld = a.taakveld
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = a.jaar AND gj.gm_code = a.gm_code
LEFT JOIN main.taakveld t ON t.jaar = a.jaar AND t.code = a.taakveld
WHERE a.jaar = $jaar AND a.document = $document AND a.maat = $maat
  AND ($gm_code IS NULL OR a.gm_code = $gm_code)
ORDER BY a.gm_code, a.taakveld;
