-- Eén rij per gemeente van de indeling van $doeljaar, met de cijfers van $jaar/$document
-- herrekend naar die indeling (voor een kaart van een jaar zonder eigen grenzen). $zonder_regio,
-- geen_eigen_acuut, vertekend en rangbaar: zoals marts/indicatoren.
-- Contract: één rij per gemeente van de indeling van doeljaar met inwoners.
--   uniek: gm_code
--   niet leeg: gm_code, gemeente, jaar, document, maat, inwoners, dekking, geen_eigen_acuut, vertekend, rangbaar, bedragen, bedragen_per_inwoner
SELECT
    h.gm_code,
    coalesce(gj.naam, h.gm_code) AS gemeente,
    h.jaar, h.document, $maat AS maat, h.inwoners,
    h.* EXCLUDE (jaar, document, gm_code, inwoners, gewicht_aanwezig, gewicht_totaal),
    h.gewicht_aanwezig / h.gewicht_totaal AS dekking,
    werk.acuut_drempel(sum(h.acute_zorg) OVER (), sum(h.inwoners) OVER ()) AS acuut_drempel_per_inwoner,
    werk.geen_eigen_acuut(h.acute_zorg, h.inwoners, acuut_drempel_per_inwoner) AS geen_eigen_acuut,
    werk.verhouding(h.acute_zorg, h.collectieve_preventie, geen_eigen_acuut) AS acuut_per_euro_preventie,
    coalesce(v.vertekend, false) AS vertekend,
    werk.rangbaar(acuut_per_euro_preventie, geen_eigen_acuut, v.vertekend) AS rangbaar,
    COLUMNS(lambda c: list_contains(werk.bedragen(), c)) / h.inwoners AS '\0_per_inwoner'
FROM werk.herrekend($model, $maat, $doeljaar, $zonder_regio) h
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = $doeljaar AND gj.gm_code = h.gm_code
-- Vertekend naar de code van de gemeente na herindeling (een fusie erft de vlag van een voorganger niet).
LEFT JOIN werk.vertekend($model, $maat) v ON v.jaar = h.jaar AND v.document = h.document AND v.gm_code = h.gm_code
WHERE h.jaar = $jaar AND h.document = $document AND h.inwoners IS NOT NULL
ORDER BY h.gm_code;
