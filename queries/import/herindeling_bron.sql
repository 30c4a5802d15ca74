-- Invoer voor de herindelingsketen: de gemeenten per jaar (vanaf het eerste Iv3-jaar) en de
-- grenswijzigingen met adressen.
SELECT 'gemeente' AS soort, jaar AS jaar_van, NULL AS jaar_naar, gm_code AS gm_code_van,
       NULL AS gm_code_naar, NULL::BIGINT AS adressen
FROM main.gemeente_jaar
WHERE jaar >= (SELECT coalesce(min(jaar), 9999) FROM main.iv3_beschikbaar)
UNION ALL
SELECT 'grens', jaar_van, jaar_naar, gm_code_van, gm_code_naar, adressen
FROM main.grenswijziging;
