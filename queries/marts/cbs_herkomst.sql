-- Per opgehaalde CBS-tabel: van welke datum de cijfers zijn (voor `status` en de pagina Gegevens).
SELECT onderdeel, jaar, document, tabel, titel, gewijzigd, opgehaald, gemeenten
FROM main.cbs_herkomst
ORDER BY onderdeel, jaar, document;
