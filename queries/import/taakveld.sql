DELETE FROM taakveld WHERE jaar IN (SELECT DISTINCT jaar FROM invoer);
INSERT INTO taakveld SELECT jaar, code, omschrijving, code_2posities FROM invoer;
