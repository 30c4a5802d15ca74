"""Exports: grafieken als echte PNG/SVG van de juiste grafiek, tabellen die heen en terug
dezelfde getallen geven, en tekst die een spreadsheet niet als formule uitvoert."""

from __future__ import annotations

import dataclasses
import io
import struct
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from sociale_basis import browser, charts, export, vergelijkingsgroep
from sociale_basis.charts import VIJF_LAGEN
from sociale_basis.dashboard.keuze import Keuze

KEUZES = {
    "jaar": 2025,
    "document": "begroting",
    "maat": "netto",
    "model": "standaard",
    "gemeente": '=HYPERLINK("http://x")',
    "bron": "Bron: CBS, Iv3",
}


@pytest.fixture(scope="module")
def figuur():
    rij = pd.Series({f"{laag}_per_inwoner": 100.0 * (i + 1) for i, laag in enumerate(VIJF_LAGEN)})
    return charts.lagen_staaf(rij, True, "Waar het geld heen gaat (netto)", "Bron: CBS, Iv3, begroting 2025.")


def test_svg_is_de_grafiek_met_titel_en_bron(figuur):
    t = time.perf_counter()
    svg = export.afbeelding(figuur, "svg")
    print(f"SVG: {time.perf_counter() - t:.2f} s")
    wortel = ET.fromstring(svg)
    assert wortel.tag.endswith("svg")
    teksten = ["".join(e.itertext()) for e in wortel.iter() if e.tag.endswith("text")]
    assert "Waar het geld heen gaat (netto)" in teksten
    assert any(x.startswith("Bron: CBS, Iv3, begroting 2025.") for x in teksten)


def test_png_is_een_afbeelding_van_de_juiste_maat(figuur):
    t = time.perf_counter()
    png = export.afbeelding(figuur, "png", breedte=1000, schaal=2)
    print(f"PNG: {time.perf_counter() - t:.2f} s")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    breedte, hoogte = struct.unpack(">II", png[16:24])
    assert (breedte, hoogte) == (2000, 2 * figuur.layout.height)


def test_bestandsnaam():
    assert (
        export.bestandsnaam("Amsterdam", "begroting-2025", "netto", "lagen", ext="svg")
        == "amsterdam_begroting-2025_netto_lagen.svg"
    )
    assert (
        export.bestandsnaam("Súdwest-Fryslân", "jaarrekening-2023", "bruto", "trend", ext="png")
        == "sudwest-fryslan_jaarrekening-2023_bruto_trend.png"
    )


def test_bestandsnaam_zegt_zonder_regionale_taken():
    """Zonder regionale taken zijn het andere cijfers: de naam van het bestand zegt het."""

    k = Keuze(2025, "begroting", "netto", "netto", True, "GM0193", vergelijkingsgroep.Groep(), gemeente_naam="Zwolle")
    assert export.bestandsnaam(*k.bestandsdelen("lagen"), ext="svg") == "zwolle_begroting-2025_netto_lagen.svg"
    zonder = dataclasses.replace(k, zonder_regio=True)
    assert (
        export.bestandsnaam(*zonder.bestandsdelen("lagen"), ext="svg")
        == "zwolle_begroting-2025_netto_zonder-regio_lagen.svg"
    )
    assert (
        export.bestandsnaam(*zonder.bestandsdelen("ranglijst", "Nederland"), ext="csv")
        == "nederland_begroting-2025_netto_zonder-regio_ranglijst.csv"
    )


TABEL = pd.DataFrame(
    {
        "gm_code": ["GM0363", "GM0014", "GM9999"],
        "gemeente": ["Amsterdam", "Groningen", "=1+1"],
        "toelichting": ["-min", "@SUM(A1)", "\tt"],
        "netto_per_inwoner": [-1234.5, 0.25, 987654.125],
    }
)


def test_csv_heen_en_terug(tmp_path):
    data = export.csv(TABEL, KEUZES)
    terug = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert terug["netto_per_inwoner"].tolist() == TABEL["netto_per_inwoner"].tolist()
    assert terug["netto_per_inwoner"].dtype.kind == "f"  # negatieve getallen bleven getallen
    assert (terug["jaar"] == 2025).all() and (terug["document"] == "begroting").all()
    assert terug["bron"].iloc[0] == "Bron: CBS, Iv3"


def test_csv_een_reeks_per_jaar_houdt_haar_eigen_jaar():
    """Issue 32: de Trends-CSV had ‘Jaar’ (per rij) én ‘jaar’ (de zijbalk): de kolom van de tabel gaat voor."""
    reeks = pd.DataFrame({"Jaar": [2023, 2024], "Document": ["begroting", "begroting"], "Nederland": [1.2, 1.3]})
    terug = pd.read_csv(io.BytesIO(export.csv(reeks, KEUZES)), sep=";", decimal=",", encoding="utf-8-sig")
    assert "jaar" not in terug.columns and "document" not in terug.columns
    assert terug["Jaar"].tolist() == [2023, 2024] and terug["bron"].iloc[0] == "Bron: CBS, Iv3"


def test_trends_csv_noemt_de_prijzen(volledige_opslag, monkeypatch):
    """De bron in het bestand van Trends is die van de grafiek, met ‘prijzen van …’ en de CPI."""
    from test_cijfers import open_cijfers
    from test_paginas import app

    from sociale_basis.dashboard import uitvoer

    monkeypatch.setenv("SOCIALE_BASIS_DB", str(volledige_opslag))
    gezien = []
    echt = uitvoer.csv_knop
    monkeypatch.setattr(uitvoer, "csv_knop", lambda *a, **kw: (gezien.append(kw), echt(*a, **kw))[1])
    at = app(volledige_opslag, "trends", prijzen="Constant")
    open_cijfers(at)  # de CSV-knop staat onder de tabel, die er pas is als de uitklap open is (issue 30)
    assert not at.exception, at.exception
    (bron,) = {kw["bron"] for kw in gezien if kw.get("key") == "trend"}
    assert "prijzen van 20" in bron and "CPI 2015 = 100" in bron


def test_csv_voert_geen_formules_uit():
    # Ook de keuzes die als kolommen meereizen (een groepsnaam of modelnaam kan van een gebruiker komen).
    keuzes = KEUZES | {"groep": "+Zelf gekozen", "model": "@variant"}
    terug = pd.read_csv(
        io.BytesIO(export.csv(TABEL, keuzes)), sep=";", decimal=",", encoding="utf-8-sig", keep_default_na=False
    )
    assert terug["gemeente"].tolist() == ["Amsterdam", "Groningen", "'=1+1"]
    assert terug["toelichting"].tolist() == ["'-min", "'@SUM(A1)", "'\tt"]
    assert set(terug["groep"]) == {"'+Zelf gekozen"} and set(terug["model"]) == {"'@variant"}
    # In het ruwe bestand begint geen enkele cel met een formuleteken, behalve dat getal.
    regels = export.csv(TABEL, keuzes).decode("utf-8-sig").splitlines()
    cellen = [c for r in regels for c in r.split(";")]
    assert [c for c in cellen if c[:1] in ("=", "+", "-", "@", "\t", "\r")] == ["-1234,5"]


def test_xlsx_heen_en_terug_en_zonder_formules(tmp_path):
    pad = tmp_path / "t.xlsx"
    pad.write_bytes(export.xlsx(TABEL, KEUZES))
    bladen = pd.read_excel(pad, sheet_name=None)
    assert list(bladen) == ["Cijfers", "Over deze cijfers"]
    assert bladen["Cijfers"]["netto_per_inwoner"].tolist() == TABEL["netto_per_inwoner"].tolist()
    over = dict(zip(bladen["Over deze cijfers"]["Keuze"], bladen["Over deze cijfers"]["Waarde"]))
    assert over["jaar"] == 2025 and over["bron"] == "Bron: CBS, Iv3"
    boek = openpyxl.load_workbook(pad)
    for blad in boek:
        for rij in blad.iter_rows():
            for cel in rij:
                assert cel.data_type != "f", f"{blad.title}!{cel.coordinate} is een formule: {cel.value}"
    assert boek["Cijfers"]["B4"].value == "=1+1" and boek["Cijfers"]["B4"].data_type == "s"
    assert boek["Over deze cijfers"]["B6"].data_type == "s"


def test_kaart_exporteert_zonder_server(opslag, standaardmodel, monkeypatch, tmp_path):
    """De kaart verwijst naar app/static/...; de exportbrowser heeft geen server en leest het bestand. De grenzen
    van een privékopie (een bezoeker met eigen bestanden) komen nooit in static/: die krijgt de GeoJSON zelf."""
    from sociale_basis.dashboard import kaartbron

    monkeypatch.setenv("SOCIALE_BASIS_DB", str(opslag.bestand))  # de gedeelde opslag van deze installatie
    url = kaartbron.geojson_bron(opslag, 2025)  # schrijft het bestand, zoals de pagina
    assert url.startswith("app/static/kaart/gemeenten_2025_")
    d = export._zonder_server({"data": [{"type": "choropleth", "geojson": url}]})
    assert d["data"][0]["geojson"]["type"] == "FeatureCollection"
    assert len(d["data"][0]["geojson"]["features"]) == 342
    kaartbron.geojson_bron.clear()
    monkeypatch.setenv("SOCIALE_BASIS_DB", str(tmp_path / "gedeeld.duckdb"))  # nu is `opslag` niet de gedeelde
    assert isinstance(kaartbron.geojson_bron(opslag, 2025), dict)


def test_zonder_chromium_een_nederlandse_fout_en_geen_wachten(figuur, monkeypatch):
    """Ontbreekt de browser, dan zegt export dat vooraf (de knoppen gaan uit) en geeft afbeelding()
    dezelfde Nederlandse fout — meteen, in plaats van kaleido's server die eeuwig wacht."""
    monkeypatch.setenv("BROWSER_PATH", "/bestaat/niet/chromium")
    fout = export.afbeelding_fout()
    assert fout == (
        "PNG/SVG maken kan niet: Chromium ontbreekt op deze server (verwacht in "
        "/bestaat/niet/chromium, of zet BROWSER_PATH; bash scripts/chromium.sh installeert hem). "
        "CSV en Excel werken wel."
    )
    t = time.perf_counter()
    with pytest.raises(export.AfbeeldingFout, match="Chromium ontbreekt") as e:
        export.afbeelding(figuur, "png")
    assert str(e.value) == fout and time.perf_counter() - t < 1
    monkeypatch.delenv("BROWSER_PATH")
    assert export.afbeelding_fout() is None or not Path(browser.CHROMIUM).exists()


def test_browser_vindt_de_chrome_die_kaleido_haalde(tmp_path, monkeypatch):
    """Zonder Debian-chromium en zonder chromium op PATH valt export terug op de Chrome die
    kaleido.get_chrome_sync() neerzette (scripts/chromium.sh doet dat waar apt niet mag)."""
    chrome = tmp_path / "chrome-linux64" / "chrome"
    chrome.parent.mkdir()
    chrome.write_text("#!/bin/sh\n")
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(browser, "CHROMIUM", str(tmp_path / "geen-chromium"))
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(browser, "kaleido_chrome", lambda: chrome)
    assert browser.browser() == str(tmp_path / "geen-chromium")  # niet uitvoerbaar: nog niet
    chrome.chmod(0o755)
    assert browser.browser() == str(chrome)
    assert export.afbeelding_fout() is None


def test_browser_die_niet_start_geeft_een_fout_en_blijft_uit(figuur, monkeypatch):
    """Een 'browser' die meteen stopt (/bin/false): een Nederlandse fout binnen enkele seconden, en
    daarna staan de knoppen uit in plaats van dat elke klik het opnieuw probeert."""
    import kaleido

    # Zoals bij een verse start: geen draaiende exportbrowser (een volgende export start hem opnieuw).
    with export._slot:
        kaleido.stop_sync_server(silence_warnings=True)
        export._gestart = False
    monkeypatch.setenv("BROWSER_PATH", "/bin/false")
    monkeypatch.setattr(export, "_mislukt", None)
    assert export.afbeelding_fout() is None  # het bestand bestaat; pas starten laat zien dat het niet werkt
    with pytest.raises(export.AfbeeldingFout, match=r"Chromium \(/bin/false\) start niet op deze server"):
        export.afbeelding(figuur, "svg")
    assert "CSV en Excel werken wel" in export.afbeelding_fout()
    assert export._gestart is False
    monkeypatch.undo()  # de echte browser terug (een beheerder herstart de server na het installeren)
    assert export.afbeelding_fout() is None
    assert b"<svg" in export.afbeelding(figuur, "svg")[:200]
