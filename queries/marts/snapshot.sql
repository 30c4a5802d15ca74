-- De laatst geladen meegeleverde momentopname (of niets).
-- Contract: hoogstens één rij: de laatst geladen momentopname.
--   uniek: (één rij)
--   niet leeg: naam, gemaakt, geladen
SELECT naam, gemaakt, geladen, manifest FROM snapshot_geladen ORDER BY geladen DESC LIMIT 1;
