"""Het model van deze browsersessie: het standaardmodel of een variant (pagina Model).

Een variant leeft alleen in `st.session_state` van één sessie; geladen wordt hij in de gedeelde
`werk`-database onder zijn eigen sleutel (naam + vingerafdruk), zodat een andere sessie hem
nooit te zien krijgt. `actief` is de haak in opslag.opslag(): elke pagina krijgt zo de sleutel
van de variant in plaats van die van het standaardmodel.

Per opslag blijven de laatst gebruikte MAX_GELADEN varianten geladen. Een oudere wordt uit `werk`
gehaald (varianten.vergeet); gebruikt een sessie hem daarna weer, dan laadt `actief` hem bij de
volgende rerun gewoon opnieuw (± 0,2 s), zonder fout. Een variant die in de laatste
RUST_SECONDEN nog gebruikt is, wordt nooit weggehaald: een rerun van een andere sessie kan er op
dat moment mee rekenen. De grens kan daardoor kort overschreden worden.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from decimal import Decimal

import streamlit as st

from .. import model, varianten
from ..sources.controle import InvoerFout
from ..store import DatabaseFout, Store

SESSIE = "_modelvariant"  # het actieve model (model.Model) of None = standaard
URL_GELEZEN = "_model_url"  # de waarde van ?model= die deze sessie al verwerkt heeft
URL = "model"
MAX_GELADEN = 8
RUST_SECONDEN = 60.0


class _Geladen:
    """De varianten die in `werk` van één opslag staan, oudste eerst."""

    def __init__(self) -> None:
        self.modellen: OrderedDict[str, tuple[model.Model, float]] = OrderedDict()
        self.slot = threading.Lock()


# Per Store-object (niet per pad): na een schrijfactie opent opslag.py een nieuwe Store met een
# lege `werk`, en dan moet alles opnieuw geladen worden.
_PER_OPSLAG: weakref.WeakKeyDictionary[Store, _Geladen] = weakref.WeakKeyDictionary()
_REGISTER = threading.Lock()


def _geladen(store: Store) -> _Geladen:
    with _REGISTER:
        return _PER_OPSLAG.setdefault(store, _Geladen())


def zorg_geladen(store: Store, m: model.Model) -> str:
    """Laad de variant als hij nog niet in `werk` staat (anders alleen 'net gebruikt'); geeft
    zijn sleutel. Ruimt daarna de oudste varianten boven MAX_GELADEN op."""
    g = _geladen(store)
    with g.slot:
        nu = time.monotonic()
        if m.sleutel in g.modellen:
            g.modellen.move_to_end(m.sleutel)
        else:
            store.laad_model(m)
        g.modellen[m.sleutel] = (m, nu)
        while len(g.modellen) > MAX_GELADEN:
            oudste, (_, gebruikt) = next(iter(g.modellen.items()))
            if nu - gebruikt < RUST_SECONDEN:
                break
            del g.modellen[oudste]
            varianten.vergeet(store, oudste)
    return m.sleutel


def geladen_sleutels(store: Store) -> list[str]:
    """Welke varianten nu in `werk` staan, oudste eerst (voor tests en de pagina)."""
    return list(_geladen(store).modellen)


@st.cache_resource(show_spinner=False)
def _standaard(gewijzigd: float) -> model.Model:
    return model.laad()


def standaard() -> model.Model:
    return _standaard(model.STANDAARD.stat().st_mtime)


def variant() -> model.Model | None:
    """Het model dat deze sessie gekozen heeft, of None voor het standaardmodel."""
    return st.session_state.get(SESSIE)


def label() -> str:
    """De naam van het actieve model voor zijbalk, bronregels en exports."""
    m = variant()
    return m.label if m is not None else standaard().label


def kies(m: model.Model | None) -> None:
    """Maak `m` (None = standaard) het model van deze sessie en zet de link erop: de korte vorm
    van een variant, niets voor een geüpload model dat geen variant is (dat past niet in een link)."""
    if m is not None and m.sleutel == standaard().sleutel:
        m = None
    st.session_state[SESSIE] = m
    code = m.wijzigingen if m is not None else None
    if code:
        st.query_params[URL] = code
    elif URL in st.query_params:
        del st.query_params[URL]
    st.session_state[URL_GELEZEN] = code


def _lees_link() -> None:
    """Een nieuwe waarde van ?model= (een gedeelde link) wordt het model van deze sessie. Geen
    waarde verandert niets: de sessie houdt haar keuze en de link krijgt die weer mee."""
    waarde = st.query_params.get(URL)
    if waarde is None:
        m = variant()
        if m is not None and m.wijzigingen:
            st.query_params[URL] = m.wijzigingen
            st.session_state[URL_GELEZEN] = m.wijzigingen
        return
    if waarde == st.session_state.get(URL_GELEZEN):
        return
    try:
        kies(varianten.bouw(standaard(), varianten.lees_code(waarde)))
    except (varianten.VariantFout, InvoerFout) as e:
        kies(None)
        st.warning(
            f"Het model in de link (‘{waarde}’) is niet te gebruiken: {e} Het dashboard toont het standaardmodel.",
            icon=":material/info:",
        )


def actief(store: Store, standaard_sleutel: str) -> str:
    """De haak in opslag.opslag(): de sleutel van het model van deze sessie, geladen."""
    _lees_link()
    m = variant()
    if m is None:
        return standaard_sleutel
    try:
        return zorg_geladen(store, m)
    except DatabaseFout as e:
        kies(None)
        st.warning(f"De variant kon niet worden geladen ({e}); het dashboard toont het standaardmodel.")
        return standaard_sleutel


# -- de invoer op de pagina Model ------------------------------------------------------------------
# Widgets met een on_change-callback: die draait vóór de rerun, zodat de haak hierboven in
# dezelfde rerun al de nieuwe variant ziet (zijbalk, kop en bronregels kloppen meteen).
FOUT = "_modelfout"  # waarom de laatste wijziging geweigerd is (de vorige variant blijft actief)
AFK_61 = {"persoonlijk": "m61_pers", "informeel": "m61_inf", "institutioneel": "m61_inst", "overig": "m61_ov"}


def key_verplaatsing(taakveld: str) -> str:
    return f"mv_{taakveld}"


def wijzigingen() -> varianten.Wijzigingen:
    """De wijzigingen van het actieve model (leeg voor standaard of een eigen, geüpload model)."""
    m = variant()
    return varianten.lees_code(m.wijzigingen) if m is not None and m.wijzigingen else varianten.Wijzigingen()


def standaardlaag(taakveld: str) -> str:
    """De laag van een taakveld in het standaardmodel (het eerste schema waarin het staat)."""
    r = standaard().regels
    return str(r.loc[r["taakveld"] == taakveld, "laag"].iloc[0])


def _standaard_61() -> dict[str, float]:
    r = standaard().regels
    r = r[r["taakveld"] == "6.1"]
    r = r[r["schema"] == r["schema"].iloc[-1]]
    return {str(laag): float(a) for laag, a in zip(r["laag"], r["aandeel"])}


def standaard_61_tekst() -> tuple[str, str]:
    """De vaste verdeling van 6.1 uit het modelbestand in woorden: (‘40% informeel en 60% institutioneel’,
    ‘40/60’). Elke tekst leest haar hier, zodat een ander modelbestand nergens een verouderd getal laat staan."""
    p = _procenten(_standaard_61())
    delen = [(laag, p[laag]) for laag in ("informeel", "institutioneel") if p[laag]]
    return " en ".join(f"{v}% {laag}" for laag, v in delen), "/".join(str(v) for _, v in delen)


def aandelen_61_procent() -> dict[str, int]:
    """De verdeling van 6.1 in hele procenten, voor de invoervelden."""
    w = wijzigingen()
    # Zonder eigen verdeling: die van het standaardmodel (data/model/standaard.csv, het nieuwste schema).
    delen = dict(w.aandelen_61) or _standaard_61()
    return _procenten(delen)


def _procenten(delen: dict) -> dict[str, int]:
    return {laag: round(float(delen.get(laag, 0)) * 100) for laag in AFK_61}


def _vergeet_invoer() -> None:
    """Na upload of terugzetten tonen de invoervelden weer het actieve model."""
    for key in [*AFK_61.values(), "m61_gemeten", *(key_verplaatsing(t) for t in varianten.VERPLAATSBAAR)]:
        st.session_state.pop(key, None)


def bij_invoer() -> None:
    """Callback: bouw de variant uit de invoervelden; geweigerd blijft de vorige actief."""
    procenten = {laag: st.session_state.get(key, 0) or 0 for laag, key in AFK_61.items()}
    gemeten = bool(st.session_state.get("m61_gemeten", True))
    standaard_61 = procenten == _procenten(_standaard_61())  # de verdeling van het modelbestand, nergens anders
    aandelen = None if standaard_61 else {laag: Decimal(int(p)) / 100 for laag, p in procenten.items()}
    lagen = {tv: st.session_state.get(key_verplaatsing(tv), standaardlaag(tv)) for tv in varianten.VERPLAATSBAAR}
    lagen = {tv: laag for tv, laag in lagen.items() if laag != standaardlaag(tv)}
    try:
        kies(varianten.bouw(standaard(), varianten.maak(aandelen, gemeten, lagen)))
        st.session_state[FOUT] = None
    except (varianten.VariantFout, InvoerFout) as e:
        st.session_state[FOUT] = str(e)


def bij_upload() -> None:
    """Callback: een geüpload modelbestand, met dezelfde controle als `--model`."""
    bestand = st.session_state.get("m_upload")
    if bestand is None:
        return
    try:
        kies(varianten.herken(standaard(), model.lees(bestand.getvalue(), bestand.name)))
        st.session_state[FOUT] = None
        _vergeet_invoer()
    except InvoerFout as e:
        st.session_state[FOUT] = f"Het bestand is niet gebruikt. {e}"


def terug() -> None:
    kies(None)
    st.session_state[FOUT] = None
    _vergeet_invoer()
