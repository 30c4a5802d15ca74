-- Mensen naast geld: het gebruik van zorg per gemeente (Gemeentelijke Monitor Sociaal Domein, CBS) en de
-- wijken van een gemeente (CBS Kerncijfers wijken en buurten, PDOK-wijkgrenzen). Alleen jaarcijfers:
-- halfjaarcijfers worden nooit bewaard (dus nooit opgeteld).
CREATE TABLE zorggebruik (
    jaar        INTEGER NOT NULL,
    gebied      VARCHAR NOT NULL,          -- GM-code, of NL01: Nederland zoals CBS het zelf publiceert
    maat        VARCHAR NOT NULL,          -- begrippen.ZORGMATEN, bv. 'jeugdhulp_pct', 'wmo_clienten'
    waarde      DOUBLE,                    -- NULL: CBS publiceert het niet ('.'); nooit als 0 gelezen
    tabel       VARCHAR NOT NULL,          -- de CBS-tabel, bv. '85098NED'
    voorlopig   BOOLEAN NOT NULL,          -- CBS: voorlopig cijfer ('2024*'); een definitief vervangt het
    PRIMARY KEY (jaar, gebied, maat)
);
CREATE TABLE wijk (
    jaar        INTEGER NOT NULL,
    wk_code     VARCHAR NOT NULL,          -- WK + 4 cijfers van de gemeente + 2 tekens (Amsterdam: letters)
    gm_code     VARCHAR NOT NULL,
    naam        VARCHAR NOT NULL,
    PRIMARY KEY (jaar, wk_code)
);
CREATE TABLE wijk_cijfer (
    jaar        INTEGER NOT NULL,
    wk_code     VARCHAR NOT NULL,
    maat        VARCHAR NOT NULL,          -- de KWB-kolom zonder jaarnummer, bv. 'PersonenPerSoortUitkeringBijstand'
    waarde      DOUBLE NOT NULL,           -- geheime of voorlopige cellen staan er niet in
    PRIMARY KEY (jaar, wk_code, maat)
);
CREATE TABLE geo_wijk (
    jaar        INTEGER NOT NULL,
    wk_code     VARCHAR NOT NULL,
    naam        VARCHAR NOT NULL,
    geometrie   VARCHAR NOT NULL,          -- GeoJSON-geometrie (WGS84), vereenvoudigd
    PRIMARY KEY (jaar, wk_code)
);
