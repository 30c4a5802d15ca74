"""De dashboardhelpers tussen de pagina's en indicators.py, elk met één taak:

- `opslag`     — welke opslag (versie of privékopie) deze rerun leest, en één schrijver tegelijk;
- `laden`      — het scherm zonder gegevens (momentopname laden, ophalen) en de ophaalknop;
- `zijbalk`    — de keuzes (jaar, document, maat, gemeente, vergelijkingsgroep) en hun URL;
- `vragen`     — gecachete vragen aan indicators.py;
- `kaartbron`  — kaartgrenzen per indeling;
- `uitvoer`    — downloads;
- `eigen`      — eigen bestanden: privékopie, controleren, publiceren, markeren;
- `modelkeuze` — het model (standaard of variant) van deze sessie.

Pagina's roepen alleen deze modules aan; geen SQL en geen opslag in pagina's.
"""
