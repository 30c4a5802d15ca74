SELECT jaar, cpi, bron FROM main.prijsindex ORDER BY jaar;
