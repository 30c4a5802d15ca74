DELETE FROM werk.model_regel WHERE model = $model;
INSERT INTO werk.model_regel
SELECT $model, schema, jaar_van, jaar_tot, taakveld, omschrijving, laag, aandeel::DECIMAL(4, 3), functie, toelichting,
       nullif(categorieen, '')
FROM invoer;

DELETE FROM werk.gemeten WHERE model = $model;
INSERT INTO werk.gemeten SELECT $model, * FROM werk.gemeten_berekend($model);

DELETE FROM werk.indicator_cache WHERE model = $model;
INSERT INTO werk.indicator_cache
SELECT $model, 'bruto', * FROM werk.gemeente_indicatoren_berekend($model, 'bruto');
INSERT INTO werk.indicator_cache
SELECT $model, 'netto', * FROM werk.gemeente_indicatoren_berekend($model, 'netto');
