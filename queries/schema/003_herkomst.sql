-- Welke meegeleverde momentopname (data/snapshot/) in de opslag is geladen: naam, wanneer hij
-- gemaakt en geladen is, en zijn manifest (bronnen, licenties, rijen, sha256) als JSON-tekst.
CREATE TABLE snapshot_geladen (
    naam        VARCHAR NOT NULL,
    gemaakt     TIMESTAMP NOT NULL,
    geladen     TIMESTAMP NOT NULL DEFAULT current_timestamp,
    manifest    VARCHAR NOT NULL
);
