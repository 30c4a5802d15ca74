-- Incidentele stromen: geld dat in één jaar op een taakveld verschijnt (of verdwijnt) buiten wat de
-- gemeente zelf verwachtte, in veel gemeenten tegelijk. De enige plek van deze regel; Methode legt
-- hem uit; de marts lezen de uitkomst (werk.afwijking, en werk.incidenteel: alleen de incidentele rijen).
--
-- 1. Referentie per gemeente, jaar, document, taakveld en maat. Jaarrekening: de begroting van
--    hetzelfde jaar. Begroting: het aandeel van het taakveld in de eigen begroting van de vijf jaren
--    ervoor (mediaan), maal het totaal van dit jaar, zodat inflatie en groei niet als afwijking tellen;
--    alleen jaren uit hetzelfde Iv3-schema, tenzij de code over de schema's heen dezelfde taak is.
--    Taakvelden op twee posities (6.73a–c → 6.73): de jaarrekening 2024 is er alleen zo.
-- 2. Afwijkend: het verschil is minstens {{afwijking_deel}} × de referentie, minstens {{afwijking_keer}} × de
--    gewone afwijking van die gemeente op dat taakveld (mediaan over haar jaren zonder golf, bruto), en minstens
--    € {{afwijking_per_inwoner}} per inwoner.
-- 3. Golf: het taakveld wijkt dat jaar over alle gemeenten samen minstens {{golf_deel}} af ((Σ bedrag −
--    Σ referentie) ÷ |Σ referentie|); {{golf_deel_bekend}} in de jaren van een bekende oorzaak op dat taakveld.
--    Incidenteel: afwijkend, in de richting van een golf die bij een bekende oorzaak
--    past (werk.bekende_oorzaken). Een golf zonder bekende oorzaak is geen incidentele stroom: een
--    overschrijding op jeugdhulp (6.72 in 2017–2019) is precies wat de pagina moet laten zien. Netto
--    telt ook een taakveld waarvan de lasten de stroom dragen en waar na de baten nog een afwijking van
--    minstens {{afwijking_deel}} × de referentie en € {{afwijking_per_inwoner}} per inwoner over is (zie `samen`).

-- Iv3 kende drie codeschema's (2017–2022, 2023–2024, vanaf 2025; zie Methode).
CREATE OR REPLACE MACRO werk.iv3_schema(jaar) AS
    CASE WHEN jaar <= 2022 THEN 1 WHEN jaar <= 2024 THEN 2 ELSE 3 END;
-- Taakvelden die bij de schemawissels dezelfde taak bleven; 6.2 en 6.6–6.9 zijn in 2023 en 2025
-- opgesplitst of anders afgebakend, dus daar vergelijkt de begroting alleen binnen een schema.
CREATE OR REPLACE MACRO werk.vaste_taak(taakveld) AS
    NOT starts_with(taakveld, '6.') OR taakveld IN ('6.1', '6.3', '6.4', '6.5');

-- Landelijke oorzaken die we kunnen aanwijzen, met hun bron. Een oorzaak geldt alleen waar de
-- data zelf de golf laten zien (stap 3); dit is geen lijst van gemeenten.
CREATE OR REPLACE MACRO werk.bekende_oorzaken() AS TABLE
SELECT * FROM (VALUES
    ('oekraine', '6.1', 2022, 9999, 'opvang ontheemden uit Oekraïne',
     'Sinds 1 april 2022 vangen gemeenten ontheemden uit Oekraïne op, en het Rijk vergoedt dat met een '
     || 'normbedrag per opvangplek. Kosten en vergoeding staan op taakveld 6.1, en de vergoeding kan '
     || 'hoger zijn dan de kosten, dan is netto 6.1 lager dan wat de gemeente aan de sociale basis uitgeeft.',
     'Regeling opvang ontheemden Oekraïne (Stcrt. 2022, 9469), Bekostigingsregeling opvang ontheemden '
     || 'Oekraïne, Tijdelijke wet opvang ontheemden Oekraïne (Kamerstuk 36394)'),
    ('corona_ggd', '7.1', 2020, 2022, 'corona (GGD: testen, bron- en contactonderzoek, vaccineren)',
     'De GGD''en voerden van 2020 tot in 2022 de coronataken uit (testen tot het voorjaar van 2022, '
     || 'vaccineren ook daarna), door het Rijk vergoed. Gemeenten die hun GGD zelf boeken (zoals Amsterdam, '
     || 'Rotterdam en Den Haag) hebben die lasten op 7.1.',
     'Rijksvergoeding meerkosten GGD''en (coronacompensatie 2020–2022)'),
    ('tozo', '6.3', 2020, 2021, 'corona (Tozo voor zelfstandigen)',
     'De Tijdelijke overbruggingsregeling zelfstandig ondernemers (Tozo) liep via de gemeenten en '
     || 'werd door het Rijk vergoed. Ze staat op 6.3 Inkomensregelingen.',
     'Besluit Tozo (Stb. 2020, 118), rijksvergoeding via specifieke uitkering'),
    ('energietoeslag', '6.3', 2022, 2023, 'energietoeslag voor lage inkomens',
     'In 2022 en 2023 betaalden gemeenten huishoudens met een laag inkomen een eenmalige energietoeslag, '
     || 'betaald uit het gemeentefonds (geen baten op 6.3), dus hogere lasten op 6.3 Inkomensregelingen.',
     'Wet eenmalige energietoeslag lage inkomens (Stb. 2022, 125), decentralisatie-uitkering energietoeslag')
) AS t(oorzaak, taakveld, jaar_van, jaar_tot, naam, uitleg, bron);

CREATE OR REPLACE MACRO werk.afwijking_berekend() AS TABLE
WITH tv AS (
    SELECT g.jaar, g.document, g.gm_code, coalesce(t.code_2posities, g.taakveld) AS taakveld,
           sum(g.lasten) AS lasten,
           CASE WHEN count(g.baten) = count(*) THEN sum(g.baten) END AS baten
    FROM main.iv3_gekozen g
    LEFT JOIN main.taakveld t ON t.jaar = g.jaar AND t.code = g.taakveld
    LEFT JOIN main.iv3_zonder_cijfers z ON z.jaar = g.jaar AND z.document = g.document AND z.gm_code = g.gm_code
    WHERE z.gm_code IS NULL
      AND g.taakveld NOT IN ('0.10', '0.11')  -- reservemutaties en resultaat: geen uitgave
    GROUP BY ALL
),
maten AS (
    SELECT jaar, document, gm_code, taakveld, 'bruto' AS maat, lasten AS bedrag FROM tv
    UNION ALL
    SELECT jaar, document, gm_code, taakveld, 'netto', lasten - baten FROM tv WHERE baten IS NOT NULL
),
totaal AS (
    SELECT jaar, document, gm_code, sum(lasten) AS totaal FROM tv GROUP BY ALL
),
begroot AS (  -- welke gemeenten in welke maat een begroting hebben (ontbreekt een taakveld: € 0)
    SELECT DISTINCT jaar, gm_code, maat FROM maten WHERE document = 'begroting'
),
aandeel AS (
    SELECT m.*, m.bedrag / nullif(t.totaal, 0) AS aandeel
    FROM maten m JOIN totaal t USING (jaar, document, gm_code)
    WHERE m.document = 'begroting'
),
eerder AS (
    SELECT nu.jaar, nu.gm_code, nu.taakveld, nu.maat, median(oud.aandeel) AS aandeel
    FROM aandeel nu
    JOIN aandeel oud
      ON oud.gm_code = nu.gm_code AND oud.taakveld = nu.taakveld AND oud.maat = nu.maat
     AND oud.jaar BETWEEN nu.jaar - 5 AND nu.jaar - 1
     AND (werk.iv3_schema(oud.jaar) = werk.iv3_schema(nu.jaar) OR werk.vaste_taak(nu.taakveld))
    GROUP BY ALL
),
vergeleken AS (
    SELECT m.jaar, m.document, m.gm_code, m.taakveld, m.maat, m.bedrag * 1000 AS bedrag,
           CASE WHEN m.document = 'jaarrekening' THEN coalesce(b.bedrag, 0)
                ELSE e.aandeel * t.totaal END * 1000 AS referentie,
           i.inwoners
    FROM maten m
    JOIN totaal t USING (jaar, document, gm_code)
    LEFT JOIN maten b
      ON m.document = 'jaarrekening' AND b.document = 'begroting' AND b.jaar = m.jaar
     AND b.gm_code = m.gm_code AND b.taakveld = m.taakveld AND b.maat = m.maat
    LEFT JOIN eerder e
      ON m.document = 'begroting' AND e.jaar = m.jaar AND e.gm_code = m.gm_code
     AND e.taakveld = m.taakveld AND e.maat = m.maat
    LEFT JOIN begroot heeft ON heeft.jaar = m.jaar AND heeft.gm_code = m.gm_code AND heeft.maat = m.maat
    LEFT JOIN main.inwoners i ON i.jaar = m.jaar AND i.gm_code = m.gm_code
    WHERE (m.document = 'jaarrekening' AND heeft.gm_code IS NOT NULL)
       OR (m.document = 'begroting' AND e.aandeel IS NOT NULL)
),
landelijk AS (
    SELECT jaar, document, taakveld, maat,
           -- gedeeld door de absolute referentie: een negatieve netto referentie keert het teken niet om
           (sum(bedrag) - sum(referentie)) / nullif(abs(sum(referentie)), 0) AS landelijk
    FROM vergeleken GROUP BY ALL
),
gewoon AS (  -- de gewone afwijking van een gemeente op een taakveld: de lange bruto reeks, zonder de
             -- jaren met een landelijke golf (anders maakt de golf zichzelf gewoon)
    SELECT v.gm_code, v.taakveld, v.document,
           median(abs(v.bedrag - v.referentie) / nullif(abs(v.referentie), 0)) AS gewoon
    FROM vergeleken v JOIN landelijk l USING (jaar, document, taakveld, maat)
    WHERE v.maat = 'bruto' AND abs(l.landelijk) < {{golf_deel}}
    GROUP BY ALL
),
beoordeeld AS (
    SELECT v.*, v.bedrag - v.referentie AS afwijking,
           (v.bedrag - v.referentie) / nullif(abs(v.referentie), 0) AS afwijking_deel,
           g.gewoon, l.landelijk,
           coalesce(abs(v.bedrag - v.referentie) >= {{afwijking_per_inwoner}} * v.inwoners, false)
           AND abs(v.bedrag - v.referentie)
               >= greatest({{afwijking_deel}}, {{afwijking_keer}} * coalesce(g.gewoon, 0)) * abs(v.referentie)
               AS afwijkend,
           -- Past een bekende oorzaak bij taakveld en jaar, dan volstaat een kleinere golf: de oorzaak is
           -- buiten de cijfers om bekend (Tozo 2021: 11%, energietoeslag 2022: 14%).
           o.oorzaak,
           abs(l.landelijk) >= CASE WHEN o.oorzaak IS NULL THEN {{golf_deel}} ELSE {{golf_deel_bekend}} END AS golf
    FROM vergeleken v
    LEFT JOIN gewoon g USING (gm_code, taakveld, document)
    JOIN landelijk l USING (jaar, document, taakveld, maat)
    LEFT JOIN werk.bekende_oorzaken() o ON o.taakveld = v.taakveld AND v.jaar BETWEEN o.jaar_van AND o.jaar_tot
),
golfmee AS (
    SELECT *, afwijkend AND golf AND sign(afwijking) = sign(landelijk) AS met_golf FROM beoordeeld
),
samen AS (
    -- Netto draagt de stroom ook als de lasten hem dragen (bruto met de golf mee) en er na de baten nog
    -- een afwijking van dezelfde omvang overblijft (deel en bedrag per inwoner), in welke richting ook:
    -- Groningen 2023 kreeg meer normbedrag dan de opvang kostte, dus netto 6.1 daalde terwijl bruto steeg.
    SELECT n.*,
           n.met_golf OR (n.maat = 'netto' AND coalesce(b.met_golf, false)
                          AND coalesce(abs(n.afwijking) >= {{afwijking_per_inwoner}} * n.inwoners, false)
                          AND abs(n.afwijking) >= {{afwijking_deel}} * abs(n.referentie))
               AS kandidaat,
           n.golf OR (n.maat = 'netto' AND coalesce(b.golf, false)) AS golf_samen
    FROM golfmee n
    LEFT JOIN golfmee b
      ON b.maat = 'bruto' AND b.jaar = n.jaar AND b.document = n.document AND b.gm_code = n.gm_code
     AND b.taakveld = n.taakveld
)
SELECT s.* EXCLUDE (met_golf, kandidaat, golf_samen, oorzaak),
       s.kandidaat AND s.golf_samen AND s.oorzaak IS NOT NULL AS incidenteel,
       CASE WHEN s.golf_samen THEN s.oorzaak END AS oorzaak,
       CASE WHEN s.golf_samen THEN o.naam END AS oorzaak_naam
FROM samen s
LEFT JOIN werk.bekende_oorzaken() o ON o.oorzaak = s.oorzaak;

-- Eén keer per verbinding en na elke import gevuld (model/laad.sql); hangt niet van het model af.
CREATE TABLE IF NOT EXISTS werk.afwijking AS SELECT * FROM werk.afwijking_berekend() LIMIT 0;
-- Alleen de incidentele rijen (≈ 2.000 van 350.000): wat de indicatoren bij elke vraag nodig hebben.
CREATE TABLE IF NOT EXISTS werk.incidenteel AS SELECT * FROM werk.afwijking LIMIT 0;
-- Wanneer de afgeleide gegevens (werk.afwijking, werk.behoefte_volume) voor de huidige inhoud zijn berekend
-- (leeg = nog niet); model/gegevens.sql vult hem.
CREATE TABLE IF NOT EXISTS werk.gegevens_stand (berekend TIMESTAMP WITH TIME ZONE NOT NULL);

-- Welk taakveld welk bedrag voedt (elke laag, elke functie en het totaal), en voor welk deel: de enige
-- plek van deze vraag (werk.vertekend, werk.realisatie, marts/incidenteel, marts/incidenteel_jaren).
CREATE OR REPLACE MACRO werk.voedt(p_model) AS TABLE
SELECT jaar_van, jaar_tot, taakveld, functie, sum(aandeel) AS aandeel
FROM (
    SELECT jaar_van, jaar_tot, taakveld, laag AS functie, aandeel FROM werk.model_regel WHERE model = p_model
    UNION ALL
    SELECT jaar_van, jaar_tot, taakveld, functie, aandeel FROM werk.model_regel WHERE model = p_model
    UNION ALL
    SELECT jaar_van, jaar_tot, taakveld, 'totaal', aandeel FROM werk.model_regel
    WHERE model = p_model AND laag <> 'niet_meegeteld'
)
GROUP BY ALL;

-- Per gemeente, jaar, document en maat: vertekend als een incidentele stroom op een taakveld zit dat
-- (in dit model) collectieve preventie of acute zorg voedt; dan zegt de verhouding iets over de
-- opvang of de pandemie, niet over de keuze tussen preventie en zorg (werk.rangbaar).
-- preventie_incidenteel / acuut_incidenteel: het crisisgeld in dat bedrag (afwijking × aandeel in het model),
-- zodat een som over gemeenten (marts/groep) kan zeggen hoe zwaar het weegt.
CREATE OR REPLACE MACRO werk.vertekend(p_model, p_maat) AS TABLE
SELECT a.jaar, a.document, a.gm_code, true AS vertekend,
       coalesce(sum(a.afwijking * v.aandeel) FILTER (WHERE v.functie = 'collectieve_preventie'), 0)
           AS preventie_incidenteel,
       coalesce(sum(a.afwijking * v.aandeel) FILTER (WHERE v.functie = 'acute_zorg'), 0) AS acuut_incidenteel
FROM werk.incidenteel a
JOIN werk.voedt(p_model) v ON v.taakveld = a.taakveld AND a.jaar BETWEEN v.jaar_van AND v.jaar_tot
WHERE a.maat = p_maat AND v.functie IN ('collectieve_preventie', 'acute_zorg')
GROUP BY a.jaar, a.document, a.gm_code;

-- Een som over gemeenten (Nederland, een vergelijkingsgroep) is vertekend als het crisisgeld erin minstens
-- {{vertekend_groep_deel}} van haar preventie of acute zorg is: één gemeente met opvang maakt Nederland niet onbruikbaar.
CREATE OR REPLACE MACRO werk.groep_vertekend(preventie_incidenteel, preventie, acuut_incidenteel, acuut) AS
    coalesce(abs(preventie_incidenteel) >= {{vertekend_groep_deel}} * abs(preventie), false)
    OR coalesce(abs(acuut_incidenteel) >= {{vertekend_groep_deel}} * abs(acuut), false);
