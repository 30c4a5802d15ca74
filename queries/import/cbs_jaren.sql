-- Jaren en documenten waarvoor de opslag CBS-cijfers heeft (niet alleen eigen cijfers).
SELECT DISTINCT jaar, document FROM iv3_bedrag WHERE bron <> 'eigen' ORDER BY ALL;
