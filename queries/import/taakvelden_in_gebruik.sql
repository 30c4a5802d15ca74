-- De taakvelden die CBS-bronnen voor dit jaar en document gebruiken: wat het model zeker indeelt.
SELECT DISTINCT b.taakveld, coalesce(t.omschrijving, '') AS omschrijving
FROM iv3_bedrag b
LEFT JOIN taakveld t ON t.jaar = b.jaar AND t.code = b.taakveld
WHERE b.jaar = $jaar AND b.document = $document AND b.bron <> 'eigen'
ORDER BY string_split(b.taakveld, '.')[1]::INTEGER, b.taakveld;
