"""Gedeeltelijke bestanden (README, "Gedeeltelijke bestanden"): een bestand dat een heel jaar
vervangt, moet dat jaar helemaal bevatten; anders geweigerd met de reden en verandert er niets.
Bestanden die per gemeente bijwerken (Iv3, profiel, CPI) laten de rest staan."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import momentopname

from sociale_basis.importer import importeer
from sociale_basis.sources.controle import InvoerFout
from sociale_basis.store import Store


@pytest.fixture(scope="module")
def basis(shared, tmp_path_factory):
    pad = tmp_path_factory.mktemp("gedeeltelijk") / "basis.duckdb"
    with Store(pad) as store:
        importeer(
            store,
            [
                shared / "gemeenten" / "gemeenten_per_jaar_2010_2026.csv",
                shared / "gemeenten" / "gemeenten_naam_gmcode_2023_2025.csv",
                shared / "gemeenten" / "gemeentenamen_iv3_vs_gemeentefonds.tsv",
                shared / "iv3" / "referentie" / "iv3_taakvelden_gemeenten_2017_2026.csv",
            ],
        )
    return pad


@pytest.fixture
def opslag(basis, tmp_path):
    kopie = tmp_path / "opslag.duckdb"
    shutil.copy(basis, kopie)
    store = Store(kopie)
    yield store
    store.sluit()


def tel(store, sql: str):
    with store.cursor() as cur:
        return cur.execute(sql).fetchall()


def weigert(store, pad, *woorden) -> InvoerFout:
    voor = momentopname(store)
    with pytest.raises(InvoerFout) as info:
        importeer(store, [pad])
    assert momentopname(store) == voor
    tekst = str(info.value)
    assert info.value.bestand == pad.name and "onvolledig" in tekst
    for woord in woorden:
        assert woord in tekst, tekst
    return info.value


# -- inwoners --------------------------------------------------------------------------------
def test_inwoners_volledig_en_gedeeltelijk(opslag, shared, tmp_path):
    volledig = shared / "gemeenten" / "inwoners_1jan_2017_2026.csv"
    importeer(opslag, [volledig])
    assert tel(opslag, "SELECT count(*) FROM inwoners WHERE jaar = 2023") == [(342,)]
    deel = tmp_path / "inwoners.csv"
    deel.write_text("jaar,gm_code,aantal_inwoners\n2023,GM0363,1\n")
    fout = weigert(opslag, deel, "onvolledig voor 2023", "ontbreken 341 gemeenten", "gemeentelijst van 2023")
    assert fout.aantal == 1
    # Een volledig bestand voor één jaar met een correctie wordt wel geladen, de rest blijft.
    regels = [r for r in volledig.read_text().splitlines()[1:] if r.startswith("2023,")]
    deel.write_text("jaar,gm_code,aantal_inwoners\n" + "\n".join(regels).replace("GM0363,", "GM0363,9") + "\n")
    importeer(opslag, [deel])
    assert tel(opslag, "SELECT count(*) FROM inwoners WHERE jaar = 2023") == [(342,)]
    assert tel(opslag, "SELECT count(DISTINCT jaar) FROM inwoners") == [(10,)]
    assert tel(opslag, "SELECT inwoners FROM inwoners WHERE jaar = 2023 AND gm_code = 'GM0363'")[0][0] > 9e6


def test_inwoners_zonder_gemeentelijst_vergelijkt_met_de_opslag(tmp_path):
    store = Store(tmp_path / "leeg.duckdb")
    pad = tmp_path / "inwoners.csv"
    pad.write_text("jaar,gm_code,aantal_inwoners\n2023,GM0363,10\n2023,GM0014,20\n")
    importeer(store, [pad])  # niets om mee te vergelijken: geladen
    pad.write_text("jaar,gm_code,aantal_inwoners\n2023,GM0363,11\n")
    weigert(store, pad, "ontbreken 1 gemeenten die de opslag al heeft", "GM0014")
    store.sluit()


# -- GeoJSON ---------------------------------------------------------------------------------
def test_geo_volledig_en_gedeeltelijk(opslag, shared, tmp_path):
    importeer(opslag, [shared / "geo" / "gemeenten_2023.geojson"])
    assert tel(opslag, "SELECT count(*) FROM geo_gemeente WHERE jaar = 2023") == [(342,)]
    data = json.loads((shared / "geo" / "gemeenten_2023.geojson").read_text())
    data["features"] = data["features"][:1]
    deel = tmp_path / "gemeenten_2023.geojson"
    deel.write_text(json.dumps(data))
    weigert(opslag, deel, "onvolledig voor 2023", "ontbreken 341 gemeenten")
    assert tel(opslag, "SELECT count(*) FROM geo_gemeente WHERE jaar = 2023") == [(342,)]


# -- gemeenteklassen, gemeentefonds, gemeentelijst, codelijst --------------------------------
def test_klassen_gedeeltelijk(opslag, shared, tmp_path):
    regels = (shared / "gemeenten" / "gemeenteklassen_2024.tsv").read_text().splitlines()
    deel = tmp_path / "gemeenteklassen_2024.tsv"
    deel.write_text("\n".join(regels[:3]) + "\n")
    weigert(opslag, deel, "ontbreken 340 gemeenten")
    importeer(opslag, [shared / "gemeenten" / "gemeenteklassen_2024.tsv"])
    assert tel(opslag, "SELECT count(*) FROM gemeente_klasse WHERE jaar = 2024") == [(342,)]


def test_gemeentefonds_gedeeltelijk(opslag, shared, tmp_path):
    regels = (shared / "gemeentefonds" / "gf_clusters_S2024_2025.csv").read_text().splitlines()
    deel = tmp_path / "gf_clusters_S2024_2025.csv"
    deel.write_text("\n".join(regels[:4]) + "\n")
    weigert(opslag, deel, "onvolledig voor S2024 2025", "ontbreken 339 gemeenten")
    importeer(opslag, [shared / "gemeentefonds" / "gf_clusters_S2024_2025.csv"])
    assert tel(opslag, "SELECT count(DISTINCT gm_code) FROM gf_cluster") == [(342,)]


def test_gemeentelijst_gedeeltelijk(opslag, tmp_path):
    deel = tmp_path / "gemeenten.csv"
    deel.write_text("jaar,gm_code,gm_naam,prv_code,provincie\n2023,GM0363,Amsterdam,27,Noord-Holland\n")
    weigert(opslag, deel, "onvolledig voor 2023", "ontbreken 341 gemeenten die de opslag al heeft")
    # Een nieuw jaar zonder eerdere lijst is geen gedeeltelijk bestand.
    deel.write_text("jaar,gm_code,gm_naam,prv_code,provincie\n2027,GM0363,Amsterdam,27,Noord-Holland\n")
    importeer(opslag, [deel])
    assert tel(opslag, "SELECT count(*) FROM gemeente_jaar WHERE jaar = 2023") == [(342,)]


def test_codelijst_gedeeltelijk(opslag, tmp_path):
    deel = tmp_path / "taakvelden.csv"
    deel.write_text(
        "jaar,code,omschrijving,hoofdtaakveld,taakveld_2_posities,parent,niveau\n"
        "2023,6.1,Samenkracht en burgerparticipatie,6,6.1,6.,2\n"
    )
    weigert(opslag, deel, "onvolledig voor 2023", "taakveldcodes die de opslag al heeft")


# -- bijwerken per gemeente: de rest blijft staan ----------------------------------------------
def test_profiel_werkt_alleen_eigen_gemeenten_bij(opslag, shared, tmp_path):
    importeer(opslag, [shared / "gemeenten" / "sociale_structuur_centrumfunctie.tsv"])
    assert tel(opslag, "SELECT count(*) FROM gemeente_profiel") == [(342,)]
    regels = (shared / "gemeenten" / "sociale_structuur_centrumfunctie.tsv").read_text().splitlines()
    deel = tmp_path / "profiel.tsv"
    naam = regels[1].split("\t")[0]
    deel.write_text(regels[0] + "\n" + f"{naam}\tSterk\tGoed\n")
    importeer(opslag, [deel])
    assert tel(opslag, "SELECT count(*) FROM gemeente_profiel") == [(342,)]
    assert (
        tel(
            opslag,
            "SELECT count(*) FROM gemeente_profiel WHERE centrumfunctie = 'Sterk' AND sociale_structuur = 'Goed'",
        )[0][0]
        >= 1
    )


def test_iv3_vervangt_alleen_de_gemeenten_in_het_bestand(opslag, tmp_path):
    kop = "jaar,verslagsoort,document,gm_code,taakveld,taakveld_label,lasten\n"
    pad = tmp_path / "lasten.csv"
    pad.write_text(kop + "2023,2023X000,begroting,GM0363,6.1,6.1 S,10\n2023,2023X000,begroting,GM0014,6.1,6.1 S,20\n")
    importeer(opslag, [pad])
    pad.write_text(kop + "2023,2023X000,begroting,GM0363,6.1,6.1 S,11\n")
    importeer(opslag, [pad])
    assert tel(opslag, "SELECT gm_code, lasten::INTEGER FROM iv3_bedrag ORDER BY 1") == [("GM0014", 20), ("GM0363", 11)]
