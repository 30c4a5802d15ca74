SELECT jaar, gebied, maat, waarde, tabel, voorlopig FROM zorggebruik ORDER BY ALL;
