-- Welke eigen cijfers (geen CBS) de opslag bevat: overal waar ze meetellen, worden ze gemarkeerd.
-- Contract: één rij per gemeente, jaar en document met eigen cijfers.
--   uniek: gm_code, jaar, document
--   niet leeg: gm_code, gemeente, jaar, document, bestand, tijdstip, taakvelden
SELECT h.gm_code, coalesce(gj.naam, h.gm_code) AS gemeente, h.jaar, h.document, h.bestand, h.tijdstip,
       (SELECT count(*) FROM iv3_bedrag b
        WHERE b.bron = 'eigen' AND b.jaar = h.jaar AND b.document = h.document AND b.gm_code = h.gm_code) AS taakvelden
FROM eigen_herkomst h
LEFT JOIN gemeente_jaar gj ON gj.jaar = h.jaar AND gj.gm_code = h.gm_code
ORDER BY h.jaar DESC, h.document, gemeente;
