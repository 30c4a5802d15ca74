-- Eigen cijfers van een gemeente (bv. een ontwerpbegroting vóór CBS haar publiceert): een bron die
-- voorgaat op CBS voor die gemeente, dat jaar en document, overal gemarkeerd en weer te verwijderen.
INSERT INTO iv3_bron VALUES ('eigen', 9, 'Eigen cijfers van de gemeente (geen CBS)');

-- Welk bestand de eigen cijfers gaf: om ze te tonen en om ze weer te verwijderen (met hun regel
-- in import_log, zodat hetzelfde bestand daarna opnieuw kan worden ingelezen).
CREATE TABLE eigen_herkomst (
    jaar        INTEGER NOT NULL,
    document    VARCHAR NOT NULL,
    gm_code     VARCHAR NOT NULL,
    bestand     VARCHAR NOT NULL,   -- alleen de bestandsnaam
    sha256      VARCHAR NOT NULL,
    tijdstip    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (jaar, document, gm_code)
);
