"""Eigen bestanden op de pagina Gegevens (AppTest): sjabloon invullen, privé controleren (alle
problemen, of de eigen cijfers alleen voor deze bezoeker), publiceren, en weer verwijderen. De
gedeelde opslag verandert pas bij publiceren, en een andere bezoeker ziet tot dan niets."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import kerncijfers
from test_paginas import app, figuren

from sociale_basis import indicators
from sociale_basis.sources import eigen as eigen_formaat
from sociale_basis.sources.controle import InvoerFout
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
    return [m.value for m in kerncijfers(at)]


def test_fout_bestand_toont_alle_problemen_en_verandert_niets(eigen_db):
    voor = huidige_versie(eigen_db)
    regels = sjabloon(eigen_db)
    regels[3] = regels[3][:-1] + "veel;0"  # lasten geen getal
    regels[5] = regels[5][:-1] + "10;nul"  # baten geen getal
    regels[7] = "GM0363;2025;begroting;9.99;Bestaat niet;1;0"
    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(at, "amsterdam_fout.csv", "\n".join(regels).encode("utf-8"))
    assert not at.exception, at.exception
    assert at.error and "De opslag is niet veranderd" in at.error[0].value
    problemen = at.table[-1].value.reset_index()
    assert set(problemen.columns) >= {"Bestand", "Rij", "Kolom", "Probleem"}
    assert (problemen["Bestand"] == "amsterdam_fout.csv").all()
    # Alle drie de problemen, elk met zijn regel en kolom (regel 1 is de kopregel).
    gevonden = set(zip(problemen["Rij"].astype(int), problemen["Kolom"]))
    assert gevonden == {(4, "lasten_duizend_euro"), (6, "baten_duizend_euro"), (8, "taakveld")}, problemen
    assert huidige_versie(eigen_db) == voor


def zonder_crisis(waarschuwingen) -> list[str]:
    """De waarschuwingen behalve die over crisisgeld: Amsterdams bruto begroting 2025 bevat de opvang van
    ontheemden op 6.1 (test_realisatie), los van eigen cijfers."""
    return [w.value for w in waarschuwingen if "crisis" not in w.value]


def test_upload_prive_dan_publiceren_dan_verwijderen(eigen_db):
    regels = sjabloon(eigen_db)
    at = app(eigen_db, "gemeente", jaar="2025", document="Begroting", maat="Bruto")
    cbs = cijfers(at)
    at.switch_page("sociale_basis/pages/gegevens.py").run()
    controleer(at, "amsterdam_ontwerp_2025.csv", ingevuld(regels))
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert any("eigen kopie" in s.value for s in at.success)
    assert "amsterdam_ontwerp_2025.csv" in set(at.dataframe[0].value["Bestand"])

    # Deze bezoeker ziet zijn eigen cijfers op de Gemeente-pagina, gemarkeerd ...
    at.switch_page("sociale_basis/pages/gemeente.py").run()
    assert cijfers(at) != cbs
    meldingen = " ".join(w.value for w in at.warning)
    assert "nog niet gepubliceerde" in meldingen and "Eigen cijfers, geen CBS" in meldingen
    bronregel = json.dumps(figuren(at)[0]["layout"]["annotations"]).replace("<br>", " ")
    assert "Met eigen cijfers (geen CBS) van Amsterdam" in bronregel
    # ... een andere bezoeker niet, en de gedeelde opslag is onveranderd.
    ander = app(eigen_db, "gemeente", jaar="2025", document="Begroting", maat="Bruto")
    assert cijfers(ander) == cbs and not zonder_crisis(ander.warning)

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
    # Op de pagina van een andere gemeente: Nederland telt Amsterdams eigen cijfers mee, en dat staat er.
    groningen = app(eigen_db, "gemeente", jaar="2025", document="Begroting", maat="Bruto", gemeente="Groningen")
    assert any("eigen cijfers (geen CBS)** mee van: Amsterdam" in c.value for c in groningen.caption)

    ander.switch_page("sociale_basis/pages/gegevens.py").run()
    next(b for b in ander.button if b.label == "Verwijderen").click().run()
    assert not ander.exception, ander.exception
    terug = app(eigen_db, "gemeente", jaar="2025", document="Begroting", maat="Bruto")
    assert cijfers(terug) == cbs and not zonder_crisis(terug.warning)


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


def test_twee_bestanden_met_dezelfde_naam_geweigerd(eigen_db):
    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    inhoud = ingevuld(sjabloon(eigen_db))
    at.file_uploader[0].set_value([("eigen.csv", inhoud, "text/csv"), ("eigen.csv", inhoud, "text/csv")])
    next(b for b in at.button if b.label == "Controleren").click().run()
    assert not at.exception, at.exception
    assert "dezelfde naam" in " ".join(t.value.to_string() for t in at.table) + " ".join(e.value for e in at.error)


def test_dezelfde_upload_nog_eens_verandert_niets(eigen_db):
    inhoud = ingevuld(sjabloon(eigen_db))
    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(at, "amsterdam.csv", inhoud)
    next(b for b in at.button if b.label.startswith("Publiceren")).click().run()
    na_publiceren = huidige_versie(eigen_db)
    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(at, "amsterdam.csv", inhoud)
    assert any("al precies zo in de opslag" in i.value for i in at.info)
    assert next(b for b in at.button if b.label.startswith("Publiceren")).disabled
    assert huidige_versie(eigen_db) == na_publiceren
    # Het logboek kent de upload bij zijn naam, niet bij een tijdelijk serverpad.
    with Store(eigen_db, alleen_lezen=True) as store:
        assert "amsterdam.csv" in set(indicators.import_log(store)["bestand"])


def test_een_store_per_bestand_en_oude_versies_uit_het_register(eigen_db, tmp_path):
    """Veel privékopieën duwen de gedeelde opslag niet uit het register (dan kwam er een tweede
    Store op hetzelfde bestand, die het model opnieuw laadt terwijl anderen lezen), en een
    vervangen versie wordt nooit meer uitgedeeld."""
    from sociale_basis.dashboard import opslag
    from sociale_basis.store import nieuwe_versie

    huidig = huidige_versie(eigen_db)
    gedeeld, _ = opslag._open(huidig, huidig)
    for i in range(10):
        kopie = tmp_path / f"prive{i}.duckdb"
        shutil.copyfile(huidig, kopie)
        opslag._open(kopie, huidig)
    assert opslag._open(huidig, huidig)[0] is gedeeld
    with nieuwe_versie(eigen_db) as store, store.schrijven() as sessie:
        sessie.voer_uit("import/log", bestand="x.csv", sha256="0" * 64, soort="test", rijen=0)
    nieuw = huidige_versie(eigen_db)
    assert nieuw != huidig
    assert opslag._open(nieuw, nieuw)[0] is not gedeeld
    assert huidig not in opslag._OPEN and any(s is gedeeld for _, s in opslag._OUDE)


def test_sjabloon_decimalen(eigen_db, tmp_path):
    """Met puntkomma's is de komma het decimaalteken; '1.5' is dubbelzinnig en wordt geweigerd in
    plaats van stil als 15 gelezen; '1.234,5' is duizend-tweehonderd-vierendertig-en-een-half."""
    from sociale_basis import importer
    from sociale_basis.store import nieuwe_versie

    regels = sjabloon(eigen_db)
    goed = [regels[0], regels[1][:-1] + "1.234,5;0", regels[2][:-1] + "2,5;0,5"]
    fout = [regels[0], regels[1][:-1] + "1.5;0", regels[2][:-1] + "1.234.5;0"]
    (tmp_path / "fout.csv").write_text("\n".join(fout), encoding="utf-8")
    (tmp_path / "goed.csv").write_text("\n".join(goed), encoding="utf-8")

    with pytest.raises(InvoerFout) as info, nieuwe_versie(eigen_db) as store:
        importer.importeer(store, [tmp_path / "fout.csv"])
    assert [(p.rij, p.kolom) for p in info.value.problemen] == [(2, "lasten_duizend_euro"), (3, "lasten_duizend_euro")]
    assert "dubbelzinnig" in info.value.problemen[0].melding
    with nieuwe_versie(eigen_db) as store:
        importer.importeer(store, [tmp_path / "goed.csv"])
    with Store(eigen_db, alleen_lezen=True) as store, store.cursor() as cur:
        bedragen = cur.execute(
            "SELECT lasten::DOUBLE, baten::DOUBLE FROM iv3_bedrag WHERE bron = 'eigen' ORDER BY lasten"
        ).fetchall()
    assert bedragen == [(2.5, 0.5), (1234.5, 0.0)]
