-- Waar de behoefte $maatstaf voor $jaar vandaan komt: de bron (een gemeentefondscirculaire, of 'KWB'
-- voor CBS Kerncijfers wijken en buurten) en haar jaar, het dichtstbijzijnde jaar met deze maatstaf
-- (bij gelijke afstand het eerdere), daarin de laatste circulaire (september na mei), zoals marts/regiotaken.
-- Contract: hoogstens één rij.
--   uniek: (één rij)
--   niet leeg: bron, jaar
WITH bron AS (
    SELECT DISTINCT circulaire AS bron, uitkeringsjaar AS jaar FROM main.gf_volume WHERE maatstaf = $maatstaf
    UNION ALL
    SELECT DISTINCT 'KWB', jaar FROM main.cbs_kerncijfer WHERE maat = $maatstaf
)
SELECT bron, jaar
FROM bron
ORDER BY abs(jaar - $jaar), jaar, right(bron, 4) DESC, left(bron, 1) DESC
LIMIT 1;
