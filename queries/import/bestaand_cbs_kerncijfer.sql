-- Wat de opslag al heeft, om een gedeeltelijk bestand te herkennen (importer.VOLLEDIG).
SELECT DISTINCT jaar, maat, gm_code FROM cbs_kerncijfer;
