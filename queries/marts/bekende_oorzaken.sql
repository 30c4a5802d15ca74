-- De landelijke oorzaken van incidentele stromen die de regel bij naam noemt (werk.bekende_oorzaken),
-- met uitleg en bron: voor de pagina Begroting en werkelijkheid en Methode.
-- Contract: één rij per oorzaak.
--   uniek: oorzaak
--   niet leeg: oorzaak, taakveld, jaar_van, jaar_tot, naam, uitleg, bron
SELECT * FROM werk.bekende_oorzaken() ORDER BY jaar_van, taakveld;
