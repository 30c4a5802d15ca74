"""Regionale taken (issue 11): centrumgemeenten uit de gemeentefondsbrondata, de vergelijking
"zonder regionale taken" en gemeenten zonder eigen lasten voor acute zorg."""

import pandas as pd
import pytest

from sociale_basis import begrippen, indicators, teksten
from sociale_basis.sources import herken, regiotaken
from sociale_basis.sources.controle import InvoerFout

REGIONAAL = {"6.81", "6.81a", "6.81b", "6.811", "6.812"}  # beschermd wonen en opvang, alle schema's


def test_centrumgemeenten_per_jaar(opslag):
    rollen = indicators.regiotaken(opslag, 2025).set_index("gm_code")
    aantallen = rollen["taken"].explode().value_counts()
    assert aantallen["beschermd_wonen"] == 43 and aantallen["maatschappelijke_opvang"] == 43
    assert aantallen["vrouwenopvang"] == 35
    zwolle = rollen.loc["GM0193"]
    assert list(zwolle["taken"]) == ["beschermd_wonen", "maatschappelijke_opvang", "vrouwenopvang"]
    assert zwolle["circulaire"] == "S2024" and zwolle["uitkeringsjaar"] == 2025
    assert "GM0277" not in rollen.index  # Rozendaal is geen centrumgemeente
    # Voor een jaar zonder brondata het dichtstbijzijnde uitkeringsjaar, en de tekst noemt het.
    oud = indicators.regiotaken(opslag, 2019).set_index("gm_code").loc["GM0193"]
    assert oud["uitkeringsjaar"] == 2024
    assert teksten.regiorol(list(oud["taken"]), int(oud["uitkeringsjaar"])).endswith(
        "(ontvangt de decentralisatie-uitkeringen, 2024)"
    )


@pytest.mark.parametrize(
    ("jaar", "document", "maat"),
    [(2025, "begroting", "netto"), (2023, "jaarrekening", "bruto"), (2019, "jaarrekening", "bruto")],
)
def test_zonder_regionale_taken_precies_de_regionale_bedragen(opslag, standaardmodel, jaar, document, maat):
    met = indicators.per_gemeente(opslag, standaardmodel, jaar, document, maat).set_index("gm_code")
    zonder = indicators.per_gemeente(opslag, standaardmodel, jaar, document, maat, zonder_regio=True).set_index(
        "gm_code"
    )
    for gm in ("GM0193", "GM0014"):  # Zwolle, Groningen: centrumgemeenten
        tv = indicators.taakvelden_gemeente(opslag, standaardmodel, jaar, document, maat, gm)
        regio = tv[tv["taakveld"].isin(REGIONAAL)]
        assert regio["bedrag"].sum() > 1e6
        acuut = regio.loc[regio["functie"] == "acute_zorg", "bedrag"].sum()
        assert zonder.loc[gm, "acute_zorg"] == pytest.approx(met.loc[gm, "acute_zorg"] - acuut, abs=0.5)
        assert zonder.loc[gm, "totaal"] == pytest.approx(met.loc[gm, "totaal"] - regio["bedrag"].sum(), abs=0.5)
        assert zonder.loc[gm, "acuut_per_euro_preventie"] == pytest.approx(
            (met.loc[gm, "acute_zorg"] - acuut) / met.loc[gm, "collectieve_preventie"]
        )
        assert zonder.loc[gm, "acuut_per_euro_preventie"] < met.loc[gm, "acuut_per_euro_preventie"]
    # Lagen tellen nog op tot het totaal, en preventie verandert voor niemand.
    lagen = ["persoonlijk", "informeel", "institutioneel", "maatwerk", "acuut", "overig"]
    assert (zonder[lagen].sum(axis=1) - zonder["totaal"]).abs().max() < 1
    assert (zonder["collectieve_preventie"] == met["collectieve_preventie"]).all()
    # Nederland als geheel: precies het landelijke regionale bedrag minder acute zorg.
    nl_met = indicators.groep(opslag, standaardmodel, jaar, document, maat)
    nl_zonder = indicators.groep(opslag, standaardmodel, jaar, document, maat, zonder_regio=True)
    assert nl_met["acute_zorg"] - nl_zonder["acute_zorg"] == pytest.approx(
        (met["acute_zorg"] - zonder["acute_zorg"]).sum(), rel=1e-9
    )


def test_nul_acuut_gemarkeerd_en_zonder_rang(opslag, standaardmodel):
    df = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto")
    rozendaal = df.set_index("gemeente").loc["Rozendaal"]
    # Geen verhouding (werk.verhouding): een € 0,00 zou elders alsnog als ‘beste’ geciteerd worden.
    assert rozendaal["acute_zorg"] == 0 and pd.isna(rozendaal["acuut_per_euro_preventie"])
    assert rozendaal["geen_eigen_acuut"] and not rozendaal["rangbaar"]
    assert "geen eigen lasten voor acute zorg" in teksten.zonder_rang(rozendaal, "netto")
    # Rang 1 gaat naar de laagste verhouding onder de gemeenten die eigen acute lasten hebben.
    gerangd = df[df["rangbaar"]].sort_values("acuut_per_euro_preventie")
    assert gerangd.iloc[0]["acute_zorg"] > 0 and gerangd.iloc[0]["acuut_per_euro_preventie"] > 0
    assert set(df.loc[df["geen_eigen_acuut"], "gemeente"]) >= {"Rozendaal"}
    assert not df.loc[df["acuut_per_euro_preventie"].isna(), "rangbaar"].any()


def test_siudu_wordt_gelezen_met_fouten_per_rij(tmp_path, opslag):
    from sociale_basis.sources.namen import NaamZoeker

    pad = tmp_path / "GF_S2024_2025_SIUDU.tsv"
    pad.write_text(
        "CBS\tNaam\tProv\tBeschermd wonen\tmaatschappelijke opvang\tvrouwenopvang\n"
        "193\tZwolle\t23\t1.234.567\t - \t12,5\n"
        "14\tZwolle\t23\tveel\t0\t0\n",
        encoding="utf-8",
    )
    assert herken(pad).soort == regiotaken.SOORT
    namen = NaamZoeker(lambda: opslag.query("import/namen"))
    with pytest.raises(InvoerFout) as fout:
        regiotaken.lees(pad, namen)
    plaatsen = {(p.rij, p.kolom) for p in fout.value.problemen}
    assert (3, "CBS") in plaatsen and (3, "Beschermd wonen") in plaatsen and (3, "Naam") in plaatsen
    pad.write_text(
        "CBS\tNaam\tProv\tBeschermd wonen\tmaatschappelijke opvang\tvrouwenopvang\n"
        "193\tZwolle\t23\t1.234.567\t - \t12,5\n",
        encoding="utf-8",
    )
    lading = regiotaken.lees(pad, namen)
    rijen = lading.tabellen["gf_regiotaak"].set_index("taak")["bedrag"]
    assert rijen.to_dict() == {"beschermd_wonen": 1234567.0, "vrouwenopvang": 12.5}


def test_bijna_geen_acute_zorg_geeft_geen_rang_1(opslag, standaardmodel):
    """Schiermonnikoog had zonder regionale taken rang 1 (€ 0,01 acuut per € preventie) met € 4 acute
    zorg per inwoner: onder de drempel (5% van Nederland, € 7) krijgt ze geen rang meer."""
    df = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto", zonder_regio=True)
    nl = indicators.groep(opslag, standaardmodel, 2025, "begroting", "netto", zonder_regio=True)
    drempel = begrippen.DREMPEL_ACUUT * nl["acute_zorg_per_inwoner"]
    assert df["acuut_drempel_per_inwoner"].iloc[0] == pytest.approx(drempel)
    schier = df.set_index("gemeente").loc["Schiermonnikoog"]
    assert 0 < schier["acute_zorg_per_inwoner"] < drempel and pd.isna(schier["acuut_per_euro_preventie"])
    assert schier["acute_zorg"] / schier["collectieve_preventie"] < 0.02  # wat er als ‘rang 1’ stond
    assert schier["geen_eigen_acuut"] and not schier["rangbaar"]
    reden = teksten.zonder_rang(schier, "netto")
    assert reden.startswith(
        "Geen rang: acute zorg is € 4 per inwoner, minder dan € 7 (5% van het landelijke bedrag per inwoner, € 148)"
    )
    assert "geen verhouding van betekenis" in teksten.kopzin(
        "Schiermonnikoog", schier, 2025, "begroting", "netto", True, True
    )
    assert teksten.eigen_acuut(schier).startswith("bijna geen eigen lasten voor acute zorg")
    gerangd = df[df["rangbaar"]].sort_values("acuut_per_euro_preventie")
    assert gerangd.iloc[0]["gemeente"] == "Vlieland"
    assert (gerangd["acute_zorg_per_inwoner"] >= drempel).all()
    # Met regionale taken (bruto) was Schiermonnikoog ook rang 1, daarna Blaricum; die begroot bruto op
    # 6.1 de opvang van ontheemden (vertekend, zie test_realisatie), dus nu Ameland.
    bruto = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "bruto").set_index("gemeente")
    assert bruto.loc["Blaricum", "vertekend"] and not bruto.loc["Blaricum", "rangbaar"]
    assert bruto[bruto["rangbaar"]].sort_values("acuut_per_euro_preventie").index[0] == "Ameland"
    bruto = bruto.reset_index()
    assert not bruto.set_index("gemeente").loc["Schiermonnikoog", "rangbaar"]


def test_drempel_raakt_alleen_uitschieters(opslag, standaardmodel):
    """Wat begrippen.DREMPEL_ACUUT zegt, gemeten: in 2023–2026 per keuze hooguit 9 gemeenten met wel
    acute zorg onder de drempel, elk met minder dan € 15 per inwoner (de mediane gemeente: rond € 100)."""
    b = indicators.beschikbaarheid(opslag)
    gezien, namen = 0, set()
    for jaar, document in b.loc[b["jaar"] >= 2023, ["jaar", "document"]].itertuples(index=False):
        for maat in ("netto", "bruto") if indicators.netto_volledig(opslag, jaar, document) else ("bruto",):
            for zonder in (False, True):
                df = indicators.per_gemeente(opslag, standaardmodel, jaar, document, maat, zonder)
                onder = df[df["geen_eigen_acuut"] & (df["acute_zorg"] > 0)]
                assert len(onder) <= 9 and (onder["acute_zorg_per_inwoner"] < 15).all(), (jaar, document, maat)
                assert df["acute_zorg_per_inwoner"].median() > 90
                gezien, namen = gezien + 1, namen | set(onder["gemeente"])
    assert gezien >= 20 and {"Schiermonnikoog", "Castricum", "Heerde"} <= namen


def test_trend_en_kaart_zonder_regionale_taken(opslag, standaardmodel):
    """Trends en de herrekende kaart volgen dezelfde regel (werk.indicatoren_gekozen) en dezelfde rang."""
    for zonder in (False, True):
        reeks = indicators.trend(opslag, standaardmodel, "bruto", 2025, None, zonder_regio=zonder).set_index(
            ["jaar", "document"]
        )
        nl = indicators.groep(opslag, standaardmodel, 2025, "begroting", "bruto", zonder_regio=zonder)
        assert reeks.loc[(2025, "begroting"), "acute_zorg"] == pytest.approx(nl["acute_zorg"], rel=1e-9)
    met = indicators.trend(opslag, standaardmodel, "bruto", 2025, ["GM0193"]).set_index(["jaar", "document"])
    zonder = indicators.trend(opslag, standaardmodel, "bruto", 2025, ["GM0193"], zonder_regio=True).set_index(
        ["jaar", "document"]
    )
    assert (zonder["acute_zorg"] < met["acute_zorg"] - 1e6).all()  # Zwolle: elk jaar miljoenen op 6.81
    assert (zonder["collectieve_preventie"] == met["collectieve_preventie"]).all()

    # 2019 op de grenzen van 2022: het landelijke totaal blijft, en de vlaggen staan er ook.
    for zonder in (False, True):
        h = indicators.per_gemeente_herrekend(opslag, standaardmodel, 2019, "jaarrekening", "bruto", 2022, zonder)
        nl = indicators.groep(opslag, standaardmodel, 2019, "jaarrekening", "bruto", zonder_regio=zonder)
        assert h["acute_zorg"].sum() == pytest.approx(nl["acute_zorg"], rel=1e-6)
        drempel = begrippen.DREMPEL_ACUUT * h["acute_zorg"].sum() / h["inwoners"].sum()
        verwacht = (h["acute_zorg"] <= 0) | (h["acute_zorg_per_inwoner"] < drempel)
        assert (h["geen_eigen_acuut"] == verwacht).all() and verwacht.any()
        assert not h.loc[h["geen_eigen_acuut"], "rangbaar"].any()


def test_gemeentefonds_zonder_regionale_taken(opslag, standaardmodel):
    met = indicators.maatstaf(opslag, standaardmodel, 2025, "begroting", "S2024").set_index("gm_code")
    zonder = indicators.maatstaf(opslag, standaardmodel, 2025, "begroting", "S2024", zonder_regio=True).set_index(
        "gm_code"
    )
    tv = indicators.taakvelden_gemeente(opslag, standaardmodel, 2025, "begroting", "netto", "GM0193")
    regio = tv.loc[tv["taakveld"].isin(REGIONAAL) & tv["laag"].isin(["maatwerk", "acuut"]), "bedrag"].sum()
    assert regio > 1e6
    assert zonder.loc["GM0193", "individueel_uitgaven"] == pytest.approx(
        met.loc["GM0193", "individueel_uitgaven"] - regio, abs=0.5
    )
    assert (zonder["sociale_basis_uitgaven"] == met["sociale_basis_uitgaven"]).all()
    assert (zonder["individueel_fonds"] == met["individueel_fonds"]).all()


def test_drempelregel_zonder_inwoners_nooit_leeg(opslag):
    """werk.geen_eigen_acuut: onder de drempel of € 0 telt; zonder inwoners alleen € 0 (nooit NULL,
    anders valt een gemeente stil uit de ranglijst én uit ‘geen rang’)."""
    with opslag.cursor() as cur:
        rij = cur.execute(
            "SELECT werk.geen_eigen_acuut(5, 1, 7.4), werk.geen_eigen_acuut(10, 1, 7.4), "
            "werk.geen_eigen_acuut(5, NULL, 7.4), werk.geen_eigen_acuut(0, NULL, 7.4)"
        ).fetchone()
    assert rij == (True, False, False, True)
