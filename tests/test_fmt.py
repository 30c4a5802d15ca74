from sociale_basis import fmt


def test_nederlandse_notatie():
    assert fmt.getal(1234567.891, 1) == "1.234.567,9"
    assert fmt.euro(1234) == "€ 1.234"
    assert fmt.mln(1234.5e6) == "€ 1.234,5 mln"
    assert fmt.mld(4130872000) == "€ 4,13 mld"
    assert fmt.procent(0.123) == "12,3%"
    assert fmt.factor(1.3506) == "€ 1,35"
    assert fmt.bedrag(2.5e9) == "€ 2,50 mld" and fmt.bedrag(25e6) == "€ 25,0 mln"
    assert fmt.euro(-1500) == "€ \u22121.500"
    assert fmt.euro(None) == fmt.LEEG and fmt.procent(float("nan")) == fmt.LEEG


def test_jaarreeks():
    assert fmt.jaarreeks([2023, 2024, 2025]) == "2023–2025"
    assert fmt.jaarreeks([2017, 2018, 2019, 2023]) == "2017–2019 en 2023"
    assert fmt.jaarreeks([2023, 2024, 2026]) == "2023, 2024 en 2026"
    assert fmt.jaarreeks([2023]) == "2023"


def test_minteken_na_het_euroteken():
    """Negatief altijd als '€ −34' (U+2212 na het euroteken), nooit '€ -34' of '-€ 34'."""
    m = "\u2212"
    assert fmt.euro(-34) == f"€ {m}34"
    assert fmt.mln(-1234.5e6) == f"€ {m}1.234,5 mln"
    assert fmt.mld(-4.13e9) == f"€ {m}4,13 mld"
    assert fmt.bedrag(-25e6) == f"€ {m}25,0 mln" and fmt.bedrag(-34) == f"€ {m}34"
    assert fmt.getal(-1234567.891, 1) == f"{m}1.234.567,9"
    assert fmt.procent(-0.123) == f"{m}12,3%"
    assert fmt.factor(-1.3506) == f"€ {m}1,35"
    for tekst in (fmt.euro(-34), fmt.mln(-5e6), fmt.factor(-2), fmt.procent(-0.5), fmt.getal(-7)):
        assert "-" not in tekst and not tekst.startswith(m + "€")


def test_afgerond_nul_zonder_teken():
    assert fmt.euro(-0.4) == "€ 0"
    assert fmt.factor(-0.001) == "€ 0,00"
    assert fmt.getal(-0.0) == "0"
