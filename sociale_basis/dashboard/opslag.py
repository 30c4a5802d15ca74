"""De opslag voor het dashboard: openen (alleen-lezen, gedeeld per proces), de pagina zonder
gegevens met haar twee knoppen, en schrijfacties (momentopname laden, ophalen bij CBS)."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

from .. import fmt, importer, model, ophalen, snapshot
from ..sources.lezen import InvoerFout
from ..store import DatabaseFout, OpslagFout, Store, standaard_pad
from . import modelkeuze, vragen


# -- opslag ----------------------------------------------------------------------------------
def db_pad() -> Path:
    """`streamlit run app.py -- --db PAD`, anders SOCIALE_BASIS_DB of het standaardpad."""
    if "--db" in sys.argv[:-1]:
        return Path(sys.argv[sys.argv.index("--db") + 1])
    return standaard_pad()


# Fouten die een laad- of ophaalactie als melding toont (niet als traceback).
LAADFOUTEN = (InvoerFout, OpslagFout, ophalen.OphaalFout, DatabaseFout)


_GEOPEND: list[Store] = []  # alle alleen-lezen Stores van dit proces, om te sluiten vóór een schrijfactie


@st.cache_resource(show_spinner=False)
def _open(pad: str, model_pad: str, model_gewijzigd: float) -> tuple[Store, str]:
    store = Store(pad, alleen_lezen=True)
    _GEOPEND.append(store)
    return store, store.laad_model(model.laad(model_pad))


_SCHRIJVER = threading.Lock()  # één schrijfactie tegelijk in dit proces


def alleen_lezen() -> bool:
    """Draait dit dashboard als een van meerdere replica's op één opslag (deploy/start.sh)? Dan
    schrijft het nooit: de andere replica's houden de opslag open, en wie bijwerkt doet dat op de
    opdrachtregel (zie README, Uitrollen)."""
    return os.environ.get("SOCIALE_BASIS_ALLEEN_LEZEN") == "1"


@contextmanager
def _beurt(slot: threading.Lock, bezet: str) -> Iterator[None]:
    """Eén tegelijk, en nooit in een alleen-lezen replica; anders een melding in plaats van wachten."""
    if alleen_lezen():
        raise OpslagFout("Dit dashboard draait alleen-lezen (meerdere replica's); werk de opslag bij met "
                         "`sociale-basis ophalen` en start de replica's opnieuw.")
    if not slot.acquire(blocking=False):
        raise OpslagFout(bezet)
    try:
        yield
    finally:
        slot.release()


def _vergeet_caches() -> None:
    _open.clear()
    st.cache_data.clear()
    st.cache_resource.clear()  # ook de kaartgrenzen: nieuwe grenzen moeten zichtbaar worden


def schrijf(actie: Callable[[Store, Callable[[str, float], None]], object], bezig: str) -> object:
    """Voer een schrijfactie uit (momentopname laden, CBS-import) met een voortgangsbalk.

    DuckDB staat in één proces geen schrijver naast alleen-lezen-verbindingen toe: de gedeelde
    alleen-lezen-opslag wordt eerst gesloten en na afloop (bij de volgende rerun) opnieuw geopend.
    Een bezoeker die precies dan een pagina laadt, kan één keer een foutmelding zien."""
    with _beurt(_SCHRIJVER, "Er wordt al bijgewerkt (door een andere bezoeker); probeer het over een "
                            "paar minuten."):
        balk = st.progress(0.0, text=bezig)

        def meld(tekst: str, fractie: float) -> None:
            balk.progress(min(max(fractie, 0.0), 1.0), text=tekst)

        _vergeet_caches()
        while _GEOPEND:
            _GEOPEND.pop().sluit()
        try:
            with Store(db_pad()) as store:
                uitkomst = actie(store, meld)
        finally:
            # Ook na een fout: wat tijdens het schrijven toch nog gecachet werd, is van vóór.
            _vergeet_caches()
        balk.progress(1.0, text="Klaar.")
        return uitkomst


def opslag() -> tuple[Store, str]:
    """De opslag en de modelsleutel; zonder gegevens een Nederlandse uitleg en stop."""
    pad = db_pad()
    try:
        if not pad.exists():
            raise OpslagFout(f"Er is nog geen opslag op {pad}.")
        store, sleutel = _open(str(pad), str(model.STANDAARD), model.STANDAARD.stat().st_mtime)
        if vragen.beschikbaarheid(store, sleutel).empty:
            raise OpslagFout(f"De opslag {pad} bevat nog geen begrotingsgegevens.")
    except (OpslagFout, InvoerFout, DatabaseFout) as e:
        lege_opslag(str(e))
        st.stop()
    return store, modelkeuze.actief(store, sleutel)  # de variant van deze sessie, als die er is


def lege_opslag(reden: str) -> None:
    st.title("Nog geen gegevens")
    st.info(reden)
    try:
        m = snapshot.lees_manifest()
        meegeleverd = (f"de momentopname *{m.naam}* ({fmt.getal(m.bytes / 1e6, 1)} MB): Iv3 "
                       f"{min(d['jaar'] for d in m.inhoud['dekking'])}–{max(d['jaar'] for d in m.inhoud['dekking'])} "
                       "met inwoners, gemeentegrenzen, gemeentefonds en CPI")
    except InvoerFout:
        m, meegeleverd = None, None
    links, rechts = st.columns(2)
    with links:
        st.markdown("**Meteen beginnen**\n\n" + (f"Laad {meegeleverd}. Dat duurt een paar seconden."
                                                   if m else "Er is geen meegeleverde momentopname gevonden."))
        laad = st.button("Laad de meegeleverde gegevens", type="primary", disabled=m is None or alleen_lezen(),
                         icon=":material/download_done:")
    with rechts:
        st.markdown("**Het nieuwste van CBS**\n\nHaal Iv3 (alle jaren, lasten en baten), gemeentelijsten, "
                    "inwoners, de CPI en kaartgrenzen rechtstreeks op bij CBS en PDOK. Dat vraagt internet "
                    "en duurt enkele minuten.")
        haal = st.button("Haal de nieuwste gegevens op bij CBS", icon=":material/cloud_download:",
                         disabled=alleen_lezen())
    try:
        if laad:
            schrijf(lambda store, meld: importer.voer_in(store, snapshot.stappen(), meld),
                    "De meegeleverde gegevens laden…")
            st.rerun()
        if haal:
            haal_bij_cbs()
    except LAADFOUTEN as e:
        st.error(f"Laden is niet gelukt; de opslag is niet veranderd. {e}")
    if alleen_lezen():
        st.caption("Dit dashboard draait alleen-lezen (meerdere replica's): laad de gegevens op de "
                   "opdrachtregel en start de replica's opnieuw.")
    st.caption(f"De opslag van deze installatie staat in `{db_pad().name}` (in te stellen met "
               "`SOCIALE_BASIS_DB`). Op de opdrachtregel: `sociale-basis import --snapshot` of "
               "`sociale-basis ophalen`.")


_OPHALER = threading.Lock()  # één download tegelijk: ze delen de cachemap


def haal_bij_cbs() -> None:
    """Eerst alles downloaden (raakt de opslag niet), dan kort sluiten en in één transactie importeren."""
    with _beurt(_OPHALER, "Er wordt al opgehaald bij CBS (door een andere bezoeker); probeer het straks "
                          "opnieuw."):
        balk = st.progress(0.0, text="Verbinden met CBS…")
        opgehaald = ophalen.download(meld=lambda t, f: balk.progress(min(f, 1.0) * 0.8, text=t))
        for opmerking in opgehaald.opmerkingen:
            st.caption(f"Let op: {opmerking}")
        schrijf(lambda store, meld: ophalen.importeer(store, opgehaald, meld), "Importeren…")
    st.rerun()
