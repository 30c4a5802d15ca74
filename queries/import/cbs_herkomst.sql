INSERT OR REPLACE INTO cbs_herkomst
SELECT tabel, sleutel, onderdeel, jaar, document, titel, gewijzigd, opgehaald, rijen, gemeenten FROM invoer;
