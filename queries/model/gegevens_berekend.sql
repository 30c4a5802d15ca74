-- Zijn de afgeleide gegevens (model/gegevens.sql) voor de inhoud van deze opslag al berekend?
SELECT count(*) > 0 FROM werk.gegevens_stand;
