-- Centrumgemeenten voor $jaar: per gemeente de regionale taken waarvoor zij de uitkering krijgt.
-- De brondata dekken alleen enkele uitkeringsjaren; voor een ander jaar geldt het dichtstbijzijnde
-- (bij gelijke afstand het eerdere), en `uitkeringsjaar` zegt welk, zodat de tekst het kan noemen.
-- Per uitkeringsjaar telt de nieuwste circulaire (werk.circulaire_datum).
-- Contract: één rij per centrumgemeente.
--   uniek: gm_code
--   niet leeg: gm_code, uitkeringsjaar, circulaire, taken
WITH circulaire AS (
    SELECT DISTINCT circulaire, uitkeringsjaar FROM main.gf_regiotaak
    ORDER BY abs(uitkeringsjaar - $jaar), uitkeringsjaar, werk.circulaire_datum(circulaire) DESC
    LIMIT 1
)
SELECT r.gm_code, c.uitkeringsjaar, c.circulaire,
       list(r.taak ORDER BY CASE r.taak WHEN 'beschermd_wonen' THEN 1
                                        WHEN 'maatschappelijke_opvang' THEN 2 ELSE 3 END) AS taken,
       sum(r.bedrag) AS bedrag
FROM main.gf_regiotaak r
JOIN circulaire c USING (circulaire, uitkeringsjaar)
GROUP BY r.gm_code, c.uitkeringsjaar, c.circulaire
ORDER BY r.gm_code;
