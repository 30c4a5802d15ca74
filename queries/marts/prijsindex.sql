SELECT jaar, cpi, bron, basisjaar FROM main.prijsindex ORDER BY jaar;
