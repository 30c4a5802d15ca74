-- Wat de opslag al heeft, om een gedeeltelijk bestand te herkennen (importer.VOLLEDIG).
SELECT DISTINCT circulaire, uitkeringsjaar, gm_code FROM gf_cluster;
