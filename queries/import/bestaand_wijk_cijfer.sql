SELECT DISTINCT jaar, maat, wk_code FROM wijk_cijfer;
