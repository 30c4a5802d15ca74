-- De regels van een model in werk.model_regel; daarna rekent model/reken.sql alles door dat ervan afhangt.
DELETE FROM werk.model_regel WHERE model = $model;
INSERT INTO werk.model_regel
SELECT $model, schema, jaar_van, jaar_tot, taakveld, omschrijving, laag, aandeel::DECIMAL(4, 3), functie, toelichting,
       nullif(categorieen, '')
FROM invoer;
