-- De gemeenten van één jaar met naam, provincie, inwoners en klassen. Klassen zijn er voor
-- 2023–2025; voor andere jaren geldt het dichtstbijzijnde jaar waarin de gemeente een klasse had.
-- Contract: één rij per gemeente van jaar.
--   uniek: gm_code
--   niet leeg: gm_code, naam
WITH klasse AS (
    SELECT gm_code,
           arg_min({'grootteklasse': grootteklasse, 'stedelijkheid': stedelijkheid, 'jaar': jaar},
                   abs(jaar - $jaar)) AS k
    FROM main.gemeente_klasse
    GROUP BY gm_code
)
SELECT
    gj.gm_code,
    gj.naam,
    gj.provincie,
    i.inwoners,
    klasse.k.grootteklasse AS grootteklasse,
    klasse.k.stedelijkheid AS stedelijkheid,
    klasse.k.jaar AS klasse_jaar,
    p.sociale_structuur,
    p.centrumfunctie
FROM main.gemeente_jaar gj
LEFT JOIN main.inwoners i ON i.jaar = gj.jaar AND i.gm_code = gj.gm_code
LEFT JOIN klasse ON klasse.gm_code = gj.gm_code
LEFT JOIN main.gemeente_profiel p ON p.gm_code = gj.gm_code
WHERE gj.jaar = $jaar
ORDER BY gj.naam;
