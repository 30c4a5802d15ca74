-- Korte samenvatting van de niet-Iv3-tabellen voor `sociale-basis status`.
-- Contract: één rij met de dekking in woorden.
--   uniek: (één rij)
--   niet leeg: —
SELECT
    (SELECT coalesce(min(jaar) || '–' || max(jaar), 'geen') FROM gemeente_jaar) AS gemeentelijst_jaren,
    (SELECT coalesce(min(jaar) || '–' || max(jaar), 'geen') FROM inwoners) AS inwoner_jaren,
    (SELECT coalesce(string_agg(DISTINCT jaar::VARCHAR, ', ' ORDER BY jaar::VARCHAR), 'geen') FROM gemeente_klasse) AS klasse_jaren,
    (SELECT coalesce(string_agg(DISTINCT circulaire || '→' || uitkeringsjaar, ', '
                                ORDER BY circulaire || '→' || uitkeringsjaar), 'geen') FROM gf_cluster) AS circulaires,
    (SELECT coalesce(string_agg(DISTINCT jaar::VARCHAR, ', ' ORDER BY jaar::VARCHAR), 'geen') FROM geo_gemeente) AS geo_jaren,
    (SELECT coalesce(min(jaar) || '–' || max(jaar), 'geen') FROM prijsindex) AS cpi_jaren,
    (SELECT coalesce(min(jaar_van) || '→' || max(jaar_naar), 'geen') FROM grenswijziging) AS grens_jaren;
