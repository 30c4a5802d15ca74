"""Tijd en maatstaven: herindelingen, constante prijzen, de gemeentefondsmaatstaf."""

from __future__ import annotations

import pandas as pd
import pytest

from sociale_basis import herindeling, indicators

# -- herindelingsketen (synthetisch) ---------------------------------------------------------


def _gemeenten(per_jaar: dict[int, list[str]]) -> pd.DataFrame:
    return pd.DataFrame([(j, c) for j, codes in per_jaar.items() for c in codes], columns=["jaar", "gm_code"])


def _grenzen(rijen) -> pd.DataFrame:
    return pd.DataFrame(rijen, columns=["jaar_van", "jaar_naar", "gm_code_van", "gm_code_naar", "adressen"])


def test_fusie_en_splitsing_worden_gewogen_geketend():
    gemeenten = _gemeenten({2019: ["A", "B", "C", "D"], 2020: ["AB", "C", "D"], 2021: ["AB", "D"]})
    grenzen = _grenzen(
        [
            (2019, 2020, "A", "AB", 100),
            (2019, 2020, "B", "AB", 50),
            # 2020→2021: C wordt gesplitst: 3/4 van de adressen naar AB, 1/4 naar D.
            (2020, 2021, "C", "AB", 75),
            (2020, 2021, "C", "D", 25),
            (2020, 2021, "AB", "AB", 150),
        ]
    )
    f = herindeling.factoren(gemeenten, grenzen)
    ketting = f[(f["jaar_van"] == 2019) & (f["jaar_naar"] == 2021)].set_index(["gm_code_van", "gm_code_naar"])[
        "aandeel"
    ]
    assert ketting[("A", "AB")] == 1.0 and ketting[("B", "AB")] == 1.0
    assert ketting[("C", "AB")] == pytest.approx(0.75) and ketting[("C", "D")] == pytest.approx(0.25)
    assert ketting[("D", "D")] == 1.0
    # Per gemeente van het bronjaar tellen de aandelen op tot 1: er gaat niets verloren.
    som = f.groupby(["jaar_van", "jaar_naar", "gm_code_van"])["aandeel"].sum()
    assert (som - 1).abs().max() < 1e-12


def test_onbekende_overgang_stopt_de_keten():
    gemeenten = _gemeenten({2019: ["A", "B"], 2020: ["AB"], 2021: ["AB"]})
    f = herindeling.factoren(gemeenten, _grenzen([]))  # fusie zonder grenswijzigingsregels
    assert not ((f["jaar_van"] == 2019) & (f["jaar_naar"] > 2019)).any()
    # 2020→2021 is gelijk gebleven: vooruit én terug te gebruiken.
    assert ((f["jaar_van"] == 2020) & (f["jaar_naar"] == 2021)).any()
    assert ((f["jaar_van"] == 2021) & (f["jaar_naar"] == 2020)).any()
    assert not ((f["jaar_van"] == 2020) & (f["jaar_naar"] == 2019)).any()  # een fusie niet terug


# -- echte data ------------------------------------------------------------------------------
def test_herrekening_laat_landelijke_totalen_gelijk(opslag, standaardmodel):
    for doeljaar in (2022, 2025):
        nl = indicators.trend(opslag, standaardmodel, "bruto", doeljaar)
        assert len(nl) >= 10
        for r in nl.itertuples(index=False):
            eigen = indicators.groep(opslag, standaardmodel, r.jaar, r.document, "bruto")
            assert r.totaal == pytest.approx(eigen["totaal"], rel=1e-12), (doeljaar, r.jaar, r.document)
            assert r.collectieve_preventie == pytest.approx(eigen["collectieve_preventie"], rel=1e-12)
            assert r.inwoners == pytest.approx(eigen["inwoners"], rel=1e-12)


@pytest.mark.parametrize(
    ("gm_code", "naam", "voorgangers"),
    [
        ("GM1982", "Land van Cuijk", {"GM0756", "GM0786", "GM0815", "GM1684", "GM1702"}),
        ("GM1992", "Voorne aan Zee", {"GM0501", "GM0530", "GM0614"}),
        ("GM1980", "Dijk en Waard", {"GM0398", "GM0416"}),
    ],
)
def test_fusiegemeente_heeft_doorlopende_reeks(opslag, standaardmodel, shared, gm_code, naam, voorgangers):
    reeks = indicators.trend(opslag, standaardmodel, "bruto", 2025, [gm_code])
    jaarrekening = reeks[reeks["document"] == "jaarrekening"].set_index("jaar")
    assert list(jaarrekening.index) == list(range(2017, 2025))  # geen gat bij de fusie
    # 2019 (vóór de fusies): de voorgangers, gewogen naar het deel van hun adressen dat in de
    # fusiegemeente terechtkwam (grenscorrecties naar buren tellen niet mee), met de hand uit de bestanden.
    bron = pd.read_csv(shared / "iv3" / "iv3_lasten_per_taakveld_2017_2026.csv.gz", dtype={"taakveld": str})
    lasten = bron[(bron["jaar"] == 2019) & (bron["document"] == "jaarrekening")].groupby("gm_code")["lasten"].sum()
    grens = pd.read_csv(shared / "gemeenten" / "grenswijzigingen_gemeenten_2016_2024.csv")
    fusie = grens[grens["gm_code_van"].isin(voorgangers) & (grens["jaar_van"] >= 2019)]
    aandeel = (
        fusie[fusie["gm_code_naar"] == gm_code].groupby("gm_code_van")["adressen"].sum()
        / fusie.groupby("gm_code_van")["adressen"].sum()
    )
    hand = sum(lasten[v] * aandeel[v] for v in voorgangers) * 1000
    assert jaarrekening.loc[2019, "totaal"] == pytest.approx(hand, rel=1e-12)


def test_constante_prijzen_basisjaar_gelijk_aan_nominaal(opslag, standaardmodel):
    nominaal = indicators.trend(opslag, standaardmodel, "bruto", 2025, ["GM0363"]).set_index(["jaar", "document"])
    constant = indicators.trend(opslag, standaardmodel, "bruto", 2025, ["GM0363"], prijsbasis=2023).set_index(
        ["jaar", "document"]
    )
    for document in ("begroting", "jaarrekening"):
        assert constant.loc[(2023, document), "totaal"] == pytest.approx(nominaal.loc[(2023, document), "totaal"])
    # 2019 in prijzen van 2023: × CPI2023 / CPI2019 (2019 = 106,16; 2020–2023 geschakeld).
    factor = (106.16 * 1.013 * 1.027 * 1.10 * 1.038) / 106.16
    assert constant.loc[(2019, "begroting"), "totaal"] == pytest.approx(
        nominaal.loc[(2019, "begroting"), "totaal"] * factor
    )
    # 2024 en 2025 offline geschakeld met de jaarmutaties uit de persberichten van CBS (3,3% en 3,3%).
    assert constant.loc[(2025, "begroting"), "totaal"] == pytest.approx(
        nominaal.loc[(2025, "begroting"), "totaal"] / 1.033**2
    )
    # Geen prijsindex voor 2026 (het jaar is nog niet om): leeg, niet nominaal.
    assert pd.isna(constant.loc[(2026, "begroting"), "totaal"])
    # De verhouding hangt niet af van prijzen.
    assert constant.loc[(2019, "begroting"), "acuut_per_euro_preventie"] == pytest.approx(
        nominaal.loc[(2019, "begroting"), "acuut_per_euro_preventie"]
    )


def test_maatstaf_gemeentefonds_met_de_hand(opslag, standaardmodel, shared):
    """Amsterdam, begroting 2025, septembercirculaire 2024: uit de bronbestanden zelf."""
    df = indicators.maatstaf(opslag, standaardmodel, 2025, "begroting", "S2024")
    ams = df.set_index("gm_code").loc["GM0363"]
    iv3 = pd.read_csv(shared / "iv3" / "iv3_taakveld_2025_begroting.csv", sep=";", dtype={"Taakveld": str})
    iv3 = iv3[iv3["Gemeenten"] == "Amsterdam"].assign(code=lambda d: d["Taakveld"].str.split(" ").str[0])
    netto = (iv3["Lasten"] - iv3["Baten"]).groupby(iv3["code"]).sum() * 1000
    sociale_basis = netto[["6.1", "6.21", "6.22", "6.23", "7.1"]].sum()
    individueel = netto[
        [c for c in netto.index if c.startswith(("6.60", "6.71", "6.75", "6.76", "6.79", "6.81", "6.82"))]
    ].sum()
    gf = pd.read_csv(shared / "gemeentefonds" / "gf_clusters_S2024_2025.csv", sep=";").set_index("Gemeenten")
    assert ams["sociale_basis_uitgaven"] == pytest.approx(sociale_basis)
    assert ams["sociale_basis_fonds"] == pytest.approx(gf.loc["Amsterdam", "Sociale basisvoorzieningen"])
    assert ams["individueel_uitgaven"] == pytest.approx(individueel)
    assert ams["individueel_fonds"] == pytest.approx(
        gf.loc["Amsterdam", "Individuele voorzieningen Wmo"] + gf.loc["Amsterdam", "Individuele voorzieningen Jeugd"]
    )
    assert ams["sociale_basis_verschil_per_inwoner"] == pytest.approx(
        (sociale_basis - gf.loc["Amsterdam", "Sociale basisvoorzieningen"]) / ams["inwoners"]
    )
    assert round(ams["sociale_basis_fonds"] / 1e6, 1) == 405.6  # data-README
