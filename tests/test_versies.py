"""Schrijven terwijl gelezen wordt: een schrijver maakt een nieuwe versie van de opslag en zet die
atomisch neer; lezers zien de oude of de nieuwe, nooit iets ertussen, en nooit een slotfout."""

from __future__ import annotations

import threading

import pytest

from sociale_basis import importer, indicators, snapshot
from sociale_basis.sources.controle import InvoerFout
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


def eigen_bestand(store: Store, map_, gm_code="GM0344", jaar=2025, document="begroting", extra=1000.5):
    """Het sjabloon zoals de Gegevens-pagina het aanbiedt (ingevuld met de CBS-cijfers van de gemeente), met
    `extra` × € 1.000 meer lasten op 6.1: eigen cijfers die van CBS verschillen, maar volledig zijn."""
    from sociale_basis.sources import eigen

    tekst = eigen.sjabloon(
        gm_code,
        "",
        jaar,
        document,
        indicators.sjabloon_taakvelden(store, jaar, document),
        indicators.sjabloon_cijfers(store, gm_code, jaar, document),
    )
    regels = tekst.decode("utf-8-sig").splitlines()
    uit = [regels[0]]
    for r in regels[1:]:
        *kop, lasten, baten = r.split(";")
        if kop[3] == "6.1":
            lasten = f"{float(lasten.replace(',', '.')) + extra:.1f}".replace(".", ",")
        uit.append(";".join([*kop, lasten, baten]))
    pad = map_ / f"eigen_{gm_code}_{jaar}_{document}.csv"
    pad.write_text("\n".join(uit) + "\n", encoding="utf-8")
    return pad


def test_import_terwijl_vijf_lezers_lezen(gevuld, tmp_path, standaardmodel):
    """Vijf lezers die steeds de huidige versie openen (zoals het dashboard bij elke rerun) zien
    tijdens een import altijd óf de oude óf de nieuwe cijfers, en nooit een fout."""
    from sociale_basis import model

    geopend: dict = {}
    slot = threading.Lock()

    def huidige_store():
        bestand = huidige_versie(gevuld)
        with slot:
            if bestand not in geopend:
                store = Store(bestand, alleen_lezen=True)
                geopend[bestand] = (store, store.laad_model(model.laad()))
            return geopend[bestand]

    def cijfer() -> tuple[float, float]:
        store, sleutel = huidige_store()
        rij = indicators.per_gemeente(store, sleutel, 2025, "begroting", "bruto").set_index("gm_code").loc["GM0344"]
        landelijk = indicators.groep(store, sleutel, 2025, "begroting", "bruto", None)
        return float(rij["totaal"]), float(landelijk["acuut_per_euro_preventie"])

    oud = cijfer()
    with Store(gevuld, alleen_lezen=True) as s:
        bestand = eigen_bestand(s, tmp_path)
    gezien: list[list[tuple[float, float]]] = [[] for _ in range(5)]
    fouten: list[BaseException] = []
    klaar = threading.Event()

    def lezer(eigen: list):
        try:
            while not klaar.is_set():
                eigen.append(cijfer())
            eigen.append(cijfer())  # na de import
        except BaseException as e:  # noqa: BLE001 - elke fout van een lezer laat de test falen
            fouten.append(e)

    lezers = [threading.Thread(target=lezer, args=(g,)) for g in gezien]
    for t in lezers:
        t.start()
    with nieuwe_versie(gevuld) as store:
        importer.importeer(store, [bestand])
    klaar.set()
    for t in lezers:
        t.join(60)
    nieuw = cijfer()
    for store, _ in geopend.values():
        store.sluit()
    assert not fouten, fouten
    assert nieuw[0] != oud[0] and nieuw[1] != oud[1]
    for reeks in gezien:
        assert set(reeks) <= {oud, nieuw}  # nooit iets ertussen
        assert reeks[-1] == nieuw
        # Wie de nieuwe versie eenmaal zag, ziet nooit meer de oude.
        assert oud not in reeks[reeks.index(nieuw) :]
    assert any(oud in reeks for reeks in gezien)  # er werd echt gelezen tijdens de import


def test_momentopname_neemt_geen_eigen_cijfers_mee(gevuld, tmp_path):
    """Eigen cijfers gaan in het dashboard voor CBS, maar de momentopname blijft CBS: voor die
    gemeente neemt ze de CBS-bron mee, niet de eigen cijfers."""
    import pandas as pd

    with Store(gevuld, alleen_lezen=True) as s:
        bestand = eigen_bestand(s, tmp_path)
    with nieuwe_versie(gevuld) as store:
        importer.importeer(store, [bestand])
    with Store(gevuld, alleen_lezen=True) as store:
        assert len(indicators.eigen_cijfers(store)) == 1
        manifest = snapshot.maak(store, tmp_path / "snap", "test")
    bedragen = pd.read_parquet(manifest.pad / manifest.inhoud["tabellen"]["iv3_bedrag"]["bestand"])
    assert "eigen" not in set(bedragen["bron"])
    utrecht = bedragen[
        (bedragen["gm_code"] == "GM0344") & (bedragen["jaar"] == 2025) & (bedragen["document"] == "begroting")
    ]
    assert len(utrecht) > 50 and set(utrecht["bron"]) <= {"cbs_ruw", "taakveld_lasten_baten", "lasten_2posities"}


def test_opdrachtregel_eigen_cijfers_tonen_en_verwijderen(gevuld, tmp_path, capsys):
    from sociale_basis.cli import main

    with Store(gevuld, alleen_lezen=True) as s:
        bestand = eigen_bestand(s, tmp_path)
    assert main(["--db", str(gevuld), "import", str(bestand)]) == 0
    assert main(["--db", str(gevuld), "status"]) == 0
    assert "GM0344 Utrecht, begroting 2025" in capsys.readouterr().out
    assert (
        main(
            [
                "--db",
                str(gevuld),
                "verwijder-eigen",
                "--gemeente",
                "GM0363",
                "--jaar",
                "2025",
                "--document",
                "begroting",
            ]
        )
        == 1
    )
    assert "wel van: GM0344 begroting 2025" in capsys.readouterr().err
    assert (
        main(
            [
                "--db",
                str(gevuld),
                "verwijder-eigen",
                "--gemeente",
                "gm0344",
                "--jaar",
                "2025",
                "--document",
                "begroting",
            ]
        )
        == 0
    )
    with Store(gevuld, alleen_lezen=True) as store:
        assert indicators.eigen_cijfers(store).empty
    # Daarna kan hetzelfde bestand opnieuw worden ingelezen (zijn logregel is mee verwijderd).
    assert main(["--db", str(gevuld), "import", str(bestand)]) == 0
    with Store(gevuld, alleen_lezen=True) as store:
        assert len(indicators.eigen_cijfers(store)) == 1
