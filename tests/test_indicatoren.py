"""Het register van indicatoren (begrippen.INDICATOREN): elke indicator bestaat in de marts, rekent
zoals haar teller en noemer zeggen, en de Python-regel van de verhouding is die van SQL."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from sociale_basis import begrippen, cijfers, indicators
from sociale_basis.begrippen import INDICATOREN, VERHOUDING


def test_namen_labels_en_koppen_zijn_uniek():
    for veld in ("label", "kort"):
        waarden = [getattr(i, veld) for i in INDICATOREN.values()]
        assert len(set(waarden)) == len(waarden), veld
    for per_inwoner in (True, False):
        koppen = [i.kop(per_inwoner) for i in INDICATOREN.values()]
        assert len(set(koppen)) == len(koppen)
    assert all(naam == i.naam for naam, i in INDICATOREN.items())


def test_tellers_en_noemers_zijn_grootheden_van_elke_mart():
    for i in INDICATOREN.values():
        assert set(i.teller) <= set(begrippen.GROOTHEDEN), i.naam
        assert i.noemer == "inwoners" or i.noemer in begrippen.GROOTHEDEN, i.naam
        assert i.eigen_noemer == (i.kolom is not None) == (i.kop_deling is not None)


# De grootheden van zorggebruik (alleen na `ophalen`).
GEBRUIK = {f"{s}_{n}" for n, b in begrippen.BEHOEFTEN.items() if b.gebruik for s in ("volume", "inwoners")}


@pytest.mark.parametrize("maat,jaar", [("netto", 2025), ("bruto", 2019)])
def test_waarden_volgen_teller_en_noemer_op_de_echte_data(opslag, standaardmodel, maat, jaar):
    df = indicators.per_gemeente(opslag, standaardmodel, jaar, "begroting" if jaar == 2025 else "jaarrekening", maat)
    assert len(df) > 300
    for i in INDICATOREN.values():
        if i.eigen_noemer and i.regel == "deel":
            teller, noemer = df[list(i.teller)].sum(axis=1), df[i.noemer]
            w = i.waarden(df, True)
            # Zorggebruik staat alleen in de opslag na `ophalen`: tests/test_mensen.py rekent die na.
            if GEBRUIK & {i.noemer, *i.teller}:
                assert w.isna().all(), i.naam
                continue
            assert w.notna().sum() > 300, i.naam
            pd.testing.assert_series_equal(w, (teller / noemer * i.factor).where(noemer > 0), check_names=False)
            assert i.waarden(df, False).equals(w)  # een eigen noemer schaalt niet
        elif i.eigen_noemer:
            teller, noemer = df[i.teller[0]], df[i.noemer]
            w = i.waarden(df, True)
            met = w.notna()
            assert met.sum() > 300
            pd.testing.assert_series_equal(w[met], (teller / noemer)[met], check_names=False)
            # Leeg precies waar de regel het zegt: geen preventie, negatieve acute zorg of geen eigen acute zorg.
            regel = (noemer > 0) & (teller >= 0) & ~df["geen_eigen_acuut"].astype(bool)
            assert (met == regel).all(), i.naam
            assert i.waarden(df, False).equals(w)  # een verhouding schaalt niet
        else:
            som = df[list(i.teller)].sum(axis=1)
            pd.testing.assert_series_equal(i.waarden(df, False), som / 1e6, check_names=False)
            pd.testing.assert_series_equal(i.waarden(df, True), som / df["inwoners"], check_names=False, rtol=1e-9)


def test_verhouding_in_python_is_die_van_sql(opslag):
    getallen = [-5.0, -0.0, 0.0, 0.5, 1.0, 3.0]
    for acuut, preventie in itertools.product(getallen, getallen):
        sql = opslag._con.execute("SELECT werk.acuut_per_preventie(?, ?)", [acuut, preventie]).fetchone()[0]
        assert begrippen.acuut_per_preventie(acuut, preventie) == sql, (acuut, preventie)


def test_opmaak_en_zin():
    assert VERHOUDING.zin(1.35, True) == "€ 1,35 acute zorg per € preventie"
    preventie = INDICATOREN["collectieve_preventie"]
    assert preventie.zin(160.4, True) == "Collectieve preventie: € 160 per inwoner"
    assert preventie.zin(12.34, False) == "Collectieve preventie: € 12,3 mln"
    assert preventie.kop(True) == "Preventie per inwoner" and VERHOUDING.kop(True) == "€ acuut per € preventie"


def test_ranglijst_koppen_komen_uit_het_register(opslag, standaardmodel):
    df = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto")
    lijst = cijfers.ranglijst(
        df, indicators.rangen(df), indicators.regiotaken(opslag, 2025).set_index("gm_code"), set()
    )
    for naam in cijfers.RANGLIJST_INDICATOREN:
        assert INDICATOREN[naam].kop(True) in lijst.ruw.columns
    rij = lijst.ruw[lijst.ruw["gm_code"] == "GM0363"].iloc[0]
    bron = df[df["gm_code"] == "GM0363"].iloc[0]
    assert rij["Sociale basis per inwoner"] == pytest.approx(
        bron[["persoonlijk_per_inwoner", "informeel_per_inwoner", "institutioneel_per_inwoner"]].sum()
    )


def test_mediane_gemeente_heeft_een_thuis(opslag, standaardmodel):
    """De mediaan van de trend (alle jaren, herrekend) is in het eigen jaar die van de ranglijst:
    beide komen uit indicators.spreiding."""
    for maat, jaar, document in (("netto", 2025, "begroting"), ("bruto", 2023, "jaarrekening")):
        per_gemeente = indicators.per_gemeente(opslag, standaardmodel, jaar, document, maat)
        reeks = indicators.trend_spreiding(opslag, standaardmodel, maat, jaar)
        rij = reeks[(reeks["jaar"] == jaar) & (reeks["document"] == document)].iloc[0]
        s = indicators.spreiding(per_gemeente)
        assert (rij["mediaan"], rij["q1"], rij["q3"], rij["gemeenten"]) == pytest.approx(
            (s["mediaan"], s["q1"], s["q3"], s["n"])
        )
