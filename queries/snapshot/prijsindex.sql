SELECT jaar, cpi, bron, basisjaar FROM prijsindex ORDER BY jaar;
