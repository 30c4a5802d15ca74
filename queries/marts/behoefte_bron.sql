-- Uit welke circulaire de behoefte voor $jaar komt: het dichtstbijzijnde uitkeringsjaar (bij gelijke
-- afstand het eerdere), daarin de laatste circulaire (september na mei), zoals marts/regiotaken.
-- Contract: hoogstens één rij.
--   uniek: (één rij)
--   niet leeg: circulaire, uitkeringsjaar
SELECT circulaire, uitkeringsjaar
FROM (SELECT DISTINCT circulaire, uitkeringsjaar FROM main.gf_volume)
ORDER BY abs(uitkeringsjaar - $jaar), uitkeringsjaar, right(circulaire, 4) DESC, left(circulaire, 1) DESC
LIMIT 1;
