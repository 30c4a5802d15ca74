-- Eén rij per gemeente van de indeling van $doeljaar, met de cijfers van $jaar/$document
-- herrekend naar die indeling (voor een kaart van een jaar zonder eigen grenzen), uit werk.meting.
-- $zonder_regio, geen_eigen_acuut, weinig_preventie, vertekend (naar de code na herindeling: een fusie erft de
-- vlag van een voorganger niet) en rangbaar: zoals marts/indicatoren.
-- Contract: één rij per gemeente van de indeling van doeljaar met inwoners.
--   uniek: gm_code
--   niet leeg: gm_code, gemeente, jaar, document, maat, inwoners, dekking, geen_eigen_acuut, weinig_preventie, vertekend, rangbaar, bedragen, bedragen_per_inwoner
SELECT
    m.gm_code,
    coalesce(gj.naam, m.gm_code) AS gemeente,
    $maat AS maat,
    m.* EXCLUDE (gm_code, gemeenten, gemeenten_vertekend)
FROM werk.meting($model, $maat, $zonder_regio, p_jaar := $jaar, p_document := $document, p_doeljaar := $doeljaar) m
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = $doeljaar AND gj.gm_code = m.gm_code
WHERE m.inwoners IS NOT NULL
ORDER BY m.gm_code;
