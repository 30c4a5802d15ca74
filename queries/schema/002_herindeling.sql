-- Afgeleid bij elke import (sociale_basis/herindeling.py): hoe een gemeente van jaar_van over
-- de gemeenten van jaar_naar verdeeld wordt, via de keten van grenswijzigingen (gewogen naar
-- adressen). Per (jaar_van, jaar_naar, gm_code_van) tellen de aandelen op tot 1, zodat een
-- herrekening geen euro toevoegt of verliest. jaar_van = jaar_naar is de identiteit.
CREATE TABLE herindeling (
    jaar_van        INTEGER NOT NULL,
    jaar_naar       INTEGER NOT NULL,
    gm_code_van     VARCHAR NOT NULL,
    gm_code_naar    VARCHAR NOT NULL,
    aandeel         DOUBLE NOT NULL,
    PRIMARY KEY (jaar_van, jaar_naar, gm_code_van, gm_code_naar)
);

-- Afgeleid: gemeenten die voor een jaar en document geen cijfers hebben (alle lasten en baten 0;
-- de bronbestanden nemen ze dan toch op). Ze tellen niet mee als "€ 0 uitgegeven".
CREATE TABLE iv3_zonder_cijfers (
    jaar        INTEGER NOT NULL,
    document    VARCHAR NOT NULL,
    gm_code     VARCHAR NOT NULL,
    PRIMARY KEY (jaar, document, gm_code)
);
ALTER TABLE iv3_beschikbaar ADD COLUMN zonder_cijfers INTEGER DEFAULT 0;
