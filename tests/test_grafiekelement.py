"""Het lichte grafiekelement (issue 30): de plotly.js-bundels in static/plotly/ komen aantoonbaar uit het
npm-register (package-lock.json), hebben dezelfde plotly.js-versie als het Python-pakket plotly (anders tekent
de browser een figuur van een andere versie), en elke figuur krijgt de kleinste bundel die haar sporen kent.
Dat de sporen in de browser ook echt zo getekend worden: tests/test_browser.py."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import plotly
import pytest
from conftest import REPO

from sociale_basis.dashboard import grafiekelement


def _bundels():
    spec = importlib.util.spec_from_file_location("bundels", REPO / "tools" / "plotly" / "bundels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bundels_kloppen_met_het_lockbestand():
    assert _bundels().fouten() == []


def test_bundels_hebben_de_plotlyjs_versie_van_het_pythonpakket():
    volledig = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    versie = re.search(r"plotly\.js v([\d.]+)", volledig.read_text(encoding="utf-8")[:300]).group(1)
    bestanden = grafiekelement.bestanden()
    assert set(bestanden) == set(grafiekelement.BUNDELS)
    for pakket, naam in bestanden.items():
        kop = (grafiekelement.STATIC / naam).read_text(encoding="utf-8")[:300]
        assert f"plotly.js ({pakket.removeprefix('plotly.js-').removesuffix('-dist-min')}" in kop
        assert f"v{versie}" in kop and naam.endswith(f"-{versie}.min.js"), (naam, versie)
        # Kleiner dan de volledige bundel van Streamlits plotly-element: daar gaat het om.
        assert (grafiekelement.STATIC / naam).stat().st_size < volledig.stat().st_size / 3


@pytest.mark.parametrize(
    ("sporen", "verwacht"),
    [
        (["bar"], "plotly-basic-"),
        (["bar", "scatter", None], "plotly-basic-"),
        (["choropleth", "choropleth"], "plotly-geo-"),
        (["scattergeo", "choropleth"], "plotly-geo-"),
        (["choropleth", "bar"], None),  # geen bundel kent beide: het zware element
        (["heatmap"], None),
    ],
)
def test_kleinste_bundel_die_alle_sporen_kent(sporen, verwacht):
    figuur = {"data": [{"type": s} if s else {} for s in sporen]}
    gekozen = grafiekelement.bundel(figuur)
    assert (gekozen is None) if verwacht is None else gekozen.startswith(verwacht)


def test_zonder_bundels_het_zware_element(monkeypatch):
    monkeypatch.setattr(grafiekelement, "bestanden", lambda: {})
    assert grafiekelement.bundel({"data": [{"type": "bar"}]}) is None


def test_titel_als_platte_tekst():
    assert grafiekelement.platte_tekst("Amsterdam: de lagen<br><sup>netto &amp; bruto</sup>") == (
        "Amsterdam: de lagen netto & bruto"
    )
