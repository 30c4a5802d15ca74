-- Eén rij per gemeente voor één jaar, document en maat: elke grootheid (euro's per laag en functie, inwoners,
-- volumes van behoefte), per inwoner, en elke indicator met een eigen noemer (o.a. "€ acute zorg per €
-- collectieve preventie"), uit werk.meting. $zonder_regio: zonder de regionale taakvelden (werk.regionale_taak),
-- voor elke gemeente gelijk.
-- geen_eigen_acuut: geen eigen acute zorg van betekenis (werk.geen_eigen_acuut: € 0, negatief of onder
-- de drempel acuut_drempel_per_inwoner), meestal omdat een regeling of centrumgemeente die zorg
-- betaalt; zo'n gemeente krijgt geen rang (rangbaar) en geen verhouding (werk.verhouding), ook al
-- zou die bijna 0 zijn: de laagste plaats zou een verdienste suggereren die er niet is.
-- weinig_preventie: bijna geen collectieve preventie (werk.weinig_preventie: meer dan € 0 maar onder de drempel
-- preventie_drempel_per_inwoner); de verhouding staat er, maar zonder rang: een noemer van bijna nul zou haar als
-- ‘slechtste’ tonen.
-- vertekend: een incidentele stroom (opvang Oekraïne op 6.1, corona op 7.1; werk.vertekend) zit in
-- preventie of acute zorg; de verhouding staat er, maar zonder rang.
-- Contract: één rij per gemeente met cijfers in jaar/document/maat.
--   uniek: gm_code
--   niet leeg: gm_code, gemeente, jaar, document, maat, geen_eigen_acuut, weinig_preventie, vertekend, rangbaar, bedragen
SELECT
    m.gm_code,
    coalesce(gj.naam, m.gm_code) AS gemeente,
    gj.provincie,
    $maat AS maat,
    m.* EXCLUDE (gm_code, gemeenten, dekking, gemeenten_vertekend)
FROM werk.meting($model, $maat, $zonder_regio, p_jaar := $jaar, p_document := $document) m
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = m.jaar AND gj.gm_code = m.gm_code
ORDER BY m.gm_code;
