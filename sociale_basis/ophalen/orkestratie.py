"""De drie fasen: `download` (elk onderdeel downloaden en omzetten, in een eigen cachemap per
vraag), `importeer` (alles in één transactie), en `ophaal` (beide, met het verslag). `ONDERDELEN`
noemt per naam de bron die het ophaalt."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from .. import importer
from ..importer import Melder, Stap, Verslag
from ..sources import iv3
from ..sources.lading import Lading
from ..sources.lezen import sha256
from ..store import Store
from .client import Client
from .cpi import haal_cpi
from .gebieden import haal_gebieden
from .grenzen import haal_grenzen, haal_wijkgrenzen
from .instellingen import CACHE_GELDIG_DAGEN, Bronnen, OphaalFout, cachemap, laad_bronnen
from .inwoners import haal_inwoners
from .iv3 import haal_iv3
from .kerncijfers import haal_kerncijfers
from .opgehaald import Opgehaald, Vorige
from .verslag import Ophaalverslag, stand, wat_is_nieuw
from .zorggebruik import haal_zorggebruik

ONDERDELEN = {
    "gemeenten": haal_gebieden,
    "inwoners": haal_inwoners,
    "cpi": haal_cpi,
    "iv3": haal_iv3,
    "grenzen": haal_grenzen,
    "kerncijfers": haal_kerncijfers,
    "zorggebruik": haal_zorggebruik,
    "wijkgrenzen": haal_wijkgrenzen,
}


def _cache_map(cache: Path, b: Bronnen, onderdelen: list[str]) -> Path:
    """Eén cachemap per vraag (bronnenlijst + onderdelen); te oud = opnieuw beginnen."""
    vingerafdruk = hashlib.sha256(json.dumps([repr(b), onderdelen]).encode()).hexdigest()[:12]
    map_ = cache / vingerafdruk
    begonnen = map_ / "begonnen"
    if begonnen.is_file():
        leeftijd = time.time() - float(begonnen.read_text())
        if leeftijd > CACHE_GELDIG_DAGEN * 86400:
            shutil.rmtree(map_)
    map_.mkdir(parents=True, exist_ok=True)
    if not begonnen.is_file():
        begonnen.write_text(str(time.time()))
    return map_


def vorige(store: Store) -> Vorige:
    """Wat de opslag weet van eerdere ophalingen (voor overslaan en niet-aanleveraars)."""
    herkomst = store.query("import/cbs_herkomst_bekend")
    lijst = store.query("import/gemeente_jaar_namen")
    gemeenten: dict[int, dict[str, str]] = {}
    for r in lijst.itertuples(index=False):
        gemeenten.setdefault(int(r.jaar), {})[r.gm_code] = r.naam
    return Vorige({(r.tabel, r.sleutel): r._asdict() for r in herkomst.itertuples(index=False)}, gemeenten)


def download(
    bronnen: Bronnen | None = None,
    *,
    cache: Path | None = None,
    onderdelen: list[str] | None = None,
    meld: Melder = importer._stil,
    client_opties: dict | None = None,
    jaren: list[int] | None = None,
    documenten: list[str] | None = None,
    eerder: Vorige | None = None,
) -> Opgehaald:
    """Fase 1 en 2: alles downloaden (met hervatten) en omzetten; raakt de opslag niet aan.
    `jaren`/`documenten` beperken de vraag; `eerder` (zie `vorige`) laat ongewijzigde CBS-tabellen
    overslaan."""
    bronnen = (bronnen or laad_bronnen()).beperk(jaren)
    onderdelen = onderdelen or list(ONDERDELEN)
    documenten = documenten or list(iv3.VERSLAGSOORT.values())
    onbekend = set(onderdelen) - set(ONDERDELEN)
    if onbekend:
        raise OphaalFout(f"Onbekend onderdeel {', '.join(sorted(onbekend))}; kies uit {', '.join(ONDERDELEN)}.")
    map_ = _cache_map(Path(cache or cachemap()), bronnen, [*onderdelen, *documenten])
    bestanden = map_ / "bestanden"
    bestanden.mkdir(exist_ok=True)
    opgehaald = Opgehaald(map_=map_)
    klaar = 0

    def tekst(t: str) -> None:
        meld(t, klaar / len(onderdelen))

    client = Client(map_, meld=tekst, **(client_opties or {}))
    try:
        for naam in onderdelen:
            ONDERDELEN[naam](client, bronnen, bestanden, opgehaald, tekst, eerder or Vorige(), documenten)
            klaar += 1
    finally:
        client.sluit()
        opgehaald.verzoeken = client.verzoeken
    if opgehaald.herkomst:
        opgehaald.stappen.append(_herkomst_stap(bestanden, opgehaald.herkomst))
    if not opgehaald.stappen and not opgehaald.overgeslagen:
        raise OphaalFout("Er is niets opgehaald: " + " ".join(opgehaald.opmerkingen))
    return opgehaald


def _herkomst_stap(map_: Path, herkomst: list[dict]) -> Stap:
    """De CBS-metadata van wat is opgehaald, in dezelfde transactie als de cijfers zelf: pas als
    die geslaagd is, slaat een volgende ophaling een ongewijzigde tabel over."""
    bestand = map_ / "cbs_herkomst.json"
    bestand.write_text(json.dumps(herkomst, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    tabel = pd.DataFrame(herkomst).assign(opgehaald=datetime.now(UTC).replace(tzinfo=None))
    return Stap(
        f"ophalen/{bestand.name}",
        bestand.name,
        "cbs_herkomst",
        "metadata van de CBS-tabellen",
        sha256(bestand),
        lambda _c: Lading("cbs_herkomst", {"cbs_herkomst": tabel}, f"{len(tabel)} tabel(len)"),
    )


def importeer(store: Store, opgehaald: Opgehaald, meld: Melder = importer._stil) -> Verslag:
    """Fase 3: alles in één transactie; daarna is de cache niet meer nodig. Mislukt de import, dan
    blijft de cache staan: een nieuwe poging (bv. na een bijgewerkte gemeentelijst) hoeft niets
    opnieuw te downloaden, en herziet CBS de tabel, dan hoort daar een verse cache bij."""
    verslag = importer.voer_in(store, opgehaald.stappen, meld)
    shutil.rmtree(opgehaald.map_, ignore_errors=True)
    return verslag


def ophaal(
    store: Store,
    bronnen: Bronnen | None = None,
    *,
    cache: Path | None = None,
    onderdelen: list[str] | None = None,
    meld: Melder = importer._stil,
    client_opties: dict | None = None,
    jaren: list[int] | None = None,
    documenten: list[str] | None = None,
    altijd: bool = False,
) -> Ophaalverslag:
    """Haal alles op en importeer het in één transactie. Faalt met OphaalFout (of InvoerFout
    voor ongeldige inhoud) zonder de opslag te veranderen; de cache blijft dan staan om te hervatten.
    `altijd`: ook tabellen die bij CBS niet veranderd zijn sinds de vorige ophaling."""
    start = time.perf_counter()
    voor = stand(store)
    # Downloaden telt als de eerste helft van de voortgang, importeren als de tweede.
    opgehaald = download(
        bronnen,
        cache=cache,
        onderdelen=onderdelen,
        meld=lambda t, f: meld(t, 0.5 * f),
        client_opties=client_opties,
        jaren=jaren,
        documenten=documenten,
        eerder=None if altijd else vorige(store),
    )
    verslag = importeer(store, opgehaald, lambda t, f: meld(t, 0.5 + 0.5 * f))
    return Ophaalverslag(
        verslag,
        opgehaald.opmerkingen,
        opgehaald.verzoeken,
        time.perf_counter() - start,
        opgehaald.overgeslagen,
        wat_is_nieuw(voor, stand(store)),
    )
