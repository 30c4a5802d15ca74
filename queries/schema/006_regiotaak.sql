-- Regionale taken: welke gemeenten als centrumgemeente de decentralisatie-/integratie-uitkering
-- ontvangen voor beschermd wonen, maatschappelijke opvang of vrouwenopvang (uit de
-- SIUDU-brondata van de gemeentefondscirculaires). Alleen ontvangers (bedrag > 0): wie er niet
-- in staat, heeft die taak niet voor de regio.
CREATE TABLE gf_regiotaak (
    circulaire      VARCHAR NOT NULL,      -- bv. 'S2024' = septembercirculaire 2024
    uitkeringsjaar  INTEGER NOT NULL,
    gm_code         VARCHAR NOT NULL,
    taak            VARCHAR NOT NULL,      -- beschermd_wonen | maatschappelijke_opvang | vrouwenopvang
    bedrag          DOUBLE NOT NULL,       -- euro's
    PRIMARY KEY (circulaire, uitkeringsjaar, gm_code, taak)
);
