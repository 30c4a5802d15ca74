"""`sociale-basis ophalen`: de nieuwste gegevens rechtstreeks bij CBS (OData) en PDOK.

Drie fasen, zodat een mislukte ophaling de opslag nooit half bijwerkt:
1. **downloaden** — elke tabel pagina voor pagina (`odata.nextLink`), met herhalen bij tijdelijke
   fouten (exponentieel wachten met jitter, `Retry-After` bij 429); elke volledige pagina komt
   in een cachemap, zodat een onderbroken ophaling verdergaat waar hij stopte;
2. **omzetten** — naar de bestandsvormen die de importer al kent (CBS-ruw, gemeentelijst,
   inwoners, CPI, GeoJSON), met controle op de vorm van elke tabel;
3. **importeren** — alles in één transactie via `importer.voer_in`, pas als alles binnen is.

Tabel-id's en adressen staan in `data/cbs_bronnen.toml`.

Eén module per taak en één per bron:

- `instellingen` — de bronnenlijst (`Bronnen`, `laad_bronnen`), bronnenlijst- en cachepad, `OphaalFout`;
- `client`       — `Client`: HTTP met herhalen en wachten (`Retry-After`), de voortgangsregel;
- `paginas`      — de pagina's in de cache op schijf, bladeren door OData en GeoJSON, kolomcontrole;
- `opgehaald`    — wat een bron teruggeeft (`Opgehaald`), wat eerder binnenkwam (`Vorige`), `stap`;
- `iv3`, `gebieden`, `inwoners`, `cpi`, `grenzen`, `kerncijfers` — per bron `haal_<bron>`: downloaden
  en omzetten naar een bestandsvorm die de importer kent;
- `orkestratie`  — `ONDERDELEN`, `download`, `importeer` en `ophaal`: de fasen achter elkaar;
- `verslag`      — `Ophaalverslag`, en wat een import nieuw bracht (`stand`, `wat_is_nieuw`).

Wie van buiten ophaalt, gebruikt alleen wat hier staat.
"""

from .instellingen import OphaalFout, bronnenlijst, cachemap, laad_bronnen
from .orkestratie import ONDERDELEN, download, importeer, ophaal
from .verslag import stand, wat_is_nieuw

__all__ = [
    "ONDERDELEN",
    "OphaalFout",
    "bronnenlijst",
    "cachemap",
    "download",
    "importeer",
    "laad_bronnen",
    "ophaal",
    "stand",
    "wat_is_nieuw",
]
