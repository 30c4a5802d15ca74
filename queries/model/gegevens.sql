-- Wat alleen van de gegevens afhangt (niet van het model): de incidentele stromen (werk/060_afwijking.sql) en
-- de volumes van behoefte (werk/048_behoefte.sql). Eén keer per inhoud van de opslag, vóór het eerste model, en
-- opnieuw na elke import (Store.laad_model, Store.na_import); niet bij elke modelvariant.
DELETE FROM werk.afwijking;
INSERT INTO werk.afwijking SELECT * FROM werk.afwijking_berekend();
DELETE FROM werk.incidenteel;
INSERT INTO werk.incidenteel SELECT * FROM werk.afwijking WHERE incidenteel;
DELETE FROM werk.behoefte_volume;
INSERT INTO werk.behoefte_volume SELECT * FROM werk.behoefte_volume_berekend();
DELETE FROM werk.gegevens_stand;
INSERT INTO werk.gegevens_stand VALUES (now());
