"""Issue 32, punt 2: foutmeldingen noemen het probleem.

- Een bestand dat net niet herkend wordt (een kolom die ontbreekt, verkeerd gespeld is, anders geschreven of
  door Excel hernoemd) krijgt een melding met bestand, rij 1 en die kolom, en het formaat waar het op lijkt,
  in plaats van 'onbekend formaat' met een lijst van alle formaten.
- Een behoefte- of contextbestand dat een gemeente noemt die niet bestaat (in het jaar van het bestand),
  wordt geweigerd met bestand, rij, kolom en waarde; de opslag blijft gelijk. Een gemeente die in dat jaar
  bestond en later opging in een andere, blijft welkom.

De kopregeltests hebben geen gedeelde data nodig; de gemeentetests lezen echte bestanden uit ../shared/data
(en slaan anders over met die reden)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import gedeelde_data_of_overslaan, momentopname

from sociale_basis import sources
from sociale_basis.cli import main
from sociale_basis.importer import importeer, voer_in
from sociale_basis.ophalen.opgehaald import stap
from sociale_basis.sources import eigen, gebruik
from sociale_basis.sources.controle import InvoerFout
from sociale_basis.store import Store

SJABLOON = "eigen cijfers van één gemeente (sjabloon)"


def _sjabloon(tmp_path: Path, naam: str, kolom: str, nieuw: str | None) -> Path:
    """Het sjabloon zoals de pagina Gegevens het geeft (eigen.sjabloon, met BOM en CRLF), met één kolom
    hernoemd (`nieuw`) of weggelaten (None), zoals een gebruiker het terugstuurt."""
    taakvelden = pd.DataFrame({"taakveld": ["6.1", "7.1"], "omschrijving": ["Samenkracht", "Volksgezondheid"]})
    regels = eigen.sjabloon("GM0363", "Amsterdam", 2025, "begroting", taakvelden).decode("utf-8-sig").splitlines()
    plek = eigen.KOLOMMEN.index(kolom)
    uit = []
    for i, regel in enumerate(regels):
        velden = regel.split(";")
        if nieuw is None:
            del velden[plek]
        elif i == 0:
            velden[plek] = nieuw
        else:
            velden[plek] = "1"
        uit.append(";".join(velden))
    pad = tmp_path / naam
    pad.write_bytes(("\ufeff" + "\r\n".join(uit) + "\r\n").encode("utf-8"))
    return pad


# (bestand, kolom in het sjabloon, wat de gebruiker ervan maakte, kolom in de melding, woorden)
KOPREGELS = {
    "kolom ontbreekt": (
        "sjabloon_zonder_baten.csv",
        "baten_duizend_euro",
        None,
        "baten_duizend_euro",
        ("kolom 'baten_duizend_euro' ontbreekt",),
    ),
    "verschreven": (
        "sjabloon_verschreven.csv",
        "baten_duizend_euro",
        "baten_duizend_eur",
        "baten_duizend_eur",
        ("kolom 'baten_duizend_eur' onbekend — bedoel je 'baten_duizend_euro'?",),
    ),
    "hoofdletter en spatie": (
        "sjabloon_hoofdletter.csv",
        "lasten_duizend_euro",
        "Lasten_duizend_euro ",
        "Lasten_duizend_euro ",
        ("moet precies 'lasten_duizend_euro' heten",),
    ),
    "door Excel hernoemd": (
        "sjabloon_kolom1.csv",
        "baten_duizend_euro",
        "Kolom1",
        "baten_duizend_euro",
        ("kolom 'baten_duizend_euro' ontbreekt", "is 'Kolom1' die kolom?"),
    ),
}


@pytest.mark.parametrize("geval", list(KOPREGELS))
def test_sjabloon_met_foute_kopregel_noemt_de_kolom(geval, tmp_path, capsys):
    naam, kolom, nieuw, gemeld, woorden = KOPREGELS[geval]
    pad = _sjabloon(tmp_path, naam, kolom, nieuw)
    with Store(tmp_path / "opslag.duckdb") as store:
        voor = momentopname(store)
        with pytest.raises(InvoerFout) as info:
            importeer(store, [pad])
        assert momentopname(store) == voor
    fout = info.value
    tekst = str(fout)
    assert (fout.bestand, fout.rij, fout.kolom) == (naam, 1, gemeld), tekst
    assert tekst.startswith(f"Fout in bestand {naam}, rij 1, kolom '{gemeld}'")
    for woord in (*woorden, SJABLOON):
        assert woord in tekst, tekst
    assert "onbekend formaat" not in tekst and str(tmp_path) not in tekst

    # De opdrachtregel zegt hetzelfde, zonder traceback.
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "cli.duckdb"), "import", str(pad)]) == 1
    err = capsys.readouterr().err
    assert woorden[0] in err and "Traceback" not in err


@pytest.mark.parametrize("formaat", [f for f in sources.FORMATEN if f.kolommen], ids=lambda f: f.soort)
def test_elk_formaat_met_vaste_kolommen_noemt_een_verschrijving(formaat, tmp_path):
    """Elk formaat met vaste kolommen: een verschrijving in zijn laatste kolom wordt herkend als dát
    formaat (geen ander formaat met dezelfde kolommen 'jaar' of 'gm_code' wint) en de melding noemt
    de kolom en wat bedoeld is."""
    kolommen = list(formaat.kolommen)
    fout = kolommen[-1] + "x"
    problemen = sources.lijkt_op(tmp_path / "bestand.csv", "\t".join([*kolommen[:-1], fout]) + "\n")
    assert problemen, formaat.soort
    eerste = problemen[0]
    assert (eerste.rij, eerste.kolom) == (1, fout)
    assert f"bedoel je '{kolommen[-1]}'" in eerste.melding and formaat.omschrijving in eerste.melding


def test_verkeerd_scheidingsteken(tmp_path):
    """Nederlandse Excel slaat met puntkomma's op; de inwonerslijst verwacht komma's."""
    pad = tmp_path / "inwoners.csv"
    pad.write_text("jaar;gm_code;aantal_inwoners\n2023;GM0363;931298\n", encoding="utf-8")
    with Store(tmp_path / "opslag.duckdb") as store, pytest.raises(InvoerFout) as info:
        importeer(store, [pad])
    tekst = str(info.value)
    assert info.value.rij == 1 and "inwoners op 1 januari" in tekst
    assert "gescheiden door puntkomma's; dat formaat verwacht komma's" in tekst


def test_extra_kolom_in_het_sjabloon(tmp_path):
    pad = tmp_path / "sjabloon.csv"
    pad.write_text(";".join([*eigen.KOLOMMEN, "opmerking"]) + "\nGM0363;2025;begroting;6.1;x;1;2;\n")
    with Store(tmp_path / "opslag.duckdb") as store, pytest.raises(InvoerFout) as info:
        importeer(store, [pad])
    assert (info.value.rij, info.value.kolom) == (1, "opmerking")
    assert "hoort niet bij ‘eigen cijfers van één gemeente (sjabloon)’" in str(info.value)


def test_volumes_zonder_naam_volumina(tmp_path):
    """Alle kolommen kloppen, maar het formaat herkent ook de bestandsnaam: dat zegt de melding."""
    pad = tmp_path / "volumes.tsv"
    pad.write_text("\t".join(sources.behoefte.KOLOMMEN) + "\n" + "\t".join(["1"] * len(sources.behoefte.KOLOMMEN)))
    with Store(tmp_path / "opslag.duckdb") as store, pytest.raises(InvoerFout) as info:
        importeer(store, [pad])
    assert "‘_Volumina’ in de bestandsnaam" in str(info.value) and info.value.rij == 1


def test_lijkt_op_niets_blijft_onbekend_formaat(tmp_path):
    pad = tmp_path / "boodschappen.csv"
    pad.write_text("appels,peren,jaar\n1,2,3\n")
    with Store(tmp_path / "opslag.duckdb") as store, pytest.raises(InvoerFout) as info:
        importeer(store, [pad])
    assert "onbekend formaat" in str(info.value) and info.value.rij is None


# -- gemeenten die niet bestaan ---------------------------------------------------------------
@pytest.fixture(scope="module")
def lijsten(tmp_path_factory) -> Path:
    """Een opslag met de echte gemeentelijsten per jaar en de namen (zo zijn gemeenten te toetsen)."""
    shared = gedeelde_data_of_overslaan()
    pad = tmp_path_factory.mktemp("foutmeldingen") / "opslag.duckdb"
    with Store(pad) as store:
        importeer(
            store,
            [
                shared / "gemeenten" / "gemeenten_per_jaar_2010_2026.csv",
                shared / "gemeenten" / "gemeenten_naam_gmcode_2023_2025.csv",
            ],
        )
    return pad


@pytest.fixture
def opslag(lijsten, tmp_path):
    kopie = tmp_path / "kopie.duckdb"
    shutil.copy(lijsten, kopie)
    with Store(kopie) as store:
        yield store


def geweigerd(store: Store, pad: Path, rij: int, kolom: str, *woorden: str) -> InvoerFout:
    """De import faalt met bestand, rij, kolom en de woorden; de opslag blijft gelijk."""
    voor = momentopname(store)
    with pytest.raises(InvoerFout) as info:
        importeer(store, [pad])
    assert momentopname(store) == voor
    fout, tekst = info.value, str(info.value)
    assert (fout.bestand, fout.rij, fout.kolom) == (pad.name, rij, kolom), tekst
    assert tekst.startswith(f"Fout in bestand {pad.name}, rij {rij}, kolom '{kolom}'"), tekst
    for woord in woorden:
        assert woord in tekst, tekst
    return fout


def _nplv(tmp_path: Path, oud: str, nieuw: str, naam: str = "nplv_focusgebieden_2022.csv") -> Path:
    """De echte NPLV-lijst met één regel veranderd (of er een bij: oud = '')."""
    tekst = (gedeelde_data_of_overslaan() / "gemeenten" / "nplv_focusgebieden_2022.csv").read_text(encoding="utf-8")
    assert oud in tekst
    pad = tmp_path / naam
    pad.write_text(tekst.replace(oud, nieuw, 1) if oud else tekst.rstrip("\n") + "\n" + nieuw + "\n")
    return pad


def test_nplv_onbekende_gemeentecode(opslag, tmp_path):
    pad = _nplv(tmp_path, "GM0080,Leeuwarden", "GM9999,Leeuwarden")
    geweigerd(opslag, pad, 2, "gm_code", "gemeentecode GM9999 staat niet in de gemeentelijst van 2022")


def test_nplv_gemeente_die_in_dat_jaar_al_was_opgeheven(opslag, tmp_path):
    # Leeuwarderadeel ging in 2018 op in Leeuwarden: in 2022 bestond het niet meer.
    pad = _nplv(tmp_path, "GM0080,Leeuwarden", "GM0081,Leeuwarden")
    fout = geweigerd(opslag, pad, 2, "gm_code", "gemeentecode GM0081 staat niet in de gemeentelijst van 2022")
    # En de naam past niet bij die code: ook gemeld, in dezelfde regel.
    assert [(p.rij, p.kolom) for p in fout.problemen] == [(2, "gm_code"), (2, "gemeente")]


def test_nplv_naam_die_niet_bij_de_code_hoort(opslag, tmp_path):
    pad = _nplv(tmp_path, "GM0080,Leeuwarden", "GM0080,Leewarden")
    geweigerd(
        opslag, pad, 2, "gemeente", "gemeentenaam 'Leewarden' hoort niet bij GM0080", "GM0080 heet in 2022 'Leeuwarden'"
    )
    pad = _nplv(tmp_path, "GM0014,Groningen", "GM0014,Leeuwarden", "nplv_2022_verwisseld.csv")
    geweigerd(opslag, pad, 3, "gemeente", "'Leeuwarden' hoort niet bij GM0014 maar bij GM0080")


def test_nplv_gemeente_die_later_opging_is_welkom_in_haar_jaar(opslag, tmp_path):
    """Brielle bestond in 2022 en ging in 2023 op in Voorne aan Zee: in de lijst van 2022 hoort het,
    in een lijst van 2024 niet."""
    regel = "GM0501,Brielle,Brielle Centrum"
    verslag = importeer(opslag, [_nplv(tmp_path, "", regel)])
    assert [soort for _, soort, _, _ in verslag.geladen] == ["nplv_focusgebieden"]
    with opslag.cursor() as cur:
        assert cur.execute("SELECT focusgebied FROM nplv_focusgebied WHERE gm_code = 'GM0501'").fetchall() == [
            ("Brielle Centrum",)
        ]
    pad = _nplv(tmp_path, "", regel, "nplv_focusgebieden_2024.csv")
    geweigerd(opslag, pad, 22, "gm_code", "gemeentecode GM0501 staat niet in de gemeentelijst van 2024")


# Bestanden met gemeentenamen en een uitkeringsjaar (of jaar): Weesp ging in 2022 op in Amsterdam en
# bestaat in 2025 niet meer, ook al kent de opslag de naam uit eerdere jaren.
MET_NAMEN = {
    "volumes": ("gemeentefonds/brondata/GF_S2024_2025_Volumina.tsv", "Naam"),
    "centrumgemeenten": ("gemeentefonds/brondata/GF_S2024_2025_SIUDU.tsv", "Naam"),
    "clusters": ("gemeentefonds/gf_clusters_S2024_2025.csv", "Gemeenten"),
    "gemeenteklassen": ("gemeenten/gemeenteklassen_2025.tsv", "Gemeenten"),
}


@pytest.mark.parametrize("soort", list(MET_NAMEN))
def test_naam_van_een_opgeheven_gemeente_in_een_later_jaar(soort, opslag, tmp_path):
    bron, kolom = MET_NAMEN[soort]
    regels = (gedeelde_data_of_overslaan() / bron).read_text(encoding="utf-8").splitlines()
    # De regel van Amsterdam (niet de kopregel: de volumes hebben ook een kolom 'Amsterdam').
    amsterdam = next(r for r in regels[1:] if "Amsterdam" in r.replace(";", "\t").split("\t")[:2])
    weesp = amsterdam.replace("Amsterdam", "Weesp", 1)
    weesp = "457" + weesp[3:] if weesp.startswith("363\t") else weesp  # de CBS-code past bij de naam
    pad = tmp_path / Path(bron).name
    pad.write_text("\n".join([*regels, weesp]) + "\n", encoding="utf-8")
    geweigerd(opslag, pad, len(regels) + 1, kolom, "gemeente 'Weesp' (GM0457) staat niet in de gemeentelijst van 2025")


# -- CBS-exports die een gebruiker aanbiedt (kerncijfers, zorggebruik, wijken) ----------------------------
def test_kerncijfers_per_gemeente(opslag, tmp_path):
    pad = tmp_path / "kerncijfers.csv"
    # Bellingwedde bestond tot 2018: in 2017 een gemeente, in 2019 niet meer.
    pad.write_text(
        "jaar,gm_code,maat,waarde\n"
        "2017,GM0007,PersonenPerSoortUitkeringBijstand,120\n"
        "2023,GM0363,PersonenPerSoortUitkeringBijstand,30000\n"
    )
    assert importeer(opslag, [pad]).geladen
    pad.write_text(pad.read_text() + "2019,GM0007,PersonenPerSoortUitkeringBijstand,100\n")
    geweigerd(opslag, pad, 4, "gm_code", "gemeentecode GM0007 staat niet in de gemeentelijst van 2019")


KOP_ZORG = "jaar,gebied,maat,waarde,tabel,voorlopig\n"


def test_zorggebruik_nederland_en_latere_indeling_blijven_werken(opslag, tmp_path):
    """NL01 is geen gemeente en blijft welkom; CBS geeft oudere jaren soms op een nieuwere indeling
    (Voorne aan Zee, sinds 2023, in 2020). Een code die in dat jaar en later niet bestaat, niet."""
    pad = tmp_path / "zorggebruik.csv"
    pad.write_text(
        KOP_ZORG
        + "2020,NL01,wmo_clienten,1200000,85043NED,False\n"
        + "2020,GM1992,wmo_clienten,4000,85043NED,False\n"
        + "2020,GM0363,wmo_clienten,60000,85043NED,False\n"
    )
    assert importeer(opslag, [pad]).geladen
    pad.write_text(pad.read_text() + "2020,GM0007,wmo_clienten,300,85043NED,False\n")
    geweigerd(opslag, pad, 5, "gebied", "gemeentecode GM0007 staat niet in de gemeentelijst van 2020 of later")


def test_wijken_van_een_onbekende_gemeente(opslag, tmp_path):
    pad = tmp_path / "wijken.csv"
    pad.write_text(
        "jaar,wk_code,gm_code,wijk,maat,waarde\n"
        "2023,WK036300,GM0363,Burgwallen,AantalInwoners,8000\n"
        "2023,WK999901,GM9999,Nergens,AantalInwoners,10\n"
    )
    geweigerd(opslag, pad, 3, "gm_code", "gemeentecode GM9999 staat niet in de gemeentelijst van 2023")


def test_ophalen_toetst_cbs_niet_aan_de_opslag(opslag, tmp_path):
    """Wat `ophalen` bij CBS haalt, komt met CBS' eigen gemeentelijst; de lezer toetst het dan niet aan
    de lijsten in de opslag (de nagebootste CBS heeft Heerlen wel in de kerncijfers, niet in de lijst)."""
    pad = tmp_path / "zorggebruik_85043NED.csv"
    pad.write_text(KOP_ZORG + "2020,GM9999,wmo_clienten,300,85043NED,False\n")
    verslag = voer_in(opslag, [stap(pad, gebruik.SOORT, "zorggebruik (CBS)", gebruik.lees)])
    assert verslag.geladen
