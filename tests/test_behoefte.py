"""Preventie naar behoefte: de volumes uit de gemeentefondscirculaires, kwintielen, de pagina, de
regel op Gemeente en factsheet, en `sociale-basis behoefte` — op de echte data, met de cijfers
nagerekend uit de bronbestanden zelf (pandas, niet de mart)."""

from __future__ import annotations

import io
import shutil

import pandas as pd
import pytest
from conftest import kerncijfers, momentopname
from test_paginas import app, db, tabellen  # noqa: F401 — dezelfde AppTest-opzet als de pagina-tests

from sociale_basis import cli, indicators
from sociale_basis.begrippen import BEHOEFTEN, NOOD
from sociale_basis.importer import importeer
from sociale_basis.sources.controle import InvoerFout
from sociale_basis.store import Store


def _volumina(shared, naam="GF_S2024_2025_Volumina.tsv") -> pd.DataFrame:
    """Het bronbestand zoals data/README het beschrijft: TAB, Nederlandse getallen, '-' is nul."""
    df = pd.read_csv(
        shared / "gemeentefonds" / "brondata" / naam, sep="\t", decimal=",", thousands=".", na_values=["-", " - "]
    )
    return df.assign(gm_code="GM" + df["CBS"].astype(int).astype(str).str.zfill(4))


def test_volumes_van_alle_circulaires_zoals_in_het_bestand(opslag, shared):
    """Zes circulaires, 342 gemeenten, elke maatstaf van het register plus `inwo`; de waarden zijn die
    van het bestand (gelezen met pandas, los van onze lezer)."""
    bronnen = opslag._con.execute("SELECT DISTINCT circulaire, uitkeringsjaar FROM gf_volume ORDER BY ALL").fetchall()
    assert bronnen == [
        ("M2023", 2024),
        ("M2024", 2024),
        ("M2024", 2025),
        ("S2023", 2024),
        ("S2024", 2024),
        ("S2024", 2025),
    ]
    ruw = _volumina(shared)
    opgeslagen = opslag._con.execute(
        "SELECT gm_code, maatstaf, waarde FROM gf_volume WHERE circulaire = 'S2024' AND uitkeringsjaar = 2025"
    ).df()
    breed = opgeslagen.pivot(index="gm_code", columns="maatstaf", values="waarde")
    assert len(breed) == 342
    for maatstaf in ["inwo", *{b.maatstaf for b in BEHOEFTEN.values() if b.bron == "gemeentefonds"}]:
        verwacht = ruw.set_index("gm_code")[maatstaf].fillna(0)
        pd.testing.assert_series_equal(breed[maatstaf].sort_index(), verwacht.sort_index(), check_names=False)
    assert breed["bo3_nw"].sum() == pytest.approx(386_549.2, abs=0.5)  # bijstandsontvangers in Nederland
    assert breed["inwo"].sum() == pytest.approx(18_130_130, rel=1e-4)


def test_kwintielen_en_cijfers_van_de_vraag(opslag, standaardmodel, shared):
    """Begroting 2025 netto, bijstandsontvangers per 1.000 inwoners: nagerekend uit het bronbestand en
    per_gemeente. De uitkomst is die van de issue (Spearman 0,16 en 0,64; de mediane gemeente geeft in
    het kwintiel met de meeste behoefte ongeveer even veel aan preventie, ~5× zoveel aan acute zorg)."""
    df = indicators.behoefte(opslag, standaardmodel, 2025, "begroting", "netto", "bijstand")
    pg = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto")
    ruw = _volumina(shared).set_index("gm_code")
    zelf = pg.set_index("gm_code").join(ruw[["bo3_nw", "inwo"]], how="inner")
    zelf["per_1000"] = 1000 * zelf["bo3_nw"] / zelf["inwo"]
    # Kwintiel: gelijke groepen op rang, gelijke waarden samen (rank 'min').
    zelf["kwintiel"] = 1 + 5 * (zelf["per_1000"].rank(method="min").astype(int) - 1) // len(zelf)
    df = df.set_index("gm_code").loc[zelf.index]
    assert len(df) == 338
    pd.testing.assert_series_equal(df["waarde_per_1000"], zelf["per_1000"], check_names=False)
    assert (df["kwintiel"] == zelf["kwintiel"]).all()
    assert sorted(df["kwintiel"].value_counts()) == [67, 67, 68, 68, 68]
    assert (df["preventie_per_persoon"] * df["volume"]).sum() == pytest.approx(df["collectieve_preventie"].sum())

    kw = indicators.kwintielen(opslag, standaardmodel, 2025, "begroting", "netto", "bijstand")
    laag, hoog = kw.iloc[0], kw.iloc[-1]
    mediaan = zelf.groupby("kwintiel")[["collectieve_preventie_per_inwoner", "acute_zorg_per_inwoner"]].median()
    assert laag["preventie_per_inwoner_mediaan"] == pytest.approx(mediaan.loc[1, "collectieve_preventie_per_inwoner"])
    assert hoog["acute_zorg_per_inwoner_mediaan"] == pytest.approx(mediaan.loc[5, "acute_zorg_per_inwoner"])
    assert round(laag["preventie_per_inwoner_mediaan"]) == 160 and round(hoog["preventie_per_inwoner_mediaan"]) == 175
    assert round(laag["acute_zorg_per_inwoner_mediaan"]) == 71 and round(hoog["acute_zorg_per_inwoner_mediaan"]) == 352
    samen = indicators.samenhang(df.reset_index())
    assert round(samen["collectieve_preventie"], 2) == 0.16 and round(samen["acute_zorg"], 2) == 0.64
    # Per bijstandsontvanger geeft het kwintiel met de meeste behoefte ongeveer een derde uit.
    assert 0.25 < hoog["preventie_per_persoon_gewogen"] / laag["preventie_per_persoon_gewogen"] < 0.4
    assert int(kw["gemeenten"].sum()) == 338 and kw["inwoners"].sum() == pytest.approx(df["inwoners"].sum())


def test_circulaire_bij_het_jaar(opslag):
    """Het uitkeringsjaar zelf, daarin de septembercirculaire; zonder het jaar het dichtstbijzijnde."""
    assert indicators.behoefte_bron(opslag, 2025) == ("S2024", 2025)
    assert indicators.behoefte_bron(opslag, 2024) == ("S2024", 2024)
    assert indicators.behoefte_bron(opslag, 2023) == ("S2024", 2024)
    assert indicators.behoefte_bron(opslag, 2026) == ("S2024", 2025)


def test_foute_en_gedeeltelijke_volumes_veranderen_niets(volledige_opslag, shared, tmp_path):
    """Een niet-getal noemt bestand, rij en kolom; een bestand met minder gemeenten vervangt niets."""
    pad = tmp_path / "opslag.duckdb"
    shutil.copy(volledige_opslag, pad)
    bron = shared / "gemeentefonds" / "brondata" / "GF_S2024_2025_Volumina.tsv"
    regels = bron.read_text(encoding="utf-8").splitlines(keepends=True)
    kop = regels[0].rstrip("\r\n").split("\t")
    kolom = kop.index("bo3_nw")
    velden = regels[3].rstrip("\r\n").split("\t")
    velden[kolom] = "veel"
    fout = tmp_path / "GF_S2024_2025_Volumina.tsv"
    fout.write_text("".join(regels[:3]) + "\t".join(velden) + "\n" + "".join(regels[4:]), encoding="utf-8")
    with Store(pad) as store:
        voor = momentopname(store)
        with pytest.raises(InvoerFout) as e:
            importeer(store, [fout])
        tekst = str(e.value)
        assert "GF_S2024_2025_Volumina.tsv" in tekst and "rij 4" in tekst and "bo3_nw" in tekst and "'veel'" in tekst
        fout.write_text("".join(regels[:100]), encoding="utf-8")  # 99 van de 342 gemeenten
        with pytest.raises(InvoerFout, match="gemeenten"):
            importeer(store, [fout])
        assert momentopname(store) == voor


def test_zonder_volumes_een_uitleg(volledige_opslag, standaardmodel, tmp_path):
    pad = tmp_path / "opslag.duckdb"
    shutil.copy(volledige_opslag, pad)
    with Store(pad) as store:
        store._con.execute("DELETE FROM gf_volume")
        store.laad_model(__import__("sociale_basis.model", fromlist=["laad"]).laad())
        with pytest.raises(indicators.IndicatorFout, match="Volumina"):
            indicators.behoefte(store, standaardmodel, 2025, "begroting", "netto", "bijstand")


def test_pagina_behoefte(db):
    at = app(db, "behoefte", jaar="2025", gemeente="Heerlen")
    assert not at.exception, at.exception
    kop = at.markdown[0].value
    assert "mediane gemeente € 175 per inwoner" in kop and "€ 160" in kop and "€ 352 tegen € 71" in kop
    assert {m.label: m.value for m in kerncijfers(at)}["Samenhang met acute zorg"] == "0,64"
    lijst = tabellen(at)[-1]
    heerlen = lijst[lijst["Gemeente"] == "Heerlen"].iloc[0]
    assert heerlen["NPLV-focusgebied"] == "Heerlen Noord" and "beschermd wonen" in heerlen["Centrumgemeente voor"]
    assert (lijst["Preventie per inwoner"].str.replace(r"\D", "", regex=True).astype(int) < 162).all()
    assert any(
        "Samenhang is geen oorzaak" in c.value and "septembercirculaire 2024" in c.value.lower() for c in at.caption
    )
    for naam in NOOD:  # gebruik van zorg staat op Mensen (tests/test_mensen.py)
        at.selectbox(key="behoefte").select(naam).run()
        assert not at.exception, (naam, at.exception)
    at.selectbox(key="naast").select("verhouding").run()
    assert not at.exception
    # Zonder opgehaalde CBS-kerncijfers (de momentopname heeft ze niet): een uitleg, geen lege grafiek.
    at.selectbox(key="behoefte").select("bijstand_cbs").run()
    assert any("sociale-basis ophalen --alleen kerncijfers" in w.value for w in at.warning)


def test_regel_op_gemeente_en_factsheet(db, opslag, standaardmodel):
    from sociale_basis import factsheet, gemeentebeeld

    at = app(db, "gemeente", jaar="2025", gemeente="Heerlen")
    regel = next(c.value for c in at.caption if c.value.startswith("Behoefte:"))
    assert regel.startswith(
        "Behoefte: 43,3 bijstandsontvangers per 1.000 inwoners (kwintiel 5 van 5); preventie per inwoner: kwintiel 1 van 5"
    )
    assert "NPLV-focusgebied: Heerlen Noord" in regel
    inhoud = factsheet.inhoud(opslag, standaardmodel, gemeentebeeld.Verzoek("GM0917", 2025, "begroting"))
    assert any(
        "".join(s["t"] for s in k).startswith(regel.removesuffix(" Zie de pagina Behoefte."))
        for k in inhoud["kanttekeningen"]
    )


def test_opdrachtregel_zelfde_cijfers_als_de_pagina(db, opslag, standaardmodel, capsys):
    assert cli.main(["behoefte", "--jaar", "2025", "--document", "begroting"]) == 0
    per_gemeente = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype={"gm_code": str})
    assert list(per_gemeente.columns) == [
        "gm_code", "gemeente", "indicator", "bron", "waarde_per_1000", "kwintiel",
        "collectieve_preventie_per_inwoner", "acute_zorg_per_inwoner", "preventie_per_persoon",
    ]  # fmt: skip
    assert len(per_gemeente) == 338 and set(per_gemeente["bron"]) == {"S2024 voor 2025: bo3_nw"}
    assert cli.main(["behoefte", "--jaar", "2025", "--document", "begroting", "--per", "kwintiel"]) == 0
    kw = pd.read_csv(io.StringIO(capsys.readouterr().out))
    zelf = indicators.kwintielen(opslag, standaardmodel, 2025, "begroting", "netto", "bijstand")
    assert kw["preventie_per_inwoner_mediaan"].tolist() == pytest.approx(
        zelf["preventie_per_inwoner_mediaan"], abs=1e-4
    )
    with pytest.raises(SystemExit) as e:  # argparse noemt de keuzes
        cli.main(["behoefte", "--jaar", "2025", "--document", "begroting", "--indicator", "niets"])
    assert e.value.code == 2 and "bijstand" in capsys.readouterr().err


def test_nederland_stelt_de_vraag_met_dezelfde_zin(db):
    """De landelijke pagina noemt de uitkomst in dezelfde zin als de pagina Behoefte (teksten.behoefte_kop)."""
    nl = app(db, "nederland", jaar="2025")
    beh = app(db, "behoefte", jaar="2025")
    assert not nl.exception and not beh.exception
    zin = beh.markdown[0].value.removeprefix("#### ")
    assert any(m.value == zin for m in nl.markdown), zin


def test_elke_cbs_maat_staat_in_de_bronnenlijst():
    """Een maat voor behoefte van CBS haalt `ophalen` alleen als haar kolom (en de noemer) in
    data/cbs_bronnen.toml staat."""
    from sociale_basis.ophalen import laad_bronnen

    kolommen = laad_bronnen().kerncijfers_kolommen
    cbs = [b for b in BEHOEFTEN.values() if b.bron == "cbs_kwb"]
    assert cbs
    for b in cbs:
        assert b.maatstaf in kolommen and b.noemer in kolommen, b.naam
