"""Plaatsen voor privékopieën van de opslag (eigen bestanden privé controleren): hoeveel er zijn, van wie, en
wie wijkt als het vol is. Zuiver (geen Streamlit): de bezoeker komt als waarde binnen.

Waarom zo (issue 33): met één gedeelde grens van MAX_KOPIEEN konden acht sessies die af en toe klikken iedereen
anders buitensluiten, en twee replica's konden tegelijk ruimte maken en samen over de grens gaan. Nu:
- één kopie per bezoeker: een nieuwe controle van dezelfde bezoeker (ook in een ander tabblad) vervangt zijn vorige;
- wie vol is, laat eerst de langst ongebruikte wijken (VRIJ_NA_MINUTEN stil), en anders de oudste die al
  MAX_LEEFTIJD_MINUTEN bestaat, ook als die nog gebruikt wordt (haar sessie meldt dat de kopie weg is);
- alles onder één bestandsslot in de gedeelde map, dus over processen en replica's heen.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..store import OpslagFout

MAX_KOPIEEN = 8  # tegelijk, over alle replica's (elk zo groot als de opslag, ± 150 MB)
ONGEBRUIKT_UUR = 2  # een kopie die zo lang niet gebruikt is, wordt altijd opgeruimd
VRIJ_NA_MINUTEN = 10  # zo lang stil: mag wijken voor een andere bezoeker
MAX_LEEFTIJD_MINUTEN = 30  # zo lang bestaand: mag wijken, ook als ze nog gebruikt wordt
EIGENAAR = "eigenaar.json"
WACHT_SECONDEN = 60  # op de controle van een ander op deze replica


def bezoeker(ip: str | None, doorgegeven: str | None = None) -> str:
    """Een korte, niet terug te rekenen sleutel voor een bezoeker. Achter onze nginx is het adres van de
    verbinding altijd 127.0.0.1; dan telt X-Real-IP, dat nginx zelf zet (een bezoeker kan het niet sturen:
    nginx overschrijft het). Zonder adres: één gedeelde sleutel."""
    adres = doorgegeven if doorgegeven and ip in (None, "127.0.0.1", "::1") else ip
    return hashlib.sha256(f"sociale-basis:{adres or 'onbekend'}".encode()).hexdigest()[:16]


@contextmanager
def _slot(map_: Path) -> Iterator[None]:
    with open(map_ / ".slot", "a+") as f:
        fcntl.flock(f, fcntl.LOCK_EX)  # kort: alleen mappen tellen en verwijderen
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _eigenaar(map_: Path) -> dict:
    try:
        return json.loads((map_ / EIGENAAR).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def nieuwe_plaats(privemap: Path, wie: str, nu: float | None = None) -> Path:
    """Een lege map voor een nieuwe privékopie van bezoeker `wie`, na het opruimen en zo nodig laten wijken
    (zie de moduletekst). OpslagFout als alle plaatsen van anderen zijn die kort geleden begonnen en nog
    gebruikt worden."""
    nu = time.time() if nu is None else nu
    privemap.mkdir(parents=True, exist_ok=True)
    with _slot(privemap):
        kopieen = []
        for map_ in privemap.iterdir():
            if not map_.is_dir():
                continue
            gebruikt = map_.stat().st_mtime  # opslag.eigen_gebruikt zet dit bij elke rerun die haar gebruikt
            info = _eigenaar(map_)
            if nu - gebruikt > ONGEBRUIKT_UUR * 3600 or info.get("wie") == wie:
                shutil.rmtree(map_, ignore_errors=True)
                continue
            kopieen.append((gebruikt, float(info.get("gemaakt", gebruikt)), map_))
        while len(kopieen) >= MAX_KOPIEEN:
            stil = min(kopieen, key=lambda k: k[0])
            oud = min(kopieen, key=lambda k: k[1])
            if nu - stil[0] >= VRIJ_NA_MINUTEN * 60:
                weg = stil
            elif nu - oud[1] >= MAX_LEEFTIJD_MINUTEN * 60:
                weg = oud
            else:
                raise OpslagFout(
                    f"Er controleren nu al {MAX_KOPIEEN} bezoekers eigen bestanden; elke controle maakt een "
                    "kopie van de opslag en de schijf is niet onbeperkt. Over hoogstens "
                    f"{max(1, round((MAX_LEEFTIJD_MINUTEN * 60 - (nu - oud[1])) / 60))} minuten is er plaats; "
                    "of importeer op de opdrachtregel."
                )
            shutil.rmtree(weg[2], ignore_errors=True)
            kopieen.remove(weg)
        map_ = Path(tempfile.mkdtemp(prefix="upload-", dir=privemap))
        (map_ / EIGENAAR).write_text(json.dumps({"wie": wie, "gemaakt": nu}), encoding="utf-8")
        return map_


# Eén controle tegelijk per replica: een controle leest bestanden tot 64 MB en rekent een kopie van de opslag
# door; twee of drie tegelijk zouden samen het geheugen van de replica vullen, met elke sessie erop.
_CONTROLE = threading.BoundedSemaphore(1)


@contextmanager
def een_controle_tegelijk(wacht: float = WACHT_SECONDEN) -> Iterator[None]:
    if not _CONTROLE.acquire(timeout=wacht):
        raise OpslagFout(
            "Op deze server wordt al een ander bestand gecontroleerd en dat duurt langer dan een minuut. "
            "Probeer het zo opnieuw."
        )
    try:
        yield
    finally:
        _CONTROLE.release()
