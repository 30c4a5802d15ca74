-- Wat de opslag al heeft, om een gedeeltelijk bestand te herkennen (importer.VOLLEDIG).
SELECT DISTINCT circulaire, uitkeringsjaar, maatstaf, gm_code FROM gf_volume;
