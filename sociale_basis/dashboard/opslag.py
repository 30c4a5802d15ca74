"""De opslag voor het dashboard: openen (alleen-lezen, gedeeld per proces) en schrijven (één schrijver
tegelijk, in een nieuwe versie). Het scherm zonder gegevens en de knoppen die schrijven staan in laden.py."""

from __future__ import annotations

import getpass
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from .. import fmt, model, ophalen
from ..sources.controle import InvoerFout
from ..store import DatabaseFout, OpslagFout, Store, huidige_versie, nieuwe_versie, standaard_pad
from . import modelkeuze, vragen


# -- opslag ----------------------------------------------------------------------------------
def db_pad() -> Path:
    """`streamlit run app.py -- --db PAD`, anders SOCIALE_BASIS_DB of het standaardpad."""
    if "--db" in sys.argv[:-1]:
        return Path(sys.argv[sys.argv.index("--db") + 1])
    return standaard_pad()


# Fouten die een laad- of ophaalactie als melding toont (niet als traceback).
LAADFOUTEN = (InvoerFout, OpslagFout, ophalen.OphaalFout, DatabaseFout)


# Eén alleen-lezen Store per bestand (een versie van de opslag of een privékopie), gedeeld door
# alle bezoekers van dit proces. Een eigen register en geen begrensde cache: twee Stores op
# hetzelfde bestand delen DuckDB's `werk` en zouden elkaars modellen opnieuw laden terwijl een
# ander leest; en een vervangen versie moet pas dicht als niemand hem nog kan krijgen.
_SLOT = threading.Lock()
_OPEN: dict[Path, tuple[Store, str, float]] = {}  # bestand → (store, sleutel standaardmodel, mtime model)
_OUDE: list[tuple[float, Store]] = []  # uit het register, gesloten na de wachttijd
_GEZIEN = {"huidig": None}  # de nieuwste versie die dit proces zag
WACHTTIJD_OUDE_VERSIE = 120.0  # s: een rerun die nog op de vorige versie loopt, maakt die af
_SCHRIJVER = threading.Lock()  # één schrijfactie tegelijk in dit proces (store.nieuwe_versie: over processen)


def _verouderd(bestand: Path, huidig: Path) -> bool:
    """Kan niemand deze Store nog krijgen? Een verwijderde privékopie of versie, een versie met een
    lager volgnummer dan de huidige, of het enkele bestand van vóór de versies."""
    if not bestand.exists():
        return True
    if bestand.parent == huidig.parent and bestand.stem.isdigit() and huidig.stem.isdigit():
        return int(bestand.stem) < int(huidig.stem)
    return bestand == db_pad().absolute() and bestand != huidig


def _open(bestand: Path, huidig: Path) -> tuple[Store, str]:
    gewijzigd = model.STANDAARD.stat().st_mtime
    with _SLOT:
        if _GEZIEN["huidig"] != huidig:
            if _GEZIEN["huidig"] is not None:
                st.cache_data.clear()  # uitkomsten van de vorige versie (ook in replica's die niet schreven)
            _GEZIEN["huidig"] = huidig
        nu = time.monotonic()
        for oud in [b for b in _OPEN if _verouderd(b, huidig)]:
            _OUDE.append((nu, _OPEN.pop(oud)[0]))
        while _OUDE and nu - _OUDE[0][0] > WACHTTIJD_OUDE_VERSIE:
            _OUDE.pop(0)[1].sluit()
        if (gevonden := _OPEN.get(bestand)) and gevonden[2] == gewijzigd:
            return gevonden[0], gevonden[1]
        store = gevonden[0] if gevonden else Store(bestand, alleen_lezen=True)
        sleutel = store.laad_model(model.laad())
        _OPEN[bestand] = (store, sleutel, gewijzigd)
        return store, sleutel


# Wie de gedeelde opslag mag bijwerken (publiceren, ophalen, verwijderen, laden), per installatie in
# SOCIALE_BASIS_SCHRIJVEN:
# - "lokaal": iedereen die dit dashboard bereikt — de standaard van scripts/dashboard.sh op je eigen machine;
# - "beheerder": alleen wie nginx heeft aangemeld (deploy/: de ingang /beheer/ met auth_basic). nginx zet de
#   naam in deze kop; de replica luistert alleen op 127.0.0.1, dus niemand anders kan hem zetten;
# - "niemand": alleen-lezen (ook SOCIALE_BASIS_ALLEEN_LEZEN=1); bijwerken kan dan op de opdrachtregel.
SCHRIJVEN = ("lokaal", "beheerder", "niemand")
BEHEERDER_KOP = "X-Sociale-Basis-Beheerder"


@dataclass(frozen=True)
class Schrijfrecht:
    mag: bool
    wie: str  # voor het schrijflog: de beheerder, of ‘lokaal’
    waarom: str  # in woorden, naast een knop die uit staat (of wie er schrijft)


def schrijfwijze() -> str:
    wijze = os.environ.get("SOCIALE_BASIS_SCHRIJVEN") or (
        "niemand" if os.environ.get("SOCIALE_BASIS_ALLEEN_LEZEN") == "1" else "lokaal"
    )
    return wijze if wijze in SCHRIJVEN else "niemand"  # een tikfout opent niets


def aangemelde_beheerder() -> str:
    """De naam die nginx na aanmelding in de kop zet (leeg: niet aangemeld)."""
    try:
        return (st.context.headers.get(BEHEERDER_KOP) or "").strip()[:80]
    except Exception:  # noqa: BLE001 — buiten een Streamlit-sessie (CLI, tests) is er geen verzoek
        return ""


def schrijfrecht() -> Schrijfrecht:
    """Mag deze bezoeker de gedeelde opslag bijwerken, en zo ja: wie is het (voor het schrijflog)?"""
    wijze = schrijfwijze()
    if wijze == "lokaal":
        try:
            gebruiker = getpass.getuser()
        except (KeyError, OSError):  # een container zonder gebruikersnaam
            gebruiker = "?"
        return Schrijfrecht(
            True,
            f"lokaal ({gebruiker})",
            "Dit dashboard draait lokaal: iedereen die het bereikt mag bijwerken.",
        )
    if wijze == "beheerder" and (naam := aangemelde_beheerder()):
        return Schrijfrecht(True, naam, f"Aangemeld als beheerder: {fmt.letterlijk(naam)}.")
    if wijze == "beheerder":
        return Schrijfrecht(
            False, "", "Publiceren, ophalen en verwijderen kan alleen een aangemelde beheerder (via /beheer/)."
        )
    if ingang := os.environ.get("SOCIALE_BASIS_BEHEER_INGANG"):  # deploy/start.sh met een beheerdersingang
        return Schrijfrecht(
            False,
            "",
            f"Bezoekers lezen alleen: publiceren, ophalen en verwijderen kan een beheerder, aangemeld via {ingang}.",
        )
    return Schrijfrecht(
        False, "", "Deze installatie is alleen-lezen: bijwerken kan alleen een beheerder, op de opdrachtregel."
    )


def alleen_lezen() -> bool:
    """Mag deze bezoeker de gedeelde opslag niet bijwerken? (Eigen bestanden privé controleren mag altijd.)"""
    return not schrijfrecht().mag


@contextmanager
def _beurt(slot: threading.Lock, bezet: str) -> Iterator[None]:
    """Eén tegelijk, en alleen met schrijfrecht; anders een melding in plaats van wachten. Ook als een knop
    via een gemaakt bericht toch wordt ingedrukt: de controle staat hier, niet alleen bij de knop."""
    recht = schrijfrecht()
    if not recht.mag:
        raise OpslagFout(recht.waarom + " Het dashboard neemt een nieuwe versie van de opslag daarna vanzelf over.")
    if not slot.acquire(blocking=False):
        raise OpslagFout(bezet)
    try:
        yield
    finally:
        slot.release()


def schrijf(actie: Callable[[Store, Callable[[str, float], None]], object], bezig: str, wat: str) -> object:
    """Voer een schrijfactie uit (momentopname laden, CBS-import, publiceren, verwijderen) met een voortgangsbalk,
    en zet in het schrijflog van de nieuwe versie wie, wanneer en `wat` (getoond op Gegevens).

    Er wordt geschreven in een nieuwe versie van de opslag (store.nieuwe_versie); andere bezoekers
    lezen intussen gewoon de vorige en krijgen de nieuwe bij hun volgende klik."""
    with _beurt(_SCHRIJVER, "Er wordt al bijgewerkt (door een andere bezoeker); probeer het over een paar minuten."):
        balk = st.progress(0.0, text=bezig)

        def meld(tekst: str, fractie: float) -> None:
            balk.progress(min(max(fractie, 0.0), 1.0), text=tekst)

        with nieuwe_versie(db_pad()) as store:
            uitkomst = actie(store, meld)
            store.voer_uit("import/schrijflog", door=schrijfrecht().wie, wat=wat)
        balk.progress(1.0, text="Klaar.")
        return uitkomst


PRIVE = "_prive_opslag"  # sessiesleutel van de privékopie met eigen bestanden (zie eigen.py)


def eigen_gebruikt(prive: dict) -> None:
    """Een privékopie die gebruikt wordt, is niet vergeten: het opruimen kijkt naar dit tijdstip."""
    try:
        os.utime(Path(prive["map"]))
    except OSError:
        pass


def vergeet(bestand: str) -> None:
    """Een privékopie is verworpen: haar Store uit het register en dicht na de wachttijd (een
    lopende rerun maakt af)."""
    with _SLOT:
        if (gevonden := _OPEN.pop(Path(bestand).resolve(), None)) is not None:
            _OUDE.append((time.monotonic(), gevonden[0]))


class GeenGegevens(Exception):
    """Er is (nog) geen bruikbare opslag; app.py toont dan het scherm van laden.py."""


def opslag() -> tuple[Store, str]:
    """De opslag (de huidige versie, voor deze hele rerun dezelfde; of de privékopie van deze
    bezoeker met eigen bestanden) en de modelsleutel; zonder gegevens GeenGegevens met de reden."""
    pad = db_pad()
    try:
        huidig = huidige_versie(pad)
        if not huidig.exists():
            raise OpslagFout(f"Er is nog geen opslag op {pad}.")
        prive = st.session_state.get(PRIVE)
        bestand = Path(prive["opslag"]).resolve() if prive and Path(prive["opslag"]).is_file() else huidig
        if prive:
            eigen_gebruikt(prive)
        store, sleutel = _open(bestand, huidig)
        if vragen.beschikbaarheid(store).empty:
            raise OpslagFout(f"De opslag {pad} bevat nog geen begrotingsgegevens.")
    except (OpslagFout, InvoerFout, DatabaseFout) as e:
        raise GeenGegevens(str(e)) from e
    return store, modelkeuze.actief(store, sleutel)  # de variant van deze sessie, als die er is
