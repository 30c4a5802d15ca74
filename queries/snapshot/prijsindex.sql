SELECT jaar, cpi, bron FROM prijsindex ORDER BY jaar;
