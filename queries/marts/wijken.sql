-- De wijken met hun kerncijfers (CBS Kerncijfers wijken en buurten), alle jaren, van gemeente $gm_code (NULL:
-- alle gemeenten): een aantal en zijn noemer moeten uit hetzelfde jaar komen (mensen.wijken kiest daarna per
-- maat het nieuwste jaar met een cijfer, zodat een voorlopig, nog leeg nieuwste jaar geen wijk leeg laat).
-- Contract: één rij per wijk, maat en jaar.
--   uniek: wk_code, maat, jaar
--   niet leeg: wk_code, wijk, gm_code, maat, waarde, jaar
SELECT c.wk_code, w.naam AS wijk, w.gm_code, c.maat, c.waarde, c.jaar
FROM main.wijk_cijfer c
JOIN main.wijk w ON w.jaar = c.jaar AND w.wk_code = c.wk_code
WHERE $gm_code IS NULL OR w.gm_code = $gm_code
ORDER BY c.wk_code, c.maat, c.jaar;
