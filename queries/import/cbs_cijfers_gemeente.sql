-- De CBS-cijfers van één gemeente voor één jaar en document, per taakveld, uit haar fijnste CBS-bron
-- (nooit eigen cijfers): wat het sjabloon vooraf invult en waarmee een eigen bestand wordt vergeleken.
-- Leeg als CBS voor deze gemeente, dit jaar en document niets heeft, of alleen nullen (niet aangeleverd,
-- zoals iv3_zonder_cijfers); baten leeg als de bron geen baten heeft.
-- Contract: één rij per taakveld van de fijnste CBS-bron van $gm_code, $jaar en $document.
--   uniek: taakveld
--   niet leeg: taakveld, omschrijving, lasten
SELECT b.taakveld, coalesce(t.omschrijving, '') AS omschrijving, b.lasten::DOUBLE AS lasten, b.baten::DOUBLE AS baten
FROM iv3_bedrag b
JOIN werk.beste_cbs_bron() k USING (jaar, document, gm_code, bron)
LEFT JOIN taakveld t ON t.jaar = b.jaar AND t.code = b.taakveld
WHERE b.jaar = $jaar AND b.document = $document AND b.gm_code = $gm_code
QUALIFY bool_or(b.lasten <> 0 OR coalesce(b.baten, 0) <> 0) OVER ()
ORDER BY string_split(b.taakveld, '.')[1]::INTEGER, b.taakveld;
