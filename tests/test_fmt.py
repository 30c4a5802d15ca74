from sociale_basis import fmt


def test_nederlandse_notatie():
    assert fmt.getal(1234567.891, 1) == "1.234.567,9"
    assert fmt.euro(1234) == "€ 1.234"
    assert fmt.mln(1234.5e6) == "€ 1.234,5 mln"
    assert fmt.mld(4130872000) == "€ 4,13 mld"
    assert fmt.procent(0.123) == "12,3%"
    assert fmt.factor(1.3506) == "€ 1,35"
    assert fmt.bedrag(2.5e9) == "€ 2,50 mld" and fmt.bedrag(25e6) == "€ 25,0 mln"
    assert fmt.euro(-1500) == "€ -1.500"
    assert fmt.euro(None) == fmt.LEEG and fmt.procent(float("nan")) == fmt.LEEG


def test_jaarreeks():
    assert fmt.jaarreeks([2023, 2024, 2025]) == "2023–2025"
    assert fmt.jaarreeks([2017, 2018, 2019, 2023]) == "2017–2019 en 2023"
    assert fmt.jaarreeks([2023, 2024, 2026]) == "2023, 2024 en 2026"
    assert fmt.jaarreeks([2023]) == "2023"
