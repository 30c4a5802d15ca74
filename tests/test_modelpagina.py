"""De pagina Model met Streamlit AppTest: een variant verandert de kop meteen en op elke pagina,
een andere sessie ziet tegelijk het standaardmodel, de link neemt de variant mee, een ongeldige
variant of link geeft een Nederlandse melding, en uploaden werkt als `--model`."""

from __future__ import annotations

import json
import re

import pytest
from conftest import REPO, kerncijfers
from streamlit.testing.v1 import AppTest
from test_paginas import figuren

from sociale_basis import model, varianten
from sociale_basis.dashboard import modelkeuze

PAGINA = "sociale_basis/pages/model.py"


def app(pagina: str | None = PAGINA, **query) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=180)
    at.query_params.update(query)
    at.run()
    if pagina:
        at.switch_page(pagina).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def db(volledige_opslag, monkeypatch):
    monkeypatch.setenv("SOCIALE_BASIS_DB", str(volledige_opslag))
    return volledige_opslag


def kop(at: AppTest) -> list[str]:
    return [m.value for m in kerncijfers(at)]


def zijbalk_model(at: AppTest) -> str:
    return next(c.value for c in at.sidebar.caption if c.value.startswith("Model:"))


def knop(at: AppTest, key: str):
    return next(b for b in at.get("button_group") if b.key == key)


def test_variant_verandert_de_kop_en_niet_die_van_een_andere_sessie(db):
    at = app(jaar="2023", document="Jaarrekening")
    ander = app(jaar="2023", document="Jaarrekening")
    voor = kop(at)
    assert "standaard" in zijbalk_model(at)
    knop(at, "mv_6.74a").set_value("acuut").run()
    assert not at.exception, at.exception
    na = kop(at)
    assert na != voor, "6.74a naar acuut verhoogt de verhouding acuut/preventie"
    assert "standaard + 6.74a:acuut" in zijbalk_model(at)
    assert at.query_params["model"] in ("6.74a:acuut", ["6.74a:acuut"])
    # Een tweede sessie tegelijk: nog steeds het standaardmodel, ook na een rerun.
    ander.run()
    assert kop(ander) == voor and "standaard" in zijbalk_model(ander) and "6.74a" not in zijbalk_model(ander)
    # Andere pagina's rekenen met de variant, en zeggen dat in de bronregel.
    at.switch_page("sociale_basis/pages/nederland.py").run()
    assert "model ‘standaard + 6.74a:acuut’" in json.dumps(figuren(at)[0]["layout"]["annotations"], ensure_ascii=False)
    ander.switch_page("sociale_basis/pages/nederland.py").run()
    assert kop(at)[2] != kop(ander)[2]  # € acuut per € preventie


def test_verdeling_61_buiten_de_sociale_basis_verandert_de_kop(db):
    at = app(jaar="2023", document="Jaarrekening")
    voor = kop(at)
    at.number_input(key="m61_ov").set_value(20).run()
    # 0 + 40 + 60 + 20 = 120%: geweigerd met rij en kolom, het model blijft het standaardmodel.
    assert any("geweigerd" in e.value and "kolom 'aandeel'" in e.value and "rij" in e.value for e in at.error)
    assert kop(at) == voor and "standaard" in zijbalk_model(at)
    at.number_input(key="m61_inst").set_value(40).run()
    assert not at.error
    assert "ov0.2" in zijbalk_model(at)
    assert kop(at) != voor  # minder preventie, dus meer acuut per euro preventie
    # Ook de mediane gemeente verschuift, en staat naast het gewogen cijfer.
    regel = next(c.value for c in at.caption if c.value.startswith("Nederland: gewogen"))
    variant, standaard = re.findall(r"€ \d+,\d\d", regel)
    assert variant != standaard


def test_link_opent_dezelfde_variant(db):
    at = app(model="6.1:inst0.7;6.74a:acuut")
    assert "standaard + 6.1:inf0.3,inst0.7;6.74a:acuut" in zijbalk_model(at)
    assert at.number_input(key="m61_inst").value == 70
    assert knop(at, "mv_6.74a").value == "acuut"


def test_onbekende_link_valt_terug_op_standaard(db):
    at = app(pagina=None, model="6.1:banaan")
    assert any("niet te gebruiken" in w.value and "standaardmodel" in w.value for w in at.warning)
    assert "standaard" in zijbalk_model(at) and "banaan" not in zijbalk_model(at)
    assert "model" not in at.query_params


def test_terug_naar_standaard(db):
    at = app(model="5.1:inst")
    assert "5.1:inst" in zijbalk_model(at)
    at.button[0].click().run()
    assert "+" not in zijbalk_model(at) and "model" not in at.query_params


def test_cache_van_geladen_varianten_is_begrensd(opslag):
    """Meer varianten dan MAX_GELADEN: de oudste gaan uit `werk` (als ze al even niet gebruikt
    zijn), en een vergeten variant laadt bij gebruik gewoon opnieuw."""
    standaard = model.laad()
    codes = [f"6.1:inst{i / 10}" for i in range(1, 11)]
    modellen = [varianten.bouw(standaard, varianten.lees_code(c)) for c in codes]
    oud = modelkeuze.RUST_SECONDEN
    modelkeuze.RUST_SECONDEN = 0.0
    try:
        for m in modellen:
            modelkeuze.zorg_geladen(opslag, m)
        geladen = modelkeuze.geladen_sleutels(opslag)
        assert len(geladen) == modelkeuze.MAX_GELADEN and modellen[0].sleutel not in geladen
        from sociale_basis import indicators

        assert indicators.model_regels(opslag, modellen[0].sleutel).empty
        assert modelkeuze.zorg_geladen(opslag, modellen[0]) == modellen[0].sleutel
        assert not indicators.model_regels(opslag, modellen[0].sleutel).empty
    finally:
        modelkeuze.RUST_SECONDEN = oud
        for s in modelkeuze.geladen_sleutels(opslag):
            varianten.vergeet(opslag, s)
        modelkeuze._PER_OPSLAG.pop(opslag, None)


def test_recent_gebruikte_variant_blijft_geladen(opslag):
    standaard = model.laad()
    modellen = [varianten.bouw(standaard, varianten.lees_code(f"6.1:inst{i / 10}")) for i in range(1, 11)]
    try:
        for m in modellen:
            modelkeuze.zorg_geladen(opslag, m)
        # Binnen RUST_SECONDEN kan een andere sessie er nog mee rekenen: niets weggehaald.
        assert len(modelkeuze.geladen_sleutels(opslag)) == 10
    finally:
        for s in modelkeuze.geladen_sleutels(opslag):
            varianten.vergeet(opslag, s)
        modelkeuze._PER_OPSLAG.pop(opslag, None)


def test_rondgang_downloaden_en_weer_uploaden(db):
    """Variant → het modelbestand dat de downloadknop geeft → terug naar standaard → dat bestand
    uploaden: dezelfde kop en hetzelfde model."""
    at = app(jaar="2023", document="Jaarrekening")
    standaard = kop(at)
    knop(at, "mv_6.74a").set_value("acuut").run()
    variant = kop(at)
    assert variant != standaard
    # De downloadknop geeft model.naar_csv van het actieve model (uitvoer.model_knop).
    gekozen = at.session_state[modelkeuze.SESSIE]
    inhoud, naam = model.naar_csv(gekozen), f"{gekozen.naam}.csv"  # zoals uitvoer.model_knop
    next(b for b in at.button if "standaardmodel" in b.label).click().run()
    assert kop(at) == standaard and "6.74a" not in zijbalk_model(at)
    at.file_uploader[0].set_value((naam, inhoud, "text/csv")).run()
    assert not at.exception, at.exception
    assert kop(at) == variant and "6.74a:acuut" in zijbalk_model(at)


def _gevoeligheid(at: AppTest) -> bool:
    return any("6.1" in f["layout"]["title"]["text"] for f in figuren(at))


def test_gevoeligheid_van_een_variant_pas_op_verzoek(db):
    """Issue 33: elke nieuwe link met een variant liet 22 modellen laden onder een slot voor het hele proces.
    Nu rekent een variant pas als de bezoeker erom vraagt; een link met alleen 6.1/6.74a gebruikt de reeks van
    het standaardmodel (die de opwarming al rekende). Een link met een taakveld dat de pagina niet biedt: melding."""
    at = app(model="6.1:inst0.7;6.74a:acuut")
    assert _gevoeligheid(at)
    at = app(model="5.1:inst")
    assert not _gevoeligheid(at)
    knop_ = next(b for b in at.button if b.key == "gevoeligheid_knop")
    knop_.click().run()
    assert _gevoeligheid(at) and not any(b.key == "gevoeligheid_knop" for b in at.button)
    at = app(pagina=None, model="6.2:acuut")
    assert any("kan in een link niet naar acuut" in w.value for w in at.warning)
    assert "+" not in zijbalk_model(at)
