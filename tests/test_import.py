"""Importers: goede invoer komt juist binnen, foute invoer geeft een Nederlandse melding met
bestand, rij en kolom en verandert niets; opnieuw importeren verandert niets."""

from __future__ import annotations

import gzip
import json
import shutil
from decimal import Decimal

import pytest
from conftest import FIXTURES, momentopname

from sociale_basis.importer import importeer
from sociale_basis.sources.controle import InvoerFout
from sociale_basis.store import Store


@pytest.fixture
def kleine_opslag(shared, tmp_path):
    """Een nieuwe opslag met alleen de gemeentelijsten (nodig om namen te herkennen)."""
    store = Store(tmp_path / "klein.duckdb")
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


def bedragen(store: Store, bron: str) -> dict:
    with store.cursor() as cur:
        rijen = cur.execute(
            "SELECT jaar, document, gm_code, taakveld, lasten, baten FROM iv3_bedrag WHERE bron = ? ORDER BY ALL",
            [bron],
        ).fetchall()
    return {(j, d, g, t): (lasten, baten) for j, d, g, t, lasten, baten in rijen}


def schrijf(pad, tekst: str):
    pad.write_text(tekst, encoding="utf-8")
    return pad


def verwacht_fout(store, pad, rij, kolom, *woorden):
    """Import van `pad` faalt met een melding die bestand, rij en kolom noemt; opslag ongewijzigd."""
    voor = momentopname(store)
    with pytest.raises(InvoerFout) as info:
        importeer(store, [pad])
    fout = info.value
    # Alleen de bestandsnaam: een gebruiker ziet nooit een pad op de server.
    assert fout.bestand == pad.name
    assert fout.rij == rij
    assert fout.kolom == kolom
    tekst = str(fout)
    assert pad.name in tekst and str(pad.parent) not in tekst
    assert f"rij {rij}" in tekst and f"kolom '{kolom}'" in tekst
    for woord in woorden:
        assert woord in tekst
    assert momentopname(store) == voor
    return fout


# -- CBS onbewerkte Iv3-data ------------------------------------------------------------------
def test_cbs_ruw_met_namen(kleine_opslag):
    verslag = importeer(kleine_opslag, [FIXTURES / "cbs_ruw_2023X005.csv"])
    assert [soort for _, soort, _, _ in verslag.geladen] == ["iv3_cbs_ruw"]
    b = bedragen(kleine_opslag, "cbs_ruw")
    # 2e plaatsing waar aanwezig (120), anders 1e (300); -99998 = geen cijfer → 1e plaatsing (50).
    assert b[(2023, "jaarrekening", "GM0014", "6.1")] == (Decimal("420.000"), Decimal("50.000"))
    assert b[(2023, "jaarrekening", "GM0014", "7.1")] == (Decimal("200.000"), Decimal("0.000"))
    # Negatieve correcties blijven staan.
    assert b[(2023, "jaarrekening", "GM0014", "6.81a")] == (Decimal("-10.000"), Decimal("0.000"))
    assert b[(2023, "jaarrekening", "GM0034", "6.1")] == (Decimal("40.000"), Decimal("5.000"))
    assert b[(2023, "jaarrekening", "GM0034", "0.10")] == (Decimal("7.000"), Decimal("0.000"))
    # Balansposten (A…) en balanscategorieën (Primo/Ultimo) komen niet binnen.
    assert len(b) == 5


def test_cbs_ruw_met_codes_en_verslagsoort(kleine_opslag):
    importeer(kleine_opslag, [FIXTURES / "cbs_ruw_codes.csv"])
    b = bedragen(kleine_opslag, "cbs_ruw")
    assert b == {
        (2024, "begroting", "GM0363", "6.1"): (Decimal("1500.000"), Decimal("250.000")),
        (2024, "begroting", "GM0363", "6.82a"): (Decimal("900.000"), Decimal("0.000")),
    }


def test_cbs_ruw_fout_getal(kleine_opslag, tmp_path):
    tekst = (FIXTURES / "cbs_ruw_2023X005.csv").read_text().replace(",300,", ",drie honderd,")
    pad = schrijf(tmp_path / "iv3_2023X005.csv", tekst)
    verwacht_fout(kleine_opslag, pad, 3, "k_1ePlaatsing_1", "drie honderd", "geen getal")


def test_cbs_ruw_onbekende_gemeente(kleine_opslag, tmp_path):
    tekst = (FIXTURES / "cbs_ruw_2023X005.csv").read_text().replace("8,Almere", "8,Atlantis")
    pad = schrijf(tmp_path / "iv3_2023X005.csv", tekst)
    verwacht_fout(kleine_opslag, pad, 10, "Gemeenten", "onbekende gemeentenaam 'Atlantis'")


def test_cbs_ruw_zonder_jaar_in_naam(kleine_opslag, tmp_path):
    pad = tmp_path / "iv3.csv"
    shutil.copy(FIXTURES / "cbs_ruw_2023X005.csv", pad)
    with pytest.raises(InvoerFout, match="jaar en document zijn niet te bepalen"):
        importeer(kleine_opslag, [pad])


# -- Iv3 per taakveld (lasten en baten) --------------------------------------------------------
KOP_TAAKVELD = (
    "Gemeenten;Taakveld;L1.1 Salarissen en sociale lasten;Baten;Lasten;Provincie;"
    "Gemeentegrootte;Stedelijkheid;Inwonertal;Centrumfunctie;Sociale structuur\n"
)


def test_taakveld_bestand_zonder_nederland(kleine_opslag, tmp_path):
    pad = schrijf(
        tmp_path / "iv3_taakveld_2023_begroting.csv",
        KOP_TAAKVELD
        + "Almere;6.1 Samenkracht en burgerparticipatie;10;3.0;25.0;;;;;;\n"
        + "Almere;6.71a Huishoudelijke hulp (WMO);;0.0;40.0;;;;;;\n"
        + "Nederland;6.1 Samenkracht en burgerparticipatie;10;3.0;25.0;;;;;;\n",
    )
    importeer(kleine_opslag, [pad])
    b = bedragen(kleine_opslag, "taakveld_lasten_baten")
    assert b == {
        (2023, "begroting", "GM0034", "6.1"): (Decimal("25.000"), Decimal("3.000")),
        (2023, "begroting", "GM0034", "6.71a"): (Decimal("40.000"), Decimal("0.000")),
    }


def test_taakveld_bestand_foute_code(kleine_opslag, tmp_path):
    pad = schrijf(
        tmp_path / "iv3_taakveld_2023_begroting.csv",
        KOP_TAAKVELD
        + "Almere;6.1 Samenkracht en burgerparticipatie;10;3.0;25.0;;;;;;\n"
        + "Almere;Zes punt een;10;3.0;25.0;;;;;;\n",
    )
    verwacht_fout(kleine_opslag, pad, 3, "Taakveld", "taakveldcode")


def test_taakveld_bestand_dubbele_regel(kleine_opslag, tmp_path):
    regel = "Almere;6.1 Samenkracht en burgerparticipatie;10;3.0;25.0;;;;;;\n"
    pad = schrijf(tmp_path / "iv3_taakveld_2023_begroting.csv", KOP_TAAKVELD + regel + regel)
    verwacht_fout(kleine_opslag, pad, 3, "Taakveld", "twee keer")


# -- lasten op 2 posities --------------------------------------------------------------------
KOP_2POS = "jaar,verslagsoort,document,gm_code,taakveld,taakveld_label,lasten\n"


def test_2posities_leest_codes_als_tekst(kleine_opslag, tmp_path):
    pad = tmp_path / "lasten.csv.gz"
    with gzip.open(pad, "wt") as f:
        f.write(
            KOP_2POS + "2025,2025X000,begroting,GM0034,6.60,6.60 Hulpmiddelen,12.0\n"
            "2025,2025X000,begroting,GM0034,0.10,0.10 Mutaties reserves,1.0\n"
            "2022,2022X000,begroting,GM0034,6.6,6.6 Maatwerkvoorzieningen,2.0\n"
        )
    importeer(kleine_opslag, [pad])
    b = bedragen(kleine_opslag, "lasten_2posities")
    assert set(t for _, _, _, t in b) == {"6.60", "0.10", "6.6"}
    assert b[(2025, "begroting", "GM0034", "6.60")] == (Decimal("12.000"), None)


def test_2posities_fout_document(kleine_opslag, tmp_path):
    pad = schrijf(
        tmp_path / "lasten.csv",
        KOP_2POS
        + "2023,2023X000,begroting,GM0034,6.1,6.1 Samenkracht,12.0\n"
        + "2023,2023X005,rekening,GM0034,6.1,6.1 Samenkracht,12.0\n",
    )
    verwacht_fout(kleine_opslag, pad, 3, "document", "'rekening'")


def test_2posities_fout_gemeentecode(kleine_opslag, tmp_path):
    pad = schrijf(tmp_path / "lasten.csv", KOP_2POS + "2023,2023X000,begroting,0034,6.1,6.1 S,12.0\n")
    verwacht_fout(kleine_opslag, pad, 2, "gm_code", "geen gemeentecode")


# -- overige bronnen -------------------------------------------------------------------------
def test_inwoners_geen_geheel_getal(kleine_opslag, tmp_path):
    pad = schrijf(tmp_path / "inw.csv", "jaar,gm_code,aantal_inwoners\n2023,GM0034,1000\n2023,GM0014,12,5\n")
    # '12,5' wordt door de CSV-lezer twee velden; de regel heeft dan te veel kolommen.
    with pytest.raises(InvoerFout):
        importeer(kleine_opslag, [pad])
    pad = schrijf(tmp_path / "inw.csv", "jaar,gm_code,aantal_inwoners\n2023,GM0034,1000\n2023,GM0014,12.5\n")
    verwacht_fout(kleine_opslag, pad, 3, "aantal_inwoners", "geen geheel getal")


def test_gemeenteklassen_onbekende_klasse(kleine_opslag, tmp_path):
    pad = schrijf(
        tmp_path / "gemeenteklassen_2024.tsv",
        "Gemeenten\tProvincie\tGemeentegrootte\tStedelijkheid\tInwonertal\n"
        "Almere\tFlevoland\t100000tot150000inwoners\tSterkstedelijk\t1\n"
        "Aalten\tGelderland\t20000tot50000inwoners\tHeelstedelijk\t1\n",
    )
    verwacht_fout(kleine_opslag, pad, 3, "Stedelijkheid", "Heelstedelijk")


def test_gemeentefonds_onbekende_naam(kleine_opslag, shared, tmp_path):
    regels = (shared / "gemeentefonds" / "gf_clusters_S2024_2025.csv").read_text().splitlines()
    regels[5] = regels[5].replace(regels[5].split(";")[1], "Nergenshuizen")
    pad = schrijf(tmp_path / "gf_clusters_S2024_2025.csv", "\n".join(regels) + "\n")
    verwacht_fout(kleine_opslag, pad, 6, "Gemeenten", "Nergenshuizen")


def test_gemeentefonds_in_euros(kleine_opslag, shared):
    importeer(kleine_opslag, [shared / "gemeentefonds" / "gf_clusters_S2024_2025.csv"])
    with kleine_opslag.cursor() as cur:
        ams = cur.execute(
            "SELECT bedrag FROM gf_cluster WHERE gm_code = 'GM0363' AND cluster = 'Sociale basisvoorzieningen'"
        ).fetchone()[0]
        gemeenten = cur.execute("SELECT count(DISTINCT gm_code) FROM gf_cluster").fetchone()[0]
    assert round(ams / 1e6, 1) == 405.6  # data-README: Amsterdam S2024→2025 € 405,6 mln
    assert gemeenten == 342  # de somregel 'Nederland' is geen gemeente


def test_geo_foute_code(kleine_opslag, tmp_path):
    pad = tmp_path / "gemeenten_2023.geojson"
    pad.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"statcode": "XX12"},
                        "geometry": {"type": "Polygon", "coordinates": [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52]]]},
                    }
                ],
            }
        )
    )
    voor = momentopname(kleine_opslag)
    with pytest.raises(InvoerFout, match="statcode") as info:
        importeer(kleine_opslag, [pad])
    assert info.value.kolom == "properties.statcode" and pad.name in str(info.value)
    assert momentopname(kleine_opslag) == voor


def test_cpi_fout_indexcijfer(kleine_opslag, shared, tmp_path):
    tekst = (shared / "prijzen" / "cbs_cpi_2015is100_1996_2019.csv").read_text(encoding="utf-8-sig")
    pad = schrijf(tmp_path / "cpi.csv", tekst.replace('"2001";"78,17"', '"2001";"n.v.t."'))
    verwacht_fout(kleine_opslag, pad, 11, "CPI", "n.v.t.")


def test_cpi_geschakeld(kleine_opslag, shared):
    importeer(kleine_opslag, [shared / "prijzen"])
    with kleine_opslag.cursor() as cur:
        cpi = dict(cur.execute("SELECT jaar, cpi FROM prijsindex").fetchall())
    assert cpi[2019] == pytest.approx(106.16)
    assert cpi[2020] == pytest.approx(106.16 * 1.013)
    assert cpi[2023] == pytest.approx(106.16 * 1.013 * 1.027 * 1.10 * 1.038)
    # 2024 en 2025 uit prijzen/cbs_inflatie_2024_2025.csv: 3,3% per jaar (procent, niet fractie).
    assert cpi[2024] == pytest.approx(cpi[2023] * 1.033) and cpi[2025] == pytest.approx(cpi[2024] * 1.033)
    assert 2026 not in cpi
    with kleine_opslag.cursor() as cur:
        bron = cur.execute("SELECT bron FROM prijsindex WHERE jaar = 2025").fetchone()[0]
    assert "cbs_inflatie_2024_2025.csv" in bron and "3,3%" in bron and "2026-01-13" in bron


def test_cpi_jaarmutatie_in_procent_fout(kleine_opslag, shared, tmp_path):
    """Een percentage dat geen jaarmutatie kan zijn (330 in plaats van 3.3), of een jaar dat geen jaar is:
    het bestand, de rij en de kolom; er verandert niets."""
    importeer(kleine_opslag, [shared / "prijzen" / "cbs_cpi_2015is100_1996_2019.csv"])
    kop = "jaar,jaarmutatie_cpi_pct,bron,gepubliceerd\n"
    pad = schrijf(tmp_path / "inflatie.csv", kop + '2020,1.3,"CBS",2021-01\n2021,270,"CBS",2022-01\n')
    verwacht_fout(kleine_opslag, pad, 3, "jaarmutatie_cpi_pct", "270")
    pad = schrijf(tmp_path / "inflatie2.csv", kop + '2020,1.3,"CBS",2021-01\ntwintig,2.7,"CBS",2022-01\n')
    verwacht_fout(kleine_opslag, pad, 3, "jaar", "twintig")


# -- transacties en herhaling ----------------------------------------------------------------
def test_een_fout_bestand_houdt_de_hele_import_tegen(kleine_opslag, tmp_path):
    goed = FIXTURES / "cbs_ruw_codes.csv"
    fout = schrijf(tmp_path / "inwoners.csv", "jaar,gm_code,aantal_inwoners\n2023,GM0034,veel\n")
    voor = momentopname(kleine_opslag)
    with pytest.raises(InvoerFout):
        importeer(kleine_opslag, [goed, fout])
    assert momentopname(kleine_opslag) == voor


def test_opnieuw_importeren_verandert_niets(kleine_opslag):
    importeer(kleine_opslag, [FIXTURES / "cbs_ruw_2023X005.csv"])
    voor = momentopname(kleine_opslag)
    verslag = importeer(kleine_opslag, [FIXTURES / "cbs_ruw_2023X005.csv"])
    assert verslag.geladen == [] and len(verslag.ongewijzigd) == 1
    assert momentopname(kleine_opslag) == voor


def test_gewijzigd_bestand_vervangt_in_plaats_van_verdubbelt(kleine_opslag, tmp_path):
    pad = tmp_path / "iv3_2023X005.csv"
    shutil.copy(FIXTURES / "cbs_ruw_2023X005.csv", pad)
    importeer(kleine_opslag, [pad])
    pad.write_text(
        pad.read_text().replace(
            "7,Almere,6.1 Samenkracht en burgerparticipatie,L1.1 Salarissen en sociale lasten,40,40",
            "7,Almere,6.1 Samenkracht en burgerparticipatie,L1.1 Salarissen en sociale lasten,40,41",
        )
    )
    importeer(kleine_opslag, [pad])
    b = bedragen(kleine_opslag, "cbs_ruw")
    assert b[(2023, "jaarrekening", "GM0034", "6.1")] == (Decimal("41.000"), Decimal("5.000"))
    assert len(b) == 5


def test_onbekend_los_bestand_is_fout_in_map_overgeslagen(kleine_opslag, tmp_path):
    (tmp_path / "map").mkdir()
    vreemd = schrijf(tmp_path / "map" / "boodschappen.csv", "appels,peren\n1,2\n")
    with pytest.raises(InvoerFout, match="onbekend formaat"):
        importeer(kleine_opslag, [vreemd])
    verslag = importeer(kleine_opslag, [tmp_path / "map"])
    assert [(p.name, r) for p, r in verslag.overgeslagen] == [("boodschappen.csv", "onbekend formaat")]


def test_volledige_import_overal_herkend(volledige_opslag, shared):
    """Alles wat het dashboard nodig heeft uit de gedeelde map komt binnen; de rest is benoemd."""
    from sociale_basis import sources

    for pad in sorted(p for p in shared.rglob("*") if p.is_file()):
        assert sources.herken(pad) or sources.reden_niet_gebruikt(pad), pad


# -- bevindingen uit de review: elk een test die eerst faalde -------------------------------
def test_dubbele_regel_in_cbs_ruw_wordt_niet_opgeteld(kleine_opslag, tmp_path):
    regels = (FIXTURES / "cbs_ruw_codes.csv").read_text().splitlines()
    pad = schrijf(tmp_path / "dubbel.csv", "\n".join([*regels[:2], regels[1], *regels[2:]]) + "\n")
    verwacht_fout(kleine_opslag, pad, 3, "Categorie", "twee keer")


def test_dezelfde_gemeente_onder_twee_namen(kleine_opslag, tmp_path):
    pad = schrijf(
        tmp_path / "iv3_taakveld_2023_begroting.csv",
        KOP_TAAKVELD
        + "Groningen;6.1 Samenkracht en burgerparticipatie;10;3.0;25.0;;;;;;\n"
        + "Groningen (gemeente);6.1 Samenkracht;10;3.0;25.0;;;;;;\n",
    )
    verwacht_fout(kleine_opslag, pad, 3, "Taakveld", "twee keer")


def test_regel_met_te_veel_velden(kleine_opslag, tmp_path):
    pad = schrijf(
        tmp_path / "lasten.csv",
        KOP_2POS + "2023,2023X000,begroting,GM0034,6.1,6.1 S,12.0\n" + "2023,2023X000,begroting,GM0034,6.2,6.2 W,1,2\n",
    )
    voor = momentopname(kleine_opslag)
    with pytest.raises(InvoerFout, match="aantal velden") as info:
        importeer(kleine_opslag, [pad])
    assert info.value.rij == 3 and momentopname(kleine_opslag) == voor


def test_alleen_kopregel(kleine_opslag, tmp_path):
    pad = schrijf(tmp_path / "lasten.csv", KOP_2POS)
    with pytest.raises(InvoerFout, match="alleen een kopregel"):
        importeer(kleine_opslag, [pad])


def test_bestand_zonder_gemeenten_wordt_geweigerd(kleine_opslag, tmp_path):
    """Alleen 'Nederland'-regels: vroeger 'geladen' met de samenvatting '— ; nan–nan gemeenten,
    0 taakvelden' en exit 0 (issue 'Op een verse machine')."""
    pad = schrijf(
        tmp_path / "iv3_taakveld_2025_begroting.csv",
        KOP_TAAKVELD
        + "Nederland;0.1 Bestuur;10;3.0;25.0;;;;;;\n"
        + "Nederland;6.1 Samenkracht en burgerparticipatie;10;3.0;25.0;;;;;;\n",
    )
    voor = momentopname(kleine_opslag)
    with pytest.raises(InvoerFout) as info:
        importeer(kleine_opslag, [pad])
    tekst = str(info.value)
    assert info.value.bestand == pad.name and info.value.kolom == "Gemeenten"
    assert "bevat geen gemeenten" in tekst and "nan" not in tekst
    assert momentopname(kleine_opslag) == voor


def _lastenreeks(tmp_path, regels: list[str]):
    return schrijf(tmp_path / "lasten_2024.csv", KOP_2POS + "".join(regels))


def test_gedeeltelijk_fijner_bestand_vervangt_geen_volledige_bron(kleine_opslag, tmp_path):
    volledig = _lastenreeks(
        tmp_path,
        [
            "2024,2024X000,begroting,GM0363,0.1,0.1 Bestuur,100.0\n",
            "2024,2024X000,begroting,GM0363,6.1,6.1 S,1500.0\n",
            "2024,2024X000,begroting,GM0363,6.82,6.82 G,900.0\n",
        ],
    )
    importeer(kleine_opslag, [volledig])
    voor = momentopname(kleine_opslag)
    # Het CBS-bestand mist taakveld 0.1: het zou Amsterdams begroting inkorten.
    with pytest.raises(InvoerFout, match="taakveld 0.1") as info:
        importeer(kleine_opslag, [FIXTURES / "cbs_ruw_codes.csv"])
    assert "Amsterdam" in str(info.value) and momentopname(kleine_opslag) == voor


def test_fijner_bestand_dat_klopt_gaat_voor(kleine_opslag, tmp_path):
    importeer(
        kleine_opslag,
        [
            _lastenreeks(
                tmp_path,
                [
                    "2024,2024X000,begroting,GM0363,6.1,6.1 S,1500.0\n",
                    "2024,2024X000,begroting,GM0363,6.82,6.82 G,900.0\n",
                ],
            )
        ],
    )
    importeer(kleine_opslag, [FIXTURES / "cbs_ruw_codes.csv"])
    with kleine_opslag.cursor() as cur:
        gekozen = cur.execute("SELECT DISTINCT bron FROM iv3_gekozen WHERE gm_code = 'GM0363'").fetchall()
    assert gekozen == [("cbs_ruw",)]  # met baten en sub-taakvelden


def test_oudere_versie_opnieuw_importeren_werkt(kleine_opslag, tmp_path):
    pad = tmp_path / "iv3_2023X005.csv"
    v1 = (FIXTURES / "cbs_ruw_2023X005.csv").read_text()
    for tekst in (v1, v1.replace("Salarissen en sociale lasten,40,40", "Salarissen en sociale lasten,40,41"), v1):
        pad.write_text(tekst)
        importeer(kleine_opslag, [pad])
    assert bedragen(kleine_opslag, "cbs_ruw")[(2023, "jaarrekening", "GM0034", "6.1")][0] == Decimal("40.000")


def test_schema_upgrade_bouwt_afgeleide_tabellen(shared, tmp_path):
    import duckdb

    pad = tmp_path / "oud.duckdb"
    bestanden = [
        shared / "gemeenten" / "gemeenten_per_jaar_2010_2026.csv",
        shared / "gemeenten" / "grenswijzigingen_gemeenten_2016_2024.csv",
        FIXTURES / "cbs_ruw_codes.csv",
    ]
    with Store(pad) as store:
        importeer(store, bestanden)
    # Terug naar schemaversie 1, zoals een opslag van een eerdere versie van dit programma.
    con = duckdb.connect(str(pad))
    con.execute(
        "DROP TABLE herindeling; DROP TABLE iv3_zonder_cijfers; "
        "ALTER TABLE iv3_beschikbaar DROP COLUMN zonder_cijfers; DROP TABLE snapshot_geladen; DROP TABLE iv3_categorie; "
        "DROP TABLE eigen_herkomst; DROP TABLE gf_regiotaak; DROP TABLE cbs_herkomst; "
        "ALTER TABLE prijsindex DROP COLUMN basisjaar; DROP TABLE gf_volume; DROP TABLE nplv_focusgebied; "
        "DROP TABLE cbs_kerncijfer; DROP TABLE zorggebruik; DROP TABLE wijk; DROP TABLE wijk_cijfer; DROP TABLE geo_wijk; DROP TABLE schrijflog; "
        "DELETE FROM iv3_bron WHERE bron = 'eigen'; "
        "DELETE FROM schema_versie WHERE versie > 1"
    )
    con.close()
    with Store(pad) as store:
        verslag = importeer(store, bestanden)
        assert verslag.geladen == []  # niets nieuws, maar…
        with store.cursor() as cur:  # …de afgeleide tabellen zijn er weer
            assert cur.execute("SELECT count(*) FROM herindeling").fetchone()[0] > 0


def test_geen_valse_strijd_zonder_codelijst(shared, tmp_path):
    """Zonder de CBS-codelijst rolt de controle sub-taakvelden op naar 2 posities volgens de
    regel van CBS (6.71a → 6.71), en ziet dus geen strijd waar de bronnen overeenkomen."""
    store = Store(tmp_path / "zonder_codelijst.duckdb")
    importeer(
        store,
        [
            shared / "gemeenten" / "gemeenten_naam_gmcode_2023_2025.csv",
            shared / "gemeenten" / "gemeenten_per_jaar_2010_2026.csv",
        ],
    )
    grof = _lastenreeks(
        tmp_path,
        [
            "2023,2023X000,begroting,GM0034,6.71,6.71 Maatwerk,40.0\n",
            "2023,2023X000,begroting,GM0034,6.60,6.60 H,2.0\n",
        ],
    )
    fijn = schrijf(
        tmp_path / "iv3_taakveld_2023_begroting.csv",
        KOP_TAAKVELD
        + "Almere;6.71a Huishoudelijke hulp (WMO);;0.0;30.0;;;;;;\n"
        + "Almere;6.71b Begeleiding (WMO);;1.0;10.0;;;;;;\n"
        + "Almere;6.60 Hulpmiddelen;;0.0;2.0;;;;;;\n",
    )
    importeer(store, [grof, fijn])
    with store.cursor() as cur:
        assert cur.execute("SELECT DISTINCT bron FROM iv3_gekozen").fetchall() == [("taakveld_lasten_baten",)]
    store.sluit()


def test_twee_stores_op_hetzelfde_bestand_zien_elkaars_import(shared, tmp_path):
    """DuckDB deelt binnen een proces de database (en `werk`) per bestand; de caches ook."""
    from sociale_basis import indicators, model

    pad = tmp_path / "gedeeld.duckdb"
    basis = [
        shared / "gemeenten" / "gemeenten_per_jaar_2010_2026.csv",
        shared / "gemeenten" / "gemeenten_naam_gmcode_2023_2025.csv",
        shared / "gemeenten" / "inwoners_1jan_2017_2026.csv",
        shared / "iv3" / "referentie" / "iv3_taakvelden_gemeenten_2017_2026.csv",
    ]
    a = Store(pad)
    importeer(a, basis)
    sleutel = a.laad_model(model.laad())
    assert indicators.trend(a, sleutel, "netto", 2023, ["GM0363"]).empty
    b = Store(pad)
    importeer(b, [shared / "iv3" / "iv3_taakveld_2023_begroting.csv"])
    reeks = indicators.trend(a, sleutel, "netto", 2023, ["GM0363"])
    assert list(reeks["jaar"]) == [2023] and reeks["totaal"].iloc[0] != 0
    b.sluit()
    a.sluit()
