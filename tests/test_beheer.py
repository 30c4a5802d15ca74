"""Alleen een aangemelde beheerder verandert wat iedereen ziet (issue 33, punt 1). In deploy/ melden beheerders
zich aan bij nginx (auth_basic op /beheer/, test_uitrol.py); nginx zet hun naam in een kop die alleen de
beheerreplica gelooft. Hier: een anonieme bezoeker kan niet publiceren, ophalen of verwijderen (ook niet met
een gemaakt bericht dat de knop omzeilt), kan zijn eigen bestanden wel privé controleren; een beheerder kan
het wel, en het schrijflog op Gegevens zegt wie, wanneer en wat."""

from __future__ import annotations

import pytest
from test_eigen import controleer, eigen_db, ingevuld, sjabloon  # noqa: F401 — eigen_db is een fixture
from test_paginas import app, db, tabellen  # noqa: F401 — db is een fixture

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
    schrijflog = next(d for d in tabellen(at) if "Door" in d.columns)
    assert schrijflog.iloc[0]["Door"] == "anna"
    assert schrijflog.iloc[0]["Wat"] == "gepubliceerd: amsterdam_ontwerp_2025.csv"
    next(b for b in at.button if b.label == "Verwijderen").click().run()
    assert not at.exception, at.exception
    schrijflog = next(d for d in tabellen(at) if "Door" in d.columns)
    assert list(schrijflog["Wat"]) == [
        "eigen cijfers verwijderd: GM0363 begroting 2025",
        "gepubliceerd: amsterdam_ontwerp_2025.csv",
    ]


# -- wat een link meebrengt (issue 33, punt 2) ------------------------------------------------------
def test_een_link_zet_geen_markdown_op_onze_pagina(db):
    """`?jaar=[Sessie verlopen, log in](https://…)`: de melding (boven de eerste pagina) noemt de waarde letterlijk,
    ontsnapt, dus als tekst en nooit als link of plaatje op ons domein."""
    at = app(db, jaar="[Sessie verlopen, log in](https://kwaad.example/login)")
    assert not at.exception, at.exception
    melding = next(w.value for w in at.warning if "kwaad" in w.value)
    assert melding.startswith("Jaar \\[Sessie verlopen, log in\\]\\(https\\://kwaad")
    assert "](https://" not in melding


def test_een_link_met_heel_veel_waarden(db):
    """Hoogstens 400 waarden van één lijst tellen (meer dan er gemeenten zijn), tien onbekende worden genoemd.
    Boven 1.000 parameters of 524.288 tekens negeert Streamlit 1.67 de hele querystring zelf: de pagina opent
    dan gewoon met de standaardkeuzes."""
    from sociale_basis.dashboard import zijbalk

    waarden = ["GM0034", "Zwolle"] + [f"onbekend{i}" for i in range(900)]
    at = app(db, jaar="2025", groep="Zelf kiezen", selectie=waarden)
    assert not at.exception, at.exception
    assert at.multiselect(key="selectie").value == ["GM0034", "GM0193"]
    melding = next(w.value for w in at.warning if "onbekend0" in w.value)
    assert f"Alleen de eerste {zijbalk.MAX_WAARDEN} waarden van de link tellen" in melding
    assert "en nog 388" in melding  # 398 onbekende van de eerste 400: tien genoemd, de rest geteld
    at = app(db, jaar="2025", groep="Zelf kiezen", selectie=[f"x{i}" for i in range(100_000)])
    assert not at.exception and at.title[0].value == "Preventie of pas als het misgaat?"


def test_de_caches_zijn_begrensd(monkeypatch):
    """Een bezoeker kiest de sleutels van de caches; wie er meer vraagt dan de grens, duwt de oudste eruit in
    plaats van het geheugen van de replica te vullen."""
    from sociale_basis.dashboard import vragen

    gerekend = []

    @vragen.gecacht  # dezelfde decorator (en dus dezelfde grenzen) als elke gecachete vraag van de pagina's
    def vraag(i: int) -> int:
        gerekend.append(i)
        return i

    for i in range(vragen.CACHE_MAX + 10):
        vraag(i)
    vraag(vragen.CACHE_MAX + 9)  # de nieuwste: uit de cache
    vraag(0)  # de oudste: eruit geduwd, dus opnieuw gerekend
    assert gerekend.count(vragen.CACHE_MAX + 9) == 1 and gerekend.count(0) == 2


def test_een_websocketbericht_is_begrensd():
    import tomllib

    from conftest import REPO

    server = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())["server"]
    assert server["maxMessageSize"] <= 25 and server["maxUploadSize"] == 50  # MB; nginx: client_max_body_size 50m
