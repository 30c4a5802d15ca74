-- Wat eerdere ophalingen van CBS binnenhaalden (om ongewijzigde tabellen over te slaan).
SELECT tabel, sleutel, gewijzigd, opgehaald, rijen FROM cbs_herkomst;
