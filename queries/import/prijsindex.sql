INSERT OR REPLACE INTO prijsindex (jaar, cpi, bron, basisjaar) SELECT jaar, cpi, bron, basisjaar FROM invoer;
