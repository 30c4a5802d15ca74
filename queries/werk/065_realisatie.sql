-- Begroting tegen jaarrekening per gemeente, jaar en bedrag (elke laag, het totaal en elke functie;
-- werk.bedragen) in p_maat. Alleen gemeenten met beide documenten in die maat (netto: baten in
-- allebei), zodat een landelijke som in beide kolommen dezelfde gemeenten telt.
-- incidenteel: de taakvelden met een incidentele stroom in de jaarrekening (werk.afwijking) die dit
-- bedrag voeden; incidenteel_bedrag: hun afwijking t.o.v. de begroting maal het aandeel van het taakveld
-- in dit bedrag volgens het model (een schatting: de gemeten verdeling van 6.1 over informeel en
-- institutioneel telt hier niet, voor preventie en acute zorg maakt dat niet uit).
CREATE OR REPLACE MACRO werk.realisatie(p_model, p_maat) AS TABLE
WITH lang AS (
    UNPIVOT (SELECT jaar, document, gm_code, inwoners, COLUMNS(lambda c: list_contains(werk.bedragen(), c))
             FROM werk.gemeente_indicatoren(p_model, p_maat))
    ON COLUMNS(lambda c: list_contains(werk.bedragen(), c))
    INTO NAME functie VALUE bedrag
),
naast AS (
    SELECT b.gm_code, b.jaar, b.functie, b.bedrag AS begroting, r.bedrag AS jaarrekening, r.inwoners
    FROM lang b
    JOIN lang r ON r.gm_code = b.gm_code AND r.jaar = b.jaar AND r.functie = b.functie
               AND r.document = 'jaarrekening'
    WHERE b.document = 'begroting'
),
voedt AS (  -- welk taakveld welk bedrag voedt, en voor welk deel
    SELECT jaar_van, jaar_tot, taakveld, functie, sum(aandeel) AS aandeel
    FROM (
        SELECT jaar_van, jaar_tot, taakveld, laag AS functie, aandeel FROM werk.model_regel WHERE model = p_model
        UNION ALL
        SELECT jaar_van, jaar_tot, taakveld, functie, aandeel FROM werk.model_regel WHERE model = p_model
        UNION ALL
        SELECT jaar_van, jaar_tot, taakveld, 'totaal', aandeel FROM werk.model_regel
        WHERE model = p_model AND laag <> 'niet_meegeteld'
    )
    GROUP BY ALL
),
incidenteel AS (
    SELECT a.gm_code, a.jaar, v.functie, list(a.taakveld ORDER BY a.taakveld) AS taakvelden,
           sum(a.afwijking * v.aandeel) AS bedrag
    FROM werk.incidenteel a
    JOIN voedt v ON v.taakveld = a.taakveld AND a.jaar BETWEEN v.jaar_van AND v.jaar_tot
    WHERE a.document = 'jaarrekening' AND a.maat = p_maat
    GROUP BY ALL
)
SELECT n.*, coalesce(i.taakvelden, []) AS incidenteel, coalesce(i.bedrag, 0) AS incidenteel_bedrag
FROM naast n
LEFT JOIN incidenteel i USING (gm_code, jaar, functie);
