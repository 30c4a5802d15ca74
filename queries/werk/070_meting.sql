-- De maatlaag: elke indicator is Σ teller ÷ Σ noemer over de grootheden (werk.grootheden), en deze ene macro
-- rekent haar uit op elk niveau, met de regels voor leeg en rang op één plek:
--   per gemeente (p_samen = false) of als één geheel (p_samen = true: een groep, of Nederland zonder p_gm_codes),
--   of per groep van een indeling (p_groepen: MAP gm_code → groep, bv. de kwintielen van behoefte);
--   in de indeling van elk jaar zelf (p_doeljaar leeg) of herrekend naar die van p_doeljaar (werk.herrekend);
--   voor één jaar en document of (leeg) voor alle: een reeks.
-- Per eenheid × jaar × document: gemeenten, Σ van elke grootheid, dekking (herrekend), de landelijke drempel
-- voor acute zorg en voor preventie (werk.acuut_drempel, werk.preventie_drempel, over alle gemeenten met
-- inwoners van dat jaar en document), geen_eigen_acuut, weinig_preventie, vertekend (crisisgeld; werk.vertekend
-- per gemeente, werk.groep_vertekend voor een geheel), elke indicator met een eigen noemer als kolom
-- (begrippen.INDICATOREN, ingevuld door store.py), rangbaar en elk bedrag per inwoner. Een geheel telt alleen
-- gemeenten met inwoners; een deling telt alleen de leden met zowel teller als noemer (een gemeente zonder
-- volume in de bron verandert Nederland niet).
CREATE OR REPLACE MACRO werk.deel(teller, noemer) AS CASE WHEN noemer > 0 THEN teller / noemer END;
-- De kolommen van de indicatoren met een eigen noemer (begrippen.INDICATOREN).
CREATE OR REPLACE MACRO werk.delingen() AS [{{delingen_kolommen}}];

CREATE OR REPLACE MACRO werk.meting(p_model, p_maat, p_zonder_regio, p_jaar := NULL, p_document := NULL,
                                   p_doeljaar := NULL, p_gm_codes := NULL, p_samen := false,
                                   p_groepen := NULL) AS TABLE
WITH rij AS (
    SELECT * FROM werk.grootheden(p_model, p_maat, p_zonder_regio) WHERE p_doeljaar IS NULL
    UNION ALL BY NAME
    SELECT * FROM werk.herrekend(p_model, p_maat, p_doeljaar, p_zonder_regio) WHERE p_doeljaar IS NOT NULL
),
gekozen AS (
    SELECT * FROM rij
    WHERE (p_jaar IS NULL OR jaar = p_jaar) AND (p_document IS NULL OR document = p_document)
),
drempel AS (
    SELECT jaar, document,
           werk.acuut_drempel(sum(acute_zorg) FILTER (WHERE inwoners IS NOT NULL), sum(inwoners))
               AS acuut_drempel_per_inwoner,
           werk.preventie_drempel(sum(collectieve_preventie) FILTER (WHERE inwoners IS NOT NULL), sum(inwoners))
               AS preventie_drempel_per_inwoner
    FROM gekozen GROUP BY jaar, document
),
lid AS (
    SELECT g.*,
           CASE WHEN p_groepen IS NOT NULL THEN p_groepen[g.gm_code] WHEN p_samen THEN NULL ELSE g.gm_code END
               AS eenheid,
           -- telt mee in de sommen van een geheel; wie niet telt (geen inwoners), telt wel in de dekking
           NOT (p_samen OR p_groepen IS NOT NULL) OR g.inwoners IS NOT NULL AS telt,
           coalesce(v.vertekend, false) AS lid_vertekend,
           -- absoluut per gemeente: meer en minder crisisgeld heffen elkaar in een som niet op
           abs(coalesce(v.preventie_incidenteel, 0)) AS preventie_incidenteel,
           abs(coalesce(v.acuut_incidenteel, 0)) AS acuut_incidenteel
    FROM gekozen g
    LEFT JOIN werk.vertekend(p_model, p_maat) v USING (jaar, document, gm_code)
    WHERE (p_gm_codes IS NULL OR list_contains(p_gm_codes, g.gm_code))
      AND (p_groepen IS NULL OR p_groepen[g.gm_code] IS NOT NULL)
),
som AS (
    SELECT jaar, document, eenheid AS gm_code,
           count(*) FILTER (WHERE telt) AS gemeenten,
           sum(inwoners) AS inwoners,
           sum(COLUMNS(lambda c: list_contains(werk.bedragen(), c))) FILTER (WHERE telt),
           sum(COLUMNS(lambda c: list_contains(werk.volumes(), c))) FILTER (WHERE telt),
           coalesce(sum(gewicht_aanwezig), 0) / sum(gewicht_totaal) AS dekking,
           CASE WHEN p_samen OR p_groepen IS NOT NULL
                THEN werk.groep_vertekend(sum(preventie_incidenteel) FILTER (WHERE telt),
                                          sum(collectieve_preventie) FILTER (WHERE telt),
                                          sum(acuut_incidenteel) FILTER (WHERE telt),
                                          sum(acute_zorg) FILTER (WHERE telt))
                ELSE bool_or(lid_vertekend) END AS vertekend,
           count(*) FILTER (WHERE lid_vertekend AND telt) AS gemeenten_vertekend,
           {{delingen_sommen}}
    FROM lid
    GROUP BY jaar, document, eenheid
),
gemeten AS (
    SELECT s.*, d.acuut_drempel_per_inwoner,
           werk.geen_eigen_acuut(s.acute_zorg, s.inwoners, d.acuut_drempel_per_inwoner) AS geen_eigen_acuut,
           d.preventie_drempel_per_inwoner,
           werk.weinig_preventie(s.collectieve_preventie, s.inwoners, d.preventie_drempel_per_inwoner)
               AS weinig_preventie
    FROM som s LEFT JOIN drempel d USING (jaar, document)
)
SELECT
    COLUMNS(lambda c: NOT starts_with(c, '_')),
    {{delingen}},
    werk.rangbaar(acuut_per_euro_preventie, geen_eigen_acuut, weinig_preventie, vertekend) AS rangbaar,
    COLUMNS(lambda c: list_contains(werk.bedragen(), c)) / inwoners AS '\0_per_inwoner'
FROM gemeten;

-- Preventie naar behoefte per gemeente (marts/behoefte, en per kwintiel marts/behoefte_kwintiel): met cijfers
-- en inwoners in p_jaar/p_document, de maat van behoefte p_behoefte (begrippen.BEHOEFTEN, uit werk.behoefte_volume)
-- per 1.000 inwoners van dezelfde bron, met haar kwintiel en dat van preventie per inwoner.
-- kwintiel: 1 = minste behoefte … 5 = meeste, vijf groepen van zo gelijk mogelijk aantal gemeenten
-- met een waarde; gelijke waarden blijven samen (rank). De enige plek van deze regel.
CREATE OR REPLACE MACRO werk.behoefte_per_gemeente(p_model, p_maat, p_zonder_regio, p_jaar, p_document, p_behoefte)
AS TABLE
WITH samen AS (
    SELECT m.*, v.volume, v.inwoners AS inwoners_circulaire,
           werk.deel(1000 * v.volume, v.inwoners) AS waarde_per_1000
    FROM werk.meting(p_model, p_maat, p_zonder_regio, p_jaar := p_jaar, p_document := p_document) m
    JOIN werk.behoefte_volume v ON v.jaar = m.jaar AND v.gm_code = m.gm_code AND v.naam = p_behoefte
    WHERE m.inwoners IS NOT NULL
)
SELECT
    s.gm_code, s.inwoners, s.volume, s.inwoners_circulaire, s.waarde_per_1000,
    (1 + 5 * (rank() OVER (ORDER BY s.waarde_per_1000) - 1) // count(*) OVER ())::INTEGER AS kwintiel,
    (1 + 5 * (rank() OVER (ORDER BY s.collectieve_preventie_per_inwoner) - 1) // count(*) OVER ())::INTEGER
        AS preventie_kwintiel,
    s.collectieve_preventie, s.acute_zorg,
    s.collectieve_preventie_per_inwoner, s.acute_zorg_per_inwoner,
    s.geen_eigen_acuut, s.weinig_preventie, s.acuut_per_euro_preventie, s.vertekend, s.rangbaar,
    werk.deel(s.collectieve_preventie, s.volume) AS preventie_per_persoon
FROM samen s;
