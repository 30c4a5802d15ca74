"""De meegeleverde momentopname: klein genoeg voor git, laadt in één transactie, verandert niets
bij een tweede keer, weigert beschadigde bestanden, en geeft precies de cijfers van de volledige
import."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from conftest import momentopname

from sociale_basis import indicators, model, snapshot
from sociale_basis.cli import main
from sociale_basis.importer import voer_in
from sociale_basis.sources.controle import InvoerFout
from sociale_basis.sources.lezen import sha256
from sociale_basis.store import Store

# Tabellen die een volledige import en een momentopname gelijk moeten hebben. Niet: iv3_bedrag
# (de momentopname neemt alleen de gekozen bron per gemeente mee), import_log en de herkomst.
GELIJK = [
    "iv3_categorie",
    "taakveld",
    "gemeente_jaar",
    "gemeente_naam",
    "inwoners",
    "gemeente_klasse",
    "gemeente_profiel",
    "grenswijziging",
    "iv3_gekozen",
    "iv3_beschikbaar",
    "iv3_zonder_cijfers",
    "iv3_taakveld_gebruikt",
    "herindeling",
    "gf_cluster",
    "geo_gemeente",
    "prijsindex",
]


def _tabel(store: Store, tabel: str) -> list[tuple]:
    with store.cursor() as cur:
        return cur.execute(f"SELECT * FROM {tabel} ORDER BY ALL").fetchall()  # noqa: S608 (vaste namen)


@pytest.fixture(scope="module")
def uit_momentopname(volledige_opslag, tmp_path_factory):
    """Een momentopname van de volledige opslag, geladen in een nieuwe opslag."""
    map_ = tmp_path_factory.mktemp("snap") / "snapshot"
    with Store(volledige_opslag, alleen_lezen=True) as bron:
        snapshot.maak(bron, map_, "test")
    pad = map_.parent / "uit_snapshot.duckdb"
    with Store(pad) as store:
        voer_in(store, snapshot.stappen(map_))
    return map_, pad


def test_momentopname_geeft_dezelfde_tabellen(volledige_opslag, uit_momentopname):
    _, pad = uit_momentopname
    with Store(volledige_opslag, alleen_lezen=True) as volledig, Store(pad, alleen_lezen=True) as snap:
        for tabel in GELIJK:
            assert _tabel(snap, tabel) == _tabel(volledig, tabel), tabel


def test_momentopname_geeft_dezelfde_indicatoren(volledige_opslag, uit_momentopname):
    """Elk jaar, document en elke maat: per gemeente, landelijk en de herrekende trend gelijk."""
    _, pad = uit_momentopname
    m = model.laad()
    with Store(volledige_opslag, alleen_lezen=True) as volledig, Store(pad, alleen_lezen=True) as snap:
        sleutels = (volledig.laad_model(m), snap.laad_model(m))
        b = indicators.beschikbaarheid(volledig)
        getoetst = 0
        for r in b.itertuples(index=False):
            for maat in indicators.MATEN:
                if maat == "netto" and not indicators.netto_volledig(volledig, r.jaar, r.document):
                    continue
                a, s = (
                    indicators.per_gemeente(st, k, r.jaar, r.document, maat)
                    for st, k in zip((volledig, snap), sleutels, strict=True)
                )
                pd.testing.assert_frame_equal(a, s)
                getoetst += 1
        assert getoetst >= len(b)
        pd.testing.assert_frame_equal(
            indicators.trend(volledig, sleutels[0], "bruto", 2025, ["GM0363"]),
            indicators.trend(snap, sleutels[1], "bruto", 2025, ["GM0363"]),
        )


def test_manifest_noemt_bron_licentie_en_sha(uit_momentopname):
    map_, _ = uit_momentopname
    m = snapshot.lees_manifest(map_)
    iv3 = m.inhoud["tabellen"]["iv3_bedrag"]
    assert iv3["rijen"] > 300_000
    assert any(b["licentie"] == "CC BY 4.0" and "CBS" in b["uitgever"] for b in iv3["bronnen"])
    assert m.inhoud["tabellen"]["grenswijziging"]["bronnen"][0]["licentie"] == "CC BY-NC-SA 4.0"
    # Bestandsnamen, nooit serverpaden.
    assert all("/" not in b["bestand"] for t in m.inhoud["tabellen"].values() for b in t["bronbestanden"])
    assert {d["jaar"] for d in m.inhoud["dekking"]} >= set(range(2017, 2027))


def test_meegeleverde_momentopname_past_in_het_budget():
    m = snapshot.lees_manifest()
    snapshot.controleer(m)
    totaal = sum(p.stat().st_size for p in snapshot.STANDAARD_MAP.iterdir())
    assert totaal <= snapshot.BUDGET_BYTES
    assert m.bytes <= totaal


def test_meegeleverde_momentopname_is_actueel(volledige_opslag, uit_momentopname, shared):
    """De momentopname in git heeft dezelfde inhoud als er nu uit de gedeelde data komt: wie de
    data of de import wijzigt, moet `sociale-basis snapshot maak` opnieuw draaien."""
    vers, _ = uit_momentopname
    for tabel in snapshot.TABELLEN:
        meegeleverd = pd.read_parquet(snapshot.STANDAARD_MAP / f"{tabel}.parquet")
        pd.testing.assert_frame_equal(meegeleverd, pd.read_parquet(vers / f"{tabel}.parquet"), obj=tabel)


def _stappen() -> int:
    """Hoeveel bestanden het laden van de momentopname telt: elke tabel met rijen (die in SAMEN laden
    met een andere mee; een lege, zoals cbs_kerncijfer vóór `ophalen`, is geen stap) en het manifest."""
    tabellen = snapshot.lees_manifest().inhoud["tabellen"]
    leeg = {t for t, i in tabellen.items() if i["rijen"] == 0}
    return len(set(snapshot.TABELLEN) - set(snapshot.SAMEN) - leeg) + 1


def test_meegeleverde_momentopname_laadt_en_tweede_keer_verandert_niets(tmp_path):
    """Werkt ook op een verse clone zonder ../shared: Amsterdam heeft echte cijfers."""
    with Store(tmp_path / "s.duckdb") as store:
        verslag = voer_in(store, snapshot.stappen())
        assert len(verslag.geladen) == _stappen()
        voor = momentopname(store)
        tweede = voer_in(store, snapshot.stappen())
        assert not tweede.geladen and momentopname(store) == voor
        sleutel = store.laad_model(model.laad())
        ams = indicators.per_gemeente(store, sleutel, 2025, "begroting", "netto").set_index("gm_code").loc["GM0363"]
        assert ams["gemeente"] == "Amsterdam" and ams["inwoners"] > 900_000
        assert ams["collectieve_preventie"] > 100e6 and ams["acute_zorg"] > 0
        info = snapshot.geladen(store)
        assert info["naam"] == snapshot.lees_manifest().naam


def test_beschadigde_momentopname_laadt_niet(tmp_path):
    kopie = tmp_path / "snap"
    shutil.copytree(snapshot.STANDAARD_MAP, kopie)
    bestand = kopie / "inwoners.parquet"
    inhoud = bytearray(bestand.read_bytes())
    inhoud[len(inhoud) // 2] ^= 0xFF
    bestand.write_bytes(bytes(inhoud))
    with Store(tmp_path / "s.duckdb") as store:
        voor = momentopname(store)
        with pytest.raises(InvoerFout, match="sha256"):
            voer_in(store, snapshot.stappen(kopie))
        assert momentopname(store) == voor


def test_manifest_met_vreemde_tabel_of_formaat(tmp_path):
    kopie = tmp_path / "snap"
    shutil.copytree(snapshot.STANDAARD_MAP, kopie)
    inhoud = json.loads((kopie / "manifest.json").read_text(encoding="utf-8"))
    inhoud["formaat"] = 99
    (kopie / "manifest.json").write_text(json.dumps(inhoud), encoding="utf-8")
    with pytest.raises(InvoerFout, match="formaat"):
        snapshot.stappen(kopie)
    with pytest.raises(InvoerFout, match="manifest.json"):
        snapshot.stappen(tmp_path)


def test_cli_import_snapshot_en_toon(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    assert main(["--db", str(db), "import", "--snapshot"]) == 0
    assert f"{_stappen()} bestand(en) geladen" in capsys.readouterr().err
    assert main(["snapshot", "toon"]) == 0
    uit = capsys.readouterr().out
    assert "alle sha256 kloppen" in uit and "CC BY 4.0" in uit
    assert main(["--db", str(db), "status"]) == 0
    assert "2025" in capsys.readouterr().out
    assert main(["--db", str(db), "import"]) == 1
    assert "--snapshot" in capsys.readouterr().err


def _readme_dekking() -> dict[tuple[int, str], str]:
    from conftest import REPO

    tekst = (REPO / "README.md").read_text(encoding="utf-8")
    blok = tekst.split("<!-- dekking:begin -->")[1].split("<!-- dekking:end -->")[0]
    uit = {}
    for regel in blok.strip().splitlines()[2:]:
        jaren, *cellen = [c.strip() for c in regel.strip("|").split("|")]
        van, _, tot = jaren.partition("–")
        for jaar in range(int(van), int(tot or van) + 1):
            for document, cel in zip(indicators.DOCUMENTEN, cellen, strict=True):
                uit[(jaar, document)] = cel
    return uit


def test_readme_dekking_volgt_de_momentopname():
    """De dekkingstabel in de README is geen eigen lijst: ze moet kloppen met het manifest."""
    verwacht = {}
    for d in snapshot.lees_manifest().inhoud["dekking"]:
        netto = d["gemeenten_met_baten"] == d["gemeenten"]
        verwacht[(d["jaar"], d["document"])] = "bruto + netto" if netto else "bruto"
    readme = {k: v for k, v in _readme_dekking().items() if v != "—"}
    assert readme == verwacht


def test_cbs_export_zonder_gemeentelijst_zegt_waar_die_vandaan_komt(tmp_path):
    """Een nieuwe gebruiker die een CBS-export met namen importeert, hoort hoe hij verder komt."""
    from conftest import FIXTURES

    from sociale_basis.importer import importeer

    with Store(tmp_path / "leeg.duckdb") as store:
        with pytest.raises(InvoerFout, match="import --snapshot") as fout:
            importeer(store, [FIXTURES / "cbs_ruw_2023X005.csv"])
        assert "ophalen --alleen gemeenten" in str(fout.value)
        voer_in(store, snapshot.stappen())
        # Nu kent de opslag de namen; dit gedeeltelijke bestand wordt dan om de goede reden geweigerd.
        with pytest.raises(InvoerFout, match=r"Groningen \(GM0014\), jaarrekening 2023: de bron ‘cbs_ruw’"):
            importeer(store, [FIXTURES / "cbs_ruw_2023X005.csv"])


def test_nieuwe_bedragen_wissen_de_categorieen_niet(tmp_path):
    """Een nieuwere momentopname met andere bedragen maar dezelfde categorieën: de categorieën
    blijven (ze laden in dezelfde stap als de bedragen die ze anders zouden wissen)."""
    kopie = tmp_path / "snap"
    shutil.copytree(snapshot.STANDAARD_MAP, kopie)
    categorie = pd.DataFrame(
        [
            {
                "bron": "cbs_ruw",
                "jaar": 2023,
                "document": "jaarrekening",
                "gm_code": "GM9999",
                "taakveld": "6.1",
                "categorie": "L4.2",
                "lasten": 5.0,
            }
        ]
    )
    bedrag = pd.DataFrame(
        [
            {
                "bron": "cbs_ruw",
                "jaar": 2023,
                "document": "jaarrekening",
                "gm_code": "GM9999",
                "taakveld": "6.1",
                "lasten": 5.0,
                "baten": 0.0,
            }
        ]
    )
    inhoud = json.loads((kopie / "manifest.json").read_text(encoding="utf-8"))

    def schrijf(tabel, df):
        df.to_parquet(kopie / f"{tabel}.parquet", compression="zstd", index=False)
        inhoud["tabellen"][tabel].update(rijen=len(df), sha256=sha256(kopie / f"{tabel}.parquet"))
        (kopie / "manifest.json").write_text(json.dumps(inhoud), encoding="utf-8")

    schrijf("iv3_categorie", categorie)
    schrijf("iv3_bedrag", bedrag)
    with Store(tmp_path / "s.duckdb") as store:
        voer_in(store, snapshot.stappen(kopie))
        schrijf("iv3_bedrag", pd.concat([bedrag, bedrag.assign(taakveld="7.1")]))
        voer_in(store, snapshot.stappen(kopie))
        with store.cursor() as cur:
            assert cur.execute("SELECT count(*) FROM iv3_categorie").fetchone()[0] == 1
            assert cur.execute("SELECT count(*) FROM iv3_bedrag").fetchone()[0] == 2


def test_herrekend_na_sluiten_en_opnieuw_openen(tmp_path):
    """Onthouden uitkomsten horen bij één verbinding: na sluiten en opnieuw openen (zoals het
    dashboard doet rond een schrijfactie) rekent een herrekening opnieuw in plaats van leeg te zijn."""
    pad = tmp_path / "s.duckdb"
    with Store(pad) as store:
        voer_in(store, snapshot.stappen())
    for _ in range(2):
        store = Store(pad, alleen_lezen=True)
        sleutel = store.laad_model(model.laad())
        assert len(indicators.per_gemeente_herrekend(store, sleutel, 2019, "jaarrekening", "bruto", 2023)) == 342
        store.sluit()
