INSERT INTO import_log (bestand, sha256, soort, rijen) VALUES ($bestand, $sha256, $soort, $rijen);
