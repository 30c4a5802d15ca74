-- Behoefte: volumes uit de gemeentefondscirculaires (bijstandsontvangers, huishoudens met een laag
-- inkomen, …; de maatstaven van begrippen.BEHOEFTEN en `inwo`, de inwoners van de circulaire) en de
-- focusgebieden van het Nationaal Programma Leefbaarheid en Veiligheid.
CREATE TABLE gf_volume (
    circulaire      VARCHAR NOT NULL,      -- bv. 'S2024' = septembercirculaire 2024
    uitkeringsjaar  INTEGER NOT NULL,
    gm_code         VARCHAR NOT NULL,
    maatstaf        VARCHAR NOT NULL,      -- de code in de circulaire, bv. 'bo3_nw'
    waarde          DOUBLE NOT NULL,       -- aantal (kan een breuk zijn: het Rijk rekent met schattingen)
    PRIMARY KEY (circulaire, uitkeringsjaar, gm_code, maatstaf)
);
CREATE TABLE cbs_kerncijfer (
    jaar            INTEGER NOT NULL,
    gm_code         VARCHAR NOT NULL,
    maat            VARCHAR NOT NULL,      -- de kolomnaam zonder jaarnummer, bv. 'PersonenPerSoortUitkeringBijstand'
    waarde          DOUBLE NOT NULL,
    PRIMARY KEY (jaar, gm_code, maat)
);
CREATE TABLE nplv_focusgebied (
    jaar            INTEGER NOT NULL,      -- het jaar van de lijst
    gm_code         VARCHAR NOT NULL,
    focusgebied     VARCHAR NOT NULL,
    PRIMARY KEY (jaar, gm_code, focusgebied)
);
