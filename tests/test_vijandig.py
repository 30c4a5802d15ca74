"""Vijandige en slordige invoer: elk geval geeft een Nederlandse melding met de bestandsnaam (en
rij en kolom waar dat betekenis heeft), de opslag blijft ongewijzigd en de opdrachtregel stopt
met exitcode ≠ 0 zonder traceback. Kleine gevallen staan in fixtures/vijandig/; grote en binaire
worden hier tijdens de test gemaakt."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURES, momentopname

from sociale_basis.cli import main
from sociale_basis.importer import importeer
from sociale_basis.sources.controle import InvoerFout
from sociale_basis.store import Store

VIJANDIG = FIXTURES / "vijandig"
KOP_2POS = "jaar,verslagsoort,document,gm_code,taakveld,taakveld_label,lasten\n"
REGEL_2POS = "2023,2023X000,begroting,GM0034,6.1,6.1 Samenkracht,12\n"


@pytest.fixture(scope="module")
def opslag_pad(tmp_path_factory) -> Path:
    """Een opslag met gemeentelijsten, namen en de taakveldcodelijst (zo zijn codes te toetsen)."""
    from conftest import gedeelde_data_of_overslaan

    shared = gedeelde_data_of_overslaan()
    pad = tmp_path_factory.mktemp("vijandig") / "opslag.duckdb"
    with Store(pad) as store:
        importeer(
            store,
            [
                shared / "gemeenten" / "gemeenten_per_jaar_2010_2026.csv",
                shared / "gemeenten" / "gemeenten_naam_gmcode_2023_2025.csv",
                shared / "iv3" / "referentie" / "iv3_taakvelden_gemeenten_2017_2026.csv",
            ],
        )
    return pad


@dataclass
class Geval:
    maak: Callable[[Path], list[Path]]  # de invoer (in tmp_path), zoals een gebruiker hem aanbiedt
    bestand: str  # de naam die de melding noemt
    woorden: tuple[str, ...]  # Nederlandse woorden die in de melding staan
    rij: int | None = None
    kolom: str | None = None


def fixture(naam: str) -> Callable[[Path], list[Path]]:
    return lambda _tmp: [VIJANDIG / naam]


def schrijf(naam: str, inhoud: bytes | str) -> Callable[[Path], list[Path]]:
    def maak(tmp: Path) -> list[Path]:
        pad = tmp / naam
        pad.write_bytes(inhoud if isinstance(inhoud, bytes) else inhoud.encode("utf-8"))
        return [pad]

    return maak


def kapotte_gzip(regels: int) -> Callable[[Path], list[Path]]:
    def maak(tmp: Path) -> list[Path]:
        pad = tmp / "lasten.csv.gz"
        inhoud = gzip.compress((KOP_2POS + "".join(REGEL_2POS.replace("12", str(i)) for i in range(regels))).encode())
        pad.write_bytes(inhoud[: len(inhoud) * 2 // 3])  # afgebroken download
        return [pad]

    return maak


def zip_archief(naam: str) -> Callable[[Path], list[Path]]:
    def maak(tmp: Path) -> list[Path]:
        pad = tmp / naam
        with zipfile.ZipFile(pad, "w") as z:
            z.writestr("lasten.csv", KOP_2POS + REGEL_2POS)
        return [pad]

    return maak


def map_met_een_fout(tmp: Path) -> list[Path]:
    map_ = tmp / "map"
    map_.mkdir()
    shutil.copy(FIXTURES / "cbs_ruw_codes.csv", map_)
    from conftest import gedeelde_data_of_overslaan

    shutil.copy(gedeelde_data_of_overslaan() / "gemeenten" / "inwoners_1jan_2017_2026.csv", map_)
    shutil.copy(VIJANDIG / "lasten_niet_eindig.csv", map_)
    return [map_]


GEVALLEN = {
    "niet-eindige bedragen": Geval(
        fixture("lasten_niet_eindig.csv"), "lasten_niet_eindig.csv", ("'inf' is geen eindig getal",), 2, "lasten"
    ),
    "absurd bedrag": Geval(
        fixture("lasten_absurd_bedrag.csv"),
        "lasten_absurd_bedrag.csv",
        ("onwaarschijnlijk groot", "€ 100 mld"),
        3,
        "lasten",
    ),
    "kolom twee keer": Geval(
        fixture("dubbele_kolom_iv3_taakveld_2023_begroting.csv"),
        "dubbele_kolom_iv3_taakveld_2023_begroting.csv",
        ("de kolom 'Lasten' staat twee keer in de kopregel",),
        1,
        "Lasten",
    ),
    "onbekende gemeentecode (inwoners)": Geval(
        fixture("inwoners_onbekende_code.csv"),
        "inwoners_onbekende_code.csv",
        ("gemeentecode GM9999 staat niet in de gemeentelijst van 2023",),
        3,
        "gm_code",
    ),
    "onbekende gemeentecode (GeoJSON)": Geval(
        fixture("gemeenten_2023_onbekende_code.geojson"),
        "gemeenten_2023_onbekende_code.geojson",
        ("gemeentecode GM9999 staat niet in de gemeentelijst van 2023",),
        None,
        "properties.statcode",
    ),
    "onbekend taakveld": Geval(
        fixture("lasten_onbekend_taakveld.csv"),
        "lasten_onbekend_taakveld.csv",
        ("taakveldcode 6.99 staat niet in de CBS-codelijst van 2023",),
        2,
        "taakveld",
    ),
    "onmogelijk aantal inwoners": Geval(
        fixture("inwoners_onmogelijk_aantal.csv"),
        "inwoners_onmogelijk_aantal.csv",
        ("'-5' kan niet", "En nog 1 ander probleem"),
        2,
        "aantal_inwoners",
    ),
    "jaar 1999 in bestandsnaam": Geval(
        fixture("iv3_taakveld_1999_begroting.csv"),
        "iv3_taakveld_1999_begroting.csv",
        ("het jaar 1999 in de bestandsnaam kan niet",),
    ),
    "jaar 2090 in bestandsnaam": Geval(
        fixture("iv3_taakveld_2090_begroting.csv"),
        "iv3_taakveld_2090_begroting.csv",
        ("het jaar 2090 in de bestandsnaam kan niet",),
    ),
    "jaar 2090 in de gegevens": Geval(
        fixture("lasten_jaar_2090.csv"),
        "lasten_jaar_2090.csv",
        ("'2090' kan niet: verwacht van 2017 tot en met",),
        2,
        "jaar",
    ),
    "verslagsoort spreekt naam tegen": Geval(
        fixture("iv3_2023X005_verslagsoort_2024.csv"),
        "iv3_2023X005_verslagsoort_2024.csv",
        ("de verslagsoort 2024X005 spreekt de bestandsnaam tegen",),
        2,
        "Verslagsoort",
    ),
    "verslagsoort past niet bij jaar": Geval(
        fixture("lasten_verslagsoort_tegenstrijdig.csv"),
        "lasten_verslagsoort_tegenstrijdig.csv",
        ("de verslagsoort 2024X000 past niet bij jaar en document",),
        2,
        "verslagsoort",
    ),
    "kapotte gzip (klein)": Geval(kapotte_gzip(3), "lasten.csv.gz", ("gzip-bestand is beschadigd",)),
    "kapotte gzip (groot)": Geval(kapotte_gzip(20_000), "lasten.csv.gz", ("gzip-bestand is beschadigd",)),
    "gzip die geen gzip is": Geval(
        schrijf("lasten.csv.gz", KOP_2POS + REGEL_2POS), "lasten.csv.gz", ("gzip-bestand is beschadigd",)
    ),
    "Windows-1252": Geval(
        schrijf(
            "gemeenten.csv",
            "jaar,gm_code,gm_naam,prv_code,provincie\n2023,GM1900,Súdwest-Fryslân,21,Fryslân\n".encode("cp1252"),
        ),
        "gemeenten.csv",
        ("geen UTF-8-tekst", "Windows-1252"),
        2,
    ),
    "regeleinde in een veld": Geval(
        fixture("gemeenten_regeleinde_in_veld.csv"),
        "gemeenten_regeleinde_in_veld.csv",
        ("het veld bevat een regeleinde",),
        2,
        "gm_naam",
    ),
    "spreadsheetformules": Geval(
        fixture("gemeenten_formules.csv"),
        "gemeenten_formules.csv",
        ("lijkt een spreadsheetformule", "En nog 2 andere problemen"),
        2,
        "gm_naam",
    ),
    "NaN in GeoJSON": Geval(
        fixture("gemeenten_2023_nan.geojson"),
        "gemeenten_2023_nan.geojson",
        ("geen bruikbare JSON", "NaN is geen getal"),
    ),
    "veld van 10 MB": Geval(
        schrijf("lasten.csv", KOP_2POS + "2023,2023X000,begroting,GM0034,6.1," + "x" * 10_000_000 + ",12\n"),
        "lasten.csv",
        ("tekens lang; meer dan 100.000",),
        2,
    ),
    "zip-archief": Geval(zip_archief("lasten.zip"), "lasten.zip", ("zip-archief", "Pak het archief uit")),
    "zip met csv-naam": Geval(zip_archief("lasten.csv"), "lasten.csv", ("zip-archief",)),
    "leeg bestand": Geval(schrijf("inwoners.csv", b""), "inwoners.csv", ("het bestand is leeg",)),
    "alleen een kopregel": Geval(
        fixture("inwoners_alleen_kop.csv"), "inwoners_alleen_kop.csv", ("alleen een kopregel",), 2
    ),
    "binaire rommel": Geval(schrijf("inwoners.csv", bytes(range(256)) * 40), "inwoners.csv", ("geen tekstbestand",)),
    "kopregel met binaire rommel": Geval(
        schrijf("inwoners.csv", b"jaar,gm_code,aantal_inwoners\n2023,GM0034,1\n" + bytes(range(256)) * 4),
        "inwoners.csv",
        ("binaire gegevens",),
        3,
    ),
    "aanhalingsteken niet gesloten": Geval(
        schrijf("lasten.csv", KOP_2POS + REGEL_2POS + '2023,2023X000,begroting,GM0034,6.2,"6.2 W,1\n' + REGEL_2POS),
        "lasten.csv",
        ("aanhalingsteken",),
        3,
    ),
    "map met één fout bestand": Geval(map_met_een_fout, "lasten_niet_eindig.csv", ("geen eindig getal",), 2, "lasten"),
    "komma in gemeentenaam": Geval(
        fixture("komma_in_naam_iv3_taakveld_2023_begroting.csv"),
        "komma_in_naam_iv3_taakveld_2023_begroting.csv",
        ("onbekende gemeentenaam 'Nuenen, Gerwen en Nederwetten (oud)' voor 2023",),
        2,
        "Gemeenten",
    ),
    # Issue 32: een kopregel die net niet klopt, noemt de kolom in plaats van 'onbekend formaat'.
    "sjabloon zonder kolom baten": Geval(
        fixture("sjabloon_zonder_baten.csv"),
        "sjabloon_zonder_baten.csv",
        ("kolom 'baten_duizend_euro' ontbreekt", "eigen cijfers van één gemeente (sjabloon)"),
        1,
        "baten_duizend_euro",
    ),
    "sjabloon met verschreven kolom": Geval(
        fixture("sjabloon_verschreven_kolom.csv"),
        "sjabloon_verschreven_kolom.csv",
        ("kolom 'baten_duizend_eur' onbekend — bedoel je 'baten_duizend_euro'?",),
        1,
        "baten_duizend_eur",
    ),
    "NPLV met onbekende gemeente": Geval(
        fixture("nplv_focusgebieden_2022_onbekende_gemeente.csv"),
        "nplv_focusgebieden_2022_onbekende_gemeente.csv",
        ("gemeentecode GM9999 staat niet in de gemeentelijst van 2022",),
        3,
        "gm_code",
    ),
    "komma in bestandsnaam": Geval(
        schrijf("lasten, versie 2.csv", KOP_2POS + REGEL_2POS.replace("12", "twaalf")),
        "lasten, versie 2.csv",
        ("'twaalf' is geen getal",),
        2,
        "lasten",
    ),
}


@pytest.mark.parametrize("naam", list(GEVALLEN))
def test_vijandige_invoer(naam, opslag_pad, tmp_path, capsys):
    geval = GEVALLEN[naam]
    paden = geval.maak(tmp_path)
    with Store(opslag_pad) as store:
        voor = momentopname(store)
        with pytest.raises(InvoerFout) as info:
            importeer(store, paden)
        assert momentopname(store) == voor
    fout = info.value
    tekst = str(fout)
    assert fout.problemen and fout.bestand == geval.bestand
    assert tekst.startswith(f"Fout in bestand {geval.bestand}")
    assert str(tmp_path) not in tekst and str(VIJANDIG) not in tekst  # geen serverpaden
    for woord in geval.woorden:
        assert woord in tekst, tekst[:500]
    assert (fout.rij, fout.kolom) == (geval.rij, geval.kolom), tekst[:500]

    capsys.readouterr()
    assert main(["--db", str(opslag_pad), "import", *map(str, paden)]) == 1
    err = capsys.readouterr().err
    assert geval.bestand in err and "Traceback" not in err and str(tmp_path) not in err
    with Store(opslag_pad) as store:
        assert momentopname(store) == voor


def test_bom_wordt_gewoon_gelezen(opslag_pad, tmp_path):
    """Een BOM (ook twee) is geen fout: Excel en StatLine schrijven er een."""
    pad = tmp_path / "iv3_2024X000.csv"
    pad.write_bytes("\ufeff\ufeff".encode() + (FIXTURES / "cbs_ruw_codes.csv").read_bytes())
    kopie = tmp_path / "kopie.duckdb"
    shutil.copy(opslag_pad, kopie)
    with Store(kopie) as store:
        verslag = importeer(store, [pad])
    assert [soort for _, soort, _, _ in verslag.geladen] == ["iv3_cbs_ruw"]


def test_geen_traceback_als_los_proces(tmp_path):
    """Ook buiten de test om: het commando zelf schrijft een Nederlandse melding, geen traceback."""
    pad = tmp_path / "inwoners.csv"
    pad.write_bytes(b"jaar,gm_code,aantal_inwoners\n" + bytes(range(256)))
    uit = subprocess.run(
        [sys.executable, "-m", "sociale_basis.cli", "--db", str(tmp_path / "o.duckdb"), "import", str(pad)],
        capture_output=True,
        text=True,
    )
    assert uit.returncode == 1
    assert "Traceback" not in uit.stderr and "Fout in bestand inwoners.csv" in uit.stderr


def test_meldingen_houden_namen_heel(opslag_pad, shared, tmp_path):
    """Een komma in een gemeentenaam blijft een komma, ook in meldingen met Nederlandse getallen."""
    kopie = tmp_path / "kopie.duckdb"
    shutil.copy(opslag_pad, kopie)
    grof = tmp_path / "lasten_2023.csv"
    grof.write_text(KOP_2POS + "2023,2023X000,begroting,GM0820,6.1,6.1 Samenkracht,1234.0\n")
    fijn = tmp_path / "iv3_taakveld_2023_begroting, versie 2.csv"
    fijn.write_text(
        "Gemeenten;Taakveld;L1.1 Salarissen en sociale lasten;Baten;Lasten\n"
        '"Nuenen, Gerwen en Nederwetten";6.1 Samenkracht en burgerparticipatie;;0;2345.0\n'
    )
    with Store(kopie) as store:
        importeer(store, [grof])
        voor = momentopname(store)
        with pytest.raises(InvoerFout) as info:
            importeer(store, [fijn])
        assert momentopname(store) == voor
        tekst = str(info.value)
        assert "Nuenen, Gerwen en Nederwetten (GM0820)" in tekst
        assert "iv3_taakveld_2023_begroting, versie 2.csv" in tekst
        assert "€ 2.345 duizend" in tekst and "€ 1.234 duizend" in tekst
        # De samenvatting van een import: Nederlandse punten in het getal, de komma ervoor blijft.
        verslag = importeer(store, [shared / "gemeenten" / "inwoners_1jan_2017_2026.csv"])
    assert verslag.geladen[0][3] == "2017–2026, Nederland 2026: 18.130.208"
