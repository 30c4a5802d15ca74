"""Schrijven terwijl gelezen wordt: een schrijver maakt een nieuwe versie van de opslag en zet die
atomisch neer; lezers zien de oude of de nieuwe, nooit iets ertussen, en nooit een slotfout."""

from __future__ import annotations

import threading

import pytest

from sociale_basis import importer, indicators, snapshot
from sociale_basis.sources.lezen import InvoerFout
from sociale_basis.store import OpslagFout, Store, huidige_versie, nieuwe_versie, versiemap


@pytest.fixture()
def gevuld(tmp_path):
    pad = tmp_path / "opslag.duckdb"
    with nieuwe_versie(pad) as store:
        importer.voer_in(store, snapshot.stappen())
    return pad


def _jaren(pad) -> int:
    with Store(pad, alleen_lezen=True) as store:
        return len(indicators.beschikbaarheid(store))


def _schrijf_logregel(pad, naam: str) -> None:
    with nieuwe_versie(pad) as store, store.schrijven() as sessie:
        sessie.voer_uit("import/log", bestand=naam, sha256="0" * 64, soort="test", rijen=0)


def test_eerste_versie_is_een_verwijzing(gevuld):
    assert gevuld.is_symlink()
    assert huidige_versie(gevuld).parent == versiemap(gevuld)
    assert _jaren(gevuld) > 0


def test_niets_veranderd_geen_nieuwe_versie(gevuld):
    voor = huidige_versie(gevuld)
    with nieuwe_versie(gevuld) as store:
        verslag = importer.voer_in(store, snapshot.stappen())
    assert not verslag.geladen
    assert huidige_versie(gevuld) == voor
    assert sorted(versiemap(gevuld).glob("*.duckdb")) == [voor]


def test_fout_laat_de_opslag_zoals_hij_was(gevuld, tmp_path):
    voor = huidige_versie(gevuld)
    slecht = tmp_path / "iv3_taakveld_2023_begroting.csv"
    slecht.write_text("Gemeenten;Taakveld;Lasten;Baten\nAmsterdam;6.1 Samenkracht;veel;0\n", encoding="utf-8")
    with pytest.raises(InvoerFout), nieuwe_versie(gevuld) as store:
        importer.importeer(store, [slecht])
    assert huidige_versie(gevuld) == voor
    assert sorted(versiemap(gevuld).glob("*")) == [voor]


def test_lezer_houdt_zijn_versie_tot_hij_opnieuw_opent(gevuld):
    lezer = Store(gevuld, alleen_lezen=True)  # blijft open tijdens het schrijven: geen slotfout
    voor = len(indicators.import_log(lezer))
    _schrijf_logregel(gevuld, "extra.csv")
    assert len(indicators.import_log(lezer)) == voor
    with Store(gevuld, alleen_lezen=True) as nieuw:
        assert len(indicators.import_log(nieuw)) == voor + 1
    lezer.sluit()


def test_een_schrijver_tegelijk(gevuld):
    binnen, klaar = threading.Event(), threading.Event()

    def schrijver():
        with nieuwe_versie(gevuld):
            binnen.set()
            klaar.wait(10)

    t = threading.Thread(target=schrijver)
    t.start()
    binnen.wait(10)
    try:
        with pytest.raises(OpslagFout, match="wordt al bijgewerkt"), nieuwe_versie(gevuld):
            pass
    finally:
        klaar.set()
        t.join()


def test_oude_versies_worden_opgeruimd(gevuld):
    for i in range(5):
        _schrijf_logregel(gevuld, f"extra{i}.csv")
    versies = sorted(versiemap(gevuld).glob("*.duckdb"))
    assert len(versies) == 3 and huidige_versie(gevuld) == versies[-1]
