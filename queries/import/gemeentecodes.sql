-- Welke GM-codes de opslag per jaar kent (de gemeentelijsten), om onbekende codes te melden.
SELECT jaar, gm_code FROM gemeente_jaar;
