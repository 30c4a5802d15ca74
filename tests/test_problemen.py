"""Alle problemen van een bestand in één keer: elke foute waarde met rij en kolom, het lezen gaat
door; een onleesbaar bestand stopt meteen. Eén fout bestand in een map: er verandert niets."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES, momentopname

from sociale_basis.importer import importeer
from sociale_basis.sources.controle import MAX_PROBLEMEN, InvoerFout, Probleem
from sociale_basis.store import Store

KOP_2POS = "jaar,verslagsoort,document,gm_code,taakveld,taakveld_label,lasten\n"
GOED = "2023,2023X000,begroting,GM0034,6.1,6.1 Samenkracht,12.0\n"


@pytest.fixture
def opslag_met_lijsten(shared, tmp_path):
    store = Store(tmp_path / "lijsten.duckdb")
    importeer(
        store,
        [
            shared / "gemeenten" / "gemeenten_per_jaar_2010_2026.csv",
            shared / "gemeenten" / "gemeenten_naam_gmcode_2023_2025.csv",
            shared / "iv3" / "referentie" / "iv3_taakvelden_gemeenten_2017_2026.csv",
        ],
    )
    yield store
    store.sluit()


def test_invoerfout_van_een_probleem_blijft_werken():
    fout = InvoerFout("a.csv", "iets klopt niet.", rij=4, kolom="x")
    assert str(fout) == "Fout in bestand a.csv, rij 4, kolom 'x': iets klopt niet."
    assert fout.problemen == [Probleem("a.csv", 4, "x", "iets klopt niet.")]
    assert (fout.bestand, fout.rij, fout.kolom, fout.melding) == ("a.csv", 4, "x", "iets klopt niet.")


def test_drie_foute_waarden_geven_drie_problemen(opslag_met_lijsten, tmp_path):
    pad = tmp_path / "lasten.csv"
    pad.write_text(
        KOP_2POS
        + GOED
        + "2023,2023X000,begroting,GM0034,6.2,6.2 Wijkteams,veel\n"  # rij 3: lasten
        + GOED.replace("6.1,6.1", "6.3,6.3")
        + "2023,2023X000,begroting,XX0034,6.4,6.4 Begeleide participatie,1\n"  # rij 5: gm_code
        + "2023,2023X000,rekening,GM0034,6.5,6.5 Arbeidsparticipatie,1\n",  # rij 6: document
        encoding="utf-8",
    )
    voor = momentopname(opslag_met_lijsten)
    with pytest.raises(InvoerFout) as info:
        importeer(opslag_met_lijsten, [pad])
    fout = info.value
    assert [(p.rij, p.kolom) for p in fout.problemen] == [(3, "lasten"), (5, "gm_code"), (6, "document")]
    assert {p.bestand for p in fout.problemen} == {"lasten.csv"}
    assert "'veel' is geen getal" in fout.problemen[0].melding
    assert "XX0034" in fout.problemen[1].melding and "'rekening'" in fout.problemen[2].melding
    # str(): het eerste probleem en hoeveel er nog meer zijn.
    assert str(fout).startswith("Fout in bestand lasten.csv, rij 3, kolom 'lasten'")
    assert "En nog 2 andere problemen" in str(fout) and fout.aantal == 3
    assert momentopname(opslag_met_lijsten) == voor


def test_veel_problemen_worden_afgekapt_en_geteld(opslag_met_lijsten, tmp_path):
    pad = tmp_path / "lasten.csv"
    regels = [f"2023,2023X000,begroting,GM0034,6.1,6.1 S,fout{i}\n" for i in range(MAX_PROBLEMEN + 50)]
    pad.write_text(KOP_2POS + "".join(regels), encoding="utf-8")
    with pytest.raises(InvoerFout) as info:
        importeer(opslag_met_lijsten, [pad])
    fout = info.value
    # Elke regel is ook dubbel (na de eerste); beide soorten worden geteld.
    assert len(fout.problemen) == MAX_PROBLEMEN and fout.aantal == 2 * (MAX_PROBLEMEN + 50) - 1
    assert fout.problemen[0].rij == 2 and f"En nog {fout.aantal - 1} andere problemen" in str(fout)


def test_onleesbaar_bestand_stopt_meteen(opslag_met_lijsten, tmp_path):
    """Een regel met te veel velden: de rest van het bestand is niet betrouwbaar te lezen."""
    pad = tmp_path / "lasten.csv"
    pad.write_text(KOP_2POS + GOED.replace("12.0", "veel") + GOED.replace("12.0", "1,2"), encoding="utf-8")
    with pytest.raises(InvoerFout) as info:
        importeer(opslag_met_lijsten, [pad])
    assert info.value.aantal == 1 and "aantal velden" in str(info.value) and info.value.rij == 3


def test_namen_en_klassen_alle_fouten(opslag_met_lijsten, tmp_path):
    pad = tmp_path / "gemeenteklassen_2024.tsv"
    pad.write_text(
        "Gemeenten\tProvincie\tGemeentegrootte\tStedelijkheid\tInwonertal\n"
        "Atlantis\tFlevoland\t100000tot150000inwoners\tSterkstedelijk\t1\n"
        "Aalten\tGelderland\tveel\tHeelstedelijk\t1\n",
        encoding="utf-8",
    )
    with pytest.raises(InvoerFout) as info:
        importeer(opslag_met_lijsten, [pad])
    assert [(p.rij, p.kolom) for p in info.value.problemen] == [
        (2, "Gemeenten"),
        (3, "Gemeentegrootte"),
        (3, "Stedelijkheid"),
    ]


def test_map_met_een_fout_bestand_schrijft_niets(opslag_met_lijsten, shared, tmp_path):
    map_ = tmp_path / "map"
    map_.mkdir()
    shutil.copy(FIXTURES / "cbs_ruw_codes.csv", map_)
    shutil.copy(shared / "gemeenten" / "inwoners_1jan_2017_2026.csv", map_)
    (map_ / "lasten_2023.csv").write_text(
        KOP_2POS + GOED + GOED.replace("12.0", "1e309").replace("6.1,6.1", "6.2,6.2"), encoding="utf-8"
    )
    voor = momentopname(opslag_met_lijsten)
    with pytest.raises(InvoerFout) as info:
        importeer(opslag_met_lijsten, [map_])
    assert info.value.bestand == "lasten_2023.csv" and info.value.rij == 3 and info.value.kolom == "lasten"
    assert "geen eindig getal" in str(info.value)
    assert momentopname(opslag_met_lijsten) == voor
