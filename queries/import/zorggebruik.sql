-- Een ophaling (of bestand) vervangt per jaar en maat alles van dat jaar en die maat: zo vervangt een
-- definitief cijfer het voorlopige, en blijft niets half staan.
DELETE FROM zorggebruik WHERE (jaar, maat) IN (SELECT DISTINCT jaar, maat FROM invoer);
INSERT INTO zorggebruik SELECT jaar, gebied, maat, waarde, tabel, voorlopig FROM invoer;
