-- De gemeten verdeling van een taakveld over de lagen, uit de lasten per economische categorie
-- (main.iv3_categorie, alleen uit CBS-ruwe data), volgens de kolom `categorieen` van het model:
-- elke categorie gaat naar de laag met het langste passende voorvoegsel (L4.3.3 vóór L4).
-- Categorieën zonder laag (rente, interne verrekeningen, …) volgen de verdeling van de rest.
-- Aandelen op 3 decimalen zoals in het model; de laatste laag krijgt de rest, zodat ze precies
-- optellen tot 1 en de som over de lagen het bronbedrag blijft. Geen gemeten verdeling als
-- de toegewezen lasten nul of negatief zijn: dan geldt het vaste aandeel.
CREATE OR REPLACE MACRO werk.gemeten_berekend(p_model) AS TABLE
WITH regel AS (
    SELECT jaar_van, jaar_tot, taakveld, laag, unnest(string_split(categorieen, ' ')) AS voorvoegsel
    FROM werk.model_regel
    WHERE model = p_model AND categorieen IS NOT NULL
),
toegewezen AS (
    SELECT c.jaar, c.document, c.gm_code, c.taakveld, c.categorie, any_value(c.lasten) AS lasten,
           arg_max(r.laag, length(r.voorvoegsel)) AS laag
    FROM main.iv3_categorie c
    JOIN main.iv3_gekozen g USING (bron, jaar, document, gm_code, taakveld)
    JOIN regel r ON r.taakveld = c.taakveld AND c.jaar BETWEEN r.jaar_van AND r.jaar_tot
               AND (c.categorie = r.voorvoegsel OR starts_with(c.categorie, r.voorvoegsel || '.'))
    GROUP BY c.jaar, c.document, c.gm_code, c.taakveld, c.categorie
),
per_laag AS (
    SELECT jaar, document, gm_code, taakveld, laag, sum(lasten) AS lasten
    FROM toegewezen GROUP BY ALL
),
bruikbaar AS (
    SELECT jaar, document, gm_code, taakveld, sum(lasten) AS totaal
    FROM per_laag GROUP BY ALL
    HAVING sum(lasten) > 0 AND min(lasten) >= 0
),
rooster AS (
    SELECT b.jaar, b.document, b.gm_code, b.taakveld, l.laag, coalesce(p.lasten, 0) / b.totaal AS fractie
    FROM bruikbaar b
    JOIN (SELECT DISTINCT jaar_van, jaar_tot, taakveld, laag FROM regel) l
      ON l.taakveld = b.taakveld AND b.jaar BETWEEN l.jaar_van AND l.jaar_tot
    LEFT JOIN per_laag p
      ON p.jaar = b.jaar AND p.document = b.document AND p.gm_code = b.gm_code AND p.taakveld = b.taakveld
     AND p.laag = l.laag
),
afgerond AS (
    SELECT *, round(fractie, 3)::DECIMAL(4, 3) AS afgerond,
           row_number() OVER (PARTITION BY jaar, document, gm_code, taakveld ORDER BY laag DESC) AS volgorde
    FROM rooster
)
SELECT jaar, document, gm_code, taakveld, laag,
       CASE WHEN volgorde = 1
            THEN 1 - (sum(afgerond) OVER (PARTITION BY jaar, document, gm_code, taakveld) - afgerond)
            ELSE afgerond END::DECIMAL(4, 3) AS aandeel
FROM afgerond;

CREATE TABLE IF NOT EXISTS werk.gemeten AS
SELECT ''::VARCHAR AS model, * FROM werk.gemeten_berekend('') LIMIT 0;
