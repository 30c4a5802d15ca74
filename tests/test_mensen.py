"""Mensen naast geld: gebruik van zorg en wijken, opgehaald bij de nagebootste CBS/PDOK-server (tests/cbs_nep.py,
gestuurd door de productielijst data/cbs_bronnen.toml): twee jaren vullen gemeente en wijk; halfjaren worden
nooit opgeteld; niet gepubliceerd is geen 0; een voorlopig cijfer wordt vervangen door het definitieve; een
bedrag per persoon is Σ uitgaven ÷ Σ personen over de rijen die de server gaf; de pagina Mensen, de wijkkaart
van Heerlen en de regel op Gemeente en factsheet."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from cbs_nep import GEMEENTEN, NepCBS, jeugdzorg_aantallen, natura, wmo
from conftest import REPO
from streamlit.testing.v1 import AppTest
from test_paginas import figuren

from sociale_basis import begrippen, indicators, mensen, model
from sociale_basis.cli import main
from sociale_basis.ophalen import laad_bronnen, ophaal
from sociale_basis.store import Store

ONDERDELEN = ["gemeenten", "inwoners", "iv3", "zorggebruik", "kerncijfers", "wijkgrenzen"]


@pytest.fixture(scope="module")
def nep():
    with NepCBS(paginagrootte=50) as server:
        server.iv3_jaren = {2022: "45059NED", 2023: "45063NED"}
        yield server


def _haal(nep, store, tmp, jaren=(2022, 2023), onderdelen=ONDERDELEN, **kw):
    pad = tmp / "bronnen.toml"
    pad.write_text(nep.bronnen_toml(), encoding="utf-8")
    opties = {"pogingen": 2, "basis_wacht": 0.01, "timeout": 2}
    return ophaal(
        store,
        laad_bronnen(pad),
        cache=tmp / "cache",
        client_opties=opties,
        jaren=list(jaren),
        onderdelen=onderdelen,
        **kw,
    )


@pytest.fixture(scope="module")
def opgehaald(nep, tmp_path_factory):
    """Een lege opslag na een ophaling van twee jaren (2022, 2023): Iv3, gemeenten, inwoners, zorggebruik,
    kerncijfers en wijkgrenzen, alles van de nagebootste server."""
    tmp = tmp_path_factory.mktemp("mensen")
    with Store(tmp / "s.duckdb") as store:
        verslag = _haal(nep, store, tmp)
    return tmp / "s.duckdb", verslag


@pytest.fixture
def store(opgehaald):
    with Store(opgehaald[0], alleen_lezen=True) as s:
        yield s


def _zorg(store: Store) -> pd.DataFrame:
    with store.cursor() as cur:
        return cur.execute("SELECT * FROM zorggebruik ORDER BY ALL").df()


def test_twee_jaren_vullen_gemeente_en_wijk(store, opgehaald):
    assert "Wmo-cliënten (wmo_clienten): nieuw 2022, 2023" in opgehaald[1].nieuw  # de samenvatting
    zorg = _zorg(store)
    # Alleen de jaren die gevraagd zijn, uit de tabel die ze in de productielijst levert.
    assert set(zorg["jaar"]) == {2022, 2023}
    per_maat = zorg.groupby("maat")["tabel"].unique().map(sorted).to_dict()
    assert per_maat["jeugdhulp_pct"] == ["85098NED"]
    assert per_maat["jongeren_verblijf"] == ["85099NED"]
    assert per_maat["wmo_clienten"] == ["85043NED"]
    assert set(zorg["gebied"]) == set(GEMEENTEN) | {"GM0917", "NL01"}  # geen LD, PV of corop
    assert not zorg["voorlopig"].any()
    overzicht = mensen.overzicht(store)
    assert overzicht["wijken"] > 0 and overzicht["grenzen"] > 0
    with store.cursor() as cur:
        wijkjaren = {j for (j,) in cur.execute("SELECT DISTINCT jaar FROM wijk").fetchall()}
        geojaren = {j for (j,) in cur.execute("SELECT DISTINCT jaar FROM geo_wijk").fetchall()}
    assert wijkjaren == {2022, 2023} and geojaren == {2022, 2023}
    # Amsterdam heeft sinds 2023 letters in de wijkcode; ze komen ongeschonden binnen.
    amsterdam = mensen.wijken(store, "GM0363", 2023)
    assert amsterdam["wk_code"].str.fullmatch(r"WK0363[A-Z]{2}").all()


def test_halfjaren_worden_niet_opgeteld(store, nep, tmp_path):
    """De tabellen geven jaar én halfjaren; alleen het jaarcijfer telt (NL 2023: 13,9, niet 2 × 11,7). De
    productielijst vraagt alleen jaren; negeert een server die filter (of staat hij er niet), dan worden de
    halfjaren herkend en weggelaten, nooit opgeteld."""
    zorg = _zorg(store).set_index(["jaar", "gebied", "maat"])["waarde"]
    assert zorg[(2023, "NL01", "jeugdhulp_pct")] == pytest.approx(13.9)
    for gm in GEMEENTEN:
        assert zorg[(2023, gm, "jeugdhulp_pct")] == pytest.approx(natura(gm, 2023)[0])
    assert any(r == "85098NED" and "substringof('JJ',Perioden)" in f for r, f, _s in nep.log)

    toml = nep.bronnen_toml().replace(" and substringof('JJ',Perioden)", "")
    (tmp_path / "bronnen.toml").write_text(toml, encoding="utf-8")
    with Store(tmp_path / "h.duckdb") as s:
        opties = {"pogingen": 2, "basis_wacht": 0.01, "timeout": 2}
        uit = ophaal(
            s,
            laad_bronnen(tmp_path / "bronnen.toml"),
            cache=tmp_path / "c",
            client_opties=opties,
            jaren=[2023],
            onderdelen=["zorggebruik"],
        )
        zonder_filter = _zorg(s).set_index(["jaar", "gebied", "maat"])["waarde"]
    assert any("halfjaarcijfers overgeslagen" in o for o in uit.opmerkingen)
    assert zonder_filter[(2023, "NL01", "jeugdhulp_pct")] == pytest.approx(13.9)
    assert zonder_filter.equals(zorg.loc[zonder_filter.index])


def test_niet_gepubliceerd_is_geen_nul(store):
    """Utrecht publiceert geen Wmo-cijfers: NULL in de opslag, leeg op elk niveau, nooit 0; Nederland telt
    alleen de gemeenten die publiceerden."""
    zorg = _zorg(store)
    utrecht = zorg[(zorg["gebied"] == "GM0344") & (zorg["maat"] == "wmo_clienten")]
    assert len(utrecht) == 2 and utrecht["waarde"].isna().all()
    reeks = mensen.reeks(store, "GM0344", list(GEMEENTEN))
    eigen = reeks[(reeks["wie"] == "gemeente") & (reeks["maat"] == "wmo_clienten")]
    assert eigen["waarde"].isna().all() and (eigen["gemeenten"] == 0).all()
    nl = reeks[(reeks["wie"] == "nederland") & (reeks["maat"] == "wmo_clienten")].set_index("jaar")
    publiceren = [gm for gm in GEMEENTEN if wmo(gm, 2023)[0] is not None]
    with store.cursor() as cur:
        inwoners = dict(cur.execute("SELECT gm_code, inwoners FROM inwoners WHERE jaar = 2023").fetchall())
    verwacht = 1000 * sum(wmo(gm, 2023, "85043NED")[0] for gm in publiceren) / sum(inwoners[g] for g in publiceren)
    assert nl.loc[2023, "waarde"] == pytest.approx(verwacht)
    assert nl.loc[2023, "gemeenten"] == len(publiceren) == 3


def test_niet_gepubliceerd_geeft_geen_bedrag_per_persoon(volledig_met_gebruik):
    """Utrecht heeft echte uitgaven (../shared) maar geen gepubliceerde Wmo-cliënten: geen bedrag per
    Wmo-cliënt en geen Wmo per 1.000 (leeg, niet 0 of oneindig); Amsterdam wel."""
    with Store(volledig_met_gebruik, alleen_lezen=True) as store:
        sleutel = store.laad_model(model.laad())
        rij = indicators.per_gemeente(store, sleutel, 2023, "jaarrekening", "netto").set_index("gm_code")
    assert rij.loc["GM0344", "collectieve_preventie"] > 0
    assert pd.isna(rij.loc["GM0344", "collectieve_preventie_per_wmo"])
    assert pd.isna(rij.loc["GM0344", "wmo_per_1000"])
    assert rij.loc["GM0363", "wmo_per_1000"] == pytest.approx(
        1000 * wmo("GM0363", 2023, "85043NED")[0] / rij.loc["GM0363", "inwoners"], rel=1e-3
    )


def test_voorlopig_wordt_vervangen_door_definitief(nep, tmp_path):
    """2024 is voorlopig in 85098NED (Perioden: Status 'Voorlopig', titel '2024*'); publiceert CBS het
    definitieve cijfer (hoger), dan vervangt een nieuwe ophaling het; zonder wijziging slaat ze de tabel over."""
    store = Store(tmp_path / "s.duckdb")
    try:
        _haal(nep, store, tmp_path, jaren=(), onderdelen=["zorggebruik"])
        eerst = _zorg(store).query("jaar == 2024").set_index(["gebied", "maat"])
        assert eerst.loc[("NL01", "jeugdhulp_pct"), "voorlopig"]
        nog_eens = _haal(nep, store, tmp_path, jaren=(), onderdelen=["zorggebruik"])
        assert any("85098NED" in o and "ongewijzigd" in o for o in nog_eens.overgeslagen)
        nep.maak_definitief("85098NED", 2024)
        verslag = _haal(nep, store, tmp_path, jaren=(), onderdelen=["zorggebruik"])
        assert "Jongeren met jeugdhulp (jeugdhulp_pct): 2024 nu definitief" in verslag.nieuw
        daarna = _zorg(store).query("jaar == 2024").set_index(["gebied", "maat"])
        assert not daarna.loc[("NL01", "jeugdhulp_pct"), "voorlopig"]
        assert daarna.loc[("NL01", "jeugdhulp_pct"), "waarde"] > eerst.loc[("NL01", "jeugdhulp_pct"), "waarde"]
        assert len(daarna) == len(eerst)  # vervangen, niet erbij
    finally:
        store.sluit()


def test_bedrag_per_persoon_is_som_over_som_van_wat_de_server_gaf(store):
    """Acute zorg per jongere met verblijf en preventie per Wmo-cliënt: per gemeente en voor Nederland gelijk
    aan een pandas-berekening over de rijen van de server (de aantallen uit cbs_nep, niet uit de opslag)."""
    sleutel = store.laad_model(model.laad())
    per = indicators.per_gemeente(store, sleutel, 2023, "begroting", "bruto").set_index("gm_code")
    nl = indicators.groep(store, sleutel, 2023, "begroting", "bruto", None)
    verblijf = {gm: jeugdzorg_aantallen(gm, 2023)["A027918"] for gm in GEMEENTEN}
    clienten = {gm: wmo(gm, 2023, "85043NED")[0] for gm in GEMEENTEN}
    df = per.loc[per.index.isin(list(GEMEENTEN)), ["acute_zorg", "collectieve_preventie"]].assign(
        verblijf=pd.Series(verblijf), clienten=pd.Series(clienten, dtype=float)
    )
    for gm, r in df.iterrows():
        assert per.loc[gm, "acute_zorg_per_jeugd_verblijf"] == pytest.approx(r["acute_zorg"] / r["verblijf"])
    beide = df.dropna(subset=["clienten"])
    assert nl["collectieve_preventie_per_wmo"] == pytest.approx(
        beide["collectieve_preventie"].sum() / beide["clienten"].sum()
    )
    assert nl["acute_zorg_per_jeugd_verblijf"] == pytest.approx(df["acute_zorg"].sum() / df["verblijf"].sum())


def test_contracten_van_de_nieuwe_marts_op_een_ophaling(store):
    from test_contracten import MARTS, contract

    params = {"gm_code": "GM0363", "groep": ["GM0014", "GM0599"], "procent": mensen.PROCENT, "jaar": 2023}
    for pad in MARTS:
        if pad.stem not in {"zorggebruik_reeks", "zorggebruik_jaar", "zorggebruik_jaren", "wijken", "geo_wijk"}:
            continue
        c = contract(pad)
        tekst = pad.read_text(encoding="utf-8")
        df = store.query(f"marts/{pad.stem}", **{k: v for k, v in params.items() if f"${k}" in tekst})
        assert len(df), pad.stem
        assert not df.duplicated(c["uniek"]).any(), pad.stem
        assert not df[c["niet_leeg"]].isna().any().any(), pad.stem


def test_cli_gebruik(opgehaald, capsys):
    pad = str(opgehaald[0])
    assert main(["--db", pad, "gebruik", "--jaar", "2023"]) == 0
    uit = capsys.readouterr()
    df = pd.read_csv(io.StringIO(uit.out))
    assert set(df["maat"]) == set(begrippen.ZORGMATEN)
    utrecht = df[(df["gm_code"] == "GM0344") & (df["maat"] == "wmo_clienten")]
    assert len(utrecht) == 1 and utrecht["waarde"].isna().all()  # leeg, niet 0
    assert "niet gepubliceerd" in uit.err


# -- de pagina, op de volledige opslag met een ophaling erbij ---------------------------------------
@pytest.fixture(scope="module")
def volledig_met_gebruik(nep, tmp_path_factory, shared):
    """De echte gegevens (../shared/data) plus zorggebruik, kerncijfers en wijkgrenzen van de nagebootste server."""
    tmp = tmp_path_factory.mktemp("mensen_volledig")
    pad = tmp / "s.duckdb"
    assert main(["--db", str(pad), "import", str(shared)]) == 0
    store = Store(pad)
    _haal(nep, store, tmp, jaren=(2022, 2023), onderdelen=["zorggebruik", "kerncijfers", "wijkgrenzen"])
    store.sluit()
    return pad


def test_pagina_mensen_met_heerlen(volledig_met_gebruik, monkeypatch):
    monkeypatch.setenv("SOCIALE_BASIS_DB", str(volledig_met_gebruik))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.switch_page("sociale_basis/pages/mensen.py")
    at.query_params["gemeente"] = "Heerlen"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Mensen"
    koppen = [s.value for s in at.subheader]
    assert any("De wijken van Heerlen" in k for k in koppen)
    tekst = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    assert "Heerlen Noord: geen wijk met die naam" in tekst  # een focusgebied van meer wijken: gezegd, niet geraden
    assert "Wijken met de meeste personen met bijstand" in tekst
    lagen = [f["layout"] for f in figuren(at)]
    assert len(lagen) == 3  # gebruik door de jaren, preventie naast gebruik, de wijkkaart
    assert all(f["separators"] == ",." and "Bron: CBS" in json.dumps(f["annotations"]) for f in lagen)
    at.selectbox(key="wijkmaat").select("WmoClientenRelatief").run()
    assert not at.exception


def test_pagina_mensen_zonder_gegevens_zegt_hoe(tmp_path, monkeypatch):
    """Zonder ophaling (de momentopname heeft geen zorggebruik): de ene opdracht die het brengt."""
    pad = tmp_path / "s.duckdb"
    assert main(["--db", str(pad), "import", "--snapshot"]) == 0
    monkeypatch.setenv("SOCIALE_BASIS_DB", str(pad))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.switch_page("sociale_basis/pages/mensen.py")
    at.run()
    assert not at.exception, at.exception
    assert any(mensen.OPHAAL_OPDRACHT in i.value for i in at.info)


def test_gemeente_en_factsheet_noemen_de_wijken(volledig_met_gebruik):
    from sociale_basis import gemeentebeeld, vergelijkingsgroep

    store = Store(volledig_met_gebruik, alleen_lezen=True)
    try:
        sleutel = store.laad_model(model.laad())
        beeld = gemeentebeeld.bouw(
            store,
            sleutel,
            gemeentebeeld.Verzoek("GM0917", 2025, "begroting", "netto", vergelijkingsgroep.Groep()),
        )
        assert beeld.wijken_zin is not None and beeld.wijken_zin.startswith(
            "Wijken met de meeste personen met bijstand"
        )
        hoogste = mensen.hoogste(store, "GM0917")
        assert hoogste and hoogste[0].wijk in beeld.wijken_zin
    finally:
        store.sluit()


def test_cli_gebruik_per_wijk(volledig_met_gebruik, capsys):
    assert (
        main(
            [
                "--db",
                str(volledig_met_gebruik),
                "gebruik",
                "--jaar",
                "2023",
                "--niveau",
                "wijk",
                "--gemeente",
                "Heerlen",
            ]
        )
        == 0
    )
    wijken = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert (wijken["gm_code"] == "GM0917").all() and len(wijken) >= 5
    assert {"wk_code", "wijk", "PersonenPerSoortUitkeringBijstand"} <= set(wijken.columns)


def test_de_opdracht_op_de_pagina_bestaat():
    """De opdracht die de pagina en de CLI noemen, is een geldige aanroep van `sociale-basis ophalen`."""
    from sociale_basis.cli import _parser

    args = _parser().parse_args(mensen.OPHAAL_OPDRACHT.split()[1:])
    assert args.alleen == ["zorggebruik", "kerncijfers", "wijkgrenzen"]


def test_crisisgeld_staat_naast_de_bedragen_per_persoon(volledig_met_gebruik, monkeypatch):
    """Jaarrekening 2023 (opvang van ontheemden op 6.1): wie een bedrag per persoon van Groningen overneemt,
    leest ernaast dat het vertekend is."""
    monkeypatch.setenv("SOCIALE_BASIS_DB", str(volledig_met_gebruik))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.query_params.update({"gemeente": "Groningen", "jaar": "2023", "document": "Jaarrekening"})
    at.run()
    at.switch_page("sociale_basis/pages/mensen.py").run()
    assert not at.exception, at.exception
    assert any("vertekend" in w.value and "Groningen" in w.value for w in at.warning)
