SELECT count(*) > 0 FROM import_log WHERE sha256 = $sha256 AND soort = $soort;
