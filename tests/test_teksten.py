import re

import pandas as pd

from sociale_basis import fmt, indicators, rekenvoorbeeld, teksten

M = "\u2212"


def _rij(preventie: float, acuut: float, inwoners: float = 1000) -> pd.Series:
    verhouding = acuut / preventie if preventie > 0 and acuut >= 0 else float("nan")
    return pd.Series(
        {
            "collectieve_preventie": preventie,
            "acute_zorg": acuut,
            "collectieve_preventie_per_inwoner": preventie / inwoners,
            "acute_zorg_per_inwoner": acuut / inwoners,
            "acuut_per_euro_preventie": verhouding,
            "rangbaar": bool(verhouding > 0),
        }
    )


def test_kopzin_gewoon_zonder_dubbele_haakjes():
    zin = teksten.kopzin("Bergen (L.)", _rij(100_000, 150_000), 2025, "begroting", "netto", True)
    assert zin == (
        "In 2025 begroot Bergen (L.) € 100 per inwoner voor collectieve preventie en € 150 voor "
        "acute zorg: voor elke euro preventie gaat er € 1,50 naar acute zorg (netto)."
    )
    assert "((" not in zin and "))" not in zin and ") (" not in zin


def test_kopzin_negatieve_preventie_geen_verhouding_en_minteken():
    rij = _rij(-34_000, 50_000)
    zin = teksten.kopzin("Urk", rij, 2024, "jaarrekening", "netto", True)
    assert f"€ {M}34 per inwoner aan collectieve preventie" in zin
    assert zin.endswith("; geen verhouding, want collectieve preventie is nul of negatief (netto).")
    assert "((" not in zin and ") (" not in zin
    assert "-" not in zin.replace("€ " + M, "")
    assert teksten.negatief(rij, "netto") == (
        "Collectieve preventie is netto negatief: de baten op die taakvelden zijn hoger dan de lasten, "
        "bijvoorbeeld door een rijksbijdrage of een doorbetaling die hier binnenkomt."
    )
    assert teksten.negatief(rij, "bruto") is None
    assert teksten.negatief(_rij(1, 1), "netto") is None


def test_nul_acuut_geen_verhouding_en_geen_rang():
    rij = _rij(136_000, 0)
    assert rij["acuut_per_euro_preventie"] == 0  # de SQL geeft 0; de tekst mag er geen € 0,00 van maken
    zin = teksten.kopzin("Rozendaal", rij, 2025, "begroting", "netto", False)
    assert (
        "geen verhouding, want geen eigen lasten voor acute zorg: waarschijnlijk via een regeling of centrumgemeente"
        in zin
        and "€ 0,00" not in zin
    )
    assert teksten.zonder_rang(rij, "netto").startswith("Geen rang: geen verhouding, want geen eigen lasten")
    assert teksten.zonder_rang(_rij(100, 200), "netto") is None


def test_negatieve_acute_zorg():
    assert teksten.geen_verhouding(_rij(100, -5), "netto") == "geen verhouding, want acute zorg is negatief"


def test_regiorol():
    assert teksten.regiorol(["beschermd_wonen", "maatschappelijke_opvang"], 2024) == (
        "Centrumgemeente voor beschermd wonen en maatschappelijke opvang (ontvangt de "
        "decentralisatie-uitkeringen, 2024)"
    )
    assert teksten.regiorol(["vrouwenopvang"], 2025) == (
        "Centrumgemeente voor vrouwenopvang (ontvangt de decentralisatie-uitkering, 2025)"
    )


def test_gewogen_naast_mediaan():
    df = pd.DataFrame(
        {
            "acuut_per_euro_preventie": [0.5, 1.0, 2.0, 4.0, None, 0.0],
            "rangbaar": [True, True, True, True, False, False],
        }
    )
    s = indicators.spreiding(df)
    assert (s["mediaan"], s["q1"], s["q3"], s["n"], s["onder_1"]) == (1.5, 0.875, 2.5, 4, 1)
    zin = teksten.gewogen_en_mediaan(1.43, df)
    assert "gewogen" in zin and "€ 1,43" in zin and "mediane gemeente**: € 1,50" in zin
    assert "tussen € 0,88 en € 2,50" in zin
    # Met de basis erbij (issue 32): niet ‘219 onder € 1’ naast ‘114 van 338’ zonder te zeggen dat het 331 zijn.
    assert "en 1 van die 4 zit onder € 1 (meer preventie dan acute zorg)." in zin  # enkelvoud
    # Gewogen onder de mediaan (kan in een kleine groep): dan trekken grote gemeenten het omlaag.
    assert zin.endswith("gewogen cijfer omlaag.")
    assert teksten.gewogen_en_mediaan(2.0, df).endswith(
        "Grote steden met veel acute zorg trekken het gewogen cijfer omhoog."
    )


def test_wat_als_rekent_naar_de_mediaan_van_de_groep():
    df = pd.DataFrame(
        {"gm_code": ["A", "B", "C", "D"], "collectieve_preventie_per_inwoner": [50.0, 100.0, 120.0, 200.0]}
    )
    rij = pd.Series(
        {
            "collectieve_preventie_per_inwoner": 50.0,
            "inwoners": 1000,
            "collectieve_preventie": 50_000.0,
            "acute_zorg": 150_000.0,
        },
        name="A",
    )
    w = rekenvoorbeeld.naar_groep(rij, df, ["A", "B", "C", "D"])
    assert w["doel_per_inwoner"] == 120.0 and w["groep"] == 3  # de gemeente zelf telt niet mee
    assert w["tekort"] == 70_000.0
    assert w["verhouding_toevoegen"] == 150_000 / 120_000
    assert w["verhouding_verschuiven"] == 80_000 / 120_000
    boven = rij.copy()
    boven["collectieve_preventie_per_inwoner"] = 130.0
    assert rekenvoorbeeld.naar_groep(boven, df, ["A", "B", "C", "D"]) is None


def test_kopzin_zegt_zonder_regionale_taken():
    zin = teksten.kopzin("gemeenten", _rij(100_000, 150_000), 2025, "begroting", "netto", True, zonder_regio=True)
    assert zin.endswith("naar acute zorg (netto, zonder regionale taken).")


def test_onder_de_drempel_geen_rang_met_bedrag_en_drempel():
    rij = pd.concat(
        [
            _rij(350_000, 4_000).drop("rangbaar"),
            pd.Series({"rangbaar": False, "geen_eigen_acuut": True, "acuut_drempel_per_inwoner": 7.4}),
        ]
    )
    assert teksten.zonder_rang(rij, "netto") == (
        "Geen rang: acute zorg is € 4 per inwoner, minder dan € 7 (5% van het landelijke bedrag per inwoner, "
        "€ 148). Zo weinig eigen lasten wijzen op een regeling of centrumgemeente die de zorg betaalt, niet op "
        "een ‘beste’ verhouding."
    )
    # Ook de kopzin noemt dan geen verhouding: die zou in de krant de 'beste' gemeente lijken.
    zin = teksten.kopzin("X", rij, 2025, "begroting", "netto", True)
    assert "voor elke euro preventie" not in zin and "; geen verhouding van betekenis, want bijna geen eigen" in zin
    assert teksten.eigen_acuut(rij).startswith("bijna geen eigen lasten voor acute zorg (minder dan 5% van")
    nul = pd.concat([_rij(136_000, 0), pd.Series({"geen_eigen_acuut": True})])
    assert teksten.eigen_acuut(nul) == teksten.GEEN_EIGEN_ACUUT
    # Een gemeente zonder cijfers (kaart: leeg na de koppeling) krijgt geen opmerking.
    assert teksten.eigen_acuut(pd.Series({"geen_eigen_acuut": float("nan"), "acute_zorg": float("nan")})) is None


def test_verschil_uit_de_afgedrukte_bedragen():
    """Issue 32: ‘€ 193 … Zaanstad € 97 … € 95 meer nodig’ en ‘€ 321 / € 315 / verschil € 7’ klopten niet
    als een lezer narekende. Het verschil komt nu uit de afgedrukte bedragen."""
    assert fmt.euro(192.6) == "€ 193" and fmt.euro(97.4) == "€ 97"
    assert fmt.euro_verschil(192.6, 97.4) == "€ 96"  # niet € 95 (95,2 afgerond)
    assert fmt.euro_verschil(321.4, 314.6) == "€ 6"  # niet € 7 (6,8)
    assert fmt.euro_verschil(314.6, 321.4) == f"€ {fmt.MIN}6"
    assert fmt.euro_verschil(None, 3.0) == fmt.LEEG
    assert fmt.bedrag_verschil(45_349_000, 44_140_000) == "€ 1,2 mln"  # € 45,3 mln − € 44,1 mln
    assert fmt.bedrag_verschil(2_344_000_000, 1_120_000_000) == "€ 1,22 mld"
    assert fmt.bedrag_verschil(900.4, 100.6) == "€ 799"


def _euros(zin: str) -> list[float]:
    return [float(e.replace(".", "").replace(fmt.MIN, "-")) for e in re.findall(r"€ (−?[\d.]+)(?![\d,])", zin)]


def test_wat_als_zinnen_kloppen_als_je_narekent():
    rij = pd.Series(
        {"inwoners": 160_000, "collectieve_preventie_per_inwoner": 97.4, "collectieve_preventie": 97.4 * 160_000}
    )
    w = {"doel_per_inwoner": 192.6, "tekort_per_inwoner": 192.6 - 97.4, "tekort": (192.6 - 97.4) * 160_000}
    doel, nu, meer = _euros(teksten.wat_als_groep("Zaanstad", rij, w, "10 vergelijkbare", "netto", "begroting", 2025))[
        :3
    ]
    assert doel - nu == meer == 96
    w = {"doel_per_inwoner": 321.4, "uitgaven_per_inwoner": 314.6, "tekort_per_inwoner": 6.8, "tekort": 6.8 * 160_000}
    fonds, uit, verschil = _euros(teksten.wat_als_fonds("Zaanstad", w, "meicirculaire 2025", "begroting", 2025))[:3]
    assert fonds - uit == verschil == 6
