SELECT jaar, gm_code, inwoners FROM inwoners ORDER BY jaar, gm_code;
