-- Wie wat schreef via het dashboard (publiceren, ophalen, verwijderen, laden): elke schrijfactie zet hier,
-- in dezelfde nieuwe versie van de opslag, wie (de aangemelde beheerder, of ‘lokaal’), wanneer en wat.
CREATE TABLE schrijflog (
    tijdstip    TIMESTAMP NOT NULL,        -- UTC
    door        VARCHAR NOT NULL,
    wat         VARCHAR NOT NULL
);
