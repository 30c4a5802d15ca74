-- Incidentele stromen (werk/060_afwijking.sql): hangen niet van het model af, dus één keer per verbinding
-- en na elke import berekend (Store.laad_model), niet bij elke modelvariant.
DELETE FROM werk.afwijking;
INSERT INTO werk.afwijking SELECT * FROM werk.afwijking_berekend();
DELETE FROM werk.incidenteel;
INSERT INTO werk.incidenteel SELECT * FROM werk.afwijking WHERE incidenteel;
DELETE FROM werk.afwijking_stand;
INSERT INTO werk.afwijking_stand VALUES (now());
