-- Het profielbestand is één lijst zonder jaartal: een nieuwe lijst vervangt de oude.
DELETE FROM gemeente_profiel;
INSERT INTO gemeente_profiel SELECT gm_code, sociale_structuur, centrumfunctie FROM invoer;
