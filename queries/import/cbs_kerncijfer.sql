-- Een ophaling vervangt per jaar en maat alles van dat jaar en die maat.
DELETE FROM cbs_kerncijfer WHERE (jaar, maat) IN (SELECT DISTINCT jaar, maat FROM invoer);
INSERT INTO cbs_kerncijfer SELECT jaar, gm_code, maat, waarde FROM invoer;
