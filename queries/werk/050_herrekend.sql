-- Grootheden (werk.grootheden) per gemeente herrekend naar de indeling van p_doeljaar (alle jaren en documenten),
-- via de herindelingsketen: een gemeente van toen telt mee naar het aandeel van haar adressen.
-- p_zonder_regio: zonder de regionale taakvelden, via dezelfde werk.indicatoren_gekozen als de marts.
-- gewicht_* = inwoners × aandeel van de voorgangers met en zonder cijfers, voor de dekking.
-- Niet bewaard: ≈ 20 ms voor alle gemeenten, jaren en documenten; een bewaarde kopie vroeg een volgorde
-- (eerst vullen, dan lezen) die niemand zag.
CREATE OR REPLACE MACRO werk.herrekend(p_model, p_maat, p_doeljaar, p_zonder_regio) AS TABLE
WITH ketting AS (
    SELECT h.jaar_van AS jaar, h.gm_code_van, h.gm_code_naar, h.aandeel,
           i.inwoners * h.aandeel AS gewicht
    FROM main.herindeling h
    LEFT JOIN main.inwoners i ON i.jaar = h.jaar_van AND i.gm_code = h.gm_code_van
    WHERE h.jaar_naar = p_doeljaar
),
indicatoren AS (
    SELECT * FROM werk.grootheden(p_model, p_maat, p_zonder_regio)
),
documenten AS (
    SELECT DISTINCT jaar, document FROM indicatoren
)
SELECT d.jaar, d.document, k.gm_code_naar AS gm_code,
       sum(COLUMNS(lambda c: list_contains(werk.bedragen(), c)) * k.aandeel),
       sum(p.inwoners * k.aandeel) AS inwoners,
       -- Een volume alleen als elke voorganger met cijfers het heeft (anders is de som te laag).
       {{volumes_herrekend}},  -- per volume, ingevuld uit begrippen.py
       sum(k.gewicht) FILTER (WHERE p.gm_code IS NOT NULL) AS gewicht_aanwezig,
       sum(k.gewicht) AS gewicht_totaal
FROM documenten d
JOIN ketting k ON k.jaar = d.jaar
LEFT JOIN indicatoren p ON p.jaar = d.jaar AND p.document = d.document AND p.gm_code = k.gm_code_van
GROUP BY d.jaar, d.document, k.gm_code_naar;
