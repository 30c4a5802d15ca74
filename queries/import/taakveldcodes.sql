-- Welke taakveldcodes per jaar bestaan volgens de CBS-codelijst, ook de opgerolde codes op
-- 2 posities (6.71, 6.75) die bronnen met minder detail gebruiken.
SELECT jaar, code FROM taakveld
UNION
SELECT jaar, code_2posities FROM taakveld WHERE code_2posities IS NOT NULL;
