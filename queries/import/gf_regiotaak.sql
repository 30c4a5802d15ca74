-- Een circulaire vervangt alles van die circulaire en dat uitkeringsjaar: wie niet meer
-- ontvangt, is dan ook geen centrumgemeente meer.
DELETE FROM gf_regiotaak
WHERE (circulaire, uitkeringsjaar) IN (SELECT DISTINCT circulaire, uitkeringsjaar FROM invoer);
INSERT INTO gf_regiotaak SELECT circulaire, uitkeringsjaar, gm_code, taak, bedrag FROM invoer;
