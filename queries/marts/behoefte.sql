-- Preventie naar behoefte: per gemeente met cijfers en inwoners in $jaar/$document/$maat de maat van behoefte
-- $behoefte (begrippen.BEHOEFTEN) per 1.000 inwoners van haar bron, met kwintiel, naast collectieve preventie en
-- acute zorg per inwoner (CBS-inwoners van $jaar), de verhouding en preventie per persoon van de maatstaf
-- (werk.behoefte_per_gemeente, uit werk.meting).
-- Contract: één rij per gemeente met cijfers, inwoners en een volume.
--   uniek: gm_code
--   niet leeg: gm_code, gemeente, inwoners, volume, inwoners_circulaire, waarde_per_1000, kwintiel, preventie_kwintiel, collectieve_preventie_per_inwoner, acute_zorg_per_inwoner, geen_eigen_acuut, weinig_preventie, vertekend, rangbaar
SELECT b.gm_code, coalesce(gj.naam, b.gm_code) AS gemeente, b.* EXCLUDE (gm_code)
FROM werk.behoefte_per_gemeente($model, $maat, $zonder_regio, $jaar, $document, $behoefte) b
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = $jaar AND gj.gm_code = b.gm_code
ORDER BY b.gm_code;
