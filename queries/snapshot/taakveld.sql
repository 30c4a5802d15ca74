SELECT jaar, code, omschrijving, code_2posities FROM taakveld ORDER BY jaar, code;
