-- De NPLV-focusgebieden van gemeente $gm_code uit de nieuwste lijst, één per rij (voor de wijkkaart).
-- Contract: één rij per focusgebied.
--   uniek: focusgebied
--   niet leeg: focusgebied, jaar
SELECT focusgebied, jaar
FROM main.nplv_focusgebied
WHERE gm_code = $gm_code AND jaar = (SELECT max(jaar) FROM main.nplv_focusgebied)
ORDER BY focusgebied;
