DELETE FROM werk.herrekend_cache
WHERE model = $model AND maat = $maat AND doeljaar = $doeljaar AND zonder_regio = $zonder_regio;
INSERT INTO werk.herrekend_cache
SELECT $model, $maat, $doeljaar, $zonder_regio, *
FROM werk.herrekend_berekend($model, $maat, $doeljaar, $zonder_regio);
