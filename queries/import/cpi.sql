SELECT jaar, cpi FROM prijsindex ORDER BY jaar;
