-- De versie van de gegevens: wanneer de cijfers in deze opslag voor het laatst veranderden. Een link en een
-- export dragen haar mee, zodat een lezer ziet dat een oude link op nieuwere cijfers opent. Het laden van de
-- meegeleverde momentopname telt met de datum waarop die gemaakt is, niet met het tijdstip van laden: anders
-- zou elke herstart van de server (die de momentopname opnieuw laadt) elke gedeelde link ‘oud’ maken.
-- Contract: één rij (versie leeg in een lege opslag).
--   uniek: (één rij)
--   niet leeg: —
SELECT greatest(
    (SELECT max(tijdstip) FROM import_log WHERE soort NOT LIKE 'snapshot%'),
    (SELECT max(gemaakt) FROM snapshot_geladen),
    (SELECT max(tijdstip) FROM schrijflog)
) AS versie;
