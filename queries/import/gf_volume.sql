-- Een circulaire vervangt per maatstaf alles van die circulaire en dat uitkeringsjaar.
DELETE FROM gf_volume
WHERE (circulaire, uitkeringsjaar, maatstaf) IN (SELECT DISTINCT circulaire, uitkeringsjaar, maatstaf FROM invoer);
INSERT INTO gf_volume SELECT circulaire, uitkeringsjaar, gm_code, maatstaf, waarde FROM invoer;
