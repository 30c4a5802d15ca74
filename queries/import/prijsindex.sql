INSERT OR REPLACE INTO prijsindex SELECT jaar, cpi, bron FROM invoer;
