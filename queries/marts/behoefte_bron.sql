-- Waar de behoefte $behoefte voor $jaar vandaan komt: de bron (een gemeentefondscirculaire, of 'KWB'
-- voor CBS Kerncijfers wijken en buurten) en haar jaar, volgens werk.behoefte_bron.
-- Contract: hoogstens één rij.
--   uniek: (één rij)
--   niet leeg: bron, jaar
SELECT bron, bronjaar AS jaar FROM werk.behoefte_bron([$jaar]) WHERE naam = $behoefte;
