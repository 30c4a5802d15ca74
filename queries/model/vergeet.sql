-- Een geladen model (een variant uit het dashboard) weer uit `werk` halen, met alles wat ervan
-- is afgeleid; het standaardmodel wordt nooit vergeten. Zie varianten.vergeet.
DELETE FROM werk.model_regel WHERE model = $model;
DELETE FROM werk.gemeten WHERE model = $model;
DELETE FROM werk.indicator_cache WHERE model = $model;
DELETE FROM werk.grootheden_cache WHERE model = $model;
