"""Alleen een aangemelde beheerder verandert wat iedereen ziet (issue 33, punt 1). In deploy/ melden beheerders
zich aan bij nginx (auth_basic op /beheer/, test_uitrol.py); nginx zet hun naam in een kop die alleen de
beheerreplica gelooft. Hier: een anonieme bezoeker kan niet publiceren, ophalen of verwijderen (ook niet met
een gemaakt bericht dat de knop omzeilt), kan zijn eigen bestanden wel privé controleren; een beheerder kan
het wel, en het schrijflog op Gegevens zegt wie, wanneer en wat."""

from __future__ import annotations

import pytest
from test_eigen import controleer, eigen_db, ingevuld, sjabloon  # noqa: F401 — eigen_db is een fixture
from test_paginas import app

from sociale_basis.dashboard import opslag
from sociale_basis.store import OpslagFout, huidige_versie


@pytest.fixture
def beheerd(eigen_db, monkeypatch):
    """Een installatie zoals de beheerreplica van deploy/: schrijven alleen met een aangemelde beheerder."""
    monkeypatch.setenv("SOCIALE_BASIS_SCHRIJVEN", "beheerder")
    return eigen_db


def test_anoniem_kan_niet_publiceren_ophalen_of_verwijderen(beheerd):
    voor = huidige_versie(beheerd)
    at = app(beheerd, "gegevens", jaar="2025", document="Begroting")
    assert not at.exception, at.exception
    labels = [b.label for b in at.button]
    assert "Haal de nieuwste gegevens op bij CBS" not in labels
    assert any("alleen een aangemelde beheerder" in i.value for i in at.info)
    # Privé controleren mag; publiceren staat uit, met de reden.
    controleer(at, "amsterdam_ontwerp_2025.csv", ingevuld(sjabloon(beheerd)))
    assert not at.exception and not at.error, [e.value for e in at.error]
    publiceer = next(b for b in at.button if b.label.startswith("Publiceren"))
    assert publiceer.disabled
    # Ook wie de knop omzeilt (een gemaakt websocketbericht), komt niet verder dan de controle in opslag.schrijf.
    with pytest.raises(OpslagFout, match="aangemelde beheerder"):
        opslag.schrijf(lambda _s, _m: None, "Publiceren…", "gepubliceerd: x")
    assert huidige_versie(beheerd) == voor


def test_een_tikfout_in_de_instelling_opent_niets(monkeypatch):
    monkeypatch.setenv("SOCIALE_BASIS_SCHRIJVEN", "iedereen")
    assert opslag.schrijfwijze() == "niemand" and not opslag.schrijfrecht().mag
    monkeypatch.delenv("SOCIALE_BASIS_SCHRIJVEN")
    monkeypatch.setenv("SOCIALE_BASIS_ALLEEN_LEZEN", "1")
    assert not opslag.schrijfrecht().mag
    monkeypatch.delenv("SOCIALE_BASIS_ALLEEN_LEZEN")
    assert opslag.schrijfrecht().mag  # scripts/dashboard.sh op je eigen machine


def test_beheerder_publiceert_en_het_schrijflog_zegt_wie(beheerd, monkeypatch):
    # Wat nginx na aanmelding doet: de kop met de naam (hier direct, AppTest kent geen koppen).
    monkeypatch.setattr(opslag, "aangemelde_beheerder", lambda: "anna")
    at = app(beheerd, "gegevens", jaar="2025", document="Begroting")
    assert any("Aangemeld als beheerder: anna" in s.value for s in at.success)
    assert "Haal de nieuwste gegevens op bij CBS" in [b.label for b in at.button]
    controleer(at, "amsterdam_ontwerp_2025.csv", ingevuld(sjabloon(beheerd)))
    next(b for b in at.button if b.label.startswith("Publiceren")).click().run()
    assert not at.exception, at.exception
    log = at.dataframe
    schrijflog = next(d.value for d in log if "Door" in d.value.columns)
    assert schrijflog.iloc[0]["Door"] == "anna"
    assert schrijflog.iloc[0]["Wat"] == "gepubliceerd: amsterdam_ontwerp_2025.csv"
    next(b for b in at.button if b.label == "Verwijderen").click().run()
    assert not at.exception, at.exception
    schrijflog = next(d.value for d in at.dataframe if "Door" in d.value.columns)
    assert list(schrijflog["Wat"]) == [
        "eigen cijfers verwijderd: GM0363 begroting 2025",
        "gepubliceerd: amsterdam_ontwerp_2025.csv",
    ]
