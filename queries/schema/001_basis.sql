-- Basisschema van de opslag. Bedragen uit Iv3 staan in € 1.000, zoals CBS ze publiceert;
-- de marts rekenen om naar hele euro's. Gemeentefondsbedragen staan in euro's.

CREATE TABLE gemeente_jaar (
    jaar        INTEGER NOT NULL,
    gm_code     VARCHAR NOT NULL,
    naam        VARCHAR NOT NULL,
    provincie   VARCHAR,
    PRIMARY KEY (jaar, gm_code)
);

-- Alle schrijfwijzen van een gemeentenaam die in bronbestanden voorkomen
-- ('Groningen (gemeente)', 'Groningen', …), per jaar, met de GM-code.
CREATE TABLE gemeente_naam (
    jaar        INTEGER NOT NULL,
    naam        VARCHAR NOT NULL,
    gm_code     VARCHAR NOT NULL,
    PRIMARY KEY (jaar, naam)
);

CREATE TABLE inwoners (
    jaar        INTEGER NOT NULL,   -- peildatum 1 januari van dit jaar
    gm_code     VARCHAR NOT NULL,
    inwoners    BIGINT NOT NULL,
    PRIMARY KEY (jaar, gm_code)
);

CREATE TABLE gemeente_klasse (
    jaar            INTEGER NOT NULL,
    gm_code         VARCHAR NOT NULL,
    grootteklasse   VARCHAR NOT NULL,
    stedelijkheid   VARCHAR NOT NULL,
    PRIMARY KEY (jaar, gm_code)
);

-- Sociale structuur en centrumfunctie komen uit één bestand zonder jaartal.
CREATE TABLE gemeente_profiel (
    gm_code             VARCHAR PRIMARY KEY,
    sociale_structuur   VARCHAR,
    centrumfunctie      VARCHAR
);

CREATE TABLE taakveld (
    jaar            INTEGER NOT NULL,
    code            VARCHAR NOT NULL,
    omschrijving    VARCHAR NOT NULL,
    code_2posities  VARCHAR,
    PRIMARY KEY (jaar, code)
);

-- Hoe gedetailleerd een bron is; per jaar, document en gemeente telt de fijnste bron.
CREATE TABLE iv3_bron (
    bron            VARCHAR PRIMARY KEY,
    rang            INTEGER NOT NULL,
    omschrijving    VARCHAR NOT NULL
);
INSERT INTO iv3_bron VALUES
    ('cbs_ruw', 3, 'CBS onbewerkte Iv3-data (per taakveld en categorie)'),
    ('taakveld_lasten_baten', 2, 'Iv3 per taakveld met sub-taakvelden, lasten en baten'),
    ('lasten_2posities', 1, 'Iv3 lasten per taakveld, 2 posities na de punt');

CREATE TABLE iv3_bedrag (
    bron        VARCHAR NOT NULL,
    jaar        INTEGER NOT NULL,
    document    VARCHAR NOT NULL CHECK (document IN ('begroting', 'jaarrekening')),
    gm_code     VARCHAR NOT NULL,
    taakveld    VARCHAR NOT NULL,
    lasten      DECIMAL(18, 3) NOT NULL,   -- € 1.000
    baten       DECIMAL(18, 3),            -- € 1.000; NULL = bron heeft geen baten
    PRIMARY KEY (bron, jaar, document, gm_code, taakveld)
);

-- Afgeleid bij elke import (queries/import/afgeleid.sql): per jaar, document en gemeente de
-- fijnste beschikbare bron (iv3_bron.rang). Een bestand met sub-taakvelden en baten gaat voor op
-- de lastenreeks op 2 posities; nooit twee bronnen tegelijk, dus nooit dubbel geteld.
CREATE TABLE iv3_gekozen (
    bron        VARCHAR NOT NULL,
    jaar        INTEGER NOT NULL,
    document    VARCHAR NOT NULL,
    gm_code     VARCHAR NOT NULL,
    taakveld    VARCHAR NOT NULL,
    lasten      DECIMAL(18, 3) NOT NULL,
    baten       DECIMAL(18, 3),
    PRIMARY KEY (jaar, document, gm_code, taakveld)
);

-- Afgeleid: wat er per jaar en document is, uit welke bron, en of netto kan (baten bekend).
CREATE TABLE iv3_beschikbaar (
    jaar                INTEGER NOT NULL,
    document            VARCHAR NOT NULL,
    bronnen             VARCHAR NOT NULL,
    bron_omschrijving   VARCHAR NOT NULL,
    gemeenten           INTEGER NOT NULL,
    gemeenten_met_baten INTEGER NOT NULL,
    PRIMARY KEY (jaar, document)
);

-- Afgeleid: welke taakveldcodes per jaar en document in de gekozen data voorkomen (voor de
-- controle dat het model elke code dekt, zonder de bedragen te scannen).
CREATE TABLE iv3_taakveld_gebruikt (
    jaar        INTEGER NOT NULL,
    document    VARCHAR NOT NULL,
    taakveld    VARCHAR NOT NULL,
    PRIMARY KEY (jaar, document, taakveld)
);

CREATE TABLE gf_cluster (
    circulaire      VARCHAR NOT NULL,      -- bv. 'S2024' = septembercirculaire 2024
    uitkeringsjaar  INTEGER NOT NULL,
    gm_code         VARCHAR NOT NULL,
    cluster         VARCHAR NOT NULL,
    bedrag          DOUBLE NOT NULL,       -- euro's
    PRIMARY KEY (circulaire, uitkeringsjaar, gm_code, cluster)
);

CREATE TABLE grenswijziging (
    jaar_van        INTEGER NOT NULL,
    jaar_naar       INTEGER NOT NULL,
    gm_code_van     VARCHAR NOT NULL,
    gm_code_naar    VARCHAR NOT NULL,
    adressen        BIGINT NOT NULL,
    soort           VARCHAR NOT NULL,
    PRIMARY KEY (jaar_van, gm_code_van, gm_code_naar)
);

CREATE TABLE prijsindex (
    jaar        INTEGER PRIMARY KEY,
    cpi         DOUBLE NOT NULL,           -- 2015 = 100
    bron        VARCHAR NOT NULL
);

CREATE TABLE geo_gemeente (
    jaar        INTEGER NOT NULL,
    gm_code     VARCHAR NOT NULL,
    naam        VARCHAR NOT NULL,
    geometrie   VARCHAR NOT NULL,          -- GeoJSON-geometrie (WGS84), vereenvoudigd
    PRIMARY KEY (jaar, gm_code)
);

CREATE SEQUENCE import_log_id;
CREATE TABLE import_log (
    id          INTEGER PRIMARY KEY DEFAULT nextval('import_log_id'),
    bestand     VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    soort       VARCHAR NOT NULL,
    rijen       BIGINT NOT NULL,
    tijdstip    TIMESTAMP NOT NULL DEFAULT current_timestamp
);
