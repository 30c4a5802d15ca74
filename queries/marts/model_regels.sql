-- Het geladen model als tabel, voor de Methode-pagina.
-- Contract: één rij per schema, taakveld, laag en functie van het model.
--   uniek: schema, taakveld, laag, functie
--   niet leeg: schema, taakveld, laag, aandeel, functie
SELECT schema, taakveld, omschrijving, laag, aandeel, functie, toelichting, coalesce(categorieen, '') AS categorieen
FROM werk.model_regel
WHERE model = $model
ORDER BY jaar_van, taakveld, laag;
