SELECT gm_code, sociale_structuur, centrumfunctie FROM gemeente_profiel ORDER BY gm_code;
