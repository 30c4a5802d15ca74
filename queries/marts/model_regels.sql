-- Het geladen model als tabel, voor de Methode-pagina.
SELECT schema, taakveld, omschrijving, laag, aandeel, functie, toelichting, coalesce(categorieen, '') AS categorieen
FROM werk.model_regel
WHERE model = $model
ORDER BY jaar_van, taakveld, laag;
