-- De wijkgrenzen van gemeente $gm_code uit het nieuwste jaar met grenzen (de vier cijfers na WK zijn de gemeente).
-- Contract: één rij per wijk.
--   uniek: wk_code
--   niet leeg: wk_code, naam, geometrie, jaar
SELECT wk_code, naam, geometrie, jaar
FROM main.geo_wijk
WHERE substr(wk_code, 3, 4) = substr($gm_code, 3, 4)
QUALIFY jaar = max(jaar) OVER ()
ORDER BY wk_code;
