-- Wat de opslag al heeft, om een gedeeltelijk bestand te herkennen (importer.VOLLEDIG).
SELECT DISTINCT jaar, gm_code FROM gemeente_jaar;
