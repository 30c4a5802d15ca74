-- Per opgehaalde CBS-tabel: van welke datum de cijfers zijn (voor `status` en de pagina Gegevens).
-- Contract: één rij per opgehaald CBS-onderdeel (per jaar en document bij Iv3).
--   uniek: onderdeel, jaar, document
--   niet leeg: onderdeel, tabel, opgehaald
SELECT onderdeel, jaar, document, tabel, titel, gewijzigd, opgehaald, gemeenten
FROM main.cbs_herkomst
ORDER BY onderdeel, jaar, document;
