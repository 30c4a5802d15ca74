"""Gegevens laden vanuit het dashboard: het scherm van een opslag zonder gegevens (meegeleverde
momentopname laden of ophalen) en de ophaalknop van de pagina Gegevens. Schrijven gaat via
opslag.schrijf (één schrijver tegelijk, een nieuwe versie van de opslag)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import streamlit as st

from .. import fmt, importer, ophalen, snapshot
from ..sources.controle import InvoerFout
from ..store import Store
from .opslag import LAADFOUTEN, _beurt, alleen_lezen, db_pad, schrijf, schrijfrecht


def lege_opslag(reden: str) -> None:
    st.title("Nog geen gegevens")
    st.info(reden)
    try:
        m = snapshot.lees_manifest()
        meegeleverd = (
            f"de momentopname *{m.naam}* ({fmt.getal(m.bytes / 1e6, 1)} MB): Iv3 "
            f"{min(d['jaar'] for d in m.inhoud['dekking'])}–{max(d['jaar'] for d in m.inhoud['dekking'])} "
            "met inwoners, gemeentegrenzen, gemeentefonds, behoefte en CPI"
        )
    except InvoerFout:
        m, meegeleverd = None, None
    links, rechts = st.columns(2)
    with links:
        st.markdown(
            "**Meteen beginnen**\n\n"
            + (
                f"Laad {meegeleverd}. Dat duurt een paar seconden."
                if m
                else "Er is geen meegeleverde momentopname gevonden."
            )
        )
        laad = st.button(
            "Laad de meegeleverde gegevens",
            type="primary",
            disabled=m is None or alleen_lezen(),
            icon=":material/download_done:",
        )
    with rechts:
        st.markdown(
            "**Het nieuwste van CBS**\n\nHaal Iv3 (alle jaren, lasten en baten), gemeentelijsten, "
            "inwoners, de CPI en kaartgrenzen rechtstreeks op bij CBS en PDOK. Dat vraagt internet "
            "en duurt enkele minuten."
        )
        haal = st.button(
            "Haal de nieuwste gegevens op bij CBS", icon=":material/cloud_download:", disabled=alleen_lezen()
        )
    try:
        if laad:
            schrijf(
                lambda store, meld: importer.voer_in(store, snapshot.stappen(), meld),
                "De meegeleverde gegevens laden…",
                "de meegeleverde momentopname geladen",
            )
            st.rerun()
        if haal:
            haal_bij_cbs()
    except LAADFOUTEN as e:
        st.error(f"Laden is niet gelukt; de opslag is niet veranderd. {e}")
    if alleen_lezen():
        st.caption(schrijfrecht().waarom)
    st.caption(
        f"De opslag van deze installatie staat in `{db_pad().name}` (in te stellen met "
        "`SOCIALE_BASIS_DB`). Op de opdrachtregel: `sociale-basis import --snapshot` of "
        "`sociale-basis ophalen`."
    )


_OPHALER = threading.Lock()  # één download tegelijk: ze delen de cachemap


OPHAALVERSLAG = "_ophaalverslag"  # sessiesleutel: wat de laatste ophaling opleverde, voor na de rerun


def haal_bij_cbs() -> None:
    """Eerst alles downloaden (raakt de opslag niet), dan kort sluiten en in één transactie importeren.
    Wat er nieuw is (en wat CBS niet aanleverde) staat daarna op de pagina Gegevens."""
    with _beurt(_OPHALER, "Er wordt al opgehaald bij CBS (door een andere bezoeker); probeer het straks opnieuw."):
        balk = st.progress(0.0, text="Verbinden met CBS…")
        opgehaald = ophalen.download(meld=lambda t, f: balk.progress(min(f, 1.0) * 0.8, text=t))

        def importeer(store: Store, meld: Callable[[str, float], None]) -> list[str]:
            voor = ophalen.stand(store)
            ophalen.importeer(store, opgehaald, meld)
            return ophalen.wat_is_nieuw(voor, ophalen.stand(store))

        nieuw = schrijf(importeer, "Importeren…", "opgehaald bij CBS en PDOK")
    st.session_state[OPHAALVERSLAG] = {"nieuw": nieuw, "opmerkingen": opgehaald.opmerkingen}
    st.rerun()
