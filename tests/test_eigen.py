"""Eigen bestanden op de pagina Gegevens (AppTest): sjabloon aanpassen, privé controleren (alle
problemen, of de eigen cijfers alleen voor deze bezoeker), publiceren, en weer verwijderen. De
gedeelde opslag verandert pas bij publiceren, en een andere bezoeker ziet tot dan niets.

Het sjabloon staat ingevuld met de CBS-cijfers van de gemeente; leeg is geen 0 meer (issue 32, punt 1):
een half leeg bestand wordt geweigerd, een totaal ver van CBS alleen met ‘ja, dit is volledig’."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from conftest import kerncijfers
from test_paginas import app, figuren, tabellen

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


def sjabloon_bestand(pad, gm_code="GM0363", jaar=2025, document="begroting") -> bytes:
    """Het sjabloon zoals de Gegevens-pagina het aanbiedt: met de CBS-cijfers van de gemeente."""
    with Store(pad, alleen_lezen=True) as store:
        taakvelden = indicators.sjabloon_taakvelden(store, jaar, document)
        cijfers = indicators.sjabloon_cijfers(store, gm_code, jaar, document)
    return eigen_formaat.sjabloon(gm_code, "", jaar, document, taakvelden, cijfers)


def sjabloon(pad, gm_code="GM0363", jaar=2025, document="begroting") -> list[str]:
    return sjabloon_bestand(pad, gm_code, jaar, document).decode("utf-8-sig").splitlines()


def zet(regel: str, lasten: str, baten: str) -> str:
    """Een sjabloonregel met andere bedragen (de laatste twee kolommen)."""
    return regel.rsplit(";", 2)[0] + f";{lasten};{baten}"


def bedragen(regel: str) -> tuple[float, float | None]:
    *_, lasten, baten = regel.split(";")
    return float(lasten.replace(",", ".")), float(baten.replace(",", ".")) if baten else None


def ingevuld(regels: list[str], extra: float = 10_000, taakveld: str = "6.1") -> bytes:
    """Het sjabloon zoals een gemeente het aanpast: `extra` × € 1.000 meer lasten op `taakveld` (6.1 is
    preventie), de rest zoals CBS."""
    uit = []
    for r in regels:
        if r.split(";")[3] == taakveld:
            lasten, baten = bedragen(r)
            r = zet(r, f"{lasten + extra:.0f}", f"{baten:.0f}")
        uit.append(r)
    return "\n".join(uit).encode("utf-8")


def problemen_tabel(at) -> pd.DataFrame:
    """De tabel met de problemen van een mislukte controle (Bestand, Rij, Kolom, Probleem)."""
    return next(t.value.reset_index() for t in at.table if "Probleem" in t.value.reset_index().columns)


def controleer(at, naam: str, inhoud: bytes):
    at.file_uploader[0].set_value((naam, inhoud, "text/csv"))
    next(b for b in at.button if b.label == "Controleren").click().run()
    return at


def cijfers(at) -> list[str]:
    return [m.value for m in kerncijfers(at)]


def test_fout_bestand_toont_alle_problemen_en_verandert_niets(eigen_db):
    voor = huidige_versie(eigen_db)
    regels = sjabloon(eigen_db)
    regels[3] = zet(regels[3], "veel", "0")  # lasten geen getal
    regels[5] = zet(regels[5], "10", "nul")  # baten geen getal
    regels[7] = "GM0363;2025;begroting;9.99;Bestaat niet;1;0"
    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(at, "amsterdam_fout.csv", "\n".join(regels).encode("utf-8"))
    assert not at.exception, at.exception
    assert at.error and "De opslag is niet veranderd" in at.error[0].value
    problemen = problemen_tabel(at)
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
    assert "amsterdam_ontwerp_2025.csv" in set(next(t for t in tabellen(at) if "Inhoud" in t.columns)["Bestand"])

    # Deze bezoeker ziet zijn eigen cijfers op de Gemeente-pagina, gemarkeerd ...
    at.switch_page("sociale_basis/pages/gemeente.py").run()
    assert cijfers(at) != cbs
    meldingen = " ".join(w.value for w in at.warning)
    assert "nog niet gepubliceerde" in meldingen and "Eigen cijfers, geen CBS" in meldingen
    # Zoals de browser de regels van de bronregel achter elkaar zet (losse <tspan>s, zonder iets ertussen).
    bronregel = json.dumps(figuren(at)[0]["layout"]["annotations"]).replace("<br>", "")
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
    assert "Amsterdam ✎ eigen cijfers" in set(tabellen(ander)[0]["Gemeente"])
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
    assert not any(p.is_dir() for p in map_.iterdir())  # alleen het slotbestand van kopieen.py blijft
    assert huidige_versie(eigen_db) == voor


def test_te_groot_bestand_wordt_geweigerd(eigen_db, monkeypatch):
    from sociale_basis.dashboard import eigen

    monkeypatch.setattr(eigen, "MAX_MB", 0.001)
    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(at, "groot.csv", b"x" * 5000)
    assert at.error and "het maximum is" in at.error[0].value


def test_aantal_privekopieen_is_begrensd(eigen_db, monkeypatch):
    """Twee bezoekers, één plaats: de tweede krijgt een melding. Dezelfde bezoeker in een tweede sessie
    (tabblad) vervangt zijn eigen kopie, en de eerste sessie zegt dat haar kopie weg is (issue 33)."""
    from sociale_basis.dashboard import eigen, kopieen

    monkeypatch.setattr(kopieen, "MAX_KOPIEEN", 1)
    wie = {"naam": "anna"}
    monkeypatch.setattr(eigen, "_bezoeker", lambda: wie["naam"])
    eerste = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(eerste, "amsterdam.csv", ingevuld(sjabloon(eigen_db)))
    assert eerste.success
    wie["naam"] = "bert"
    tweede = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(tweede, "amsterdam.csv", ingevuld(sjabloon(eigen_db)))
    assert not tweede.exception
    assert tweede.error and "controleren nu al 1 bezoekers" in tweede.error[0].value
    wie["naam"] = "anna"
    derde = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(derde, "amsterdam.csv", ingevuld(sjabloon(eigen_db)))
    assert derde.success
    eerste.run()
    assert any("je kopie is opgeruimd" in w.value for w in eerste.warning)


def test_gz_bom_via_de_pagina_geweigerd_zonder_kopie(eigen_db):
    """De .gz-bom van issue 33 door de echte uploadroute: geweigerd vóór er een kopie of lezer aan te pas komt."""
    from test_begrensd import _bom

    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting")
    controleer(at, "sjabloon.csv.gz", _bom(100))
    assert not at.exception, at.exception
    tekst = " ".join(e.value for e in at.error) + " ".join(t.value.to_string() for t in at.table)
    assert "groter dan 64 MB (na uitpakken)" in tekst
    map_ = eigen_db.parent / "prive"
    assert not map_.exists() or not any(p.is_dir() for p in map_.iterdir())


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
    # Regel 2 en 3 (0.1 Bestuur en 0.10 Mutaties reserves) anders, de rest zoals CBS.
    goed = [regels[0], zet(regels[1], "1.234,5", "0"), zet(regels[2], "2,5", "0,5"), *regels[3:]]
    fout = [regels[0], zet(regels[1], "1.5", "0"), zet(regels[2], "1.234.5", "0"), *regels[3:]]
    (tmp_path / "fout.csv").write_text("\n".join(fout), encoding="utf-8")
    (tmp_path / "goed.csv").write_text("\n".join(goed), encoding="utf-8")

    with pytest.raises(InvoerFout) as info, nieuwe_versie(eigen_db) as store:
        importer.importeer(store, [tmp_path / "fout.csv"])
    assert [(p.rij, p.kolom) for p in info.value.problemen] == [(2, "lasten_duizend_euro"), (3, "lasten_duizend_euro")]
    assert "dubbelzinnig" in info.value.problemen[0].melding
    with nieuwe_versie(eigen_db) as store:
        importer.importeer(store, [tmp_path / "goed.csv"])
    with Store(eigen_db, alleen_lezen=True) as store, store.cursor() as cur:
        gelezen = cur.execute(
            "SELECT lasten::DOUBLE, baten::DOUBLE FROM iv3_bedrag WHERE bron = 'eigen' AND taakveld IN ('0.1', '0.10') "
            "ORDER BY lasten"
        ).fetchall()
    assert gelezen == [(2.5, 0.5), (1234.5, 0.0)]


# -- geen stille nullen (issue 32, punt 1) ------------------------------------------------------
DEVENTER = "GM0150"


def deventer(pad) -> list[str]:
    return sjabloon(pad, DEVENTER)


def met_lasten_maal(regels: list[str], factor: float) -> bytes:
    """Elk bedrag aan lasten `factor` keer zo groot: een totaal ver van CBS."""
    uit = [regels[0]]
    for r in regels[1:]:
        lasten, baten = bedragen(r)
        uit.append(zet(r, f"{lasten * factor:.3f}".replace(".", ","), "" if baten is None else f"{baten:.0f}"))
    return "\n".join(uit).encode("utf-8")


def kop_deventer(pad, model_) -> dict:
    """Preventie en acute zorg per inwoner van Deventer (netto, begroting 2025) en haar plaats, zoals de pagina's
    ze rekenen."""
    with Store(pad, alleen_lezen=True) as store:
        store.laad_model(model_)
        df = indicators.per_gemeente(store, model_.sleutel, 2025, "begroting", "netto")
    df = df[df["rangbaar"]].sort_values("acuut_per_euro_preventie").reset_index(drop=True)
    r = df[df["gm_code"] == DEVENTER].iloc[0]
    return {
        "preventie": round(r["collectieve_preventie_per_inwoner"], 6),
        "acuut": round(r["acute_zorg_per_inwoner"], 6),
        "rang": int(df.index[df["gm_code"] == DEVENTER][0]) + 1,
    }


def test_sjabloon_van_deventer_staat_ingevuld_met_haar_cbs_cijfers(shared, eigen_db):
    """Aanpassen, niet overtypen: elk bedrag van Deventer uit het CBS-bestand zelf staat in het sjabloon."""
    import pandas as pd

    bron = pd.read_csv(shared / "iv3" / "iv3_taakveld_2025_begroting.csv", sep=";", dtype=str)
    bron = bron[bron["Gemeenten"].str.strip() == "Deventer"]
    cbs = {
        t.split(" ", 1)[0]: (float(lasten), float(baten))
        for t, lasten, baten in zip(bron["Taakveld"], bron["Lasten"], bron["Baten"])
    }
    regels = deventer(eigen_db)
    assert regels[0] == ";".join(eigen_formaat.KOLOMMEN)  # dezelfde kop: `herken` kent het nog
    sjabloon_ = {r.split(";")[3]: bedragen(r) for r in regels[1:]}
    assert len(cbs) == 69 and sjabloon_ == cbs
    assert all(r.startswith(f"{DEVENTER};2025;begroting;") for r in regels[1:])
    assert "6.1;Samenkracht en burgerparticipatie;" in "\n".join(regels)


def test_sjabloon_zonder_cbs_cijfers_is_leeg_en_zegt_het(eigen_db):
    """Leverde de gemeente dat jaar niets aan (bij CBS alleen nullen), dan is er niets in te vullen: leeg, en de
    knop zegt waarom."""
    with Store(eigen_db, alleen_lezen=True) as store:
        zonder = indicators.zonder_cijfers(store, 2022, "begroting")
    gm = zonder["gm_code"].iloc[0]
    regels = sjabloon(eigen_db, gm, 2022, "begroting")
    assert len(regels) > 40 and all(r.endswith(";;") for r in regels[1:])
    at = app(eigen_db, "gegevens", jaar="2022", document="Begroting", gemeente=gm)
    assert not at.exception, at.exception
    assert any(
        c.value.startswith("CBS heeft geen cijfers van") and "het sjabloon is leeg" in c.value for c in at.caption
    )


def test_deventer_drie_van_69_ingevuld_geweigerd_met_de_getallen(shared, eigen_db, tmp_path):
    """De gebruikerstest: 3 van de 69 taakvelden ingevuld gaf Deventer € 305 preventie en € 94 acute zorg per
    inwoner, plek 33 in plaats van 279, zonder een woord. Nu: geweigerd, met de getallen, en niets veranderd."""
    from sociale_basis import importer
    from sociale_basis.store import nieuwe_versie

    voor = huidige_versie(eigen_db)
    regels = deventer(eigen_db)
    half = [regels[0], *regels[1:4], *(zet(r, "", "") for r in regels[4:])]
    (tmp_path / "deventer_half.csv").write_text("\n".join(half), encoding="utf-8")
    for volledig in (False, True):  # ‘ja, dit is volledig’ helpt niet bij een half leeg bestand
        with pytest.raises(InvoerFout) as info, nieuwe_versie(eigen_db) as store:
            importer.importeer(store, [tmp_path / "deventer_half.csv"], volledig=volledig)
        fout = info.value
        assert fout.bestand == "deventer_half.csv" and fout.kolom == "lasten_duizend_euro"
        assert fout.melding.startswith("66 van de 69 taakvelden zijn leeg of ontbreken. Bij CBS heeft Deventer")
        assert "€ 457,0 mln van de € 464,2 mln lasten" in fout.melding
        assert "6.3 Inkomensregelingen (€ 65,7 mln)" in fout.melding
        assert "Ingevuld zijn alleen regels 2, 3, 4." in fout.melding
    assert huidige_versie(eigen_db) == voor
    with Store(eigen_db, alleen_lezen=True) as store:
        assert indicators.eigen_cijfers(store).empty


def test_deventer_half_leeg_op_de_pagina_geweigerd(shared, eigen_db):
    voor = huidige_versie(eigen_db)
    regels = deventer(eigen_db)
    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting", gemeente="Deventer")
    at.checkbox[0].check()  # ook bevestigd: een half leeg bestand kan nooit door
    controleer(at, "deventer.csv", "\n".join([*regels[:4], *(zet(r, "", "") for r in regels[4:])]).encode())
    assert not at.exception, at.exception
    assert at.error and "De opslag is niet veranderd" in at.error[0].value
    probleem = problemen_tabel(at).iloc[0]
    assert probleem["Bestand"] == "deventer.csv" and probleem["Kolom"] == "lasten_duizend_euro"
    assert probleem["Probleem"].startswith("66 van de 69 taakvelden zijn leeg of ontbreken")
    assert not any(b.label.startswith("Publiceren") for b in at.button)
    assert huidige_versie(eigen_db) == voor


def test_een_paar_lege_taakvelden_staan_in_de_samenvatting(shared, eigen_db, tmp_path):
    """Een paar lege taakvelden: gelezen als 0, maar niet stil; de samenvatting noemt ze en hun CBS-bedrag."""
    from sociale_basis import importer
    from sociale_basis.store import nieuwe_versie

    regels = deventer(eigen_db)
    leeg = {r.split(";")[3] for r in regels[1:]} & {"5.2", "8.1"}
    aangepast = [zet(r, "", "") if r.split(";")[3] in leeg else r for r in regels]
    (tmp_path / "deventer.csv").write_text("\n".join(aangepast), encoding="utf-8")
    with nieuwe_versie(eigen_db) as store:
        verslag = importer.importeer(store, [tmp_path / "deventer.csv"])
    samenvatting = verslag.geladen[0][3]
    assert "2 van de 69 taakvelden zijn leeg of ontbreken; als 0 gelezen, bij CBS samen € " in samenvatting
    assert "(5.2, 8.1)" in samenvatting or "(8.1, 5.2)" in samenvatting


def test_onaangeroerd_sjabloon_geeft_precies_de_cbs_cijfers(shared, eigen_db, tmp_path):
    """Het sjabloon ongewijzigd terug: Deventer houdt haar preventie en acute zorg per inwoner en haar plaats."""
    from sociale_basis import importer, model
    from sociale_basis.store import nieuwe_versie

    standaard = model.laad()
    cbs = kop_deventer(eigen_db, standaard)
    assert round(cbs["preventie"]) == 240 and round(cbs["acuut"]) == 378
    (tmp_path / "deventer.csv").write_bytes(sjabloon_bestand(eigen_db, DEVENTER))  # ongewijzigd
    with nieuwe_versie(eigen_db) as store:
        verslag = importer.importeer(store, [tmp_path / "deventer.csv"])
    assert "CBS € 464,2 mln, 0,0%" in verslag.geladen[0][3]
    with Store(eigen_db, alleen_lezen=True) as store:
        assert set(indicators.eigen_cijfers(store)["gm_code"]) == {DEVENTER}
    assert kop_deventer(eigen_db, standaard) == cbs


def test_totaal_ver_van_cbs_alleen_met_bevestiging(shared, eigen_db, tmp_path):
    from sociale_basis import importer
    from sociale_basis.store import nieuwe_versie

    voor = huidige_versie(eigen_db)
    (tmp_path / "deventer_helft.csv").write_bytes(met_lasten_maal(deventer(eigen_db), 0.5))
    with pytest.raises(InvoerFout) as info, nieuwe_versie(eigen_db) as store:
        importer.importeer(store, [tmp_path / "deventer_helft.csv"])
    assert info.value.kolom == "lasten_duizend_euro"
    assert (
        "samen € 232,1 mln (zonder 0.10 en 0.11), bij CBS heeft Deventer (begroting 2025) € 464,2 mln: 50,0% minder"
        in (info.value.melding)
    )
    assert "ja, dit is volledig" in info.value.melding
    assert huidige_versie(eigen_db) == voor
    with nieuwe_versie(eigen_db) as store:
        verslag = importer.importeer(store, [tmp_path / "deventer_helft.csv"], volledig=True)
    assert "CBS € 464,2 mln, −50,0%, bevestigd als volledig" in verslag.geladen[0][3]
    # Binnen de marge (MARGE) hoeft niemand iets te bevestigen.
    (tmp_path / "deventer_meer.csv").write_bytes(met_lasten_maal(deventer(eigen_db), 1 + eigen_formaat.MARGE - 0.05))
    with nieuwe_versie(eigen_db) as store:
        importer.importeer(store, [tmp_path / "deventer_meer.csv"])


def test_opdrachtregel_volledig(shared, eigen_db, tmp_path, capsys):
    from sociale_basis.cli import main

    bestand = tmp_path / "deventer_helft.csv"
    bestand.write_bytes(met_lasten_maal(deventer(eigen_db), 0.5))
    voor = huidige_versie(eigen_db)
    assert main(["--db", str(eigen_db), "import", str(bestand)]) != 0
    fout = capsys.readouterr().err
    assert "deventer_helft.csv" in fout and "50,0% minder" in fout and "--volledig" in fout
    assert huidige_versie(eigen_db) == voor
    assert main(["--db", str(eigen_db), "import", "--volledig", str(bestand)]) == 0
    assert "bevestigd als volledig" in capsys.readouterr().err
    with Store(eigen_db, alleen_lezen=True) as store:
        assert set(indicators.eigen_cijfers(store)["gm_code"]) == {DEVENTER}


def test_bevestiging_gaat_mee_naar_publiceren(shared, eigen_db):
    """Publiceren leest dezelfde bestanden opnieuw; zonder de bevestiging van het vinkje zou het weigeren wat de
    controle doorliet."""
    inhoud = met_lasten_maal(deventer(eigen_db), 0.5)
    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting", gemeente="Deventer")
    controleer(at, "deventer_helft.csv", inhoud)
    assert not at.exception, at.exception
    assert "50,0% minder" in problemen_tabel(at).iloc[0]["Probleem"]
    at.checkbox[0].check()
    next(b for b in at.button if b.label == "Controleren").click().run()
    assert not at.error, [e.value for e in at.error]
    assert any("ja, dit is volledig" in c.value for c in at.caption)
    next(b for b in at.button if b.label.startswith("Publiceren")).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    with Store(huidige_versie(eigen_db), alleen_lezen=True) as store, store.cursor() as cur:
        totaal = cur.execute(
            "SELECT sum(lasten)::DOUBLE FROM iv3_bedrag WHERE bron = 'eigen' AND gm_code = ? "
            "AND taakveld NOT IN ('0.10', '0.11')",
            [DEVENTER],
        ).fetchone()[0]
    assert round(totaal / 1000, 1) == 232.1


# -- de bronregel (issue 32) ---------------------------------------------------------------------------
def test_bronregel_leest_als_tekst_zonder_aan_elkaar_geplakte_woorden(shared, eigen_db):
    """Op de pagina stond ‘(geen CBS)van Deventer’: de bronregel onder een grafiek is in regels afgebroken met
    <br>, en de browser zet die regels als losse tekststukken achter elkaar (zo leest een schermlezer of wie
    kopieert). Hier: de tekst zoals de browser hem samenvoegt."""
    import re

    at = app(eigen_db, "gegevens", jaar="2025", document="Begroting", gemeente="Zwolle")
    controleer(at, "deventer.csv", ingevuld(deventer(eigen_db)))
    at.switch_page("sociale_basis/pages/nederland.py").run()
    assert any(c.value.startswith("✎ Inclusief **eigen cijfers (geen CBS)** van: Deventer") for c in at.caption)
    gezien = 0
    for fig in figuren(at):
        for a in fig["layout"]["annotations"]:
            if "Bron:" in a["text"]:
                tekst = a["text"].replace("<br>", "")  # zoals de browser de <tspan>s samenvoegt
                assert "Met eigen cijfers (geen CBS) van Deventer." in tekst
                assert not re.search(r"[^\s(]\w*[.,:)][^\s.,;:)0-9%]", tekst.replace("CBS/", "")), tekst
                gezien += 1
    assert gezien


def test_bronregel_afbreken_verliest_geen_spaties():
    from sociale_basis import charts

    bron = (
        "Bron: CBS, Iv3 (via begrotingsanalysetool en gemeentedata), begroting 2025, netto. Met eigen cijfers "
        "(geen CBS) van Deventer. Bewerking: Sociale Basis-dashboard, model ‘standaard’."
    )
    for extra in range(0, 40):  # de afbreekplaats schuift over elke spatie
        tekst = "x" * extra + " " + bron
        fig = charts.figuur([], {}, "titel", tekst)
        regel = fig.to_dict()["layout"]["annotations"][-1]["text"]
        assert "<br>" in regel
        assert regel.replace("<br>", "") == tekst


# -- herladen (issue 32) -------------------------------------------------------------------------------
def test_herladen_zegt_dat_de_eigen_bestanden_weg_zijn(eigen_db):
    """Een privékopie leeft in de sessie; herladen begint een nieuwe. De markering in de URL zegt dat er een was:
    een melding in plaats van stil de gedeelde cijfers, en geen weg terug naar de kopie (privacy)."""
    from sociale_basis import links
    from sociale_basis.dashboard import eigen

    at = app(eigen_db, "gemeente", jaar="2025", document="Begroting", maat="Bruto")
    cbs = cijfers(at)
    at.switch_page("sociale_basis/pages/gegevens.py").run()
    controleer(at, "amsterdam.csv", ingevuld(sjabloon(eigen_db)))
    merk = at.query_params.get(links.PRIVE)
    assert merk and "/" not in merk and "upload" not in merk  # willekeurig, geen pad
    at.switch_page("sociale_basis/pages/gemeente.py").run()
    assert cijfers(at) != cbs and at.query_params.get(links.PRIVE) == merk
    assert not any(eigen.HERLADEN in w.value for w in at.warning)

    # Herladen = een nieuwe sessie met dezelfde URL: de melding, de gedeelde cijfers, en de markering weg.
    herladen = app(eigen_db, "nederland", jaar="2025", document="Begroting", maat="Bruto", prive=merk)
    assert not herladen.exception, herladen.exception
    assert any(w.value == eigen.HERLADEN for w in herladen.warning)
    assert links.PRIVE not in herladen.query_params
    herladen.switch_page("sociale_basis/pages/gemeente.py").run()
    assert cijfers(herladen) == cbs
    assert not any(w.value == eigen.HERLADEN for w in herladen.warning)  # één keer

    # Bewust verworpen: geen melding, en de markering is weg.
    at.switch_page("sociale_basis/pages/gegevens.py").run()
    next(b for b in at.button if b.label == "Verwerpen").click().run()
    assert links.PRIVE not in at.query_params
    assert not any(w.value == eigen.HERLADEN for w in at.warning)


def test_markering_zonder_privekopie_op_elke_pagina(eigen_db):
    from conftest import REPO
    from streamlit.testing.v1 import AppTest

    from sociale_basis.dashboard import eigen

    for pagina in ("nederland", "gegevens", "methode"):
        # Meteen op die pagina, zoals een herladen tabblad (app() opent eerst Nederland).
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
        at.query_params.update(prive="een-oude-markering")
        at.switch_page(f"sociale_basis/pages/{pagina}.py").run()
        assert not at.exception, at.exception
        assert at.title[0].value != "Preventie of pas als het misgaat?" or pagina == "nederland"
        assert [w.value for w in at.warning if w.value == eigen.HERLADEN] == [eigen.HERLADEN], pagina
