"""Paginatijden voor de benchmark: AppTest-rerun na een widgetwijziging, per pagina, met de
volledige opslag; plus de grootte van de kaartfiguur. Aangeroepen door `sociale_basis.bench`."""

from __future__ import annotations

import itertools
import json
import os
import statistics
import time
from pathlib import Path

from sociale_basis.store import ROOT

WIJZIGINGEN = 12


def _knop(at, key):
    return next(b for b in at.get("button_group") if b.key == key)


# Per pagina: welke widget wijzigt en de waarden waar we doorheen lopen (gecachet én nieuw).
SCENARIO = {
    "nederland": lambda at, i: (
        _knop(at, "maat").set_value(["bruto", "netto"][i % 2])
        if i % 3
        else at.selectbox(key="jaar").set_value([2023, 2024, 2025][i % 3])
    ),
    "gemeente": lambda at, i: at.selectbox(key="gemeente").set_value(
        [
            "GM0014",
            "GM0193",
            "GM0344",
            "GM0599",
            "GM0363",
            "GM0855",
            "GM0772",
            "GM0202",
            "GM0268",
            "GM0150",
            "GM0935",
            "GM0983",
        ][i % 12]
    ),
    "vergelijken": lambda at, i: at.slider(key="k").set_value([5, 10, 15, 20, 30, 40][i % 6]),
    "kaart": lambda at, i: at.selectbox(key="indicator").set_value(
        ["verhouding", "collectieve_preventie", "acute_zorg", "persoonlijk", "informeel", "institutioneel", "maatwerk"][
            i % 7
        ]
    ),
    "trends": lambda at, i: at.selectbox(key="gemeente").set_value(
        [
            "GM1982",
            "GM0014",
            "GM0193",
            "GM0344",
            "GM1992",
            "GM1980",
            "GM0599",
            "GM0363",
            "GM0855",
            "GM0772",
            "GM0202",
            "GM0268",
        ][i % 12]
    ),
    # Een gemeentewissel op Begroting en werkelijkheid (de pagina toont het laatste jaar met een jaarrekening).
    "realisatie": lambda at, i: at.selectbox(key="gemeente").set_value(
        ["GM0014", "GM0177", "GM0363", "GM0599", "GM0344", "GM0855"][i % 6]
    ),
    "gemeentefonds": lambda at, i: at.selectbox(key="gemeente").set_value(
        ["GM0014", "GM0193", "GM0344", "GM0599", "GM0363", "GM0855"][i % 6]
    ),
    "methode": lambda at, i: _knop(at, "schema").set_value(["2017-2022", "2023-2024", "2025+"][i % 3]),
}


def meet_paginas(db: Path) -> dict[str, tuple[float, float]]:
    from streamlit.testing.v1 import AppTest

    os.environ["SOCIALE_BASIS_DB"] = str(db)
    uitkomst = {}
    for pagina, wijzig in SCENARIO.items():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["jaar"] = "2025"
        if pagina == "trends":  # de hele reeks vanaf 2017 is er alleen bruto
            at.query_params["maat"] = "Bruto"
        at.run()
        if pagina != "nederland":
            at.switch_page(f"sociale_basis/pages/{pagina}.py").run()
        tijden = []
        for i in itertools.islice(itertools.count(1), WIJZIGINGEN):
            wijzig(at, i)
            start = time.perf_counter()
            at.run()
            tijden.append((time.perf_counter() - start) * 1000)
            if at.exception:
                raise RuntimeError(f"{pagina}: {at.exception}")
        uitkomst[pagina] = (statistics.median(tijden), max(tijden))
        print(
            f"Pagina {pagina:<12} rerun na widgetwijziging: mediaan {uitkomst[pagina][0]:.0f} ms, "
            f"hoogst {uitkomst[pagina][1]:.0f} ms over {WIJZIGINGEN}× (doel ≤ 150 ms)"
        )
        if pagina == "kaart":
            grootte = max(len(el.proto.spec.encode()) for el in at.get("plotly_chart"))
            print(f"Kaartfiguur (plotly-JSON naar de browser): {grootte / 1024:.0f} kB (doel ≤ 250 kB)")
            uitkomst["kaart_kb"] = (grootte / 1024, grootte / 1024)
    json.dumps(uitkomst)
    return uitkomst
