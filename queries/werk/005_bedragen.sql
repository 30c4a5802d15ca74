-- De bedragkolommen van de indicatoren (lagen, totaal en functies): één lijst voor alle marts,
-- die ze kiezen met COLUMNS(lambda c: list_contains(werk.bedragen(), c)).
CREATE OR REPLACE MACRO werk.bedragen() AS [
    'persoonlijk', 'informeel', 'institutioneel', 'maatwerk', 'acuut', 'overig', 'totaal',
    'collectieve_preventie', 'toegang', 'bestaanszekerheid', 'individuele_ondersteuning',
    'acute_zorg', 'beleid'
];
