"""De factsheet (PDF, één A4): precies één pagina, met de gemeente, de kopcijfers zoals de
Gemeente-pagina ze toont, de bronnen en een link die dezelfde weergave weer opent; als afbeelding
te tekenen (pdftoppm); en de opdrachtregel voor één gemeente, een lijst en met voortgang."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from conftest import kerncijfers
from pypdf import PdfReader
from test_cijfers import tabellen as cijfer_tabellen
from test_paginas import app, db  # noqa: F401 — dezelfde AppTest-opzet als de pagina-tests

from sociale_basis import cli, export, factsheet, fmt, gemeentebeeld, rekenvoorbeeld, vergelijkingsgroep

ADRES = "http://localhost:8501"


def _tekst(pdf: bytes, tmp_path: Path) -> tuple[PdfReader, str]:
    pad = tmp_path / "f.pdf"
    pad.write_bytes(pdf)
    lezer = PdfReader(pad)
    return lezer, " ".join(" ".join(p.extract_text() for p in lezer.pages).split())


def _links(lezer: PdfReader) -> list[str]:
    return [
        a.get_object()["/A"]["/URI"]
        for p in lezer.pages
        for a in p.get("/Annots", [])
        if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]
    ]


def test_factsheet_een_pagina_met_de_cijfers_van_de_pagina(db, opslag, standaardmodel, tmp_path):
    """Groningen, begroting 2025 netto: wat de Gemeente-pagina als kopzin en kerncijfers toont,
    staat letterlijk in de PDF; de link in de PDF opent dezelfde pagina met dezelfde kopzin."""
    at = app(db, "gemeente", jaar="2025", document="Begroting", maat="Netto", gemeente="Groningen")
    assert not at.exception
    kopzin = next(m.value for m in at.markdown if m.value.startswith("#### ")).removeprefix("#### ")
    op_pagina = {m.label: m.value for m in kerncijfers(at)}
    rang_van = next(m.delta for m in kerncijfers(at) if m.label == "Rang acuut per € preventie")

    naam, pdf = factsheet.pdf(
        opslag, standaardmodel, gemeentebeeld.Verzoek("GM0014", 2025, "begroting", basis_url=ADRES)
    )
    lezer, tekst = _tekst(pdf, tmp_path)
    assert naam == "Groningen" and len(lezer.pages) == 1
    assert "Groningen" in tekst and kopzin in tekst
    for label in ("Collectieve preventie", "Acute zorg", "€ acuut per € preventie", "Rang acuut per € preventie"):
        assert op_pagina[label] in tekst, label
    n = re.fullmatch(r"van (\d+) · 1 = minst acuut", rang_van)[1]  # kort op de pagina, voluit in de PDF
    assert f"{op_pagina['Rang acuut per € preventie']} van {n} gemeenten" in tekst  # '322 van 331 gemeenten'
    assert "Centrumgemeente voor" in tekst  # Groningen heeft regionale taken
    assert "zijbalk" not in tekst  # een PDF heeft geen zijbalk
    assert "Naar de mediaan van de vergelijkingsgroep" in tekst  # zoals 'Wat als' op de pagina
    assert "rekenvoorbeeld, geen voorspelling" in tekst
    assert "CC BY 4.0" in tekst and "CBS" in tekst  # bronnen en licenties
    assert "Gemaakt op" in tekst

    # De lagengrafiek tekent de getallen van ‘Cijfers achter deze grafiek’ op de pagina: de staaf
    # van de gemeente met zijn bedrag (in de PDF-tekst), ◆ de groep en | Nederland op dezelfde plek.
    pagina = next(t for t in cijfer_tabellen(at) if "Laag" in t.columns)
    # De staven zijn de lagen; de functies eronder (het kopcijfer collectieve preventie) staan in de kerncijfers.
    pagina = pagina[pagina["Soort"] == "laag"].drop(columns="Soort").set_index("Laag")
    grafiek = factsheet.inhoud(opslag, standaardmodel, gemeentebeeld.Verzoek("GM0014", 2025, "begroting"))["lagen"]
    assert [r["label"] for r in grafiek["rijen"]] == list(pagina.index)
    for r in grafiek["rijen"]:
        eigen, groep, nl = (pagina.loc[r["label"], k] for k in pagina.columns)
        assert r["tekst"] == eigen and r["tekst"] in tekst
        assert (fmt.euro(r["groep"]), fmt.euro(r["nl"])) == (groep, nl)

    (link,) = set(_links(lezer))  # een afgebroken link heeft een vlak per regel
    assert link.replace(" ", "") in tekst.replace(" ", "")  # ook leesbaar afgedrukt
    query = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
    assert urlsplit(link).path == "/gemeente" and query["gemeente"] == "GM0014"
    # De versie van de gegevens reist mee (issue 32): na een update zegt het dashboard dat de cijfers nieuwer zijn.
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", query["gegevens"]) and query["weergave"] == "Per inwoner"
    terug = app(db, "gemeente", **query)
    assert not any("gemaakt met de gegevens" in w.value for w in terug.warning)
    assert terug.title[0].value == "Groningen"
    assert next(m.value for m in terug.markdown if m.value.startswith("#### ")) == f"#### {kopzin}"


def test_factsheet_zonder_browser(opslag, standaardmodel, tmp_path, monkeypatch):
    """Op een machine zonder Chromium (zoals een verse clone) komt er toch een factsheet: het sjabloon
    tekent de grafieken zelf. Hier is de browser onvindbaar en zou elke poging om er een te starten
    de test laten falen; ook de opdrachtregel in een eigen proces, met een PATH zonder chromium."""
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "geen-chromium"))
    assert export.afbeelding_fout() is not None

    def geen_browser(*a, **k):
        raise AssertionError("de factsheet mag geen browser starten")

    monkeypatch.setattr(export, "afbeelding", geen_browser)
    naam, pdf = factsheet.pdf(opslag, standaardmodel, gemeentebeeld.Verzoek("GM0193", 2025, "begroting"))
    lezer, tekst = _tekst(pdf, tmp_path)
    assert naam == "Zwolle" and len(lezer.pages) == 1 and "De lagen, € per inwoner" in tekst

    omgeving = {
        **os.environ,
        "BROWSER_PATH": str(tmp_path / "geen-chromium"),
        "PATH": str(Path(sys.executable).parent) + ":/nonexistent",
        "SOCIALE_BASIS_DB": str(opslag.pad),
    }
    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "sociale_basis.cli",
            "factsheet",
            "--gemeente",
            "zwolle",
            "--jaar",
            "2025",
            "--document",
            "begroting",
            "--uit",
            str(tmp_path / "z.pdf"),
        ],
        capture_output=True,
        text=True,
        env=omgeving,
    )
    assert uit.returncode == 0, uit.stderr
    assert len(PdfReader(tmp_path / "z.pdf").pages) == 1


def test_factsheet_als_afbeelding_een_a4(opslag, standaardmodel, tmp_path):
    """pdftoppm tekent de pagina (zo is hij ook bekeken): staand A4, en één afbeelding."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm ontbreekt (apt-get install poppler-utils)")
    _, pdf = factsheet.pdf(opslag, standaardmodel, gemeentebeeld.Verzoek("GM0193", 2025, "begroting"))
    (tmp_path / "z.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(tmp_path / "z.pdf"), str(tmp_path / "z")], check=True, capture_output=True
    )
    (png,) = tmp_path.glob("z*.png")
    breedte, hoogte = int.from_bytes(png.read_bytes()[16:20], "big"), int.from_bytes(png.read_bytes()[20:24], "big")
    assert abs(hoogte / breedte - 297 / 210) < 0.01


def test_factsheet_zonder_regio_bruto_en_eigen_groep(opslag, standaardmodel, tmp_path):
    """Andere keuzes staan in de factsheet en in de link: bruto, zonder regionale taken, een
    zelfgekozen groep en een modelvariant."""
    v = gemeentebeeld.Verzoek(
        "GM0193",
        2024,
        "begroting",
        "bruto",
        vergelijkingsgroep.Groep("zelf", zelf=("GM0363", "GM0014")),
        True,
        "standaard + 6.74a:acuut",
        "6.74a:acuut",
        "https://voorbeeld.nl/sb/",
    )
    _, pdf = factsheet.pdf(opslag, standaardmodel, v)
    lezer, tekst = _tekst(pdf, tmp_path)
    assert len(lezer.pages) == 1
    assert "(bruto, zonder regionale taken)." in tekst and "eigen selectie (2 gemeenten)" in tekst
    assert "Gemeentefonds als maatstaf" not in tekst  # de maatstaf is netto
    (link,) = set(_links(lezer))  # een afgebroken link heeft een vlak per regel
    query = parse_qs(urlsplit(link).query)
    assert link.startswith("https://voorbeeld.nl/sb/gemeente?")
    assert query["maat"] == ["Bruto"] and query["zonder_regio"] == ["true"] and query["model"] == ["6.74a:acuut"]
    assert query["groep"] == ["Zelf kiezen"] and query["selectie"] == ["Amsterdam", "Groningen"]


def test_wat_als_naar_de_gemeentefondsmaatstaf():
    rij = pd.Series(
        {
            "inwoners": 1000,
            "collectieve_preventie": 100_000.0,
            "acute_zorg": 300_000.0,
            "collectieve_preventie_per_inwoner": 100.0,
        }
    )
    w = rekenvoorbeeld.naar_maatstaf(
        rij, pd.Series({"sociale_basis_fonds_per_inwoner": 150.0, "sociale_basis_uitgaven_per_inwoner": 110.0})
    )
    assert w["tekort_per_inwoner"] == 40 and w["tekort"] == 40_000
    assert w["verhouding_toevoegen"] == pytest.approx(300 / 140)
    assert w["verhouding_verschuiven"] == pytest.approx(260 / 140)
    assert (
        rekenvoorbeeld.naar_maatstaf(
            rij, pd.Series({"sociale_basis_fonds_per_inwoner": 100.0, "sociale_basis_uitgaven_per_inwoner": 110.0})
        )
        is None
    )


def test_opdrachtregel_een_bestand_een_map_en_een_fout(db, tmp_path, capsys):
    assert (
        cli.main(
            [
                "factsheet",
                "--gemeente",
                "GM0363",
                "--jaar",
                "2025",
                "--document",
                "begroting",
                "--uit",
                str(tmp_path / "a.pdf"),
            ]
        )
        == 0
    )
    assert len(PdfReader(tmp_path / "a.pdf").pages) == 1
    assert (
        cli.main(
            [
                "factsheet",
                "--gemeente",
                "zwolle",
                "gm14",
                "--jaar",
                "2025",
                "--document",
                "begroting",
                "--uit",
                str(tmp_path / "map"),
            ]
        )
        == 0
    )
    fout = capsys.readouterr().err
    assert "2/2" in fout and "2 factsheets geschreven" in fout
    assert sorted(p.name for p in (tmp_path / "map").iterdir()) == [
        "groningen_begroting-2025_netto_factsheet.pdf",
        "zwolle_begroting-2025_netto_factsheet.pdf",
    ]
    assert (
        cli.main(
            [
                "factsheet",
                "--gemeente",
                "Atlantis",
                "--jaar",
                "2025",
                "--document",
                "begroting",
                "--uit",
                str(tmp_path / "b.pdf"),
            ]
        )
        == 1
    )
    assert "Gemeente ‘Atlantis’ staat niet in de gemeentelijst van 2025" in capsys.readouterr().err
    assert not (tmp_path / "b.pdf").exists()


def test_opdrachtregel_alle_gemeenten(db, tmp_path, capsys, monkeypatch):
    """`--gemeente alle`: één factsheet per gemeente van dat jaar met cijfers, naar een map; wie geen
    cijfers in de bron heeft wordt genoemd en overgeslagen. Alle 338 PDF's maken duurt minuten
    (gemeten in de issuenotitie); hier telt de keuze van gemeenten, dus factsheet.alle schrijft
    alleen de eerste twee echt."""
    echt = factsheet.alle
    gevraagd = []

    def eerste_twee(store, sleutel, verzoeken, uitmap, meld=None):
        gevraagd.extend(verzoeken)
        return echt(store, sleutel, gevraagd[:2], uitmap, meld)

    monkeypatch.setattr(factsheet, "alle", eerste_twee)
    assert (
        cli.main(
            [
                "factsheet",
                "--gemeente",
                "ALLE",
                "--jaar",
                "2025",
                "--document",
                "begroting",
                "--uit",
                str(tmp_path / "alle"),
            ]
        )
        == 0
    )
    fout = capsys.readouterr().err
    codes = [v.gm_code for v in gevraagd]
    assert len(codes) == len(set(codes)) == 338  # 342 gemeenten, 4 zonder cijfers in de bron
    assert "GM0363" in codes and "GM0310" not in codes  # Amsterdam wel, De Bilt (geen cijfers) niet
    assert "Let op: geen cijfers in de bron voor" in fout and "De Bilt" in fout
    assert len(list((tmp_path / "alle").glob("*_begroting-2025_netto_factsheet.pdf"))) == 2


def test_opdrachtregel_zonder_traceback_als_netto_niet_kan(db, capsys):
    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "sociale_basis.cli",
            "factsheet",
            "--gemeente",
            "GM0363",
            "--jaar",
            "2019",
            "--document",
            "begroting",
            "--uit",
            "/tmp/nooit.pdf",
        ],
        capture_output=True,
        text=True,
    )
    assert uit.returncode == 1 and "gebruik --maat bruto" in uit.stderr and "Traceback" not in uit.stderr


def test_gemeentepagina_heeft_de_factsheetknop(db):
    at = app(db, "gemeente", gemeente="Zwolle")
    assert not at.exception
    knoppen = [b for b in at.get("download_button") if "Factsheet" in b.proto.label]
    assert len(knoppen) == 1 and not knoppen[0].proto.disabled  # geen browser nodig: altijd aan
    # De factsheet rekent per inwoner; staat de pagina op totalen, dan zegt de knop dat.
    assert "Bedragen per inwoner" not in knoppen[0].proto.help
    at = app(db, "gemeente", gemeente="Zwolle", weergave="Totaal")
    (knop,) = [b for b in at.get("download_button") if "Factsheet" in b.proto.label]
    assert "Bedragen per inwoner, ook nu de pagina totalen toont" in knop.proto.help


def test_inhoud_onder_de_drempel_geen_verhouding_en_geen_link_zonder_adres(opslag, standaardmodel):
    """Castricum (begroting 2025 netto) heeft acute zorg onder de rangdrempel: geen rang, en ook in de
    kopzin en bij ‘wat als’ geen verhouding die een krant als ‘beste’ zou overnemen. Zonder adres
    geen link (nooit een gok als localhost)."""
    gegevens = factsheet.inhoud(opslag, standaardmodel, gemeentebeeld.Verzoek("GM0383", 2025, "begroting"))
    assert gegevens["kern"][3]["waarde"] == "geen rang" and gegevens["kern"][2]["waarde"] == "–"
    assert "geen verhouding van betekenis" in gegevens["kop"] and "voor elke euro preventie" not in gegevens["kop"]
    tekst = json.dumps(gegevens, ensure_ascii=False)
    assert "Komt dat geld" not in tekst and "(nu €" not in tekst
    assert gegevens["link"] is None


def test_inhoud_zonder_groep_zegt_niet_dat_de_mediaan_gehaald_is(opslag, standaardmodel):
    v = gemeentebeeld.Verzoek("GM0193", 2025, "begroting", groep=vergelijkingsgroep.Groep("zelf"), basis_url=ADRES)
    gegevens = factsheet.inhoud(opslag, standaardmodel, v)
    assert "mediaan van de vergelijkingsgroep" not in gegevens["wat_als_niets"]
    assert "eigen selectie (0 gemeenten)" in json.dumps(gegevens["keuzes"], ensure_ascii=False)


@pytest.mark.parametrize(
    ("jaar", "document", "maat", "zonder_regio"),
    [(2025, "begroting", "netto", False), (2023, "jaarrekening", "bruto", True)],
)
def test_gedeeld_land_geeft_hetzelfde_beeld_als_opnieuw_bouwen(
    opslag, standaardmodel, jaar, document, maat, zonder_regio
):
    """Een gemeentewissel en `factsheet --gemeente alle` hergebruiken wat alle gemeenten delen
    (gemeentebeeld.Land); het beeld van elke gemeente moet dan precies dat van een verse bouw zijn,
    ook na andere gemeenten met hetzelfde land (niets lekt van de ene naar de volgende)."""
    land = gemeentebeeld.land(opslag, standaardmodel, jaar, document, maat, zonder_regio)
    for gm in ["GM0363", "GM0917", "GM0014", "GM1680", "GM0599", "GM0363"]:
        v = gemeentebeeld.Verzoek(gm, jaar, document, maat, zonder_regio=zonder_regio)
        gedeeld, vers = (
            gemeentebeeld.bouw(opslag, standaardmodel, v, land),
            gemeentebeeld.bouw(opslag, standaardmodel, v),
        )
        assert gedeeld.naam == vers.naam
        assert gedeeld.kopzin(True) == vers.kopzin(True) and gedeeld.kopzin(False) == vers.kopzin(False)
        assert gedeeld.kerncijfers(True) == vers.kerncijfers(True)
        assert (gedeeld.regiotaken, gedeeld.behoefte, gedeeld.focusgebied, gedeeld.eigen_bestand) == (
            vers.regiotaken,
            vers.behoefte,
            vers.focusgebied,
            vers.eigen_bestand,
        )
        assert gedeeld.wat_als == vers.wat_als
        pd.testing.assert_series_equal(gedeeld.rij, vers.rij)
    assert (
        gemeentebeeld.bouw(opslag, standaardmodel, gemeentebeeld.Verzoek("GM9999", jaar, document, maat), land) is None
    )
