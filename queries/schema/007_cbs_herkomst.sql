-- Per opgehaalde CBS-tabel (en per verslagsoort bij Iv3): de metadata van CBS zelf (TableInfos),
-- zodat een volgende ophaling een ongewijzigde tabel overslaat en `status` kan zeggen van welke
-- datum de cijfers zijn. Alleen geschreven in dezelfde transactie als de cijfers.
CREATE TABLE cbs_herkomst (
    tabel       VARCHAR NOT NULL,          -- bv. '45067NED'
    sleutel     VARCHAR NOT NULL,          -- bv. de verslagsoort '2024X000'
    onderdeel   VARCHAR NOT NULL,          -- 'iv3'
    jaar        INTEGER,
    document    VARCHAR,
    titel       VARCHAR NOT NULL,
    gewijzigd   VARCHAR NOT NULL,          -- TableInfos.Modified zoals CBS hem geeft
    opgehaald   TIMESTAMP NOT NULL,        -- UTC
    rijen       BIGINT NOT NULL,           -- rijen die de server gaf (met de filter)
    gemeenten   INTEGER NOT NULL,          -- gemeenten met minstens één bedrag
    PRIMARY KEY (tabel, sleutel)
);

-- De CPI-reeks noemt haar basisjaar (het jaar dat 100 is); een reeks met een andere basis wordt
-- bij het lezen geschakeld of geweigerd, nooit gemengd.
ALTER TABLE prijsindex ADD COLUMN basisjaar INTEGER DEFAULT 2015;
