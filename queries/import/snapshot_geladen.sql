INSERT INTO snapshot_geladen (naam, gemaakt, manifest) SELECT naam, gemaakt::TIMESTAMP, manifest FROM invoer;
