-- Begroting tegen jaarrekening per gemeente, jaar en bedrag (elke laag, het totaal en elke functie;
-- werk.bedragen) in p_maat. Alleen gemeenten met beide documenten in die maat (netto: baten in
-- allebei), zodat een landelijke som in beide kolommen dezelfde gemeenten telt.
-- incidenteel: de taakvelden met een incidentele stroom in de jaarrekening (werk.afwijking) die dit
-- bedrag voeden; incidenteel_bedrag: hun afwijking t.o.v. de begroting maal het aandeel van het taakveld
-- in dit bedrag volgens het model (een schatting: de gemeten verdeling van 6.1 over informeel en
-- institutioneel telt hier niet, voor preventie en acute zorg maakt dat niet uit).
CREATE OR REPLACE MACRO werk.realisatie(p_model, p_maat) AS TABLE
WITH grof AS (  -- gemeente-jaren waarin één document alleen op twee posities staat (jaarrekening 2024)
    SELECT jaar, gm_code
    FROM main.iv3_gekozen
    GROUP BY jaar, gm_code
    HAVING count(DISTINCT document) = 2
       AND count(DISTINCT document) FILTER (WHERE bron = 'lasten_2posities') = 1
),
opgeteld AS (  -- daar beide documenten op twee posities, anders verdeelt het model 6.74 in het ene document
               -- met een vast aandeel en telt het in het andere de echte 6.74a–c (een schijnverschil)
    SELECT b.jaar, b.document, b.gm_code, any_value(i.inwoners) AS inwoners,
           {{sommen}}  -- per laag en functie, ingevuld uit begrippen.py
    FROM werk.bedrag_laag(p_model, p_maat, p_tweeposities := true) b
    JOIN grof USING (jaar, gm_code)
    LEFT JOIN main.inwoners i USING (jaar, gm_code)
    GROUP BY b.jaar, b.document, b.gm_code
    HAVING count(b.bedrag) = count(*)
),
per_gemeente AS (
    SELECT gi.* FROM werk.gemeente_indicatoren(p_model, p_maat) gi
    WHERE (gi.jaar, gi.gm_code) NOT IN (SELECT (jaar, gm_code) FROM grof)
    UNION ALL BY NAME
    SELECT * FROM opgeteld
),
lang AS (
    UNPIVOT (SELECT jaar, document, gm_code, inwoners, COLUMNS(lambda c: list_contains(werk.bedragen(), c))
             FROM per_gemeente)
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
incidenteel AS (
    SELECT a.gm_code, a.jaar, v.functie, list(a.taakveld ORDER BY a.taakveld) AS taakvelden,
           sum(a.afwijking * v.aandeel) AS bedrag
    FROM werk.incidenteel a
    JOIN werk.voedt(p_model) v ON v.taakveld = a.taakveld AND a.jaar BETWEEN v.jaar_van AND v.jaar_tot
    WHERE a.document = 'jaarrekening' AND a.maat = p_maat
    GROUP BY ALL
)
SELECT n.*, coalesce(i.taakvelden, []) AS incidenteel, coalesce(i.bedrag, 0) AS incidenteel_bedrag
FROM naast n
LEFT JOIN incidenteel i USING (gm_code, jaar, functie);
