-- Hoeveel wijkgegevens de opslag heeft: wijken met kerncijfers, wijken met grenzen, en de jaren ervan.
-- Contract: één rij.
--   uniek: (één rij)
--   niet leeg: wijken, grenzen
SELECT (SELECT count(DISTINCT wk_code) FROM main.wijk) AS wijken,
       (SELECT count(DISTINCT wk_code) FROM main.geo_wijk) AS grenzen,
       (SELECT max(jaar) FROM main.wijk_cijfer) AS laatste_jaar,
       (SELECT max(jaar) FROM main.geo_wijk) AS laatste_grenzen;
