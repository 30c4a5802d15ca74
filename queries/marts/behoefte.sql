-- Preventie naar behoefte: per gemeente met cijfers in $jaar/$document/$maat een maat voor behoefte
-- ($maatstaf uit bron $bron voor $bronjaar: een gemeentefondscirculaire, of 'KWB' voor CBS Kerncijfers
-- wijken en buurten, zie marts/behoefte_bron) per 1.000 inwoners van diezelfde bron ($noemer), naast collectieve preventie en acute zorg per inwoner (CBS-inwoners
-- van $jaar) en de verhouding (werk.verhouding, met de landelijke drempel zoals marts/indicatoren).
-- kwintiel: 1 = minste behoefte … 5 = meeste, vijf groepen van zo gelijk mogelijk aantal gemeenten
-- met een waarde; gelijke waarden blijven samen (rank). preventie_kwintiel: idem op preventie per inwoner.
-- preventie_per_persoon: € collectieve preventie per persoon van de maatstaf (leeg bij 0 personen).
-- Contract: één rij per gemeente met cijfers, inwoners en een volume.
--   uniek: gm_code
--   niet leeg: gm_code, gemeente, inwoners, volume, inwoners_circulaire, waarde_per_1000, kwintiel, preventie_kwintiel, collectieve_preventie_per_inwoner, acute_zorg_per_inwoner, geen_eigen_acuut, vertekend, rangbaar
WITH ind AS (
    SELECT * FROM werk.indicatoren_gekozen($model, $maat, $zonder_regio)
    WHERE jaar = $jaar AND document = $document AND inwoners IS NOT NULL
),
drempel AS (
    SELECT werk.acuut_drempel(sum(acute_zorg), sum(inwoners)) AS per_inwoner FROM ind
),
bron AS (
    SELECT circulaire AS bron, uitkeringsjaar AS jaar, gm_code, maatstaf, waarde FROM main.gf_volume
    UNION ALL
    SELECT 'KWB', jaar, gm_code, maat, waarde FROM main.cbs_kerncijfer
),
volume AS (
    SELECT v.gm_code, v.waarde AS volume, i.waarde AS inwoners_circulaire
    FROM bron v
    JOIN bron i USING (bron, jaar, gm_code)
    WHERE v.bron = $bron AND v.jaar = $bronjaar
      AND v.maatstaf = $maatstaf AND i.maatstaf = $noemer AND i.waarde > 0
),
samen AS (
    SELECT ind.gm_code, ind.inwoners, ind.collectieve_preventie, ind.acute_zorg,
           v.volume, v.inwoners_circulaire,
           1000 * v.volume / v.inwoners_circulaire AS waarde_per_1000,
           ind.collectieve_preventie / ind.inwoners AS collectieve_preventie_per_inwoner,
           ind.acute_zorg / ind.inwoners AS acute_zorg_per_inwoner,
           werk.geen_eigen_acuut(ind.acute_zorg, ind.inwoners, d.per_inwoner) AS geen_eigen_acuut
    FROM ind JOIN volume v USING (gm_code), drempel d
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
    s.geen_eigen_acuut,
    werk.verhouding(s.acute_zorg, s.collectieve_preventie, s.geen_eigen_acuut) AS acuut_per_euro_preventie,
    coalesce(v.vertekend, false) AS vertekend,
    werk.rangbaar(acuut_per_euro_preventie, s.geen_eigen_acuut, v.vertekend) AS rangbaar,
    CASE WHEN s.volume > 0 THEN s.collectieve_preventie / s.volume END AS preventie_per_persoon
FROM samen s
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = $jaar AND gj.gm_code = s.gm_code
LEFT JOIN werk.vertekend($model, $maat) v ON v.jaar = $jaar AND v.document = $document AND v.gm_code = s.gm_code
ORDER BY s.gm_code;
