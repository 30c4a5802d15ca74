-- Lasten per economische categorie (L1.1, L4.2, …) voor de taakvelden waarvoor het model een
-- gemeten verdeling kan gebruiken (nu 6.1). Alleen uit CBS-ruwe data; € 1.000.
CREATE TABLE iv3_categorie (
    bron        VARCHAR NOT NULL,
    jaar        INTEGER NOT NULL,
    document    VARCHAR NOT NULL,
    gm_code     VARCHAR NOT NULL,
    taakveld    VARCHAR NOT NULL,
    categorie   VARCHAR NOT NULL,
    lasten      DECIMAL(18, 3) NOT NULL,
    PRIMARY KEY (bron, jaar, document, gm_code, taakveld, categorie)
);
