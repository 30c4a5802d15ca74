SELECT gm_code, naam FROM gemeente_jaar WHERE jaar = $jaar;
