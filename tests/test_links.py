"""Links die vergeven: de regels (zuiver) en wat het dashboard met zo'n link doet (AppTest)."""

from __future__ import annotations

import shutil
import time
from datetime import datetime

import pytest
from test_paginas import app, db  # noqa: F401 (fixture)

from sociale_basis import indicators, links
from sociale_basis.importer import importeer
from sociale_basis.store import Store, nieuwe_versie

NAMEN = {
    "GM0014": "Groningen",
    "GM0363": "Amsterdam",
    "GM1900": "Súdwest-Fryslân",
    "GM0373": "Bergen (NH.)",
    "GM1969": "Westerkwartier",
}


@pytest.mark.parametrize(
    "ruw, code",
    [
        ("GM0014", "GM0014"),
        ("gm0014", "GM0014"),
        ("GM14", "GM0014"),
        ("0363", "GM0363"),
        ("Groningen", "GM0014"),
        ("groningen", "GM0014"),
        ("GRONINGEN", "GM0014"),
        ("Groningen (gemeente)", "GM0014"),
        ("sudwest fryslan", "GM1900"),
        ("Súdwest Fryslân", "GM1900"),
        ("bergen (nh.)", "GM0373"),
        ("Zuidhorn", "GM1969"),
        ("Nergenshuizen", None),
        ("GM9999", None),
        ("", None),
        ("Bergen", None),
    ],
)
def test_gemeente_uit_link(ruw, code):
    oud = [("Zuidhorn", "GM1969"), ("Maarssen", "GM0344")]  # GM0344 bestaat niet in NAMEN
    assert links.gemeente(ruw, NAMEN, oud) == code


@pytest.mark.parametrize(
    "ruw, opties, goed",
    [
        ("jaarrekening", ["Begroting", "Jaarrekening"], "Jaarrekening"),
        ("BRUTO", ["Netto", "Bruto"], "Bruto"),
        ("per_inwoner", ["Per inwoner", "Totaal"], "Per inwoner"),
        ("per inwoner", ["Per inwoner", "Totaal"], "Per inwoner"),
        ("winst", ["Netto", "Bruto"], None),
    ],
)
def test_keuze_uit_link(ruw, opties, goed):
    assert links.keuze(ruw, opties) == goed


def _meldingen(at) -> list[str]:
    return [w.value for w in at.warning if "De link noemt" in w.value]


def test_link_met_gm_code_en_kleine_letters(db):
    at = app(db, "gemeente", gemeente="GM0014", document="jaarrekening", maat="bruto")
    assert not at.exception, at.exception
    k = at.session_state["_deze_rerun"][2]
    assert (k.gemeente, k.document, k.gevraagde_maat) == ("GM0014", "jaarrekening", "bruto")
    # De URL krijgt de vorm die de widgets zelf schrijven; jaarrekening is er niet voor 2025.
    assert at.query_params["gemeente"] == "Groningen"
    assert at.query_params["document"] == "Jaarrekening"
    assert int(at.query_params["jaar"]) == k.jaar < 2025
    assert not _meldingen(at)


def test_link_met_onbekende_gemeente_geeft_melding(db):
    at = app(db, gemeente="Nergenshuizen", jaar="2025", weergave="TOTAAL")
    assert not at.exception, at.exception
    assert _meldingen(at) == [
        "De link noemt gemeente ‘Nergenshuizen’; die kennen we niet voor 2025. Je ziet Amsterdam."
    ]
    k = at.session_state["_deze_rerun"][2]
    assert k.gemeente == "GM0363" and not k.per_inwoner


def test_link_vergeeft_ook_de_vergelijkingsgroep(db):
    """Issue 12: ook groep, selectie (GM-codes, kleine letters) en kenmerken vergeven; wat onbekend is
    wordt genoemd, de rest blijft gekozen (eerder vielen ze stil weg)."""
    at = app(db, groep="zelf kiezen", selectie=["GM0193", "amsterdam", "Atlantis"])
    assert not at.exception, at.exception
    assert _meldingen(at) == [
        "De link noemt voor de groep de gemeente(n) ‘Atlantis’; die kennen we niet. Wel gekozen: Zwolle, Amsterdam."
    ]
    groep = at.session_state["_deze_rerun"][2].groep
    assert groep.wijze == "zelf" and groep.zelf == ("GM0193", "GM0363")

    at = app(db, groep="Op KENMERKEN", provincie=["utrecht", "Gelderland", "Mars"])
    assert _meldingen(at) == ["De link noemt provincie ‘Mars’; die kennen we niet. Wel gekozen: Utrecht, Gelderland."]
    groep = at.session_state["_deze_rerun"][2].groep
    assert groep.wijze == "kenmerken" and groep.kenmerken["provincie"] == ("Utrecht", "Gelderland")

    at = app(db, groep="Vergelijkbare gemeenten", k="99")
    assert _meldingen(at) == ["De link noemt ‘99’ vergelijkbare gemeenten; dat kan van 5 tot 50. Je ziet er 10."]
    assert at.session_state["_deze_rerun"][2].groep.k == 10
    at.run()
    assert not _meldingen(at)  # één keer, niet bij elke klik opnieuw
    # Een parameter van een andere groepswijze zegt niets: geen melding (de schuif is er niet eens).
    at = app(db, groep="Zelf kiezen", k="99")
    assert not _meldingen(at)
    at.run()
    assert not _meldingen(at)


@pytest.mark.parametrize(
    "pagina, param, ruw, sleutel, goed",
    [
        ("trends", "reeks", "acute zorg", "reeks", "acute_zorg"),
        ("kaart", "indicator", "ACUTE ZORG", "indicator", "acute_zorg"),
    ],
)
def test_link_vergeeft_de_keuzes_op_de_pagina(db, pagina, param, ruw, sleutel, goed):
    at = app(db, pagina, **{param: ruw})
    assert not at.exception, at.exception
    assert at.selectbox(key=sleutel).value == goed and not at.warning
    at = app(db, pagina, **{param: "onzin"})
    assert [w.value for w in at.warning] == [
        f"De link noemt de indicator ‘onzin’; die kennen we niet. "
        f"Je ziet {at.selectbox(key=sleutel).format_func(at.selectbox(key=sleutel).value)}."
    ]


def test_elke_pagina_heeft_kopieer_link(db):
    at = app(db, "trends")
    assert any("Kopieer link" in h.proto.body for h in at.get("html"))


# -- links die vastliggen (issue 32, punt 4) ------------------------------------------------------
def test_gegevensversie_in_een_link():
    v = datetime(2026, 12, 6, 9, 53, 41)
    assert links.versie_tekst(v) == "2026-12-06T09:53:41"
    assert links.versie_tekst(None) is None
    assert links.lees_versie("2026-12-06T09:53:41") == v
    assert links.lees_versie("2026-12-06T09:53") == datetime(2026, 12, 6, 9, 53)
    assert links.lees_versie("2026-12-06") == datetime(2026, 12, 6)
    assert links.lees_versie("gisteren") is None and links.lees_versie("2026-13-45") is None
    # Op de seconde: een link van dezelfde seconde is niet ouder, een van de seconde ervoor wel.
    assert links.link_ouder("2026-12-06T09:53:41", v) is False
    assert links.link_ouder("2026-12-06T09:53:40", v) is True
    assert links.link_ouder("onzin", v) is None


def _versiemeldingen(at) -> list[str]:
    return [w.value for w in at.warning if "gegevens" in w.value and "link" in w.value.lower()]


def test_link_van_voor_een_update_zegt_dat(volledige_opslag, tmp_path, monkeypatch):
    """Een link vastgezet op de gegevens van vandaag, geopend na een update (CBS publiceert de inflatie van
    2026): het dashboard zegt dat de cijfers nieuwer zijn dan de link. Zonder update: geen melding."""
    kopie = tmp_path / "opslag.duckdb"
    shutil.copyfile(volledige_opslag, kopie)
    monkeypatch.setenv("SOCIALE_BASIS_DB", str(kopie))
    with Store(kopie) as store:
        voor = indicators.gegevensversie(store)
    vast = links.versie_tekst(voor)
    at = app(kopie, gemeente="Heerlen", jaar="2025", **{links.GEGEVENS: vast})
    assert not at.exception, at.exception
    assert not _versiemeldingen(at)

    time.sleep(1.1)  # de link telt op de seconde: de update valt in een volgende
    nieuw = tmp_path / "cbs_inflatie_2026.csv"
    nieuw.write_text("jaar,jaarmutatie_cpi_pct,bron,gepubliceerd\n2026,2.5,CBS,2027-01-12\n", encoding="utf-8")
    with nieuwe_versie(kopie) as store:  # zoals publiceren en de opdrachtregel: een nieuwe versie
        importeer(store, [nieuw])
        na = indicators.gegevensversie(store)
    assert na > voor
    at = app(kopie, gemeente="Heerlen", jaar="2025", **{links.GEGEVENS: vast})
    assert not at.exception, at.exception
    assert _versiemeldingen(at) == [
        f"Deze link is gemaakt met de gegevens van {voor:%d-%m-%Y %H:%M:%S} (UTC); de opslag is sindsdien "
        f"bijgewerkt ({na:%d-%m-%Y %H:%M:%S} (UTC)). Jaar, document, maat en gemeente zijn dezelfde, maar de "
        "cijfers kunnen afwijken van wat de maker van de link zag."
    ]
    # De URL noemt nu de huidige versie (wie haar kopieert, geeft geen valse melding door), één keer gemeld.
    assert at.query_params[links.GEGEVENS] == links.versie_tekst(na)
    at.run()
    assert not _versiemeldingen(at)


def test_link_met_onleesbare_versie(db):
    at = app(db, **{links.GEGEVENS: "[gisteren](https://example.org)"})
    assert not at.exception, at.exception
    [melding] = _versiemeldingen(at)
    assert melding.startswith("De link noemt de gegevensversie ‘\\[gisteren\\]\\(https")
    assert "die kunnen we niet lezen" in melding


def test_export_noemt_de_gegevensversie(db):
    at = app(db, "gemeente", gemeente="Heerlen")
    k = at.session_state["_deze_rerun"][2]
    assert k.versie is not None
    from sociale_basis.dashboard import uitvoer

    assert uitvoer._keuzes(k)["gegevensversie"] == links.versie_tekst(k.versie)
