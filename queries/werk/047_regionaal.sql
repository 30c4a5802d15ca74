-- Regionale taken: beschermd wonen, maatschappelijke opvang en vrouwenopvang (6.81 en zijn
-- onderdelen 6.81a–b, 6.811–6.812; in 2017–2022 is 6.81 precies die drie). Een centrumgemeente
-- betaalt ze voor de hele regio; de vergelijking "zonder regionale taken" laat ze voor elke
-- gemeente weg. De enige plek waar deze regel staat.
CREATE OR REPLACE MACRO werk.regionale_taak(taakveld) AS starts_with(taakveld, '6.81');

-- Per gemeente, jaar en document: wat de regionale taakvelden bijdragen aan elke laag en functie.
CREATE OR REPLACE MACRO werk.regionaal(p_model, p_maat) AS TABLE
SELECT jaar, document, gm_code,
       {{sommen}}  -- per laag en functie, ingevuld uit begrippen.py
FROM werk.bedrag_laag(p_model, p_maat)
WHERE werk.regionale_taak(taakveld)
GROUP BY jaar, document, gm_code;

-- De indicatoren met (p_zonder_regio = false) of zonder de regionale taakvelden. Zonder: elk
-- bedrag min het regionale deel, zodat lagen en functies nog steeds optellen tot het totaal.
CREATE OR REPLACE MACRO werk.indicatoren_gekozen(p_model, p_maat, p_zonder_regio) AS TABLE
WITH gi AS (
    SELECT * FROM werk.gemeente_indicatoren(p_model, p_maat)
),
delen AS (
    SELECT jaar, document, gm_code, COLUMNS(lambda c: list_contains(werk.bedragen(), c)) FROM gi
    UNION ALL BY NAME
    SELECT jaar, document, gm_code, 0 - COLUMNS(lambda c: list_contains(werk.bedragen(), c))
    FROM werk.regionaal(p_model, p_maat)
    WHERE p_zonder_regio AND (jaar, document, gm_code) IN (SELECT (jaar, document, gm_code) FROM gi)
),
som AS (
    SELECT jaar, document, gm_code, sum(COLUMNS(lambda c: list_contains(werk.bedragen(), c)))
    FROM delen GROUP BY jaar, document, gm_code
)
SELECT s.*, gi.inwoners
FROM som s JOIN gi USING (jaar, document, gm_code);
