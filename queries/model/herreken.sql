DELETE FROM werk.herrekend_cache WHERE model = $model AND maat = $maat AND doeljaar = $doeljaar;
INSERT INTO werk.herrekend_cache
SELECT $model, $maat, $doeljaar, * FROM werk.herrekend_berekend($model, $maat, $doeljaar);
