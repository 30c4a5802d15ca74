-- De wijken van een jaar: een bestand met wijken vervangt alle wijken van de gemeenten die het noemt.
DELETE FROM wijk WHERE (jaar, gm_code) IN (SELECT DISTINCT jaar, gm_code FROM invoer);
INSERT INTO wijk SELECT jaar, wk_code, gm_code, naam FROM invoer;
