-- Welke jaren zorggebruik heeft, per maat, met de CBS-tabel en of het jaar voorlopig is.
-- Contract: één rij per maat en jaar.
--   uniek: maat, jaar
--   niet leeg: maat, jaar, tabel, voorlopig, gemeenten
SELECT maat, jaar, string_agg(DISTINCT tabel, ', ') AS tabel, bool_or(voorlopig) AS voorlopig,
       count(waarde) FILTER (gebied LIKE 'GM%') AS gemeenten
FROM main.zorggebruik
GROUP BY maat, jaar
ORDER BY maat, jaar;
