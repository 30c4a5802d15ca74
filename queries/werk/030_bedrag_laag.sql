-- Elk Iv3-bedrag verdeeld over de lagen van het model, in hele euro's (bron: € 1.000).
-- Netto = lasten − baten; zonder baten in de bron is netto NULL (nooit stilletjes bruto).
-- Het product is exact (DECIMAL); daarna DOUBLE, want sommeren gaat zo ruim tweemaal sneller en
-- hele euro's blijven in DOUBLE exact (tot 9 biljard). Waar een gemeten verdeling bestaat
-- (werk.gemeten, uit de categorieën) vervangt die het vaste aandeel van het model.
-- p_tweeposities: eerst alle taakvelden optellen tot hun code op twee posities (6.73a–c → 6.73), zoals
-- een bron die alleen twee posities heeft (de jaarrekening 2024): zo vergelijkt werk.realisatie gelijk met gelijk.
CREATE OR REPLACE MACRO werk.bedrag_laag(p_model, p_maat, p_tweeposities := false) AS TABLE
WITH bron AS (
    SELECT * FROM main.iv3_gekozen WHERE NOT p_tweeposities
    UNION ALL
    SELECT any_value(g.bron), g.jaar, g.document, g.gm_code, coalesce(t.code_2posities, g.taakveld),
           sum(g.lasten)::DECIMAL(18, 3),  -- het type van iv3_gekozen: de rest rekent zoals altijd
           CASE WHEN count(g.baten) = count(*) THEN sum(g.baten) END::DECIMAL(18, 3)
    FROM main.iv3_gekozen g
    LEFT JOIN main.taakveld t ON t.jaar = g.jaar AND t.code = g.taakveld
    WHERE p_tweeposities
    GROUP BY g.jaar, g.document, g.gm_code, coalesce(t.code_2posities, g.taakveld)
)
SELECT
    g.jaar, g.document, g.gm_code, g.taakveld, g.bron,
    m.laag, m.functie, coalesce(s.aandeel, m.aandeel) AS aandeel,
    (CASE WHEN p_maat = 'netto' THEN g.lasten - g.baten ELSE g.lasten END * 1000
     * coalesce(s.aandeel, m.aandeel))::DOUBLE AS bedrag
FROM bron g
JOIN werk.model_regel m
  ON m.model = p_model
 AND m.taakveld = g.taakveld
 AND g.jaar BETWEEN m.jaar_van AND m.jaar_tot
LEFT JOIN werk.gemeten s
  ON s.model = p_model AND s.jaar = g.jaar AND s.document = g.document AND s.gm_code = g.gm_code
 AND s.taakveld = g.taakveld AND s.laag = m.laag
LEFT JOIN main.iv3_zonder_cijfers z ON z.jaar = g.jaar AND z.document = g.document AND z.gm_code = g.gm_code
WHERE m.laag <> 'niet_meegeteld'
  AND z.gm_code IS NULL  -- geen cijfers ingediend: niet meetellen als € 0;
