"""Figuren (plotly) met één huisstijl: lagen altijd in dezelfde volgorde en kleuren,
Nederlandse getallen, assen met eenheid en een bronregel onder elke grafiek.

Figuren worden als gewone dicts opgebouwd en zonder validatie in een go.Figure gezet: plotly's
objectmodel kost 15–45 ms per figuur per rerun. De tests (tests/test_charts.py) halen elke
figuur wél door de validatie, zodat een fout eigenschapnaam niet ongemerkt blijft.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import fmt, huisstijl  # huisstijl registreert ook het plotly-sjabloon 'sociale_basis'
from .begrippen import FUNCTIES, LAGEN, eenheid, schaal, waarde_tekst  # de eenheidsregel van bedragen

GRIJS = "#8C8C8C"
NEDERLAND = "#111111"  # Nederland als reeks (trends, factsheet)
ACCENT = "#D55E00"  # gekozen gemeente (Okabe-Ito vermiljoen)
GROEP = "#0072B2"  # vergelijkingsgroep (Okabe-Ito blauw)

# De vijf lagen van het model; 'overig' (de rest van de begroting) staat in tabellen, want het
# zou elke grafiek domineren (bruto groot, netto negatief door de algemene uitkering).
VIJF_LAGEN = [laag for laag in LAGEN if laag != "overig"]
# De persoonlijke laag (inkomen en werk) gearceerd: zichtbaar iets anders dan de collectieve lagen.
APART = {
    "shape": ["/" if laag == "persoonlijk" else "" for laag in VIJF_LAGEN],
    "fillmode": "overlay",
    "fgcolor": "white",
    "fgopacity": 0.45,
    "size": 7,
}

PLOTLY_CONFIG = {
    "displaylogo": False,
    "locale": "nl",
    # Downloaden gaat via de eigen PNG/SVG-knoppen (met een bestandsnaam die zegt wat het is).
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "toImage"],
    # Plotly's ingebouwde bundel kent alleen Engels; de Nederlandse teksten reizen mee in de config.
    "locales": {
        "nl": {
            "dictionary": {
                "Zoom": "Zoomen",
                "Pan": "Verschuiven",
                "Zoom in": "Inzoomen",
                "Zoom out": "Uitzoomen",
                "Autoscale": "Automatisch schalen",
                "Reset axes": "Assen herstellen",
                "Reset": "Herstellen",
                "Box Select": "Rechthoek selecteren",
                "Lasso Select": "Lasso selecteren",
                "Show closest data on hover": "Dichtstbijzijnde waarde tonen",
                "Compare data on hover": "Waarden vergelijken",
                "Toggle show closest data on hover": "Dichtstbijzijnde waarde aan/uit",
                "Reset view": "Weergave herstellen",
                "Double-click to zoom back out": "Dubbelklik om uit te zoomen",
                "Produced with Plotly.js": "Gemaakt met Plotly.js",
            }
        }
    },
}
# Plotly's kaart (geo) haalt een wereldkaart van cdn.plot.ly, ook als die onzichtbaar is. Wij
# tekenen alleen gemeentegrenzen uit de opslag; static/world_110m.json is een lege basiskaart, zo
# werkt de kaart offline en zonder verzoek aan derden. Het pad is relatief aan de app-URL.
PLOTLY_KAART_CONFIG = {**PLOTLY_CONFIG, "topojsonURL": "app/static/"}

MARGE = {"l": 10, "r": 20, "t": 70, "b": 115}


def figuur(
    data: list[dict], layout: dict, titel: str, bron: str, hoogte: int = 420, marge: dict | None = None
) -> go.Figure:
    """Huisstijl plus de bronregel onderaan (ook in een geëxporteerde PNG). Zonder `bron` geen
    bronregel: de factsheet zet de bronnen zelf onder de grafieken."""
    marge = marge or MARGE
    plot = hoogte - marge["t"] - marge["b"]
    bronregel = {
        # Afgebroken in regels en een vaste afstand onder het plotvlak, onder de astitel. Alleen bij een spatie,
        # en die blijft vóór <br> staan: de browser zet de regels als losse <tspan>s achter elkaar, en zonder
        # spatie las een schermlezer of wie kopieert "(geen CBS)van Deventer" (issue 32).
        "text": " <br>".join(textwrap.wrap(bron, 95, break_on_hyphens=False, break_long_words=False)),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": -(marge["b"] - 8) / plot,
        "xanchor": "left",
        "yanchor": "bottom",
        "showarrow": False,
        "align": "left",
        "font": {"size": 12, "color": "#333"},
    }  # leesbaar, ook geprint
    layout = {
        **layout,
        "title": {"text": titel, "x": 0, "xanchor": "left", "font": {"size": 16}},
        "height": hoogte,
        "margin": marge,
        "separators": fmt.PLOTLY_SEPARATORS,
        "annotations": [*layout.get("annotations", []), *([bronregel] if bron else [])],
        "template": pio.templates["sociale_basis"],
    }
    layout.setdefault("xaxis", {}).setdefault("title", {}).setdefault("standoff", 8)
    return go.Figure(data=data, layout=huisstijl.opmaak(layout), _validate=False)


def _as(titel: str, **rest) -> dict:
    return {"title": {"text": titel}, "tickformat": ",.0f", **rest}


def stappen(laag: float, hoog: float, aantal: int = 4) -> list[float]:
    """Ronde asstappen (1, 2 of 5 × 10^n) die [laag, hoog] overspannen, met 0 erin: voor grafieken
    die niet door plotly getekend worden (de factsheet)."""
    laag, hoog = min(laag, 0.0), max(hoog, 0.0)
    if hoog - laag <= 0:
        hoog = laag + 1
    ruw = (hoog - laag) / aantal
    macht = 10 ** math.floor(math.log10(ruw))
    stap = next(m * macht for m in (1, 2, 2.5, 5, 10) if m * macht >= ruw)
    begin, eind = math.floor(laag / stap), math.ceil(hoog / stap)
    return [round(i * stap, 10) for i in range(begin, eind + 1)]


def laagwaarden(rij: pd.Series, per_inwoner: bool) -> list[float]:
    return [float(schaal(rij[f"{laag}_per_inwoner" if per_inwoner else laag], per_inwoner)) for laag in VIJF_LAGEN]


def lagen_staaf(rij: pd.Series, per_inwoner: bool, titel: str, bron: str) -> go.Figure:
    """Eén staaf per laag (vaste volgorde en kleur), van boven naar beneden."""
    waarden = laagwaarden(rij, per_inwoner)
    teksten = [waarde_tekst(v, per_inwoner) for v in waarden]
    staaf = {
        "type": "bar",
        "orientation": "h",
        "x": waarden,
        "y": [LAGEN[laag][0] for laag in VIJF_LAGEN],
        "marker": {"color": [LAGEN[laag][1] for laag in VIJF_LAGEN], "pattern": APART},
        "text": teksten,
        "textposition": "auto",
        "hovertemplate": "%{y}: %{text}<extra></extra>",
    }
    layout = {
        "yaxis": {"autorange": "reversed"},
        "xaxis": _as(eenheid(per_inwoner), zeroline=True),
        "showlegend": False,
    }
    return figuur([staaf], layout, titel, bron, hoogte=380)


def lagen_vergelijking(
    gemeente: pd.Series,
    groep: pd.Series | None,
    nl: pd.Series,
    naam: str,
    groepnaam: str,
    per_inwoner: bool,
    titel: str,
    bron: str,
) -> go.Figure:
    """Staven voor de gemeente per laag; ◆ voor de vergelijkingsgroep en | voor Nederland."""
    namen = [LAGEN[laag][0] for laag in VIJF_LAGEN]
    eigen = laagwaarden(gemeente, per_inwoner)
    grootste = max([abs(v) for v in eigen] + [1e-9])
    ruim = [abs(v) >= 0.12 * grootste for v in eigen]
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "x": eigen,
            "y": namen,
            "name": naam,
            "showlegend": False,
            "marker": {"color": [LAGEN[laag][1] for laag in VIJF_LAGEN], "pattern": APART},
            "text": [waarde_tekst(v, per_inwoner) for v in eigen],
            # Een smalle staaf heeft geen ruimte voor zijn bedrag: dat staat er dan achter, donker.
            "textposition": ["inside" if past else "outside" for past in ruim],
            "insidetextanchor": "start",
            "textfont": {"color": ["white" if past else "#111" for past in ruim]},
            "cliponaxis": False,
            "hovertemplate": f"{naam}<br>%{{y}}: %{{text}}<extra></extra>",
        }
    ]
    if per_inwoner:  # groep en land zijn alleen per inwoner vergelijkbaar
        for rij, label, marker in [
            (
                groep,
                f"Vergelijkingsgroep: {groepnaam}",
                {"symbol": "diamond", "size": 12, "color": "#111", "line": {"color": "white", "width": 1}},
            ),
            (nl, "Nederland", {"symbol": "line-ns", "size": 22, "line": {"color": "#111", "width": 3}}),
        ]:
            if rij is None:
                continue
            waarden = laagwaarden(rij, per_inwoner)
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "x": waarden,
                    "y": namen,
                    "name": label,
                    "marker": marker,
                    "customdata": [waarde_tekst(v, per_inwoner) for v in waarden],
                    "hovertemplate": f"{label.split(':')[0]}<br>%{{y}}: %{{customdata}}<extra></extra>",
                }
            )
    layout = {
        "yaxis": {"autorange": "reversed"},
        "xaxis": _as(eenheid(per_inwoner), zeroline=True),
        "legend": {"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0},
    }
    return figuur(data, layout, titel, bron, hoogte=420)


def verdeling_klassen(waarden: pd.Series) -> tuple[list[float], float, list[int], list[str]]:
    """Klassen voor het histogram van de verhouding, uit de data zelf: van 0 (of het minimum) tot het
    95e percentiel, met daarboven één klasse ‘x of meer’. De verdeling heeft een lange staart (begroting
    2025 netto: mediaan 0,74, 95% onder 3,2, het hoogste 28): tot het 99e percentiel (7,5) zou de
    meeste gemeenten nog in een hoek drukken. Geeft de ondergrenzen, de breedte, het aantal per
    klasse en een etiket per klasse."""
    waarden = waarden.dropna()
    if waarden.empty:
        return [], 1.0, [], []
    bovengrens = float(waarden.quantile(0.95))
    # Een ronde klassenbreedte met hooguit ±30 klassen tot de bovengrens.
    breedte = next((b for b in (0.1, 0.25, 0.5, 1, 2, 5, 10) if bovengrens / b <= 30), 25.0)
    begin = min(0.0, math.floor(float(waarden.min()) / breedte) * breedte)
    top = max(math.ceil(bovengrens / breedte) * breedte, begin + breedte)
    grenzen = [round(begin + i * breedte, 6) for i in range(round((top - begin) / breedte) + 1)]
    # Klasse i is [grens i, grens i+1); de laatste index telt alles vanaf de bovengrens.
    index = pd.Series(grenzen).searchsorted(waarden, side="right") - 1
    aantallen = [int((index == i).sum()) for i in range(len(grenzen))]
    etiketten = [f"{fmt.getal(a, 2)} tot {fmt.getal(b, 2)}" for a, b in zip(grenzen, grenzen[1:])]
    etiketten.append(f"{fmt.getal(grenzen[-1], 2)} of meer")
    if aantallen[-1] == 0:  # niets boven de bovengrens: geen lege open klasse
        grenzen, aantallen, etiketten = grenzen[:-1], aantallen[:-1], etiketten[:-1]
    return grenzen, breedte, aantallen, etiketten


def verhouding_verdeling(
    df: pd.DataFrame, nl_verhouding: float, titel: str, bron: str, mediaan: float | None = None
) -> go.Figure:
    """Histogram van '€ acuut per € preventie' over gemeenten, met 1 (evenveel), Nederland (gewogen)
    en, gegeven, de mediane gemeente. De klassen telt Python (verdeling_klassen), zodat de tabel onder
    de grafiek dezelfde aantallen heeft. `df`: de gemeenten die meetellen (de pagina kiest die met een
    rang, dezelfde als achter de mediaan)."""
    randen, breedte, aantallen, etiketten = verdeling_klassen(df["acuut_per_euro_preventie"])
    open_eind = bool(etiketten) and etiketten[-1].endswith("of meer")
    staven = {
        "type": "bar",
        "x": [a + breedte / 2 for a in randen],
        "y": aantallen,
        "width": breedte,
        "marker": {"color": LAGEN["acuut"][1], "line": {"color": "white", "width": 1}},
        "customdata": etiketten,
        "text": [
            "" if i < len(randen) - 1 or not open_eind else f"≥ {fmt.getal(randen[-1], 2)}" for i in range(len(randen))
        ],
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "€ %{customdata} per € preventie: %{y} gemeenten<extra></extra>",
    }
    # (x, label, kleur, kant, hoogte): de mediaan een regel lager, zodat zijn label niet over
    # ‘evenveel’ valt als beide links van de 1 staan.
    lijnen = [
        (1, "evenveel", LAGEN["institutioneel"][1], "right", 1.0),
        (nl_verhouding, f"Nederland (gewogen) {fmt.factor(nl_verhouding)}", "#111", "left", 1.0),
    ]
    if mediaan is not None and not pd.isna(mediaan):
        lijnen.append(
            (
                mediaan,
                f"mediane gemeente {fmt.factor(mediaan)}",
                "#555",
                "right" if mediaan < nl_verhouding else "left",
                0.9,
            )
        )
    as_titel = "€ acute zorg per € preventie"
    if open_eind:
        as_titel += f" (laatste staaf: {fmt.getal(randen[-1], 2)} of meer)"
    layout = {
        "xaxis": {
            "title": {"text": as_titel},
            "tickformat": ",.1f",
            "range": [randen[0], randen[-1] + breedte] if randen else None,
        },
        "yaxis": {"title": {"text": "aantal gemeenten"}},
        "bargap": 0.05,
        "showlegend": False,
        "shapes": [_verticaal(x, kleur, 2, "dash" if y == 1.0 else "dot") for x, _, kleur, _, y in lijnen],
        "annotations": [
            {
                "xref": "x",
                "yref": "paper",
                "x": x,
                "y": y,
                "text": tekst,
                "showarrow": False,
                "xanchor": kant,
                "yanchor": "bottom",
                "xshift": 4 if kant == "left" else -4,
                "font": {"size": 12, "color": kleur},
                "bgcolor": "rgba(255,255,255,0.8)",
            }
            for x, tekst, kleur, kant, y in lijnen
        ],
    }
    return figuur([staven], layout, titel, bron, hoogte=380)


def spreiding(
    df: pd.DataFrame, gekozen: str | None, groep: list[str], per_inwoner: bool, titel: str, bron: str
) -> go.Figure:
    """Preventie (x) tegen acute zorg (y), één stip per gemeente; diagonaal = evenveel."""
    x = schaal(df["collectieve_preventie_per_inwoner" if per_inwoner else "collectieve_preventie"], per_inwoner)
    y = schaal(df["acute_zorg_per_inwoner" if per_inwoner else "acute_zorg"], per_inwoner)
    tekst = [
        f"{n}<br>preventie {waarde_tekst(a, per_inwoner)}<br>acuut {waarde_tekst(b, per_inwoner)}"
        f"<br>{fmt.factor(r)} acuut per € preventie"
        for n, a, b, r in zip(df["gemeente"], x, y, df["acuut_per_euro_preventie"])
    ]
    return _stippen(
        df.assign(x=x, y=y, tekst=tekst),
        gekozen,
        groep,
        f"collectieve preventie ({eenheid(per_inwoner)})",
        f"acute zorg ({eenheid(per_inwoner)})",
        titel,
        bron,
    )


def _stippen(
    d: pd.DataFrame,
    gekozen: str | None,
    groep: list[str],
    as_x: str,
    as_y: str,
    titel: str,
    bron: str,
    diagonaal: bool = True,
    grenzen: list[float] = (),
) -> go.Figure:
    """Eén stip per gemeente (kolommen x, y, tekst); groep en gekozen gemeente uitgelicht;
    `diagonaal`: een lijn waar x en y gelijk zijn (alleen als beide in euro's zijn); `grenzen`:
    verticale stippellijnen op x (de kwintielgrenzen)."""
    in_groep = d["gm_code"].isin(groep)
    data = []
    for masker, naam, stijl in [
        (~in_groep & (d["gm_code"] != gekozen), "overige gemeenten", {"color": "#BBBBBB", "size": 7, "opacity": 0.7}),
        (in_groep & (d["gm_code"] != gekozen), "vergelijkingsgroep", {"color": GROEP, "size": 9, "opacity": 0.9}),
        (
            d["gm_code"] == gekozen,
            "gekozen gemeente",
            {"color": ACCENT, "size": 15, "line": {"color": "#111", "width": 1.5}},
        ),
    ]:
        deel = d[masker]
        if deel.empty:
            continue
        spoor = {
            "type": "scatter",
            "mode": "markers",
            "name": naam,
            "x": deel["x"].tolist(),
            "y": deel["y"].tolist(),
            "marker": stijl,
            "hovertext": deel["tekst"].tolist(),
            "customdata": deel["gm_code"].tolist(),
            "hovertemplate": "%{hovertext}<extra></extra>",
            "cliponaxis": False,
        }  # een stip op de as (€ 0) heel, niet half
        if naam == "gekozen gemeente":
            spoor.update(
                mode="markers+text",
                text=deel["gemeente"].tolist(),
                textposition="top center",
                textfont={"size": 13, "color": "#111"},
            )
        data.append(spoor)
    # Assen naar de data (met 0 erbij: het zijn bedragen) plus een kleine marge; de lijn ‘gelijk’ alleen
    # waar beide assen overlappen, zodat ze de wolk niet samendrukt.
    bereik = {as_: _bereik(d[as_]) for as_ in ("x", "y")}
    van, tot = max(bereik["x"][0], bereik["y"][0]), min(bereik["x"][1], bereik["y"][1])
    if diagonaal and van < tot:
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": [van, tot],
                "y": [van, tot],
                "name": "gelijk",
                "line": {"color": GRIJS, "dash": "dot", "width": 1},
                "hoverinfo": "skip",
            }
        )
    layout = {
        "xaxis": _as(as_x, range=bereik["x"]),
        "yaxis": _as(as_y, range=bereik["y"]),
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        "shapes": [_verticaal(x, GRIJS, 1, "dot") for x in grenzen],
    }
    return figuur(data, layout, titel, bron, hoogte=520)


def _verticaal(x: float, kleur: str, breedte: float, streep: str) -> dict:
    """Een verticale lijn over de hele hoogte van het plotvlak (breuk, kwintielgrens, Nederland)."""
    return {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": x,
        "x1": x,
        "y0": 0,
        "y1": 1,
        "line": {"color": kleur, "width": breedte, "dash": streep},
    }


def _bereik(waarden: pd.Series, marge: float = 0.04) -> list[float]:
    """Van 0 (of het laagste, als dat negatief is) tot het hoogste, met `marge` van de breedte erbij."""
    waarden = waarden.dropna()
    laag, hoog = (min(0.0, float(waarden.min())), float(waarden.max())) if len(waarden) else (0.0, 1.0)
    rand = (hoog - laag) * marge or 1.0
    return [laag - (rand if laag < 0 else 0.0), hoog + rand]


GEEN_CIJFERS = "#DDDDDD"
# Wel een waarde, maar geen rang (crisisgeld, bijna geen preventie): wit met een donkere rand. Geen kleur uit
# Cividis en geen grijs, ook voor wie kleuren slecht onderscheidt; de reden staat in de hover.
GEEN_RANG = "#FFFFFF"
GEEN_RANG_RAND = "#6E6E6E"
# Vijf klassen uit Cividis (donker = laag): een doorlopende schaal maakte de kaart bijna één kleur,
# omdat een paar uitschieters de schaal oprekken.
KLASSEKLEUREN = ["#00224E", "#3D4D6C", "#7C7B78", "#BCAF6F", "#FDE737"]


def klassen(waarden: pd.Series, aantal: int = 5) -> tuple[list[int], list, list[str]]:
    """Kwantielklassen: elke klasse ±even veel gemeenten, klasse i is [grens i, grens i+1). Geeft het
    klassenummer per waarde, een getrapte kleurschaal en een etiket per klasse. De laagste en hoogste klasse
    zijn open (‘minder dan 0,35’, ‘1,38 of meer’): met het minimum en maximum als grens rekte één uitschieter
    het etiket op (‘1,38–28,35’, begroting 2025 netto) terwijl bijna alle gemeenten onder de 3 zaten."""
    grenzen = sorted(set(waarden.quantile([i / aantal for i in range(aantal + 1)]).round(6)))
    if len(grenzen) < 2:
        grenzen = [float(waarden.min()), float(waarden.max()) + 1e-9]
    binnen = grenzen[1:-1]
    nummer = [sum(w >= g for g in binnen) for w in waarden]
    n = len(grenzen) - 1
    kleuren = [KLASSEKLEUREN[round(i * (len(KLASSEKLEUREN) - 1) / max(n - 1, 1))] for i in range(n)]
    schaal = [stap for i, kleur in enumerate(kleuren) for stap in ([i / n, kleur], [(i + 1) / n, kleur])]
    decimalen = 2 if grenzen[-2] < 10 else 0  # naar de gewone waarden, niet naar één uitschieter
    if n == 1:
        return nummer, schaal, [f"{fmt.getal(grenzen[0], decimalen)}–{fmt.getal(grenzen[1], decimalen)}"]
    etiketten = [f"minder dan {fmt.getal(binnen[0], decimalen)}"]
    etiketten += [f"{fmt.getal(a, decimalen)} tot {fmt.getal(b, decimalen)}" for a, b in zip(binnen, binnen[1:])]
    etiketten.append(f"{fmt.getal(binnen[-1], decimalen)} of meer")
    return nummer, schaal, etiketten


def kaart(
    geojson: dict | str,
    df: pd.DataFrame,
    kolom: str,
    label: str,
    tekst: list[str],
    gekozen: str | None,
    titel: str,
    bron: str,
    zonder_rang: pd.Series | None = None,
) -> go.Figure:
    """Choropleet van gemeenten; hover toont naam en waarde in Nederlandse notatie.
    `geojson` is een URL (de browser haalt de grenzen één keer op) of de GeoJSON zelf. `zonder_rang`: per rij
    of een gemeente wel een waarde maar geen rang heeft (bij een indicator met rangen; `kolom` is daar leeg): wit
    met een rand, buiten de klassen, zodat de klassen alleen over gemeenten met een rang gaan."""
    data = _klassen_sporen(
        geojson,
        df,
        "gm_code",
        kolom,
        tekst,
        f"{label}<br>{{n}} klassen, elk ±even<br>veel gemeenten" + (" met een rang" if zonder_rang is not None else ""),
        "grijs: geen waarde",
        lijn=0.3,
        apart=zonder_rang,
        apart_tekst="wit: wel een waarde, geen<br>rang (reden in de hover)",
    )
    if gekozen and gekozen in set(df["gm_code"]):
        # Een URL kost niets extra; ingesloten GeoJSON alleen met de gekozen gemeente erin.
        eigen = (
            geojson
            if isinstance(geojson, str)
            else {"type": "FeatureCollection", "features": [f for f in geojson["features"] if f["id"] == gekozen]}
        )
        data.append(
            {
                "type": "choropleth",
                "geojson": eigen,
                "featureidkey": "id",
                "locations": [gekozen],
                "z": [0],
                "showscale": False,
                "hoverinfo": "skip",
                "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                "marker": {"line": {"color": ACCENT, "width": 2.5}},
            }
        )
    layout = {
        "geo": {"fitbounds": "locations", "visible": False, "projection": {"type": "mercator"}},
        "dragmode": False,
    }
    return figuur(data, layout, titel, bron, hoogte=760, marge={"l": 0, "r": 0, "t": 60, "b": 50})


def _klassen_sporen(
    geojson,
    df: pd.DataFrame,
    code: str,
    kolom: str,
    tekst: list[str],
    legenda: str,
    grijs: str,
    lijn: float,
    apart: pd.Series | None = None,
    apart_tekst: str = "",
) -> list[dict]:
    """De vlakken van een choropleet in klassen (charts.klassen) en, lichtgrijs, die zonder waarde (met hun eigen
    hovertekst, die zegt waarom). `legenda` met ‘{n}’ voor het aantal klassen; `grijs` (met <br> waar de legenda
    afbreekt) staat eronder als er vlakken zonder waarde zijn, en in hun hover. `apart` (per rij waar/onwaar):
    vlakken buiten de klassen, wit met een rand (GEEN_RANG), met `apart_tekst` in de legenda. Eén regel voor de
    kaart van gemeenten en die van wijken."""
    los = pd.Series(False, index=df.index) if apart is None else apart.reindex(df.index).fillna(False).astype(bool)
    zonder = df[df[kolom].isna() & ~los]
    met = df[df[kolom].notna() & ~los]
    data = []
    if len(zonder):
        data.append(
            {
                "type": "choropleth",
                "geojson": geojson,
                "featureidkey": "id",
                "locations": zonder[code].tolist(),
                "z": [0] * len(zonder),
                "showscale": False,
                "colorscale": [[0, GEEN_CIJFERS], [1, GEEN_CIJFERS]],
                "marker": {"line": {"color": "white", "width": lijn}},
                "hovertext": [
                    f"{t}<br>{grijs.replace('<br>', ' ')}"
                    for t, leeg in zip(tekst, df[kolom].isna() & ~los, strict=True)
                    if leeg
                ],
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
    if len(met):
        klasse, schaal, etiketten = klassen(met[kolom])
        titel = (
            legenda.format(n=len(etiketten))
            + (f"<br>{apart_tekst}" if los.any() else "")
            + (f"<br>{grijs}" if len(zonder) else "")
        )
        data.append(
            {
                "type": "choropleth",
                "geojson": geojson,
                "featureidkey": "id",
                "locations": met[code].tolist(),
                "z": klasse,
                "zmin": -0.5,
                "zmax": len(etiketten) - 0.5,
                "colorscale": schaal,
                "marker": {"line": {"color": "white", "width": lijn}},
                "colorbar": {
                    "title": {"text": titel, "side": "top"},
                    "tickvals": list(range(len(etiketten))),
                    "ticktext": etiketten,
                    "thickness": 14,
                    "len": 0.6,
                },
                "customdata": met[code].tolist(),
                "hovertext": [t for t, w in zip(tekst, df[kolom].notna() & ~los, strict=True) if w],
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
    if los.any():  # na de klassen: zo ligt hun donkere rand bovenop
        data.append(
            {
                "type": "choropleth",
                "geojson": geojson,
                "featureidkey": "id",
                "locations": df.loc[los, code].tolist(),
                "z": [0] * int(los.sum()),
                "showscale": False,
                "colorscale": [[0, GEEN_RANG], [1, GEEN_RANG]],
                "marker": {"line": {"color": GEEN_RANG_RAND, "width": max(lijn, 0.8)}},
                "customdata": df.loc[los, code].tolist(),
                "hovertext": [t for t, x in zip(tekst, los, strict=True) if x],
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
    return data


# Breuken in de Iv3-reeks: tussen deze jaren veranderde het schema (en in 2023 de boekingsregels).
BREUKEN = [(2022.5, "2023: nieuw Iv3-schema en boekingsregels"), (2024.5, "2025: nieuw Iv3-schema")]
LIJNSTIJL = {"begroting": "solid", "jaarrekening": "dot"}


def trend(
    reeksen: list[tuple[str, str, pd.DataFrame]],
    kolom: str,
    as_titel: str,
    waarde,
    titel: str,
    bron: str,
    medianen: list[tuple[str, str, pd.DataFrame]] = (),
) -> go.Figure:
    """Lijnen per reeks (gemeente, groep, Nederland) en document; verticale stippellijnen bij
    de breuken in het Iv3-schema die binnen de getoonde jaren vallen. `medianen` (met q1, q3 en
    gemeenten): de mediane gemeente naast een gewogen reeks, dunner en met ruiten, de middelste
    helft in de hover."""
    data, jaren = [], set()
    alle = [(r, False) for r in reeksen] + [(r, True) for r in medianen]
    alle_jaren = sorted({int(j) for (_, _, df), _ in alle for j in df["jaar"].unique()})
    for (naam, kleur, df), mediaan in alle:
        for document, deel in df.groupby("document", sort=False):
            if deel[kolom].isna().all():
                continue
            # Elk jaar een plek, ontbrekende leeg: geen lijn dwars over een jaar zonder cijfers.
            van, tot = deel["jaar"].min(), deel["jaar"].max()
            deel = deel.set_index("jaar").reindex([j for j in alle_jaren if van <= j <= tot])
            jaren |= set(deel[kolom].dropna().index)
            tekst = [waarde(v) for v in deel[kolom]]
            if mediaan:
                tekst = [
                    f"{t}; middelste helft {waarde(a)}–{waarde(b)} ({fmt.getal(n)} gemeenten met een rang)"
                    if pd.notna(n)
                    else t
                    for t, a, b, n in zip(tekst, deel["q1"], deel["q3"], deel["gemeenten"])
                ]
            data.append(
                {
                    "type": "scatter",
                    "mode": "lines+markers",
                    "name": f"{naam} – {document}",
                    "x": deel.index.tolist(),
                    "y": [None if pd.isna(v) else float(v) for v in deel[kolom]],
                    "connectgaps": False,
                    "line": {
                        "color": kleur,
                        "dash": LIJNSTIJL.get(document, "solid"),
                        "width": 1.5 if mediaan else 2.5,
                    },
                    "marker": {
                        "color": kleur,
                        "size": 7,
                        "symbol": ("diamond-open" if mediaan else "circle")
                        if document == "begroting"
                        else ("diamond" if mediaan else "square"),
                    },
                    "opacity": 0.75 if mediaan else 1,
                    "customdata": tekst,
                    "hovertemplate": f"{naam}, {document} %{{x}}: %{{customdata}}<extra></extra>",
                }
            )
    zichtbaar = [(x, tekst) for x, tekst in BREUKEN if jaren and min(jaren) < x < max(jaren)]
    layout = {
        "xaxis": {"title": {"text": "jaar"}, "tickformat": "d", "dtick": 1},
        "yaxis": {"title": {"text": as_titel}, "tickformat": ",.2~f", "rangemode": "tozero"},
        "legend": {"orientation": "h", "y": -0.22, "yanchor": "top", "x": 0},
        "hovermode": "closest",
        "shapes": [_verticaal(x, GRIJS, 1.5, "dash") for x, _ in zichtbaar],
        # Elk label links van zijn lijn, het laatste rechts: zo overlappen twee breuken niet.
        "annotations": [
            {
                "xref": "x",
                "yref": "paper",
                "x": x,
                "y": 1,
                "text": tekst,
                "showarrow": False,
                "xanchor": "left" if i == len(zichtbaar) - 1 else "right",
                "xshift": 0,
                "yanchor": "bottom",
                "font": {"size": 11, "color": "#555"},
            }
            for i, (x, tekst) in enumerate(zichtbaar)
        ],
    }
    # De legenda (twee kolommen) groeit met het aantal lijnen; de bronregel moet eronder blijven.
    onder = 110 + 22 * math.ceil(len(data) / 2)
    return figuur(data, layout, titel, bron, hoogte=370 + onder, marge={**MARGE, "b": onder})


def behoefte(
    df: pd.DataFrame,
    y_kol: str,
    gekozen: str | None,
    groep: list[str],
    as_x: str,
    as_y: str,
    y_tekst,
    titel: str,
    bron: str,
) -> go.Figure:
    """Behoefte per 1.000 inwoners (x) tegen een bedrag per inwoner of de verhouding (y), één stip
    per gemeente, met de kwintielgrenzen als stippellijnen (geen diagonaal: x is geen bedrag)."""
    tekst = [
        f"{n}<br>{fmt.getal(x, 1)} {as_x}<br>{y_tekst(y)} {as_y} (kwintiel {k} van 5)"
        for n, x, y, k in zip(df["gemeente"], df["waarde_per_1000"], df[y_kol], df["kwintiel"])
    ]
    grenzen = [float(df.loc[df["kwintiel"] == k, "waarde_per_1000"].min()) for k in range(2, 6)]
    return _stippen(
        df.assign(x=df["waarde_per_1000"], y=df[y_kol], tekst=tekst),
        gekozen,
        groep,
        as_x,
        as_y,
        titel,
        bron,
        diagonaal=False,
        grenzen=[g for g in grenzen if g == g],
    )


def maatstaf(
    df: pd.DataFrame,
    x_kol: str,
    y_kol: str,
    gekozen: str | None,
    groep: list[str],
    as_x: str,
    as_y: str,
    titel: str,
    bron: str,
) -> go.Figure:
    """Uitkering (x) tegen uitgaven (y) per inwoner, één stip per gemeente; diagonaal = gelijk."""
    d = df.assign(x=df[x_kol], y=df[y_kol])
    d = d.assign(
        tekst=[
            f"{n}<br>uitgaven {fmt.euro(b)}<br>uitkering {fmt.euro(a)}<br>verschil {fmt.euro_verschil(b, a)}"
            for n, a, b in zip(d["gemeente"], d["x"], d["y"])
        ]
    )
    return _stippen(d, gekozen, groep, as_x, as_y, titel, bron)


def gevoeligheid(reeksen: list[tuple[str, str, str, pd.DataFrame]], titel: str, bron: str) -> go.Figure:
    """De kernverhouding (y) tegen het institutionele deel van 6.1 (x, in %), één lijn per reeks
    (naam, kleur, lijnstijl, DataFrame met institutioneel en acuut_per_euro_preventie)."""
    data = []
    for naam, kleur, stijl, df in reeksen:
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": naam,
                "x": (df["institutioneel"] * 100).tolist(),
                "y": [None if pd.isna(v) else float(v) for v in df["acuut_per_euro_preventie"]],
                "line": {"color": kleur, "dash": stijl, "width": 2.5},
                "marker": {"color": kleur, "size": 6},
                "customdata": [fmt.factor(v) for v in df["acuut_per_euro_preventie"]],
                "hovertemplate": f"{naam}<br>6.1 %{{x}}% institutioneel: %{{customdata}} acuut per € preventie"
                "<extra></extra>",
            }
        )
    layout = {
        "xaxis": {
            "title": {"text": "deel van 6.1 dat institutioneel telt (%)"},
            "ticksuffix": "%",
            "dtick": 10,
            "range": [-2, 102],
        },
        "yaxis": {"title": {"text": "€ acute zorg per € preventie"}, "tickformat": ",.2f", "rangemode": "tozero"},
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
    }
    return figuur(data, layout, titel, bron, hoogte=460)


# -- begroting en werkelijkheid ---------------------------------------------------------------------
REALISATIE_REEKSEN = [
    ("acute_zorg", "Acute zorg", LAGEN["acuut"][1], "solid"),
    ("collectieve_preventie", "Collectieve preventie", LAGEN["institutioneel"][1], "solid"),
]


def realisatie_reeks(df: pd.DataFrame, titel: str, bron: str) -> go.Figure:
    """Per jaar hoeveel de jaarrekening van de begroting afweek (%, + = meer uitgegeven), voor acute zorg en
    collectieve preventie. Bruto als lijnen (elk jaar kan bruto), met preventie zonder de incidentele stromen
    gestippeld; netto als losse ruiten in de jaren waarin beide documenten baten hebben — nooit één lijn die
    van bruto naar netto springt. `df`: indicators.realisatie_landelijk per maat, onder elkaar."""
    data = []
    for maat in ("bruto", "netto"):
        per_maat = df[df["maat"] == maat]
        jaren = sorted(int(j) for j in per_maat["jaar"].unique())
        for functie, naam, kleur, _ in REALISATIE_REEKSEN:
            deel = per_maat[per_maat["functie"] == functie].set_index("jaar").reindex(jaren)
            pct = (deel["verschil"] / deel["begroting"] * 100).where(deel["begroting"] > 0)
            reeksen = [(f"{naam} ({maat})", pct, "solid", deel["verschil"])]
            if functie == "collectieve_preventie" and (deel["incidenteel_bedrag"].fillna(0) != 0).any():
                zonder = (deel["verschil_zonder_incidenteel"] / deel["begroting"] * 100).where(deel["begroting"] > 0)
                reeksen.append(
                    (
                        f"{naam} zonder crisisgeld ({maat}, schatting)",
                        zonder,
                        "dot",
                        deel["verschil_zonder_incidenteel"],
                    )
                )
            for wie, y, lijn, euro in reeksen:
                data.append(
                    {
                        "type": "scatter",
                        "mode": "lines+markers" if maat == "bruto" else "markers",
                        "name": wie,
                        "x": jaren,
                        "y": [None if pd.isna(v) else float(v) for v in y],
                        "line": {"color": kleur, "dash": lijn, "width": 2.5},
                        "marker": {
                            "color": kleur,
                            "size": 8 if maat == "bruto" else 12,
                            "symbol": "circle"
                            if maat == "bruto"
                            else ("diamond" if lijn == "solid" else "diamond-open"),
                        },
                        "customdata": [
                            f"{fmt.getal(v, 1)}% ({'+' if e > 0 else ''}{fmt.bedrag(e)})" if pd.notna(v) else fmt.LEEG
                            for v, e in zip(y, euro)
                        ],
                        "hovertemplate": f"{wie}, %{{x}}: %{{customdata}} t.o.v. de begroting<extra></extra>",
                    }
                )
    layout = {
        "xaxis": {
            "title": {"text": "jaar (jaarrekening t.o.v. begroting van hetzelfde jaar)"},
            "tickformat": "d",
            "dtick": 1,
        },
        "yaxis": {"title": {"text": "% meer (+) of minder (−) dan begroot"}, "tickformat": ",.0f", "zeroline": True},
        "legend": {"orientation": "h", "y": -0.2, "yanchor": "top", "x": 0},
        "hovermode": "closest",
    }
    onder = 130 + 22 * math.ceil(len(data) / 2)
    return figuur(data, layout, titel, bron, hoogte=400 + onder, marge={**MARGE, "b": onder})


def realisatie_staaf(df: pd.DataFrame, per_inwoner: bool, titel: str, bron: str) -> go.Figure:
    """Begroting naast jaarrekening per laag en voor preventie en acute zorg, in één jaar. `df`:
    een rij per bedrag (functie) met begroting, jaarrekening en inwoners."""
    rijen = realisatie_rijen(df)
    data = []
    for document, kleur, patroon in (("begroting", "#BBBBBB", ""), ("jaarrekening", NEDERLAND, "")):
        waarden = [float(schaal(r[document] / (r["inwoners"] if per_inwoner else 1), per_inwoner)) for _, r in rijen]
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": document,
                "y": [naam for naam, _ in rijen],
                "x": waarden,
                "marker": {"color": kleur, "pattern": {"shape": patroon}},
                "customdata": [waarde_tekst(w, per_inwoner) for w in waarden],
                "hovertemplate": f"%{{y}}, {document}: %{{customdata}}<extra></extra>",
            }
        )
    layout = {
        "barmode": "group",
        "xaxis": _as(eenheid(per_inwoner)),
        "yaxis": {"autorange": "reversed", "automargin": True},
        "legend": {"orientation": "h", "y": -0.2, "yanchor": "top", "x": 0},
    }
    return figuur(data, layout, titel, bron, hoogte=520, marge={**MARGE, "b": 130})


def realisatie_rijen(df: pd.DataFrame) -> list[tuple[str, pd.Series]]:
    """Preventie en acute zorg eerst, dan de vijf lagen: de volgorde van grafiek en tabel."""
    per = df.set_index("functie")
    namen = [("collectieve_preventie", FUNCTIES["collectieve_preventie"]), ("acute_zorg", FUNCTIES["acute_zorg"])]
    namen += [(laag, f"Laag: {LAGEN[laag][0]}") for laag in VIJF_LAGEN]
    return [(naam, per.loc[f]) for f, naam in namen if f in per.index]


def verdringing(per_kwintiel: pd.DataFrame, stap: int, titel: str, bron: str) -> go.Figure:
    """Per vijfde van de gemeente-jaren (naar overschrijding op acute zorg) de mediaan van de extra groei
    van begrote preventie `stap` jaar later, met de middelste helft als balk."""
    x = [f"{int(k)}{' (minst)' if k == 1 else ' (meest)' if k == 5 else ''}" for k in per_kwintiel["kwintiel"]]
    med, q1, q3 = (per_kwintiel[c] * 100 for c in ("mediaan", "q1", "q3"))
    data = [
        {
            "type": "scatter",
            "mode": "markers",
            "name": "mediaan",
            "x": x,
            "y": med.tolist(),
            "marker": {"color": ACCENT, "size": 12, "symbol": "diamond"},
            "error_y": {
                "type": "data",
                "symmetric": False,
                "array": (q3 - med).tolist(),
                "arrayminus": (med - q1).tolist(),
                "color": GRIJS,
                "thickness": 2,
                "width": 10,
            },
            "customdata": [
                f"mediaan {fmt.getal(m, 1)} procentpunt; middelste helft {fmt.getal(a, 1)} tot {fmt.getal(b, 1)}; "
                f"{fmt.getal(n)} gemeente-jaren; overschrijding {fmt.getal(o * 100, 0)} procentpunt t.o.v. het jaar"
                for m, a, b, n, o in zip(med, q1, q3, per_kwintiel["gemeentejaren"], per_kwintiel["overschrijding"])
            ],
            "hovertemplate": "kwintiel %{x}: %{customdata}<extra></extra>",
        }
    ]
    layout = {
        "xaxis": {
            "title": {"text": "overschrijding op acute zorg in jaar t, vijf even grote groepen"},
            "type": "category",
        },
        "yaxis": {
            "title": {"text": f"groei preventie t → t+{stap} t.o.v. eigen trend (procentpunt)"},
            "tickformat": ",.0f",
            "zeroline": True,
        },
        "showlegend": False,
    }
    return figuur(data, layout, titel, bron, hoogte=440)


# -- mensen naast geld -----------------------------------------------------------------------------
GEBRUIK_KLEUR = {"gemeente": ACCENT, "groep": GROEP, "nederland": NEDERLAND}


def gebruik(
    reeks: pd.DataFrame, namen: dict[str, str], as_titel: str, waarde, titel: str, bron: str, jaren: tuple[int, int]
) -> go.Figure:
    """Gebruik van zorg door de jaren (mensen.reeks van één maat): een lijn per wie (gemeente, groep,
    Nederland), een gat waar een jaar ontbreekt, open stippen bij voorlopige cijfers en een stippellijn bij
    elke breuk (andere CBS-tabel, bekende trendbreuk) met de reden in de hover van het punt erna."""
    data = []
    for wie, kleur in GEBRUIK_KLEUR.items():
        deel = reeks[reeks["wie"] == wie].set_index("jaar").reindex(range(jaren[0], jaren[1] + 1))
        if deel["waarde"].isna().all():
            continue
        tekst = [
            f"{waarde(v)}{' (voorlopig)' if vl is True else ''}{f'<br>breuk: {b}' if isinstance(b, str) and b else ''}"
            for v, vl, b in zip(deel["waarde"], deel["voorlopig"], deel["breuk"])
        ]
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": namen[wie],
                "x": deel.index.tolist(),
                "y": [None if pd.isna(v) else float(v) for v in deel["waarde"]],
                "connectgaps": False,
                "line": {"color": kleur, "width": 2.5 if wie == "gemeente" else 2},
                "marker": {
                    "color": kleur,
                    "size": 8,
                    "symbol": ["circle-open" if vl is True else "circle" for vl in deel["voorlopig"]],
                },
                "customdata": tekst,
                "hovertemplate": f"{namen[wie]}, %{{x}}: %{{customdata}}<extra></extra>",
            }
        )
    breuk = reeks[(reeks["breuk"] != "") & (reeks["wie"] == "nederland")]
    if breuk.empty:
        breuk = reeks[reeks["breuk"] != ""]
    breuken = breuk.drop_duplicates("jaar")[["jaar", "breuk"]].to_numpy().tolist()
    layout = {
        "xaxis": {"title": {"text": "jaar"}, "tickformat": "d", "dtick": 1, "range": [jaren[0] - 0.5, jaren[1] + 0.5]},
        "yaxis": {"title": {"text": as_titel}, "tickformat": ",.1~f", "rangemode": "tozero"},
        "legend": {"orientation": "h", "y": -0.22, "yanchor": "top", "x": 0},
        "hovermode": "closest",
        "shapes": [_verticaal(j - 0.5, GRIJS, 1.5, "dash") for j, _ in breuken],
        "annotations": [
            {
                "xref": "x",
                "yref": "paper",
                "x": j - 0.5,
                "y": 1,
                "text": "breuk",
                "hovertext": tekst,
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"size": 11, "color": "#555"},
            }
            for j, tekst in breuken
        ],
    }
    return figuur(data, layout, titel, bron, hoogte=480, marge={**MARGE, "b": 150})


def wijkkaart(
    geojson: dict, df: pd.DataFrame, kolom: str, label: str, tekst: list[str], focus: list[str], titel: str, bron: str
) -> go.Figure:
    """De wijken van één gemeente, in vijf klassen van `kolom` (grijs zonder cijfer); de wijken van een
    NPLV-focusgebied (`focus`: WK-codes) met een dikke rand."""
    data = _klassen_sporen(geojson, df, "wk_code", kolom, tekst, f"{label}<br>{{n}} klassen", "grijs: geen cijfer", 0.8)
    # De wijknamen op de kaart: zonder ondergrond weet een lezer anders niet welke wijk waar ligt.
    punten = [f["properties"]["punt"] for f in geojson["features"] if "punt" in f["properties"]]
    if punten:
        data.append(
            {
                "type": "scattergeo",
                "mode": "text",
                "lon": [p[0] for p in punten],
                "lat": [p[1] for p in punten],
                "text": [f["properties"]["naam"] for f in geojson["features"] if "punt" in f["properties"]],
                "textfont": {"size": 11, "color": "#111", "shadow": "0 0 3px #fff, 0 0 3px #fff"},
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    if focus:
        data.append(
            {
                "type": "choropleth",
                "geojson": geojson,
                "featureidkey": "id",
                "locations": focus,
                "z": [0] * len(focus),
                "showscale": False,
                "hoverinfo": "skip",
                "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                "marker": {"line": {"color": ACCENT, "width": 3}},
                "name": "NPLV-focusgebied",
            }
        )
    layout = {
        "geo": {"fitbounds": "locations", "visible": False, "projection": {"type": "mercator"}},
        "dragmode": False,
    }
    return figuur(data, layout, titel, bron, hoogte=620, marge={"l": 0, "r": 0, "t": 60, "b": 60})


def preventie_gebruik(
    df: pd.DataFrame, gekozen: str | None, groep: list[str], as_x: str, as_y: str, y_tekst, titel: str, bron: str
) -> go.Figure:
    """Collectieve preventie per inwoner (x, kolom `preventie`) tegen gebruik van zorg (y, kolom `gebruik`), één
    stip per gemeente: een beschrijving naast elkaar, geen lijn en geen trend (geen oorzaak)."""
    tekst = [
        f"{n}<br>preventie {fmt.euro(x)} per inwoner<br>{y_tekst(y)} {as_y}"
        for n, x, y in zip(df["gemeente"], df["preventie"], df["gebruik"])
    ]
    return _stippen(
        df.assign(x=df["preventie"], y=df["gebruik"], tekst=tekst), gekozen, groep, as_x, as_y, titel, bron, False
    )
