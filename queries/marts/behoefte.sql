-- Preventie naar behoefte: per gemeente met cijfers en inwoners in $jaar/$document/$maat de maat van behoefte
-- $behoefte (begrippen.BEHOEFTEN: volume_<naam> en inwoners_<naam> uit werk.grootheden, uit de bron die
-- werk.behoefte_bron kiest) per 1.000 inwoners van diezelfde bron, naast collectieve preventie en acute zorg
-- per inwoner (CBS-inwoners van $jaar) en de verhouding, alles uit werk.meting.
-- kwintiel: 1 = minste behoefte … 5 = meeste, vijf groepen van zo gelijk mogelijk aantal gemeenten
-- met een waarde; gelijke waarden blijven samen (rank). preventie_kwintiel: idem op preventie per inwoner.
-- preventie_per_persoon: € collectieve preventie per persoon van de maatstaf (werk.deel: leeg bij 0 personen).
-- Contract: één rij per gemeente met cijfers, inwoners en een volume.
--   uniek: gm_code
--   niet leeg: gm_code, gemeente, inwoners, volume, inwoners_circulaire, waarde_per_1000, kwintiel, preventie_kwintiel, collectieve_preventie_per_inwoner, acute_zorg_per_inwoner, geen_eigen_acuut, vertekend, rangbaar
WITH samen AS (
    SELECT m.*, v.volume, v.inwoners AS inwoners_circulaire,
           werk.deel(1000 * v.volume, v.inwoners) AS waarde_per_1000
    FROM werk.meting($model, $maat, $zonder_regio, p_jaar := $jaar, p_document := $document) m
    JOIN werk.behoefte_volume v ON v.jaar = m.jaar AND v.gm_code = m.gm_code AND v.naam = $behoefte
    WHERE m.inwoners IS NOT NULL
)
SELECT
    s.gm_code,
    coalesce(gj.naam, s.gm_code) AS gemeente,
    s.inwoners, s.volume, s.inwoners_circulaire, s.waarde_per_1000,
    (1 + 5 * (rank() OVER (ORDER BY s.waarde_per_1000) - 1) // count(*) OVER ())::INTEGER AS kwintiel,
    (1 + 5 * (rank() OVER (ORDER BY s.collectieve_preventie_per_inwoner) - 1) // count(*) OVER ())::INTEGER
        AS preventie_kwintiel,
    s.collectieve_preventie, s.acute_zorg,
    s.collectieve_preventie_per_inwoner, s.acute_zorg_per_inwoner,
    s.geen_eigen_acuut, s.acuut_per_euro_preventie, s.vertekend, s.rangbaar,
    werk.deel(s.collectieve_preventie, s.volume) AS preventie_per_persoon
FROM samen s
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = $jaar AND gj.gm_code = s.gm_code
ORDER BY s.gm_code;
