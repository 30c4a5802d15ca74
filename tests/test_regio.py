"""Regionale taken (issue 11): centrumgemeenten uit de gemeentefondsbrondata, de vergelijking
"zonder regionale taken" en gemeenten zonder eigen lasten voor acute zorg."""

import pytest

from sociale_basis import indicators, teksten
from sociale_basis.sources import herken, regiotaken
from sociale_basis.sources.lezen import InvoerFout

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
        "(ontvangt de decentralisatie-uitkeringen, 2024)")


@pytest.mark.parametrize(("jaar", "document", "maat"), [(2025, "begroting", "netto"),
                                                        (2023, "jaarrekening", "bruto"),
                                                        (2019, "jaarrekening", "bruto")])
def test_zonder_regionale_taken_precies_de_regionale_bedragen(opslag, standaardmodel, jaar, document, maat):
    met = indicators.per_gemeente(opslag, standaardmodel, jaar, document, maat).set_index("gm_code")
    zonder = indicators.per_gemeente(opslag, standaardmodel, jaar, document, maat,
                                     zonder_regio=True).set_index("gm_code")
    for gm in ("GM0193", "GM0014"):  # Zwolle, Groningen: centrumgemeenten
        tv = indicators.taakvelden_gemeente(opslag, standaardmodel, jaar, document, maat, gm)
        regio = tv[tv["taakveld"].isin(REGIONAAL)]
        assert regio["bedrag"].sum() > 1e6
        acuut = regio.loc[regio["functie"] == "acute_zorg", "bedrag"].sum()
        assert zonder.loc[gm, "acute_zorg"] == pytest.approx(met.loc[gm, "acute_zorg"] - acuut, abs=0.5)
        assert zonder.loc[gm, "totaal"] == pytest.approx(met.loc[gm, "totaal"] - regio["bedrag"].sum(), abs=0.5)
        assert zonder.loc[gm, "acuut_per_euro_preventie"] == pytest.approx(
            (met.loc[gm, "acute_zorg"] - acuut) / met.loc[gm, "collectieve_preventie"])
        assert zonder.loc[gm, "acuut_per_euro_preventie"] < met.loc[gm, "acuut_per_euro_preventie"]
    # Lagen tellen nog op tot het totaal, en preventie verandert voor niemand.
    lagen = ["persoonlijk", "informeel", "institutioneel", "maatwerk", "acuut", "overig"]
    assert (zonder[lagen].sum(axis=1) - zonder["totaal"]).abs().max() < 1
    assert (zonder["collectieve_preventie"] == met["collectieve_preventie"]).all()
    # Nederland als geheel: precies het landelijke regionale bedrag minder acute zorg.
    nl_met = indicators.groep(opslag, standaardmodel, jaar, document, maat)
    nl_zonder = indicators.groep(opslag, standaardmodel, jaar, document, maat, zonder_regio=True)
    assert nl_met["acute_zorg"] - nl_zonder["acute_zorg"] == pytest.approx(
        (met["acute_zorg"] - zonder["acute_zorg"]).sum(), rel=1e-9)


def test_nul_acuut_gemarkeerd_en_zonder_rang(opslag, standaardmodel):
    df = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto")
    rozendaal = df.set_index("gemeente").loc["Rozendaal"]
    assert rozendaal["acute_zorg"] == 0 and rozendaal["acuut_per_euro_preventie"] == 0
    assert rozendaal["geen_eigen_acuut"] and not rozendaal["rangbaar"]
    assert "geen eigen lasten voor acute zorg" in teksten.zonder_rang(rozendaal, "netto")
    # Rang 1 gaat naar de laagste verhouding onder de gemeenten die eigen acute lasten hebben.
    gerangd = df[df["rangbaar"]].sort_values("acuut_per_euro_preventie")
    assert gerangd.iloc[0]["acute_zorg"] > 0 and gerangd.iloc[0]["acuut_per_euro_preventie"] > 0
    assert set(df.loc[df["geen_eigen_acuut"], "gemeente"]) >= {"Rozendaal"}
    assert not df.loc[df["acuut_per_euro_preventie"].isna(), "rangbaar"].any()


def test_siudu_wordt_gelezen_met_fouten_per_rij(tmp_path, opslag):
    from sociale_basis.sources.lezen import NaamZoeker

    pad = tmp_path / "GF_S2024_2025_SIUDU.tsv"
    pad.write_text("CBS\tNaam\tProv\tBeschermd wonen\tmaatschappelijke opvang\tvrouwenopvang\n"
                   "193\tZwolle\t23\t1.234.567\t - \t12,5\n"
                   "14\tZwolle\t23\tveel\t0\t0\n", encoding="utf-8")
    assert herken(pad).soort == regiotaken.SOORT
    namen = NaamZoeker(lambda: opslag.query("import/namen"))
    with pytest.raises(InvoerFout) as fout:
        regiotaken.lees(pad, namen)
    plaatsen = {(p.rij, p.kolom) for p in fout.value.problemen}
    assert (3, "CBS") in plaatsen and (3, "Beschermd wonen") in plaatsen and (3, "Naam") in plaatsen
    pad.write_text("CBS\tNaam\tProv\tBeschermd wonen\tmaatschappelijke opvang\tvrouwenopvang\n"
                   "193\tZwolle\t23\t1.234.567\t - \t12,5\n", encoding="utf-8")
    lading = regiotaken.lees(pad, namen)
    rijen = lading.tabellen["gf_regiotaak"].set_index("taak")["bedrag"]
    assert rijen.to_dict() == {"beschermd_wonen": 1234567.0, "vrouwenopvang": 12.5}
