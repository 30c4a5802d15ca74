-- Preventie naar behoefte per kwintiel (werk.behoefte_per_gemeente): elk kwintiel als geheel door werk.meting
-- (gewogen: Σ ÷ Σ, zoals een groep), met daarnaast de laagste en hoogste behoefte en de mediane gemeente.
-- preventie_per_persoon_gewogen: Σ preventie ÷ Σ personen van de maatstaf.
-- Contract: één rij per kwintiel met gemeenten.
--   uniek: kwintiel
--   niet leeg: kwintiel, gemeenten, inwoners, laagste_per_1000, hoogste_per_1000, preventie_per_inwoner_gewogen, preventie_per_inwoner_mediaan, acute_zorg_per_inwoner_gewogen, acute_zorg_per_inwoner_mediaan
WITH b AS (
    SELECT * FROM werk.behoefte_per_gemeente($model, $maat, $zonder_regio, $jaar, $document, $behoefte)
),
m AS (
    SELECT * FROM werk.meting($model, $maat, $zonder_regio, p_jaar := $jaar, p_document := $document,
                              p_groepen := (SELECT map(list(gm_code), list(kwintiel::VARCHAR)) FROM b))
),
per_kwintiel AS (
    SELECT kwintiel,
           min(waarde_per_1000) AS laagste_per_1000, max(waarde_per_1000) AS hoogste_per_1000,
           median(collectieve_preventie_per_inwoner) AS preventie_per_inwoner_mediaan,
           median(acute_zorg_per_inwoner) AS acute_zorg_per_inwoner_mediaan,
           werk.deel(sum(collectieve_preventie), sum(volume)) AS preventie_per_persoon_gewogen
    FROM b GROUP BY kwintiel
)
SELECT k.kwintiel, m.gemeenten, m.inwoners, k.laagste_per_1000, k.hoogste_per_1000,
       m.collectieve_preventie_per_inwoner AS preventie_per_inwoner_gewogen, k.preventie_per_inwoner_mediaan,
       m.acute_zorg_per_inwoner AS acute_zorg_per_inwoner_gewogen, k.acute_zorg_per_inwoner_mediaan,
       m.acuut_per_euro_preventie AS acuut_per_euro_preventie_gewogen, k.preventie_per_persoon_gewogen
FROM per_kwintiel k
JOIN m ON m.gm_code = k.kwintiel::VARCHAR
ORDER BY k.kwintiel;
