"""Eigen bestanden op de pagina Gegevens (AppTest): sjabloon invullen, privé controleren (alle
problemen, of de eigen cijfers alleen voor deze bezoeker), publiceren, en weer verwijderen. De
gedeelde opslag verandert pas bij publiceren, en een andere bezoeker ziet tot dan niets."""

from __future__ import annotations

import json
import shutil

import pytest
from test_paginas import app, figuren

from sociale_basis import indicators
from sociale_basis.sources import eigen as eigen_formaat
from sociale_basis.store import Store, huidige_versie


@pytest.fixture
def eigen_db(volledige_opslag, tmp_path, monkeypatch):
    """Een eigen kopie van de volledige opslag: publiceren verandert hem."""
    pad = tmp_path / "opslag.duckdb"
    shutil.copyfile(volledige_opslag, pad)
    monkeypatch.setenv("SOCIALE_BASIS_DB", str(pad))
    return pad


def sjabloon(pad, gm_code="GM0363", jaar=2025, document="begroting") -> list[str]:
    with Store(pad, alleen_lezen=True) as store:
        taakvelden = indicators.sjabloon_taakvelden(store, jaar, document)
    return eigen_formaat.sjabloon(gm_code, "", jaar, document, taakvelden).decode("utf-8-sig").splitlines()


def ingevuld(regels: list[str], lasten: str = "2000,5", baten: str = "0") -> bytes:
    # Elke sjabloonregel eindigt op ';' (lasten leeg) en een lege baten-kolom.
    return "\n".join([regels[0], *(r[:-1] + f"{lasten};{baten}" for r in regels[1:])]).encode("utf-8")


def controleer(at, naam: str, inhoud: bytes):
    at.file_uploader[0].set_value((naam, inhoud, "text/csv"))
    next(b for b in at.button if b.label == "Controleren").click().run()
    return at


def cijfers(at) -> list[str]:
    return [m.value for m in at.metric]


def test_fout_bestand_toont_alle_problemen_en_verandert_niets(eigen_db):
    voor = huidige_versie(eigen_db)
    regels = sjabloon(eigen_db)
    regels[3] = regels[3][:-1] + "veel;0"           # lasten geen getal
    regels[5] = regels[5][:-1] + "10;nul"           # baten geen getal
    regels[7] = "GM0363;2025;begroting;9.99;Bestaat niet;1;0"
    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(at, "amsterdam_fout.csv", "\n".join(regels).encode("utf-8"))
    assert not at.exception, at.exception
    assert at.error and "De opslag is niet veranderd" in at.error[0].value
    problemen = at.table[0].value.reset_index()
    assert set(problemen.columns) >= {"Bestand", "Rij", "Kolom", "Probleem"}
    assert (problemen["Bestand"] == "amsterdam_fout.csv").all()
    # Alle drie de problemen, elk met zijn regel en kolom (regel 1 is de kopregel).
    gevonden = set(zip(problemen["Rij"].astype(int), problemen["Kolom"]))
    assert gevonden == {(4, "lasten_duizend_euro"), (6, "baten_duizend_euro"), (8, "taakveld")}, problemen
    assert huidige_versie(eigen_db) == voor


def test_upload_prive_dan_publiceren_dan_verwijderen(eigen_db):
    regels = sjabloon(eigen_db)
    at = app(eigen_db, "gemeente", jaar="2025", document="Begroting", maat="Bruto")
    cbs = cijfers(at)
    at.switch_page("sociale_basis/pages/gegevens.py").run()
    controleer(at, "amsterdam_ontwerp_2025.csv", ingevuld(regels))
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert any("eigen kopie" in s.value for s in at.success)
    assert "amsterdam_ontwerp_2025.csv" in set(at.dataframe[1].value["Bestand"])

    # Deze bezoeker ziet zijn eigen cijfers op de Gemeente-pagina, gemarkeerd ...
    at.switch_page("sociale_basis/pages/gemeente.py").run()
    assert cijfers(at) != cbs
    meldingen = " ".join(w.value for w in at.warning)
    assert "nog niet gepubliceerde" in meldingen and "Eigen cijfers, geen CBS" in meldingen
    bronregel = json.dumps(figuren(at)[0]["layout"]["annotations"]).replace("<br>", " ")
    assert "Met eigen cijfers (geen CBS) van Amsterdam" in bronregel
    # ... een andere bezoeker niet, en de gedeelde opslag is onveranderd.
    ander = app(eigen_db, "gemeente", jaar="2025", document="Begroting", maat="Bruto")
    assert cijfers(ander) == cbs and not ander.warning

    at.switch_page("sociale_basis/pages/gegevens.py").run()
    next(b for b in at.button if b.label.startswith("Publiceren")).click().run()
    assert not at.exception, at.exception
    assert any("Amsterdam" in m.value and "amsterdam_ontwerp_2025.csv" in m.value for m in at.markdown)

    ander = app(eigen_db, "gemeente", jaar="2025", document="Begroting", maat="Bruto")
    assert cijfers(ander) != cbs
    assert any("Eigen cijfers, geen CBS" in w.value for w in ander.warning)
    assert not any("nog niet gepubliceerde" in w.value for w in ander.warning)
    ander.switch_page("sociale_basis/pages/nederland.py").run()
    assert any("eigen cijfers (geen CBS)" in c.value for c in ander.caption)
    ander.switch_page("sociale_basis/pages/vergelijken.py").run()
    assert "Amsterdam ✎ eigen cijfers" in set(ander.dataframe[0].value["Gemeente"])

    ander.switch_page("sociale_basis/pages/gegevens.py").run()
    next(b for b in ander.button if b.label == "Verwijderen").click().run()
    assert not ander.exception, ander.exception
    terug = app(eigen_db, "gemeente", jaar="2025", document="Begroting", maat="Bruto")
    assert cijfers(terug) == cbs and not terug.warning


def test_verwerpen_laat_niets_achter(eigen_db):
    voor = huidige_versie(eigen_db)
    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(at, "amsterdam.csv", ingevuld(sjabloon(eigen_db)))
    map_ = eigen_db.parent / "prive"
    assert any(map_.iterdir())
    next(b for b in at.button if b.label == "Verwerpen").click().run()
    assert not at.exception
    assert not any(map_.iterdir())
    assert huidige_versie(eigen_db) == voor


def test_te_groot_bestand_wordt_geweigerd(eigen_db, monkeypatch):
    from sociale_basis.dashboard import eigen

    monkeypatch.setattr(eigen, "MAX_MB", 0.001)
    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(at, "groot.csv", b"x" * 5000)
    assert at.error and "het maximum is" in at.error[0].value


def test_aantal_privekopieen_is_begrensd(eigen_db, monkeypatch):
    from sociale_basis.dashboard import eigen

    monkeypatch.setattr(eigen, "MAX_KOPIEEN", 1)
    eerste = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(eerste, "amsterdam.csv", ingevuld(sjabloon(eigen_db)))
    assert eerste.success
    tweede = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(tweede, "amsterdam.csv", ingevuld(sjabloon(eigen_db)))
    assert not tweede.exception
    assert tweede.error and "bekijken nu al 1 bezoekers" in tweede.error[0].value
