"""Varianten van het model: bouwen, korte vorm (link), weigeren met rij en kolom, de rondgang
variant → CSV → opdrachtregel, en de gevoeligheid tegenover een directe berekening."""

from __future__ import annotations

import io
from decimal import Decimal

import pandas as pd
import pytest

from sociale_basis import indicators, model, varianten
from sociale_basis.cli import main
from sociale_basis.sources.controle import InvoerFout
from sociale_basis.varianten import VariantFout


@pytest.fixture(scope="module")
def standaard() -> model.Model:
    return model.laad()


def regel(m: model.Model, schema: str, taakveld: str) -> pd.DataFrame:
    r = m.regels
    return r[(r["schema"] == schema) & (r["taakveld"] == taakveld)].set_index("laag")


def test_verdeling_van_61_en_korte_vorm(standaard):
    w = varianten.lees_code("6.1:inst0.7")
    assert w.code() == "6.1:inf0.3,inst0.7"
    m = varianten.bouw(standaard, w)
    for schema, _, _ in standaard.schemas():
        r = regel(m, schema, "6.1")
        assert r.loc["institutioneel", "aandeel"] == Decimal("0.7") and r.loc["informeel", "aandeel"] == Decimal("0.3")
        # Zonder 'vast' blijft de gemeten verdeling (categorieën) gelden waar de bron ze heeft.
        assert r.loc["informeel", "categorieen"] == regel(standaard, schema, "6.1").loc["informeel", "categorieen"]
    assert m.label == "standaard + 6.1:inf0.3,inst0.7" and m.sleutel != standaard.sleutel
    # Elk ander taakveld is onveranderd.
    anders = m.regels[m.regels["taakveld"] != "6.1"].reset_index(drop=True)
    assert anders.drop(columns="toelichting").equals(
        standaard.regels[standaard.regels["taakveld"] != "6.1"].reset_index(drop=True).drop(columns="toelichting")
    )


def test_61_buiten_de_sociale_basis_en_vast(standaard):
    m = varianten.bouw(standaard, varianten.lees_code("6.1:pers0.1,inf0.3,inst0.5,ov0.1,vast"))
    r = regel(m, "2023-2024", "6.1")
    assert r.loc["overig", "functie"] == "buiten_sociaal_domein"
    assert r.loc["persoonlijk", "functie"] == "collectieve_preventie"
    assert (r["categorieen"] == "").all()  # vast: nergens de gemeten verdeling


def test_verplaatsen_en_opgeteld_taakveld_volgt(standaard):
    m = varianten.bouw(standaard, varianten.maak(lagen={"6.74a": "acuut", "5.1": "institutioneel", "6.3": "overig"}))
    assert regel(m, "2023-2024", "6.74a").loc["acuut", "functie"] == "acute_zorg"
    # 6.74 (alleen als som in de jaarrekening 2024) volgt: 6.74a–c zijn nu allemaal acuut.
    assert list(regel(m, "2023-2024", "6.74").index) == ["acuut"]
    assert regel(m, "2025+", "5.1").loc["institutioneel", "functie"] == "collectieve_preventie"
    assert regel(m, "2017-2022", "6.3").loc["overig", "functie"] == "buiten_sociaal_domein"
    # Terug naar de standaardlaag: 6.74 houdt zijn eigen verdeling.
    terug = varianten.bouw(standaard, varianten.maak(lagen={"6.74a": "maatwerk"}))
    assert set(regel(terug, "2023-2024", "6.74").index) == {"maatwerk", "acuut"}


def test_standaard_is_geen_variant(standaard):
    assert varianten.bouw(standaard, varianten.lees_code("standaard")) is standaard
    assert varianten.lees_code("").is_standaard


@pytest.mark.parametrize(
    ("code", "rij", "kolom", "woord"),
    [
        ("6.1:inf0.4,inst0.5", 38, "aandeel", "tellen op tot 0.9"),
        ("6.1:inst0.3333", 37, "aandeel", "drie decimalen"),
        ("6.1:inf0,inst0", 37, "aandeel", "niet tussen 0 en 1"),
    ],
)
def test_ongeldige_variant_geweigerd_met_rij_en_kolom(standaard, code, rij, kolom, woord):
    with pytest.raises(InvoerFout, match=woord) as info:
        varianten.bouw(standaard, varianten.lees_code(code))
    assert (info.value.rij, info.value.kolom) == (rij, kolom)
    assert "variant_" in info.value.bestand


@pytest.mark.parametrize(
    ("code", "woord"),
    [
        ("6.74a:buurt", "onbekende laag"),
        ("6.1:x0.5", "schrijf een laag"),
        ("9.9:acuut", "in een link kunnen alleen 6.1 en 6.74a"),
        # Issue 33: een link kiest alleen wat de pagina Model biedt (elke nieuwe variant laadt en rekent).
        ("6.2:acuut", "taakveld 6.2 kan in een link niet naar acuut"),
        ("6.74a:inf", r"taakveld 6.74a kan in een link niet naar informeel \(wel: maat, acuut\)"),
        ("6.1:acuut", "taakveld 6.1 kan in een link niet naar acuut"),
        ("zes", "geen wijziging"),
        ("6.74a:acuut;6.74a:maat", "twee keer"),
    ],
)
def test_onleesbare_korte_vorm(standaard, code, woord):
    with pytest.raises(VariantFout, match=woord):
        varianten.bouw(standaard, varianten.lees_code(code))


def test_onbekende_laag_in_bestand_met_rij_en_kolom(standaard):
    tekst = (
        model.naar_csv(standaard)
        .decode()
        .replace(
            "2025+,6.21,Toegang en eerstelijnsvoorzieningen Wmo,institutioneel",
            "2025+,6.21,Toegang en eerstelijnsvoorzieningen Wmo,wijk",
        )
    )
    with pytest.raises(InvoerFout, match="onbekende laag 'wijk'") as info:
        model.lees(tekst, "upload.csv")
    regelnummer = next(i for i, r in enumerate(tekst.splitlines(), start=1) if ",wijk," in r)
    assert info.value.kolom == "laag" and info.value.rij == regelnummer


@pytest.mark.parametrize("code", ["6.1:inf0.3,inst0.7", "6.1:vast;6.74a:acuut", "4.3:inf;5.1:inst;6.3:ov"])
def test_korte_vorm_heen_en_terug(standaard, code):
    w = varianten.lees_code(code)
    assert varianten.lees_code(w.code()) == w
    m = varianten.bouw(standaard, w)
    # Een gedownloade variant die weer wordt geüpload, is dezelfde variant (zelfde sleutel en naam).
    terug = varianten.herken(standaard, model.lees(model.naar_csv(m), w.bestandsnaam()))
    assert terug.sleutel == m.sleutel and terug.label == m.label
    # Ook na 'variant_… (1).csv' van een tweede download.
    tweede = model.lees(model.naar_csv(m), w.bestandsnaam().replace(".csv", " (1).csv"))
    assert varianten.herken(standaard, tweede).wijzigingen == w.code()


def test_rondgang_variant_csv_opdrachtregel(opslag, volledige_opslag, standaard, tmp_path, capsys):
    """Variant → CSV-bytes → bestand → `indicatoren --model` geeft dezelfde kop als de pagina
    (die leest indicators.per_gemeente/groep met de sleutel van de variant)."""
    w = varianten.lees_code("6.1:inf0.2,inst0.7,ov0.1;6.74a:acuut;5.1:inst")
    m = varianten.bouw(standaard, w)
    pad = tmp_path / w.bestandsnaam()
    pad.write_bytes(model.naar_csv(m))
    sleutel = opslag.laad_model(m)
    try:
        pagina = indicators.per_gemeente(opslag, sleutel, 2023, "jaarrekening", "netto").set_index("gm_code")
    finally:
        varianten.vergeet(opslag, sleutel)
    assert (
        main(
            [
                "--db",
                str(volledige_opslag),
                "indicatoren",
                "--jaar",
                "2023",
                "--document",
                "jaarrekening",
                "--model",
                str(pad),
            ]
        )
        == 0
    )
    cli = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype={"gm_code": str}).set_index("gm_code")
    assert cli.index.equals(pagina.index)
    pd.testing.assert_series_equal(
        cli["acuut_per_euro_preventie"], pagina["acuut_per_euro_preventie"].round(4), check_index_type=False
    )
    assert (cli["acute_zorg"] == pagina["acute_zorg"].round()).all()
    assert cli["acuut_per_euro_preventie"].notna().sum() > 300
    standaard_cli = indicators.per_gemeente(opslag, standaard.sleutel, 2023, "jaarrekening", "netto")
    assert (cli["acuut_per_euro_preventie"].values != standaard_cli["acuut_per_euro_preventie"].round(4).values).any()


def test_opdrachtregel_weigert_ongeldige_variant(volledige_opslag, standaard, tmp_path, capsys):
    tekst = (
        model.naar_csv(standaard)
        .decode()
        .replace(
            "2023-2024,6.1,Samenkracht en burgerparticipatie,informeel,0.4",
            "2023-2024,6.1,Samenkracht en burgerparticipatie,informeel,0.5",
        )
    )
    pad = tmp_path / "fout.csv"
    pad.write_text(tekst, encoding="utf-8")
    code = main(
        ["--db", str(volledige_opslag), "indicatoren", "--jaar", "2023", "--document", "begroting", "--model", str(pad)]
    )
    fout = capsys.readouterr().err
    assert code != 0 and "rij 92" in fout and "kolom 'aandeel'" in fout and "Traceback" not in fout


def test_vergeten_variant_laadt_opnieuw_met_dezelfde_uitkomst(opslag, standaard):
    m = varianten.bouw(standaard, varianten.lees_code("6.74a:acuut"))
    sleutel = opslag.laad_model(m)
    voor = indicators.trend(opslag, sleutel, "netto", 2025, ["GM0363"])
    varianten.vergeet(opslag, sleutel)
    assert indicators.model_regels(opslag, sleutel).empty
    opslag.laad_model(m)
    try:
        pd.testing.assert_frame_equal(indicators.trend(opslag, sleutel, "netto", 2025, ["GM0363"]), voor)
    finally:
        varianten.vergeet(opslag, sleutel)


def test_gevoeligheid_tegenover_directe_berekening(opslag, standaard):
    """Elk punt is een echt geladen model; hier nagerekend zonder de variantcode: 6.1 verschuift
    alleen binnen collectieve preventie (verhouding gelijk), 6.74a naar acuut telt zijn netto
    bedrag (taakveld_landelijk) bij de acute zorg op."""
    jaar, document, maat = 2023, "jaarrekening", "netto"
    df = varianten.gevoeligheid(opslag, standaard, varianten.Wijzigingen(), jaar, document, maat)
    assert len(df[df["gm_code"].isna()]) == 22
    nl = df[df["gm_code"].isna()].set_index(["acuut_674a", "institutioneel"])
    basis = indicators.groep(opslag, standaard.sleutel, jaar, document, maat)
    tv = indicators.taakveld_landelijk(opslag, jaar, document).set_index("taakveld")
    verwacht_acuut = (basis["acute_zorg"] + tv.loc["6.74a", "netto"]) / basis["collectieve_preventie"]
    for inst in (0.0, 0.3, 0.6, 1.0):
        assert nl.loc[(False, inst), "acuut_per_euro_preventie"] == pytest.approx(
            basis["acuut_per_euro_preventie"], rel=1e-12
        )
        assert nl.loc[(True, inst), "acuut_per_euro_preventie"] == pytest.approx(verwacht_acuut, rel=1e-12)
        # Informeel per inwoner: het vaste deel van 6.1 (netto) per inwoner, plus de rest van de laag.
        verwacht_inf = (
            basis["informeel"]
            - Decimal("0.4").__float__() * tv.loc["6.1", "netto"]
            + (1 - inst) * tv.loc["6.1", "netto"]
        ) / basis["inwoners"]
        assert nl.loc[(False, inst), "informeel_per_inwoner"] == pytest.approx(verwacht_inf, rel=1e-9)
    # Een punt direct als variant geladen geeft precies dezelfde gemeentecijfers.
    m = varianten.bouw(standaard, varianten.punt(varianten.Wijzigingen(), Decimal("0.7"), True))
    sleutel = opslag.laad_model(m)
    try:
        direct = indicators.per_gemeente(opslag, sleutel, jaar, document, maat).set_index("gm_code")
    finally:
        varianten.vergeet(opslag, sleutel)
    punt = df[(df["institutioneel"] == 0.7) & df["acuut_674a"] & df["gm_code"].notna()].set_index("gm_code")
    pd.testing.assert_series_equal(
        punt["acuut_per_euro_preventie"],
        direct["acuut_per_euro_preventie"].astype(float),
        check_names=False,
        check_index_type=False,
    )
    # En de modellen van de gevoeligheid blijven niet geladen.
    assert not any(str(k).startswith("gevoeligheid") for k in opslag.geladen_modellen())
