-- De NPLV-focusgebieden (kwetsbare wijken) per gemeente, uit de nieuwste lijst (het jaar erbij).
-- Contract: één rij per gemeente met een focusgebied.
--   uniek: gm_code
--   niet leeg: gm_code, jaar, focusgebieden
SELECT gm_code, jaar, string_agg(focusgebied, ' en ' ORDER BY focusgebied) AS focusgebieden
FROM main.nplv_focusgebied
WHERE jaar = (SELECT max(jaar) FROM main.nplv_focusgebied)
GROUP BY gm_code, jaar
ORDER BY gm_code;
