-- Eén rij per gemeente voor één jaar, document en maat: euro's per laag en functie, per inwoner,
-- en "€ acute zorg per € collectieve preventie" (werk.acuut_per_preventie). $zonder_regio: zonder
-- de regionale taakvelden (werk.regionale_taak), voor elke gemeente gelijk.
-- geen_eigen_acuut: geen (of negatieve) eigen lasten voor acute zorg, meestal omdat een regeling of
-- centrumgemeente die zorg betaalt; zo'n gemeente krijgt geen rang (rangbaar), ook al is haar
-- verhouding 0: de laagste plaats zou een verdienste suggereren die er niet is.
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
    gi.acute_zorg <= 0 AS geen_eigen_acuut,
    acuut_per_euro_preventie IS NOT NULL AND NOT geen_eigen_acuut AS rangbaar,
    COLUMNS(lambda c: list_contains(werk.bedragen(), c))
        / gi.inwoners AS '\0_per_inwoner'
FROM werk.indicatoren_gekozen($model, $maat, $zonder_regio) gi
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = gi.jaar AND gj.gm_code = gi.gm_code
WHERE gi.jaar = $jaar AND gi.document = $document
ORDER BY gi.gm_code;
