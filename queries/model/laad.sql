DELETE FROM werk.model_regel WHERE model = $model;
INSERT INTO werk.model_regel
SELECT $model, schema, jaar_van, jaar_tot, taakveld, omschrijving, laag, aandeel::DECIMAL(4, 3), functie, toelichting
FROM invoer;
