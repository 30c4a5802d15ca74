-- Eén rij per gemeente voor één jaar, document en maat: euro's per laag en functie, per inwoner,
-- en "€ acute zorg per € collectieve preventie" (werk.acuut_per_preventie). $zonder_regio: zonder
-- de regionale taakvelden (werk.regionale_taak), voor elke gemeente gelijk.
-- geen_eigen_acuut: geen eigen acute zorg van betekenis (werk.geen_eigen_acuut: € 0, negatief of onder
-- de drempel acuut_drempel_per_inwoner), meestal omdat een regeling of centrumgemeente die zorg
-- betaalt; zo'n gemeente krijgt geen rang (rangbaar) en geen verhouding (werk.verhouding), ook al
-- zou die bijna 0 zijn: de laagste plaats zou een verdienste suggereren die er niet is.
-- vertekend: een incidentele stroom (opvang Oekraïne op 6.1, corona op 7.1; werk.vertekend) zit in
-- preventie of acute zorg; de verhouding staat er, maar zonder rang.
-- Contract: één rij per gemeente met cijfers in jaar/document/maat.
--   uniek: gm_code
--   niet leeg: gm_code, gemeente, jaar, document, maat, geen_eigen_acuut, vertekend, rangbaar, bedragen
SELECT
    gi.gm_code,
    coalesce(gj.naam, gi.gm_code) AS gemeente,
    gj.provincie,
    gi.jaar,
    gi.document,
    $maat AS maat,
    gi.inwoners,
    gi.* EXCLUDE (gm_code, jaar, document, inwoners),
    -- Nederland zoals marts/groep het telt: alleen gemeenten met inwoners.
    werk.acuut_drempel(sum(gi.acute_zorg) FILTER (WHERE gi.inwoners IS NOT NULL) OVER (),
                       sum(gi.inwoners) OVER ()) AS acuut_drempel_per_inwoner,
    werk.geen_eigen_acuut(gi.acute_zorg, gi.inwoners, acuut_drempel_per_inwoner) AS geen_eigen_acuut,
    werk.verhouding(gi.acute_zorg, gi.collectieve_preventie, geen_eigen_acuut) AS acuut_per_euro_preventie,
    coalesce(v.vertekend, false) AS vertekend,
    werk.rangbaar(acuut_per_euro_preventie, geen_eigen_acuut, v.vertekend) AS rangbaar,
    COLUMNS(lambda c: list_contains(werk.bedragen(), c))
        / gi.inwoners AS '\0_per_inwoner'
FROM werk.indicatoren_gekozen($model, $maat, $zonder_regio) gi
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = gi.jaar AND gj.gm_code = gi.gm_code
LEFT JOIN werk.vertekend($model, $maat) v ON v.jaar = gi.jaar AND v.document = gi.document AND v.gm_code = gi.gm_code
WHERE gi.jaar = $jaar AND gi.document = $document
ORDER BY gi.gm_code;
