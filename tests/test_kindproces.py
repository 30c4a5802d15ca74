"""Eigen bestanden controleren in een apart proces met grenzen (issue 33, punt 2): hetzelfde resultaat als
importeren in het eigen proces, fouten met al hun problemen terug, en een kind dat over zijn geheugen- of
tijdgrens gaat wordt een melding, zonder dat het dashboardproces er iets van merkt."""

from __future__ import annotations

import resource
import shutil

import pytest
from test_eigen import ingevuld, sjabloon, zet

from sociale_basis import importer, indicators, kindproces
from sociale_basis.sources.controle import InvoerFout
from sociale_basis.store import OpslagFout, Store


@pytest.fixture
def kopie(volledige_opslag, tmp_path):
    pad = tmp_path / "kopie.duckdb"
    shutil.copyfile(volledige_opslag, pad)
    return pad


@pytest.fixture
def bestand(volledige_opslag, tmp_path):
    pad = tmp_path / "amsterdam_ontwerp_2025.csv"
    pad.write_bytes(ingevuld(sjabloon(volledige_opslag)))
    return pad


def test_zelfde_verslag_als_in_het_eigen_proces(kopie, bestand, tmp_path):
    naast = tmp_path / "naast.duckdb"
    shutil.copyfile(kopie, naast)
    stappen = []
    verslag = kindproces.importeer(kopie, [bestand], lambda t, f: stappen.append((t, f)))
    with Store(naast) as store:
        zelf = importer.importeer(store, [bestand], op_naam=True)
    assert verslag.geladen == zelf.geladen and verslag.geladen[0][0].name == bestand.name
    assert verslag.ongewijzigd == zelf.ongewijzigd == [] and verslag.seconden > 0
    assert len(stappen) > 2 and stappen[-1][1] == pytest.approx(1.0)  # de voortgang komt regel voor regel door
    with Store(kopie, alleen_lezen=True) as store:
        assert list(indicators.eigen_cijfers(store)["gm_code"]) == ["GM0363"]
    # Nog eens hetzelfde bestand: het kind ziet het als ongewijzigd, net als importer.importeer zelf.
    opnieuw = kindproces.importeer(kopie, [bestand], lambda t, f: None)
    assert opnieuw.geladen == [] and [p.name for p in opnieuw.ongewijzigd] == [bestand.name]


def test_invoerfout_komt_terug_met_alle_problemen(kopie, volledige_opslag, tmp_path):
    regels = sjabloon(volledige_opslag)
    fout = [regels[0], *(zet(r, "veel", "") if i in (3, 7) else r for i, r in enumerate(regels[1:], 1))]
    pad = tmp_path / "amsterdam_fout.csv"
    pad.write_text("\n".join(fout), encoding="utf-8")
    with pytest.raises(InvoerFout) as fout_info:
        kindproces.importeer(kopie, [pad], lambda t, f: None)
    e = fout_info.value
    assert e.aantal >= 2 and {p.rij for p in e.problemen} >= {4, 8}
    assert all(p.bestand == "amsterdam_fout.csv" for p in e.problemen)
    assert e.kolom == "lasten_duizend_euro"


def test_geheugengrens_wordt_een_melding(kopie, bestand):
    # Onder wat Python met pandas en DuckDB al vraagt (± 1,1 GB virtueel): het kind kan niets en stopt.
    voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(OpslagFout, match="te veel geheugen of rekentijd") as e:
        kindproces.importeer(kopie, [bestand], lambda t, f: None, geheugen=300 * 1024**2)
    assert "0,3 GB geheugen" in str(e.value) and "Er is niets veranderd" in str(e.value)
    # Het eigen proces groeide er niet van (de grens gold het kind).
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - voor < 50 * 1024
    with Store(kopie, alleen_lezen=True) as store:
        assert indicators.eigen_cijfers(store).empty


def test_klok_stopt_een_kind_dat_te_lang_duurt(kopie, bestand):
    with pytest.raises(OpslagFout, match="te veel geheugen of rekentijd"):
        kindproces.importeer(kopie, [bestand], lambda t, f: None, wacht=0.2)
