"""Regionale taken (issue 11): centrumgemeenten uit de gemeentefondsbrondata, de vergelijking
"zonder regionale taken" en gemeenten zonder eigen lasten voor acute zorg."""

import pandas as pd
import pytest

from sociale_basis import begrippen, cijfers, indicators, teksten
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


# -- bijna geen collectieve preventie (issue 32, punt 3): het spiegelbeeld van de drempel voor acute zorg --------
BODEGRAVEN, WOUDENBERG, HEERLEN = "GM1901", "GM0351", "GM0917"


def test_bijna_geen_preventie_geeft_geen_rang(opslag, standaardmodel):
    """Bodegraven-Reeuwijk begroot in 2025 netto € 3,87 collectieve preventie per inwoner: € 28,35 acute zorg per
    € preventie, de ‘slechtste’ van het land. Onder de drempel (10% van Nederland, € 19) geen rang, met het bedrag
    en de drempel als reden, en de kopzin citeert de verhouding niet."""
    df = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto")
    nl = indicators.groep(opslag, standaardmodel, 2025, "begroting", "netto")
    drempel = begrippen.DREMPEL_PREVENTIE * nl["collectieve_preventie_per_inwoner"]
    assert df["preventie_drempel_per_inwoner"].iloc[0] == pytest.approx(drempel)
    bod = df.set_index("gm_code").loc[BODEGRAVEN]
    assert bod["gemeente"] == "Bodegraven-Reeuwijk"
    assert round(bod["collectieve_preventie_per_inwoner"], 2) == 3.87
    assert round(bod["acuut_per_euro_preventie"], 2) == 28.35  # de verhouding blijft staan, zonder rang
    assert bod["weinig_preventie"] and not bod["rangbaar"] and not bod["geen_eigen_acuut"]
    inc = indicators.incidenteel(opslag, standaardmodel, 2025, "begroting", "netto", BODEGRAVEN)
    kant = teksten.kanttekening(inc[inc["vertekent"]], "begroting", 2025)
    reden = teksten.zonder_rang(bod, "netto", kant or None)
    assert reden.startswith(
        "Geen rang: collectieve preventie is € 3,87 per inwoner, minder dan € 19,00 (10% van het landelijke "
        "bedrag per inwoner, € 190). Bij zo weinig preventie zegt de verhouding (€ 28,35 acute zorg per € "
        "preventie) vooral waar preventie geboekt wordt"
    )
    # Ook het crisisgeld op 6.1 (opvang Oekraïne) blijft genoemd: beide redenen gelden.
    assert "Bovendien: preventie of acute zorg bevat incidenteel geld" in reden and "Oekraïne" in reden
    zin = teksten.kopzin("Bodegraven-Reeuwijk", bod, 2025, "begroting", "netto", True)
    assert "voor elke euro preventie" not in zin and "geen verhouding van betekenis, want bijna geen collectieve" in zin
    # Hover, ranglijst en tabel onder de kaart: dezelfde reden, kort, met bedrag en drempel.
    assert teksten.weinig_preventie(bod) == (
        "geen rang: bijna geen collectieve preventie (€ 3,87 per inwoner, minder dan € 19,00: 10% van Nederland)"
    )
    assert indicators.rang(df, BODEGRAVEN) == (None, int(df["rangbaar"].sum()))


def test_rang_telt_alleen_gemeenten_met_een_rang(opslag, standaardmodel):
    """Woudenberg (begroting 2024 netto: € 7,58 preventie, € 15,58 per € preventie) stond op 317 van 317; nu
    telt ze niet meer mee. Heerlen gaat van 313 van 317 naar 313 van 316, en de mediane gemeente (‘gemeenten met
    een rang’) telt dezelfde 316."""
    df = indicators.per_gemeente(opslag, standaardmodel, 2024, "begroting", "netto")
    woud = df.set_index("gm_code").loc[WOUDENBERG]
    assert (
        round(woud["collectieve_preventie_per_inwoner"], 2) == 7.58
        and round(woud["acuut_per_euro_preventie"], 2) == 15.58
    )
    assert woud["weinig_preventie"] and not woud["rangbaar"] and not woud["vertekend"]
    assert teksten.zonder_rang(woud, "netto").startswith(
        "Geen rang: collectieve preventie is € 7,58 per inwoner, minder dan € 18,59 (10% van het landelijke bedrag"
    )
    assert indicators.rang(df, HEERLEN) == (313, 316)
    assert indicators.rang(df, WOUDENBERG) == (None, 316)
    assert indicators.spreiding(df)["n"] == 316
    # De hoogste rang gaat naar de hoogste verhouding van een gemeente met gewone preventie.
    gerangd = df[df["rangbaar"]].sort_values("acuut_per_euro_preventie")
    assert gerangd.iloc[-1]["gemeente"] == "Leeuwarden" and indicators.rang(df, gerangd.iloc[-1]["gm_code"])[0] == 316
    assert (gerangd["collectieve_preventie_per_inwoner"] >= gerangd["preventie_drempel_per_inwoner"]).all()
    # Ranglijst (Vergelijken, CSV, Excel): geen rang, onderaan, met de reden.
    lijst = cijfers.ranglijst(df, indicators.rangen(df), indicators.regiotaken(opslag, 2024), set()).ruw
    rij = lijst.set_index("gm_code").loc[WOUDENBERG]
    assert pd.isna(rij["Rang"]) and "bijna geen collectieve preventie (€ 7,58 per inwoner" in rij["Opmerking"]
    # Op Trends: de jaren waarin de verhouding van Woudenberg zonder betekenis is.
    reeks = indicators.trend(opslag, standaardmodel, "netto", 2025, [WOUDENBERG])
    assert teksten.geen_verhouding_in_reeks("Woudenberg", reeks).startswith(
        "Woudenberg: de verhouding in begroting 2023 en begroting 2024 zegt weinig (geen rang), want bijna geen"
    )
    # Methode noemt wie er onder valt.
    assert teksten.drempel_nu(df, "de begroting 2024").endswith(
        "Voor collectieve preventie ligt de drempel op € 18,59 per inwoner. Daaronder, maar boven € 0: "
        "Woudenberg (€ 7,58)."
    )


def test_preventiedrempel_raakt_alleen_uitschieters(opslag, standaardmodel):
    """Wat begrippen.DREMPEL_PREVENTIE zegt, gemeten over elk jaar, document en maat (met en zonder regionale
    taken): buiten de jaarrekening 2023 netto (opvang Oekraïne op 6.1) hooguit één gemeente onder de drempel en
    de volgende boven 14% van Nederland; wie eronder valt heeft acute zorg rond of onder de mediane gemeente."""
    b = indicators.beschikbaarheid(opslag)
    onder: dict[tuple, set[str]] = {}
    for jaar, document in b[["jaar", "document"]].itertuples(index=False):
        for maat in ("netto", "bruto") if indicators.netto_volledig(opslag, jaar, document) else ("bruto",):
            for zonder in (False, True):
                df = indicators.per_gemeente(opslag, standaardmodel, jaar, document, maat, zonder)
                df = df[df["inwoners"].notna()]
                aandeel = df["collectieve_preventie_per_inwoner"] / (
                    df["collectieve_preventie"].sum() / df["inwoners"].sum()
                )
                weinig = df["weinig_preventie"].astype(bool)
                assert (weinig == ((aandeel > 0) & (aandeel < begrippen.DREMPEL_PREVENTIE))).all()
                assert not df.loc[weinig, "rangbaar"].any()
                if weinig.any():
                    onder[(int(jaar), document, maat)] = set(df.loc[weinig, "gemeente"])
                if (jaar, document, maat) != (2023, "jaarrekening", "netto"):
                    assert weinig.sum() <= 1, (jaar, document, maat)
                    assert aandeel[(aandeel > 0) & ~weinig].min() > 0.14, (jaar, document, maat)
                    mediaan = df.loc[df["rangbaar"], "acute_zorg_per_inwoner"].median()
                    assert (df.loc[weinig, "acute_zorg_per_inwoner"] < 1.1 * mediaan).all()
    assert onder == {
        (2023, "begroting", "netto"): {"Woudenberg"},
        (2024, "begroting", "netto"): {"Woudenberg"},
        (2025, "begroting", "netto"): {"Bodegraven-Reeuwijk"},
        (2026, "begroting", "bruto"): {"Renswoude"},
        (2023, "jaarrekening", "netto"): {"Assen", "Voorne aan Zee", "Hattem", "Heusden", "Rhenen"},
    }


def test_preventieregel_zonder_inwoners_nooit_leeg(opslag):
    """werk.weinig_preventie: alleen meer dan € 0 en onder de drempel (€ 0 of minder heeft al geen verhouding);
    zonder inwoners nooit (niet NULL)."""
    with opslag.cursor() as cur:
        rij = cur.execute(
            "SELECT werk.weinig_preventie(5, 1, 7.4), werk.weinig_preventie(10, 1, 7.4), "
            "werk.weinig_preventie(0, 1, 7.4), werk.weinig_preventie(-5, 1, 7.4), "
            "werk.weinig_preventie(5, NULL, 7.4)"
        ).fetchone()
    assert rij == (True, False, False, False, False)
