"""Het lichte grafiekelement: een plotly-figuur getekend met de kleinste plotly.js-bundel die haar sporen kent
(issue 30). De figuren zelf blijven plotly (charts.py, de huisstijl, de export via kaleido); alleen wat de
browser laadt verandert.

Waarom: Streamlits plotly-element laadt op elke pagina met een grafiek de volledige plotly.js (4,8 MB, één taak
van ± 0,6 s). Het dashboard tekent staven en lijnen (de basisbundel, 1,2 MB) en kaarten (de geo-bundel, 1,4 MB).
De bundels komen uit het npm-register met de versie en inhoud uit tools/plotly/package-lock.json
(tools/plotly/bundels.py), met hun licentie, in static/plotly/; het element zelf is een Streamlit-component
(v2: geen iframe, in de pagina zelf) met het script grafiekelement.js.

Een figuur met een spoor dat geen van de bundels kent, gaat naar st.plotly_chart: liever zwaar dan verkeerd.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import plotly.io as pio
import streamlit as st

from .. import huisstijl

# Welke sporen elke bundel tekent (de README van elk npm-pakket; de browsertest bewijst het per pagina:
# grafiekelement.js vergelijkt de gevraagde met de getekende sporen). De eerste die alles kent, wint.
BUNDELS: dict[str, frozenset[str]] = {
    "plotly.js-basic-dist-min": frozenset({"bar", "pie", "scatter"}),
    "plotly.js-geo-dist-min": frozenset({"scatter", "scattergeo", "choropleth"}),
}
STATIC = Path(__file__).resolve().parents[2] / "static" / "plotly"

_teken = st.components.v2.component(
    "sociale_basis.grafiek",
    js=Path(__file__).with_name("grafiekelement.js").read_text(encoding="utf-8"),
    # plotly zet zijn opmaak in <head>: in een afgeschermde (shadow) boom zou die niet gelden.
    isolate_styles=False,
)


@cache
def bestanden() -> dict[str, str]:
    """Per npm-pakket het bestand in static/plotly/ (uit bronnen.json); leeg als het er niet is."""
    try:
        bronnen = json.loads((STATIC / "bronnen.json").read_text(encoding="utf-8"))
    except OSError:
        return {}
    return {info["pakket"]: naam for naam, info in bronnen.items() if (STATIC / naam).is_file()}


def voorladen(pakket: str) -> None:
    """Laat de browser de bundel van `pakket` al ophalen terwijl het script van de pagina nog rekent: zonder dit
    begint dat pas als de eerste grafiek binnen is (± 0,4 s later). Achter nginx doet een preload in de kop
    hetzelfde nog eerder (deploy/start.sh)."""
    if bestand := bestanden().get(pakket):
        _teken(key=huisstijl.VOORLADEN, data={"voorladen": bestand})  # huisstijl.CSS verbergt het


def sporen(figuur) -> list[str]:
    """De soorten sporen van een figuur (een plotly-figuur, of haar JSON als dict); zonder soort: scatter."""
    if isinstance(figuur, dict):
        return [spoor.get("type") or "scatter" for spoor in figuur.get("data", [])]
    return [spoor.type or "scatter" for spoor in figuur.data]


def bundel(figuur) -> str | None:
    """Het bestand van de kleinste bundel die alle sporen van `figuur` tekent; None: geen."""
    nodig = set(sporen(figuur))
    beschikbaar = bestanden()
    for pakket, kent in BUNDELS.items():
        if nodig <= kent and pakket in beschikbaar:
            return beschikbaar[pakket]
    return None


def platte_tekst(opmaak: str) -> str:
    """Een plotly-titel (met <br>, <b>) als gewone tekst: de naam van de grafiek voor een schermlezer."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", opmaak)).split())


def toon(fig, *, config: dict, key: str, bij_klik: Callable[[list[dict]], None] | None = None) -> None:
    """Teken `fig`. `bij_klik(punten)` krijgt bij een klik de aangeklikte punten (elk met o.a. `location`,
    `x`, `y`), als callback vóór de volgende rerun."""
    # Soort sporen en titel uit de figuur zelf: haar JSON (bij een kaart met ingesloten grenzen honderden kB)
    # hoeft per rerun niet terug gelezen te worden.
    bestand = bundel(fig)
    if bestand is None:
        _zwaar(fig, config, key, bij_klik)
        return
    tekst = pio.to_json(fig, validate=False)
    titel = platte_tekst(fig.layout.title.text or "Grafiek")
    opties = {"on_klik_change": (lambda: bij_klik(st.session_state[key]["klik"] or []))} if bij_klik else {}
    _teken(
        key=key,
        data={"figuur": tekst, "bundel": bestand, "config": config, "klik": bij_klik is not None, "titel": titel},
        **opties,
    )


def _zwaar(fig, config: dict, key: str, bij_klik) -> None:
    def _selectie() -> None:
        bij_klik(st.session_state[key].selection.get("points", []))

    st.plotly_chart(
        fig,
        config=config,
        key=key,
        **({"on_select": _selectie, "selection_mode": "points"} if bij_klik else {}),
    )
