-- De laatst geladen meegeleverde momentopname (of niets).
SELECT naam, gemaakt, geladen, manifest FROM snapshot_geladen ORDER BY geladen DESC LIMIT 1;
