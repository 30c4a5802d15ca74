-- Gemeentefonds als maatstaf, per gemeente, voor één jaar en document (netto, in euro's):
-- - sociale basis: netto uitgaven op de taakvelden van het fondscluster Sociale
--   basisvoorzieningen (werk.gemeentefonds_sociale_basis()) naast de clusteruitkering;
-- - individuele voorzieningen: netto uitgaven in de lagen maatwerk en acuut (het model) naast
--   de clusters Individuele voorzieningen Wmo en Jeugd.
-- De uitkering is een schatting van de behoefte uit de circulaire ($circulaire voor uitkeringsjaar
-- $jaar), geen oormerk. $zonder_regio: maatwerk en acuut zonder de regionale taakvelden
-- (werk.regionale_taak); hun decentralisatie-uitkeringen zitten ook niet in deze clusters.
-- Contract: één rij per gemeente met cijfers en een clusteruitkering.
--   uniek: gm_code
--   niet leeg: gm_code, gemeente, sociale_basis_uitgaven, sociale_basis_fonds, individueel_uitgaven, individueel_fonds
WITH sociale_basis AS (
    SELECT g.gm_code, sum(g.lasten - g.baten) * 1000 AS uitgaven
    FROM main.iv3_gekozen g
    WHERE g.jaar = $jaar AND g.document = $document
      AND list_contains(werk.gemeentefonds_sociale_basis(), g.taakveld)
    GROUP BY g.gm_code
),
individueel AS (
    SELECT gm_code, sum(bedrag) AS uitgaven
    FROM werk.bedrag_laag($model, 'netto')
    WHERE jaar = $jaar AND document = $document AND laag IN ('maatwerk', 'acuut')
      AND NOT ($zonder_regio AND werk.regionale_taak(taakveld))
    GROUP BY gm_code
),
fonds AS (
    SELECT gm_code,
           sum(bedrag) FILTER (WHERE cluster = 'Sociale basisvoorzieningen') AS sociale_basis,
           sum(bedrag) FILTER (WHERE cluster IN ('Individuele voorzieningen Wmo',
                                                 'Individuele voorzieningen Jeugd')) AS individueel
    FROM main.gf_cluster
    WHERE circulaire = $circulaire AND uitkeringsjaar = $jaar
    GROUP BY gm_code
),
vergelijking AS (
SELECT
    f.gm_code,
    coalesce(gj.naam, f.gm_code) AS gemeente,
    i.inwoners,
    sb.uitgaven AS sociale_basis_uitgaven,
    f.sociale_basis AS sociale_basis_fonds,
    sb.uitgaven - f.sociale_basis AS sociale_basis_verschil,
    iv.uitgaven AS individueel_uitgaven,
    f.individueel AS individueel_fonds,
    iv.uitgaven - f.individueel AS individueel_verschil
FROM fonds f
JOIN sociale_basis sb USING (gm_code)
JOIN individueel iv USING (gm_code)
LEFT JOIN main.inwoners i ON i.jaar = $jaar AND i.gm_code = f.gm_code
LEFT JOIN main.gemeente_jaar gj ON gj.jaar = $jaar AND gj.gm_code = f.gm_code
WHERE f.gm_code NOT IN (SELECT gm_code FROM main.iv3_zonder_cijfers WHERE jaar = $jaar AND document = $document)
)
SELECT *, COLUMNS('^(sociale_basis|individueel)_(uitgaven|fonds|verschil)$') / inwoners AS '\1_\2_per_inwoner'
FROM vergelijking
ORDER BY gm_code;
