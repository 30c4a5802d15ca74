-- Het profielbestand heeft geen jaartal: een bestand werkt de gemeenten bij die erin staan en laat
-- de andere staan (een lijst met één gemeente wist dus niet de rest).
INSERT OR REPLACE INTO gemeente_profiel SELECT gm_code, sociale_structuur, centrumfunctie FROM invoer;
