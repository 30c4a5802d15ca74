"""De figuurbouwers slaan plotly's validatie over (snelheid); hier gaat elke figuur er wél
door, en controleren we de huisstijl: laagvolgorde en -kleuren, Nederlandse notatie, bronregel."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from sociale_basis import charts, indicators, teksten
from sociale_basis import cijfers as tabellen
from sociale_basis.begrippen import LAGEN, VERHOUDING


@pytest.fixture(scope="module")
def cijfers(opslag, standaardmodel):
    df = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto")
    nl = indicators.groep(opslag, standaardmodel, 2025, "begroting", "netto")
    return df, nl, df.set_index("gm_code").loc["GM0363"]


def gevalideerd(fig: go.Figure) -> go.Figure:
    # Zonder _validate=False: een onbekende eigenschap geeft hier een ValueError.
    return go.Figure(fig.to_dict())


def alle_figuren(cijfers):
    df, nl, ams = cijfers
    geo = {"type": "FeatureCollection", "features": []}
    tekst = ["x"] * len(df)
    return {
        "staaf": charts.lagen_staaf(nl, True, "t", "Bron: CBS"),
        "vergelijking": charts.lagen_vergelijking(ams, nl, nl, "Amsterdam", "groep", True, "t", "Bron: CBS"),
        "vergelijking_totaal": charts.lagen_vergelijking(ams, None, nl, "Amsterdam", "groep", False, "t", "Bron: CBS"),
        "verdeling": charts.verhouding_verdeling(df, nl["acuut_per_euro_preventie"], "t", "Bron: CBS"),
        "spreiding": charts.spreiding(df, "GM0363", ["GM0014"], True, "t", "Bron: CBS"),
        "kaart_url": charts.kaart(
            "app/static/kaart/x.json", df, "acuut_per_euro_preventie", "€", tekst, "GM0363", "t", "Bron: CBS"
        ),
        "kaart_ingesloten": charts.kaart(geo, df, "acuut_per_euro_preventie", "€", tekst, "GM0363", "t", "Bron: CBS"),
    }


def test_elke_figuur_is_geldig_plotly(cijfers):
    for naam, fig in alle_figuren(cijfers).items():
        gevalideerd(fig)
        spec = fig.to_dict()
        assert spec["layout"]["template"]["layout"]["separators"] == ",.", naam
        assert spec["layout"]["annotations"][-1]["text"].startswith("Bron: CBS"), naam


def test_lagen_altijd_in_dezelfde_volgorde_en_kleur(cijfers):
    fig = alle_figuren(cijfers)["staaf"].to_dict()
    staaf = fig["data"][0]
    assert list(staaf["y"]) == [LAGEN[laag][0] for laag in charts.VIJF_LAGEN]
    assert list(staaf["marker"]["color"]) == [LAGEN[laag][1] for laag in charts.VIJF_LAGEN]
    verg = alle_figuren(cijfers)["vergelijking"].to_dict()["data"][0]
    assert list(verg["y"]) == list(staaf["y"]) and list(verg["marker"]["color"]) == list(staaf["marker"]["color"])


def test_kaart_met_url_stuurt_geen_geometrie(cijfers):
    fig = alle_figuren(cijfers)["kaart_url"]
    assert fig.to_dict()["data"][0]["geojson"] == "app/static/kaart/x.json"
    assert len(fig.to_json()) < 60_000


def test_lange_bronregel_wordt_afgebroken():
    fig = charts.figuur([], {}, "t", "woord " * 60)
    assert fig.to_dict()["layout"]["annotations"][-1]["text"].count("<br>") >= 2


def test_kaart_in_klassen_met_gelijke_aantallen():
    """Vijf kwantielklassen in plaats van een doorlopende schaal die bijna één kleur gaf."""
    waarden = pd.Series([0.1 * i for i in range(1, 101)] + [50.0])  # één uitschieter
    nummer, schaal, etiketten = charts.klassen(waarden)
    assert len(etiketten) == 5 and sorted(set(nummer)) == [0, 1, 2, 3, 4]
    aantallen = pd.Series(nummer).value_counts()
    assert aantallen.max() - aantallen.min() <= 2  # ±even veel per klasse, ondanks de uitschieter
    # Open aan beide kanten: de uitschieter (50) rekt het etiket van de hoogste klasse niet op.
    assert etiketten == ["minder dan 2,10", "2,10 tot 4,10", "4,10 tot 6,10", "6,10 tot 8,10", "8,10 of meer"]
    assert len({kleur for _, kleur in schaal}) == 5
    # Klasse i is [grens i, grens i+1): een waarde op een grens hoort bij de klasse die ermee begint.
    assert [nummer[i] for i in (0, 19, 20, 79, 80, 100)] == [0, 0, 1, 3, 4, 4]


def test_kaart_klassen_alleen_over_gemeenten_met_een_rang(opslag, standaardmodel):
    """Issue 32, punt 3: Woudenberg (begroting 2024 netto, € 7,58 preventie per inwoner) rekte de hoogste klasse
    op tot ‘1,23–15,58’. De klassen gaan nu over gemeenten met een rang, de hoogste is open (‘1,22 of meer’), en
    wie wel een waarde maar geen rang heeft (Woudenberg, crisisgeld) staat wit apart, met de reden in de hover."""
    df = indicators.per_gemeente(opslag, standaardmodel, 2024, "begroting", "netto")
    w = df["acuut_per_euro_preventie"]
    getoond = w.where(df["rangbaar"])
    zonder_rang = w.notna() & getoond.isna()
    tekst = [f"{n}<br>{o}" for n, o in zip(df["gemeente"], teksten.opmerkingen(df), strict=True)]
    fig = charts.kaart(
        {"type": "FeatureCollection", "features": []},
        df.assign(_getoond=getoond),
        "_getoond",
        "€",
        tekst,
        None,
        "t",
        "Bron: CBS",
        zonder_rang=zonder_rang,
    )
    gevalideerd(fig)
    sporen = fig.to_dict()["data"]
    wit = next(s for s in sporen if s["colorscale"][0][1] == charts.GEEN_RANG)
    gekleurd = next(s for s in sporen if "colorbar" in s)
    assert "GM0351" in wit["locations"] and "GM0351" not in gekleurd["locations"]
    assert set(wit["locations"]) == set(df.loc[zonder_rang, "gm_code"])
    assert set(gekleurd["locations"]) == set(df.loc[df["rangbaar"], "gm_code"])
    hover = dict(zip(wit["locations"], wit["hovertext"], strict=True))["GM0351"]
    assert "geen rang: bijna geen collectieve preventie (€ 7,58 per inwoner" in hover
    etiketten = gekleurd["colorbar"]["ticktext"]
    q = w[df["rangbaar"]].quantile([0.2, 0.8])
    assert etiketten[0] == f"minder dan {charts.fmt.getal(q[0.2], 2)}"
    assert etiketten[-1] == f"{charts.fmt.getal(q[0.8], 2)} of meer" == "1,22 of meer"
    assert not any("15,58" in e or "7,12" in e for e in etiketten)  # Woudenberg, en de hoogste met een rang
    titel = gekleurd["colorbar"]["title"]["text"]
    assert "veel gemeenten met een rang" in titel and "wit: wel een waarde, geen<br>rang" in titel
    # De tabel onder de kaart zegt hetzelfde.
    tabel = tabellen.kaart(df, "acuut_per_euro_preventie", VERHOUDING, True, getoond=getoond).ruw.set_index("gm_code")
    assert tabel.loc["GM0351", "Klasse op de kaart"] == "geen rang (wit)"
    assert tabel.loc[df.loc[df["rangbaar"], "gm_code"], "Klasse op de kaart"].isin(etiketten).all()


def test_persoonlijke_laag_heet_wat_ze_is_en_is_gearceerd():
    """De grootste staaf op de meeste pagina's is inkomen en werk (6.3–6.5): dat zegt de naam, en
    de arcering zet haar apart van de collectieve lagen."""
    assert LAGEN["persoonlijk"][0] == "Persoonlijk: bestaanszekerheid"
    rij = pd.Series({f"{laag}_per_inwoner": 100.0 for laag in LAGEN} | {laag: 1e6 for laag in LAGEN})
    staaf = charts.lagen_staaf(rij, True, "t", "Bron: x").to_dict()["data"][0]
    vormen = dict(zip(staaf["y"], staaf["marker"]["pattern"]["shape"]))
    assert vormen["Persoonlijk: bestaanszekerheid"] == "/"
    assert {v for k, v in vormen.items() if not k.startswith("Persoonlijk")} == {""}


def test_spreiding_assen_passen_bij_de_data(cijfers):
    """De lijn ‘evenveel’ rekte beide assen op tot het hoogste van x en y (acute zorg): de wolk
    preventie werd in een hoek gedrukt. Nu volgen de assen de data en blijft de lijn daarbinnen."""
    df, _, _ = cijfers
    fig = gevalideerd(alle_figuren(cijfers)["spreiding"]).to_dict()
    x, y = df["collectieve_preventie_per_inwoner"], df["acute_zorg_per_inwoner"]
    x_as, y_as = fig["layout"]["xaxis"]["range"], fig["layout"]["yaxis"]["range"]
    assert x.max() <= x_as[1] <= x.max() * 1.1 and y.max() <= y_as[1] <= y.max() * 1.1
    assert x_as[0] <= min(0, x.min()) and y_as[0] <= min(0, y.min())
    lijn = next(s for s in fig["data"] if s["name"] == "gelijk")
    assert max(lijn["x"]) <= x_as[1] and max(lijn["y"]) <= y_as[1]
    # Elke gemeente binnen de assen: geen stip valt weg.
    punten = [(px, py) for s in fig["data"] if s["mode"] != "lines" for px, py in zip(s["x"], s["y"])]
    assert len(punten) == len(df)
    assert all(x_as[0] <= px <= x_as[1] and y_as[0] <= py <= y_as[1] for px, py in punten)


def test_lijn_gelijk_rekt_de_assen_niet_op():
    """x tot 2, y tot 60: de lijn ‘gelijk’ stopt bij 2 en de x-as ook (vroeger liepen beide tot 63)."""
    d = pd.DataFrame(
        {"gm_code": ["a", "b"], "gemeente": ["A", "B"], "x": [1.0, 2.0], "y": [50.0, 60.0], "tekst": ["", ""]}
    )
    fig = charts._stippen(d, None, [], "x", "y", "t", "Bron: x").to_dict()
    lijn = next(s for s in fig["data"] if s["name"] == "gelijk")
    assert fig["layout"]["xaxis"]["range"][1] < 2.2 and max(lijn["x"]) <= fig["layout"]["xaxis"]["range"][1]


def test_verdeling_loopt_tot_de_data_met_een_laatste_klasse(cijfers):
    """Het histogram liep vast tot 8, terwijl 95% van de gemeenten onder ±3 blijft: nu tot het 95e
    percentiel, met één laatste staaf ‘x of meer’ die ook zo heet."""
    df, nl, _ = cijfers
    fig = gevalideerd(alle_figuren(cijfers)["verdeling"]).to_dict()
    waarden = df["acuut_per_euro_preventie"].dropna()
    staaf = fig["data"][0]
    randen, breedte, aantallen, etiketten = charts.verdeling_klassen(waarden)
    as_ = fig["layout"]["xaxis"]["range"]
    assert as_ == [0, randen[-1] + breedte]
    assert randen[-1] <= waarden.quantile(0.95) + breedte < 4 < waarden.max()  # begroting 2025 netto
    assert sum(staaf["y"]) == len(waarden)  # elke gemeente met een verhouding telt mee, ook de uitschieters
    assert list(staaf["y"]) == aantallen and aantallen[-1] == (waarden >= randen[-1]).sum()
    assert etiketten[0] == f"0,00 tot {charts.fmt.getal(breedte, 2)}"
    assert etiketten[-1] == f"{charts.fmt.getal(randen[-1], 2)} of meer"
    assert staaf["text"][-1] == f"≥ {charts.fmt.getal(randen[-1], 2)}" and not any(staaf["text"][:-1])
    assert "of meer" in fig["layout"]["xaxis"]["title"]["text"]


def test_verdeling_klassen_met_uitschieter():
    waarden = pd.Series([0.5 + 0.01 * i for i in range(200)] + [40.0, 80.0])
    randen, breedte, aantallen, etiketten = charts.verdeling_klassen(waarden)
    assert randen[-1] < 5 and etiketten[-1] == f"{charts.fmt.getal(randen[-1], 2)} of meer"
    assert aantallen[-1] >= 2 and sum(aantallen) == len(waarden)
