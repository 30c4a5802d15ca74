-- Eén rij per gemeente voor één jaar, document en maat: euro's per laag en functie, per inwoner,
-- en "€ acute zorg per € collectieve preventie" (werk.acuut_per_preventie).
SELECT
    gi.gm_code,
    coalesce(gj.naam, gi.gm_code) AS gemeente,
    gj.provincie,
    gi.jaar,
    gi.document,
    $maat AS maat,
    gi.inwoners,
    gi.* EXCLUDE (gm_code, jaar, document, inwoners),
    werk.acuut_per_preventie(gi.acute_zorg, gi.collectieve_preventie) AS acuut_per_euro_preventie,
    COLUMNS(lambda c: list_contains(werk.bedragen(), c))
        / gi.inwoners AS '\0_per_inwoner'
FROM werk.gemeente_indicatoren($model, $maat) gi
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = gi.jaar AND gj.gm_code = gi.gm_code
WHERE gi.jaar = $jaar AND gi.document = $document
ORDER BY gi.gm_code;
