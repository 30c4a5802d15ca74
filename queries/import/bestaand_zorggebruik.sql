-- Wat de opslag al heeft, voor de controle op onvolledige bestanden (importer.VOLLEDIG).
SELECT DISTINCT jaar, maat, gebied FROM zorggebruik;
