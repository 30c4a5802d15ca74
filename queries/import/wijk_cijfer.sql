-- Per jaar en maat alles van dat jaar en die maat (zoals cbs_kerncijfer).
DELETE FROM wijk_cijfer WHERE (jaar, maat) IN (SELECT DISTINCT jaar, maat FROM invoer);
INSERT INTO wijk_cijfer SELECT jaar, wk_code, maat, waarde FROM invoer;
