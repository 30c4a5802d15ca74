"""Elke euro telt: op de echte data uit ../shared/data, voor elk geladen jaar en document.

- per taakveld en gemeente: de som over de lagen is precies het bronbedrag;
- per gemeente: de lagen tellen op tot het totaal;
- landelijk: het totaal is de som over gemeenten én gelijk aan de eigen totalen van het bronbestand;
- twee bronnen voor hetzelfde jaar komen op 2 posities overeen;
- de landelijke cijfers voor begroting 2023 (bruto) kloppen met een handberekening uit het bestand.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from sociale_basis import indicators
from sociale_basis.begrippen import LAGEN

NIET_MEEGETELD = {"0.10", "0.11"}


def _combinaties(opslag):
    b = indicators.beschikbaarheid(opslag)
    uit = []
    for r in b.itertuples(index=False):
        uit.append((r.jaar, r.document, "bruto"))
        if r.gemeenten_met_baten == r.gemeenten:
            uit.append((r.jaar, r.document, "netto"))
    return uit


def test_alle_jaren_en_documenten_geladen(opslag):
    b = indicators.beschikbaarheid(opslag).set_index(["jaar", "document"])
    for jaar in range(2017, 2027):
        assert (jaar, "begroting") in b.index
    for jaar in range(2017, 2025):
        assert (jaar, "jaarrekening") in b.index
    # De fijnere bron (sub-taakvelden, met baten) gaat voor waar die er is.
    for sleutel in [(2023, "begroting"), (2023, "jaarrekening"), (2024, "begroting"), (2025, "begroting")]:
        assert b.loc[sleutel, "bronnen"] == "taakveld_lasten_baten"
        assert b.loc[sleutel, "gemeenten_met_baten"] + b.loc[sleutel, "zonder_cijfers"] == 342
    assert b.loc[(2024, "jaarrekening"), "bronnen"] == "lasten_2posities"


def test_gemeenten_zonder_cijfers_tellen_niet_als_nul(opslag, standaardmodel):
    """De begroting 2025 noemt 342 gemeenten, maar vier hebben alleen nullen: niet ingediend.
    Ze staan niet als € 0 in de indicatoren (dat zou gemiddelden en ranglijsten vertekenen)."""
    leeg = indicators.zonder_cijfers(opslag, 2025, "begroting")
    assert set(leeg["gemeente"]) == {"De Bilt", "Landsmeer", "Midden-Drenthe", "Vijfheerenlanden"}
    df = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto")
    assert len(df) == 338 and not set(leeg["gm_code"]) & set(df["gm_code"])
    nl = indicators.groep(opslag, standaardmodel, 2025, "begroting", "netto")
    assert nl["inwoners"] == df["inwoners"].sum()  # inwoners zonder cijfers tellen niet mee


def test_som_over_lagen_is_bronbedrag_per_taakveld_en_gemeente(opslag, standaardmodel):
    for jaar, document, maat in _combinaties(opslag):
        afwijkend = opslag.query(
            "controle/laagsom_per_taakveld", model=standaardmodel, jaar=jaar, document=document, maat=maat
        )
        assert afwijkend.empty, (jaar, document, maat, afwijkend.head())


def test_lagen_tellen_op_tot_totaal_per_gemeente(opslag, standaardmodel):
    for jaar, document, maat in _combinaties(opslag):
        df = indicators.per_gemeente(opslag, standaardmodel, jaar, document, maat)
        verschil = df[list(LAGEN)].sum(axis=1) - df["totaal"]
        assert (verschil == 0).all(), (jaar, document, maat)
        assert df["gm_code"].is_unique and len(df) >= 338


def test_landelijk_is_som_over_gemeenten(opslag, standaardmodel):
    for jaar, document, maat in _combinaties(opslag):
        nl = indicators.groep(opslag, standaardmodel, jaar, document, maat)
        df = indicators.per_gemeente(opslag, standaardmodel, jaar, document, maat)
        for kolom in [*LAGEN, "totaal", "collectieve_preventie", "acute_zorg"]:
            assert nl[kolom] == df[kolom].sum(), (jaar, document, maat, kolom)
        assert nl["gemeenten"] == len(df)
        # Per inwoner landelijk = Σ bedrag / Σ inwoners, geen gemiddelde van gemeenten.
        assert nl["totaal_per_inwoner"] == pytest.approx(df["totaal"].sum() / df["inwoners"].sum())


@pytest.mark.parametrize(
    ("jaar", "document"), [(2023, "begroting"), (2023, "jaarrekening"), (2024, "begroting"), (2025, "begroting")]
)
def test_landelijk_gelijk_aan_eigen_totalen_van_het_bronbestand(opslag, standaardmodel, shared, jaar, document):
    bron = pd.read_csv(shared / "iv3" / f"iv3_taakveld_{jaar}_{document}.csv", sep=";", dtype={"Taakveld": str})
    bron["code"] = bron["Taakveld"].str.split(" ").str[0]
    nederland = bron[(bron["Gemeenten"] == "Nederland") & ~bron["code"].isin(NIET_MEEGETELD)]
    for maat, verwacht in [
        ("bruto", nederland["Lasten"].sum()),
        ("netto", nederland["Lasten"].sum() - nederland["Baten"].sum()),
    ]:
        nl = indicators.groep(opslag, standaardmodel, jaar, document, maat)
        assert nl["totaal"] == verwacht * 1000, (maat, nl["totaal"], verwacht)


def test_landelijk_gelijk_aan_totalen_van_de_lastenreeks(opslag, standaardmodel, shared):
    bron = pd.read_csv(shared / "iv3" / "iv3_lasten_per_taakveld_2017_2026.csv.gz", dtype={"taakveld": str})
    som = bron.groupby(["jaar", "document"])["lasten"].sum()
    fijn = {(2023, "begroting"), (2023, "jaarrekening"), (2024, "begroting"), (2025, "begroting")}
    for (jaar, document), lasten in som.items():
        if (jaar, document) in fijn:
            continue  # daar telt de fijnere bron; die vergelijking staat hierboven
        nl = indicators.groep(opslag, standaardmodel, jaar, document, "bruto")
        assert nl["totaal"] == lasten * 1000, (jaar, document)
    # De data-README noemt: 2017B 54,92 · 2021J 65,96 · 2024J 80,94 · 2026B 84,68 (€ mld).
    for jaar, document, mld in [
        (2017, "begroting", 54.92),
        (2021, "jaarrekening", 65.96),
        (2024, "jaarrekening", 80.94),
        (2026, "begroting", 84.68),
    ]:
        nl = indicators.groep(opslag, standaardmodel, jaar, document, "bruto")
        assert round(nl["totaal"] / 1e9, 2) == mld


def test_twee_bronnen_komen_overeen_op_twee_posities(opslag, shared):
    verschil = opslag.query("controle/twee_posities_verschil", fijne_bron="taakveld_lasten_baten")
    cellen = opslag.query("controle/twee_posities_cellen", fijne_bron="taakveld_lasten_baten")
    assert verschil.empty, verschil.head()
    assert len(cellen) == 4 and (cellen["cellen"] > 16_000).all()


def test_landelijk_begroting_2023_bruto_met_de_hand(opslag, standaardmodel, shared):
    """Handberekening uit het bronbestand, onafhankelijk van het modelbestand."""
    bron = pd.read_csv(shared / "iv3" / "iv3_taakveld_2023_begroting.csv", sep=";", dtype={"Taakveld": str})
    bron = bron[bron["Gemeenten"] != "Nederland"]
    lasten = bron.assign(code=bron["Taakveld"].str.split(" ").str[0]).groupby("code")["Lasten"].sum() * 1000

    def som(*codes):
        return sum(lasten.get(c, 0) for c in codes)

    zes_een = som("6.1")
    hand = {
        "persoonlijk": som("6.3", "6.4", "6.5"),
        "informeel": 0.4 * zes_een,
        "institutioneel": 0.6 * zes_een + som("6.2", "7.1"),
        "maatwerk": som(
            "6.6", "6.71", "6.71a", "6.71b", "6.71c", "6.71d", "6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.74a"
        ),
        "acuut": som("6.73a", "6.73b", "6.73c", "6.74b", "6.74c", "6.81", "6.81a", "6.81b", "6.82", "6.82a", "6.82b"),
        "totaal": lasten.drop(list(NIET_MEEGETELD)).sum(),
        "collectieve_preventie": som("6.1", "7.1"),
    }
    hand["overig"] = hand["totaal"] - sum(hand[laag] for laag in LAGEN if laag != "overig")
    hand["acute_zorg"] = hand["acuut"]
    nl = indicators.groep(opslag, standaardmodel, 2023, "begroting", "bruto")
    for sleutel, waarde in hand.items():
        assert nl[sleutel] == pytest.approx(waarde, abs=0.5), sleutel
    # De uitkomst in woorden: € 3,31 mld preventie, € 4,47 mld acuut, € 1,35 per € preventie.
    assert round(nl["collectieve_preventie"] / 1e9, 2) == 3.31
    assert round(nl["acute_zorg"] / 1e9, 2) == 4.47
    assert round(nl["acuut_per_euro_preventie"], 2) == 1.35
    # CBS 1-1-2023: 17.811.291 inwoners; Voorne aan Zee (nieuw in 2023) heeft geen begroting 2023
    # in de bron en telt daarom niet mee in het 'per inwoner'.
    leeg = indicators.zonder_cijfers(opslag, 2023, "begroting")
    assert list(leeg["gemeente"]) == ["Voorne aan Zee"]
    voorne = opslag.query("marts/gemeente_kenmerken", jaar=2023).set_index("gm_code").loc[leeg["gm_code"][0]]
    assert nl["inwoners"] == 17_811_291 - voorne["inwoners"]


def test_netto_zonder_baten_wordt_geweigerd(opslag, standaardmodel):
    with pytest.raises(indicators.IndicatorFout, match="alleen lasten beschikbaar"):
        indicators.per_gemeente(opslag, standaardmodel, 2024, "jaarrekening", "netto")
    with pytest.raises(indicators.IndicatorFout, match="alleen lasten beschikbaar"):
        indicators.groep(opslag, standaardmodel, 2019, "begroting", "netto")


def test_netto_6_1_jaarrekening_2023(opslag, standaardmodel):
    """De cijfers waarmee de Methode-pagina netto tegenover bruto uitlegt."""
    df = opslag.query("marts/taakveld_landelijk", jaar=2023, document="jaarrekening")
    rij = df.set_index("taakveld").loc["6.1"]
    assert round(rij["lasten"] / 1e9, 2) == 4.13 and round(rij["baten"] / 1e9, 2) == 2.88


def test_model_dekt_alle_taakvelden_in_de_data(opslag, standaardmodel):
    for jaar, document, _ in _combinaties(opslag):
        assert opslag.query("controle/ongemapte_taakvelden", model=standaardmodel, jaar=jaar, document=document).empty


def test_ongemapt_taakveld_wordt_genoemd(opslag):
    from sociale_basis import model

    # Een modelbestand zonder 6.82b weigert model.lees al (test_model); de controle bij het
    # rekenen vangt ook een model dat daar omheen is gemaakt, of data met een nieuwe code.
    m = model.laad()
    onvolledig = dataclasses.replace(
        m,
        naam="onvolledig",
        vingerafdruk="0" * 64,
        regels=m.regels[~((m.regels["schema"] == "2023-2024") & (m.regels["taakveld"] == "6.82b"))],
    )
    sleutel = opslag.laad_model(onvolledig)
    with pytest.raises(indicators.IndicatorFout, match="6.82b"):
        indicators.per_gemeente(opslag, sleutel, 2023, "begroting", "bruto")
