"""De maatlaag (werk.meting): een indicator is Σ teller ÷ Σ noemer, op elk niveau door één regel berekend.

De twee indicatoren per bijstandsontvanger zijn elk één regel in begrippen.INDICATOREN; hier nagerekend met
pandas uit de bronbestanden zelf (het Iv3-bestand van CBS en de volumes van de gemeentefondscirculaire), los
van het model en de SQL, per gemeente, voor Nederland, een groep en in een reeks."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from test_paginas import app, db, tabellen  # noqa: F401 — dezelfde AppTest-opzet als de pagina-tests

from sociale_basis import begrippen, cli, indicators
from sociale_basis.begrippen import INDICATOREN

PREVENTIE = INDICATOREN["collectieve_preventie_per_bijstand"]
ACUUT = INDICATOREN["acute_zorg_per_bijstand"]
G4 = ["GM0363", "GM0599", "GM0518", "GM0344"]


def _met_de_hand(shared) -> pd.DataFrame:
    """Begroting 2025 netto per gemeente: collectieve preventie (6.1 en 7.1) en acute zorg (jeugdhulp met
    verblijf 6.76x, beschermd wonen en opvang 6.81x, jeugdbescherming 6.82x; Methode) uit het Iv3-bestand, en
    de bijstandsontvangers (bo3_nw) van de septembercirculaire 2024 voor 2025."""
    iv3 = pd.read_csv(shared / "iv3" / "iv3_taakveld_2025_begroting.csv", sep=";", dtype={"Taakveld": str})
    iv3 = iv3[iv3["Gemeenten"] != "Nederland"].assign(
        code=lambda d: d["Taakveld"].str.split(" ").str[0],
        netto=lambda d: (d["Lasten"].fillna(0) - d["Baten"].fillna(0)) * 1000,
    )
    preventie = iv3[iv3["code"].isin(["6.1", "7.1"])].groupby("Gemeenten")["netto"].sum()
    acuut = iv3[iv3["code"].str.match(r"6\.(76|81|82)")].groupby("Gemeenten")["netto"].sum()
    gf = pd.read_csv(
        shared / "gemeentefonds" / "brondata" / "GF_S2024_2025_Volumina.tsv",
        sep="\t",
        decimal=",",
        thousands=".",
        na_values=["-", " - "],
    )
    gf["gm_code"] = "GM" + gf["CBS"].astype(int).astype(str).str.zfill(4)
    return pd.DataFrame({"preventie": preventie, "acuut": acuut}), gf.set_index("gm_code")["bo3_nw"]


def test_elke_indicator_met_een_eigen_noemer_is_een_kolom_van_elke_mart(opslag, standaardmodel):
    """Het register is de enige lijst: per gemeente, herrekend, groep, reeks en de spreiding hebben elke kolom."""
    kolommen = [i.kolom for i in INDICATOREN.values() if i.eigen_noemer]
    assert {"acuut_per_euro_preventie", PREVENTIE.kolom, ACUUT.kolom} <= set(kolommen)
    vragen = [
        indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto"),
        indicators.per_gemeente_herrekend(opslag, standaardmodel, 2023, "jaarrekening", "bruto", 2025),
        indicators.groep(opslag, standaardmodel, 2025, "begroting", "netto", G4).to_frame().T,
        indicators.trend(opslag, standaardmodel, "bruto", 2025),
    ]
    for df in vragen:
        assert set(kolommen) <= set(df.columns)
    # Alleen de verhouding kent een rang en de ‘verhouding’-regel; een bedrag per persoon is in euro's.
    assert [i.naam for i in INDICATOREN.values() if i.rangbaar] == ["verhouding"]
    assert PREVENTIE.in_euro and PREVENTIE.opmaak(True)(1234.567) == "€ 1.235"
    assert PREVENTIE.label == "Collectieve preventie per bijstandsontvanger"


def test_per_bijstandsontvanger_per_gemeente_uit_de_bronbestanden(opslag, standaardmodel, shared):
    assert indicators.behoefte_bron(opslag, 2025, "bijstand") == ("S2024", 2025)
    hand, bijstand = _met_de_hand(shared)
    df = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto").set_index("gm_code")
    # Het Iv3-bestand noemt gemeenten bij naam: koppel via de namen van de opslag (CBS-gemeentelijst 2025).
    hand = hand.join(df[["gemeente"]].reset_index().set_index("gemeente"), how="inner").set_index("gm_code")
    assert len(hand) >= 330
    zelf = hand.join(bijstand, how="left")
    for ind, teller in [(PREVENTIE, "preventie"), (ACUUT, "acuut")]:
        verwacht = (zelf[teller] / zelf["bo3_nw"]).where(zelf["bo3_nw"] > 0)
        uit = df.loc[zelf.index, ind.kolom]
        assert uit.notna().sum() >= 330, ind.naam
        pd.testing.assert_series_equal(uit, verwacht, check_names=False, rtol=1e-9)
    ams = df.loc["GM0363"]
    # Amsterdam: ruim 35.000 bijstandsontvangers; preventie per ontvanger in de duizenden euro's.
    assert 30_000 < ams["volume_bijstand"] < 45_000 and 1_000 < ams[PREVENTIE.kolom] < 20_000


def test_per_bijstandsontvanger_voor_nederland_en_een_groep_is_som_gedeeld_door_som(opslag, standaardmodel, shared):
    hand, bijstand = _met_de_hand(shared)
    pg = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto")
    for codes in (None, G4):
        leden = pg if codes is None else pg[pg["gm_code"].isin(codes)]
        leden = leden[leden["inwoners"].notna() & leden["volume_bijstand"].notna()]
        g = indicators.groep(opslag, standaardmodel, 2025, "begroting", "netto", codes)
        for ind, teller in [(PREVENTIE, "collectieve_preventie"), (ACUUT, "acute_zorg")]:
            verwacht = leden[teller].sum() / leden["volume_bijstand"].sum()
            assert g[ind.kolom] == pytest.approx(verwacht, rel=1e-12), (codes, ind.naam)
    # Nederland in woorden: de bijstandsontvangers van de circulaire, niet een gemiddelde van gemeenten.
    nl = indicators.groep(opslag, standaardmodel, 2025, "begroting", "netto")
    assert nl["volume_bijstand"] == pytest.approx(bijstand[bijstand.index.isin(pg["gm_code"])].sum(), rel=1e-9)
    assert nl[PREVENTIE.kolom] != pytest.approx(pg[PREVENTIE.kolom].mean(), rel=0.01)


def test_reeks_en_herrekend_geven_hetzelfde_als_het_jaar_zelf(opslag, standaardmodel):
    """Voor 2025 is de indeling van 2025 die van het jaar zelf: reeks, herrekende kaart en per gemeente zijn gelijk."""
    nl = indicators.groep(opslag, standaardmodel, 2025, "begroting", "netto")
    reeks = indicators.trend(opslag, standaardmodel, "netto", 2025).set_index(["jaar", "document"])
    assert reeks.loc[(2025, "begroting"), PREVENTIE.kolom] == pytest.approx(nl[PREVENTIE.kolom], rel=1e-12)
    # In constante prijzen schaalt een bedrag per persoon mee, een verhouding niet.
    prijs = indicators.trend(opslag, standaardmodel, "bruto", 2025, prijsbasis=2023).set_index(["jaar", "document"])
    nominaal = indicators.trend(opslag, standaardmodel, "bruto", 2025).set_index(["jaar", "document"])
    rij = (2019, "jaarrekening")
    factor = prijs.loc[rij, "prijsfactor"]
    assert factor > 1.1
    assert prijs.loc[rij, PREVENTIE.kolom] == pytest.approx(nominaal.loc[rij, PREVENTIE.kolom] * factor)
    assert prijs.loc[rij, "acuut_per_euro_preventie"] == pytest.approx(nominaal.loc[rij, "acuut_per_euro_preventie"])
    pg = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto").set_index("gm_code")
    kaart = indicators.per_gemeente_herrekend(opslag, standaardmodel, 2025, "begroting", "netto", 2025)
    kaart = kaart.set_index("gm_code")
    pd.testing.assert_series_equal(
        kaart[PREVENTIE.kolom], pg.loc[kaart.index, PREVENTIE.kolom], check_names=False, rtol=1e-12
    )


def test_spreiding_van_elke_indicator_met_eigen_noemer(opslag, standaardmodel):
    """De mediane gemeente op Trends, nu ook voor een bedrag per persoon (zonder rangregel)."""
    s = indicators.trend_spreiding(opslag, standaardmodel, "netto", 2025, indicator=PREVENTIE.naam)
    rij = s[(s["jaar"] == 2025) & (s["document"] == "begroting")].iloc[0]
    pg = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto")
    assert rij["mediaan"] == pytest.approx(pg[PREVENTIE.kolom].median())
    assert rij["gemeenten"] == pg[PREVENTIE.kolom].notna().sum()


def test_nieuwste_circulaire_naar_datum(opslag):
    """M2024 (mei 2024) is nieuwer dan S2023 (september 2023): nooit de alfabetische volgorde."""
    with opslag.cursor() as cur:
        datums = cur.execute(
            "SELECT c, werk.circulaire_datum(c) FROM (VALUES ('S2023'), ('M2024'), ('S2024'), ('D2024')) t(c) "
            "ORDER BY 2"
        ).fetchall()
    assert [c for c, _ in datums] == ["S2023", "M2024", "S2024", "D2024"]
    circ = indicators.circulaires(opslag)
    assert indicators.laatste_circulaire(circ, 2024) == "S2024"
    # Het register noemt elke grootheid die een teller of noemer is.
    assert set(begrippen.GROOTHEDEN) >= {"inwoners", "volume_bijstand", "inwoners_bijstand", *begrippen.BEDRAGEN}


def test_pagina_s_en_opdrachtregel_bieden_de_nieuwe_indicator(db, capsys):
    """Kaart, Trends en de ranglijst van Vergelijken kiezen de indicator uit het register; de kaart en de
    reeks zeggen naast het getal wie de personen zijn en waar ze vandaan komen; de CLI geeft de kolom."""
    naam = PREVENTIE.naam
    at = app(db, "kaart", indicator=PREVENTIE.label, jaar="2025", document="begroting")
    assert not at.exception, at.exception
    assert at.selectbox(key="indicator").value == naam
    tekst = " ".join(c.value for c in at.caption)
    assert "bijstandsontvangers (septembercirculaire 2024 voor 2025)" in tekst and "Σ uitgaven" in tekst
    at = app(db, "trends", reeks=PREVENTIE.label)
    assert not at.exception, at.exception
    assert at.selectbox(key="reeks").value == naam
    assert "Dat geld gaat niet alleen naar hen" in " ".join(c.value for c in at.caption)
    at = app(db, "vergelijken", jaar="2025", document="begroting")
    assert not at.exception, at.exception
    koppen = [k for df in tabellen(at) for k in df.columns]
    assert PREVENTIE.kop(True) in koppen and ACUUT.kop(True) in koppen
    assert cli.main(["indicatoren", "--jaar", "2025", "--document", "begroting", "--indicator", naam]) == 0
    uit = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype={"gm_code": str}).set_index("gm_code")
    ams = uit.loc["GM0363", naam]
    assert ams == round(ams) and 1_000 < ams < 20_000  # hele euro's
