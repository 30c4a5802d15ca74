-- Het model (data/model/*.csv) zoals het bij deze verbinding is geladen; één of meer modellen
-- naast elkaar, onderscheiden door `model` (naam + vingerafdruk van het bestand).
CREATE TABLE IF NOT EXISTS werk.model_regel (
    model       VARCHAR NOT NULL,
    schema      VARCHAR NOT NULL,
    jaar_van    INTEGER NOT NULL,
    jaar_tot    INTEGER NOT NULL,
    taakveld    VARCHAR NOT NULL,
    omschrijving VARCHAR NOT NULL,
    laag        VARCHAR NOT NULL,
    aandeel     DECIMAL(4, 3) NOT NULL,
    functie     VARCHAR NOT NULL,
    toelichting VARCHAR,
    categorieen VARCHAR       -- leeg = vast aandeel; anders voorvoegsels van lastencategorieën
);
