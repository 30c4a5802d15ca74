-- De bedragkolommen van de indicatoren (lagen, totaal en functies; ingevuld uit begrippen.py): één lijst voor alle marts,
-- die ze kiezen met COLUMNS(lambda c: list_contains(werk.bedragen(), c)).
CREATE OR REPLACE MACRO werk.bedragen() AS [{{bedragen}}];

-- De kernverhouding: € acute zorg per € collectieve preventie. Leeg als preventie ≤ 0 of acute
-- zorg < 0 (netto kan negatief zijn als baten de lasten overtreffen; dan zegt ze niets).
-- De enige plek waar deze regel staat; elke mart gebruikt dit macro.
CREATE OR REPLACE MACRO werk.acuut_per_preventie(acuut, preventie) AS
    CASE WHEN preventie > 0 AND acuut >= 0 THEN acuut / preventie END;
