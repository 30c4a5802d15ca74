-- De uitkomst van gemeente_indicatoren_berekend voor elk geladen model en beide maten, per
-- verbinding bewaard: model/laad.sql vult hem, een import ververst hem (Store.laad_model).
-- Pagina's en marts lezen hieruit, zodat een klik niet alle bedragen opnieuw doorrekent.
CREATE TABLE IF NOT EXISTS werk.indicator_cache AS
SELECT ''::VARCHAR AS model, ''::VARCHAR AS maat, *
FROM werk.gemeente_indicatoren_berekend('', 'bruto')
LIMIT 0;

CREATE OR REPLACE MACRO werk.gemeente_indicatoren(p_model, p_maat, p_gm_codes := NULL) AS TABLE
SELECT * EXCLUDE (model, maat)
FROM werk.indicator_cache
WHERE model = p_model AND maat = p_maat
  AND (p_gm_codes IS NULL OR list_contains(p_gm_codes, gm_code));
