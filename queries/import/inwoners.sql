DELETE FROM inwoners WHERE jaar IN (SELECT DISTINCT jaar FROM invoer);
INSERT INTO inwoners SELECT jaar, gm_code, inwoners FROM invoer;
