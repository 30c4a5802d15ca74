-- Wat de opslag al heeft, om een gedeeltelijk bestand te herkennen (importer.VOLLEDIG).
SELECT DISTINCT jaar_van, gm_code_van, gm_code_naar FROM grenswijziging;
