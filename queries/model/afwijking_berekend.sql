-- Is het crisisgeld (werk.afwijking) voor de inhoud van deze opslag al berekend?
SELECT count(*) > 0 FROM werk.afwijking_stand;
