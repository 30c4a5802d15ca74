-- Gebruik van zorg door de jaren: per jaar en zorgmaat (begrippen.ZORGMATEN) de gemeente $gm_code, de groep
-- $groep (GM-codes, zonder de gemeente zelf) en Nederland. Alleen jaren waarin CBS een jaarcijfer gaf.
-- Percentages ($procent: de maten in procent) zijn CBS' eigen aandelen: niet op te tellen, dus een groep krijgt
-- de mediaan van haar gemeenten en Nederland het landelijke cijfer van CBS (NL01). Aantallen: per 1.000
-- inwoners (CBS-bevolking op 1 januari), voor groep en Nederland Σ aantal ÷ Σ inwoners over de gemeenten die
-- publiceerden. Niet gepubliceerd (NULL) telt nergens mee en wordt nooit 0.
-- Contract: één rij per jaar, maat en wie (gemeente, groep, nederland).
--   uniek: jaar, maat, wie
--   niet leeg: jaar, maat, wie, tabel, voorlopig
WITH z AS (
    SELECT z.jaar, z.gebied, z.maat, z.waarde, z.tabel, z.voorlopig, i.inwoners,
           list_contains($procent, z.maat) AS procent
    FROM main.zorggebruik z
    LEFT JOIN main.inwoners i ON i.jaar = z.jaar AND i.gm_code = z.gebied
),
leden AS (
    SELECT * FROM z
    WHERE list_contains($groep, gebied) AND waarde IS NOT NULL AND (procent OR inwoners > 0)
)
SELECT jaar, maat, 'gemeente' AS wie,
       CASE WHEN procent THEN waarde ELSE waarde / nullif(inwoners, 0) * 1000 END AS waarde,
       (waarde IS NOT NULL)::INTEGER AS gemeenten, voorlopig, tabel
FROM z WHERE gebied = $gm_code
UNION ALL
SELECT jaar, maat, 'groep',
       CASE WHEN bool_and(procent) THEN median(waarde) ELSE sum(waarde) / sum(inwoners) * 1000 END,
       count(*), bool_or(voorlopig), string_agg(DISTINCT tabel, ', ')
FROM leden GROUP BY jaar, maat
UNION ALL
SELECT jaar, maat, 'nederland', waarde, NULL, voorlopig, tabel FROM z WHERE gebied = 'NL01' AND procent
UNION ALL
SELECT jaar, maat, 'nederland', sum(waarde) / sum(inwoners) * 1000, count(*), bool_or(voorlopig),
       string_agg(DISTINCT tabel, ', ')
FROM z
WHERE gebied LIKE 'GM%' AND NOT procent AND waarde IS NOT NULL AND inwoners > 0
GROUP BY jaar, maat
ORDER BY maat, wie, jaar;
