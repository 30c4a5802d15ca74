-- Alles wat van één geladen model afhangt, opnieuw: de gemeten verdeling en de bedragen per gemeente voor
-- beide maten, en de grootheden (met en zonder regionale taken). Na het laden van een model en na elke import (Store.na_import, voor elk model in werk.model_regel).
DELETE FROM werk.gemeten WHERE model = $model;
INSERT INTO werk.gemeten SELECT $model, * FROM werk.gemeten_berekend($model);

DELETE FROM werk.indicator_cache WHERE model = $model;
INSERT INTO werk.indicator_cache
SELECT $model, 'bruto', * FROM werk.gemeente_indicatoren_berekend($model, 'bruto');
INSERT INTO werk.indicator_cache
SELECT $model, 'netto', * FROM werk.gemeente_indicatoren_berekend($model, 'netto');

DELETE FROM werk.grootheden_cache WHERE model = $model;
INSERT INTO werk.grootheden_cache
SELECT $model, m.maat, r.zonder_regio, g.*
FROM (VALUES ('bruto'), ('netto')) m(maat), (VALUES (false), (true)) r(zonder_regio),
     LATERAL (SELECT * FROM werk.grootheden_berekend($model, m.maat, r.zonder_regio)) g;
