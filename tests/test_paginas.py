"""Elke pagina met Streamlit AppTest op de volledige opslag: rendert zonder fouten, een andere
keuze geeft andere getallen, een URL met parameters herstelt de weergave, en een lege opslag
geeft op elke pagina uitleg in plaats van een traceback."""

from __future__ import annotations

import json

import pytest
from conftest import REPO
from streamlit.testing.v1 import AppTest

PAGINAS = ["nederland", "gemeente", "vergelijken", "kaart", "methode"]


def app(db, pagina: str = "nederland", **query) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.query_params.update(query)
    at.run()
    if pagina != "nederland":
        at.switch_page(f"sociale_basis/pages/{pagina}.py").run()
    return at


@pytest.fixture
def db(volledige_opslag, monkeypatch):
    monkeypatch.setenv("SOCIALE_BASIS_DB", str(volledige_opslag))
    return volledige_opslag


def knop(at: AppTest, key: str):
    """Een segmented control of pills op sleutel (de volgorde hangt af van de pagina)."""
    return next(b for b in at.get("button_group") if b.key == key)


def figuren(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def titels(at: AppTest) -> list[str]:
    return [f["layout"]["title"]["text"] for f in figuren(at)]


@pytest.mark.parametrize("pagina", PAGINAS)
def test_pagina_rendert_zonder_fouten(db, pagina):
    at = app(db, pagina)
    assert not at.exception, at.exception
    assert at.title, "elke pagina heeft een titel"
    if pagina != "methode":
        assert figuren(at), "elke pagina behalve Methode toont een grafiek"
        for fig in figuren(at):
            assert fig["layout"]["separators"] == ",."          # Nederlandse notatie
            assert "Bron: CBS" in json.dumps(fig["layout"]["annotations"])  # bronregel


def test_nederland_netto_naar_bruto_verandert_getallen(db):
    at = app(db, jaar="2023", document="Jaarrekening")
    netto = [m.value for m in at.metric]
    assert "(netto)" in at.markdown[0].value
    knop(at, "maat").set_value("bruto").run()
    bruto = [m.value for m in at.metric]
    assert netto != bruto and "(bruto)" in at.markdown[0].value
    # Bruto 2023J: meer preventie dan netto, want 6.1 draagt de opvang van vluchtelingen.
    assert int(bruto[0].split()[-1]) > int(netto[0].split()[-1])


def test_nederland_jaar_zonder_baten_zegt_dat(db):
    at = app(db, jaar="2024", document="Jaarrekening", maat="Netto")
    assert not at.exception
    assert any("alleen lasten beschikbaar" in w.value for w in at.warning)
    assert "(bruto)" in at.markdown[0].value  # nooit bruto als netto


def test_gemeente_kiezen_verandert_pagina(db):
    at = app(db, "gemeente", jaar="2025")
    assert at.title[0].value == "Amsterdam"
    voor = [m.value for m in at.metric]
    at.selectbox(key="gemeente").select("GM0014").run()
    assert at.title[0].value == "Groningen"
    assert [m.value for m in at.metric] != voor
    tabel = at.dataframe[0].value
    assert set(tabel["Code"]) >= {"6.1", "7.1"} and "Aandeel in laag" in tabel.columns


def test_gemeente_taakvelden_per_laag(db):
    at = app(db, "gemeente", jaar="2023", document="Begroting", gemeente="Utrecht")
    knop(at, "laag").set_value("acuut").run()
    codes = set(at.dataframe[0].value["Code"])
    assert codes and codes <= {"6.73a", "6.73b", "6.73c", "6.74b", "6.74c", "6.81", "6.81a", "6.81b",
                               "6.82", "6.82a", "6.82b"}


def test_vergelijken_groep_wijzigen(db):
    at = app(db, "vergelijken", jaar="2025", gemeente="Zwolle")
    assert "10 gemeenten die lijken op Zwolle" in at.markdown[0].value
    rijen_voor = len(at.dataframe[0].value)
    at.slider(key="k").set_value(20).run()
    assert "20 gemeenten die lijken op Zwolle" in at.markdown[0].value
    assert len(at.dataframe[0].value) == rijen_voor + 10
    at.radio(key="groep").set_value("kenmerken").run()
    at.multiselect(key="provincie").set_value(["Drenthe"]).run()
    tabel = at.dataframe[0].value
    assert "Drenthe" in at.markdown[0].value and 12 <= len(tabel) <= 13  # 12 gemeenten + Zwolle


def test_kaart_indicator_wisselen(db):
    at = app(db, "kaart", jaar="2025")
    assert "€ acute zorg per € collectieve preventie" in titels(at)[0]
    at.selectbox(key="indicator").select("informeel").run()
    assert titels(at)[0].startswith("Laag: Informeel")
    fig = figuren(at)[0]
    vlakken = [c for spoor in fig["data"] if spoor.get("showscale") is not False or spoor["colorscale"][0][1] != "rgba(0,0,0,0)"
               for c in spoor["locations"]]
    assert len(set(vlakken)) == 342  # elke gemeente, ook zonder cijfers (lichtgrijs)


def test_kaart_oud_jaar_herrekend_naar_latere_grenzen(db):
    at = app(db, "kaart", jaar="2019", document="Begroting")
    assert not at.exception
    assert any("herrekend naar de" in i.value and "van 2022" in i.value for i in at.info)
    fig = figuren(at)[0]
    assert len({c for spoor in fig["data"] for c in spoor["locations"]}) == 345  # indeling 2022


def test_methode_netto_bruto_met_echte_cijfers(db):
    at = app(db, "methode")
    tekst = " ".join(m.value for m in at.markdown)
    assert "€ 4,13 mld" in tekst and "€ 2,88 mld" in tekst
    assert "CC BY-NC-SA" in tekst
    rijen = len(at.dataframe[0].value)
    at.toggle(key="sociaal").set_value(False).run()
    assert len(at.dataframe[0].value) > rijen


def test_url_herstelt_weergave(db):
    at = app(db, "gemeente", jaar="2023", document="Jaarrekening", maat="Bruto", weergave="Totaal",
             gemeente="Utrecht", groep="Zelf kiezen", selectie=["Almere", "Zwolle"])
    assert at.selectbox(key="jaar").value == 2023
    assert at.selectbox(key="gemeente").value == "GM0344"
    assert knop(at, "document").value == "jaarrekening"
    assert knop(at, "maat").value == "bruto"
    assert knop(at, "weergave").value == "totaal"
    assert at.multiselect(key="selectie").value == ["GM0034", "GM0193"]
    assert at.title[0].value == "Utrecht"
    assert "besteedde Utrecht" in at.markdown[0].value and "(bruto)" in at.markdown[0].value


@pytest.mark.parametrize("pagina", PAGINAS)
def test_lege_opslag_geeft_uitleg(tmp_path, monkeypatch, pagina):
    monkeypatch.setenv("SOCIALE_BASIS_DB", str(tmp_path / "bestaat_niet.duckdb"))
    at = app(tmp_path, pagina)
    assert not at.exception
    assert at.title[0].value == "Nog geen gegevens"
    assert "sociale-basis import" in " ".join(m.value for m in at.markdown)
