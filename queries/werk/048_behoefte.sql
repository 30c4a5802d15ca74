-- De volumes van behoefte (begrippen.BEHOEFTEN) als grootheden per jaar en gemeente. Bronnen: de
-- gemeentefondscirculaires (main.gf_volume, per uitkeringsjaar) en CBS Kerncijfers wijken en buurten
-- (main.cbs_kerncijfer, bron 'KWB'), en het gebruik van zorg (main.zorggebruik, bron = de CBS-tabel).

-- De datum van een circulaire: mei (M), september (S) of december (D) van haar jaar. ‘De nieuwste’ is
-- de laatste naar deze datum (M2024 na S2023), nooit naar de alfabetische volgorde van de naam.
CREATE OR REPLACE MACRO werk.circulaire_datum(circulaire) AS
    make_date(substr(circulaire, 2, 4)::INTEGER,
              CASE left(circulaire, 1) WHEN 'M' THEN 5 WHEN 'S' THEN 9 WHEN 'D' THEN 12 ELSE 1 END, 1);

-- Elk volume uit elke bron in één vorm.
CREATE OR REPLACE MACRO werk.volume_bron() AS TABLE
SELECT circulaire AS bron, werk.circulaire_datum(circulaire) AS datum, uitkeringsjaar AS jaar, gm_code,
       maatstaf, waarde
FROM main.gf_volume
UNION ALL
SELECT 'KWB', make_date(jaar, 1, 1), jaar, gm_code, maat, waarde FROM main.cbs_kerncijfer
UNION ALL
-- Zorggebruik: alleen gepubliceerde cijfers van gemeenten (NULL = niet gepubliceerd blijft weg, nooit 0).
SELECT tabel, make_date(jaar, 1, 1), jaar, gebied, maat, waarde FROM main.zorggebruik
WHERE gebied LIKE 'GM%' AND waarde IS NOT NULL
UNION ALL
-- De inwoners daarnaast (begrippen.ZORG_INWONERS): CBS-bevolking op 1 januari van hetzelfde jaar.
SELECT z.tabel, make_date(z.jaar, 1, 1), z.jaar, i.gm_code, '{{zorg_inwoners}}', i.inwoners
FROM (SELECT DISTINCT tabel, jaar FROM main.zorggebruik) z JOIN main.inwoners i USING (jaar);

-- De maten van behoefte uit begrippen.BEHOEFTEN: naam, maatstaf in de bron en de inwoners van dezelfde bron.
CREATE OR REPLACE MACRO werk.behoefte() AS TABLE
SELECT * FROM (VALUES {{behoeften}}) b(naam, maatstaf, noemer);

-- Welke bron telt voor een maat van behoefte in een jaar (de enige plek van deze regel): het dichtstbijzijnde
-- jaar met die maatstaf (bij gelijke afstand het eerdere), daarin de nieuwste circulaire (werk.circulaire_datum).
CREATE OR REPLACE MACRO werk.behoefte_bron(p_jaren) AS TABLE
WITH kandidaat AS (
    SELECT DISTINCT b.naam, v.bron, v.datum, v.jaar
    FROM werk.volume_bron() v JOIN werk.behoefte() b ON v.maatstaf = b.maatstaf
)
SELECT j.jaar, k.naam, k.bron, k.jaar AS bronjaar
FROM (SELECT unnest(p_jaren) AS jaar) j, kandidaat k
QUALIFY row_number() OVER (PARTITION BY j.jaar, k.naam ORDER BY abs(k.jaar - j.jaar), k.jaar, k.datum DESC) = 1;

-- Per jaar met Iv3-cijfers, gemeente en maat van behoefte: het volume en de inwoners van dezelfde bron
-- (alleen waar die inwoners er zijn), uit de bron die werk.behoefte_bron kiest. Bewaard in werk.behoefte_volume
-- (model/gegevens.sql): het hangt alleen van de gegevens af.
CREATE OR REPLACE MACRO werk.behoefte_volume_berekend() AS TABLE
SELECT k.jaar, v.gm_code, k.naam, k.bron, k.bronjaar, v.waarde AS volume, i.waarde AS inwoners
FROM werk.behoefte_bron((SELECT list(DISTINCT jaar) FROM main.iv3_gekozen)) k
JOIN werk.behoefte() b USING (naam)
JOIN werk.volume_bron() v ON v.bron = k.bron AND v.jaar = k.bronjaar AND v.maatstaf = b.maatstaf
JOIN werk.volume_bron() i ON i.bron = k.bron AND i.jaar = k.bronjaar AND i.maatstaf = b.noemer
                         AND i.gm_code = v.gm_code AND i.waarde > 0;

CREATE TABLE IF NOT EXISTS werk.behoefte_volume AS SELECT * FROM werk.behoefte_volume_berekend() LIMIT 0;

-- De grootheden van één model, maat en keuze over regionale taken, per gemeente × jaar × document: alles wat
-- een indicator kan delen. De bedragen per laag en functie en de inwoners (werk.indicatoren_gekozen), en per
-- maat van behoefte het volume (volume_<naam>) en de inwoners van die bron (inwoners_<naam>). Breed, één
-- kolom per grootheid (begrippen.GROOTHEDEN): sommen over kolommen gaan in DuckDB veel sneller dan over een
-- lange tabel, en werk.meting kiest ze met COLUMNS().
CREATE OR REPLACE MACRO werk.grootheden_berekend(p_model, p_maat, p_zonder_regio) AS TABLE
WITH volume AS (
    SELECT jaar, gm_code, {{volumes}}  -- per maat van behoefte, ingevuld uit begrippen.py
    FROM werk.behoefte_volume
    GROUP BY jaar, gm_code
)
SELECT gi.*, COLUMNS(lambda c: list_contains(werk.volumes(), c))
FROM werk.indicatoren_gekozen(p_model, p_maat, p_zonder_regio) gi
LEFT JOIN volume v USING (jaar, gm_code);

-- Bewaard per model, maat en keuze over regionale taken (model/reken.sql), zodat een vraag alleen nog leest:
-- zo blijft een vraag voor alle gemeenten onder de 50 ms (tools/bench.py).
CREATE TABLE IF NOT EXISTS werk.grootheden_cache AS
SELECT ''::VARCHAR AS model, ''::VARCHAR AS maat, false AS zonder_regio, *
FROM werk.grootheden_berekend('', 'bruto', false)
LIMIT 0;

CREATE OR REPLACE MACRO werk.grootheden(p_model, p_maat, p_zonder_regio) AS TABLE
SELECT * EXCLUDE (model, maat, zonder_regio)
FROM werk.grootheden_cache
WHERE model = p_model AND maat = p_maat AND zonder_regio = p_zonder_regio;
