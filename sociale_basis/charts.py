"""Figuren (plotly) met één huisstijl: lagen altijd in dezelfde volgorde en kleuren,
Nederlandse getallen, assen met eenheid en een bronregel onder elke grafiek.

Figuren worden met graph_objects gebouwd (niet plotly express): dat scheelt per rerun tijd.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from . import fmt
from .model import LAGEN

LETTER = "DejaVu Sans, Helvetica, Arial, sans-serif"
GRIJS = "#8C8C8C"
ACCENT = "#D55E00"       # gekozen gemeente (Okabe-Ito vermiljoen)
GROEP = "#0072B2"        # vergelijkingsgroep (Okabe-Ito blauw)
SCHAAL = "Cividis"       # kaart: kleurenblind-veilig, ook in grijstinten leesbaar

PLOTLY_CONFIG = {
    "displaylogo": False,
    "locale": "nl",
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "sociale-basis"},
}


# Plotly's kaart (geo) haalt een wereldkaart van cdn.plot.ly, ook als die onzichtbaar is. Wij
# tekenen alleen gemeentegrenzen uit de opslag; static/world_110m.json is een lege basiskaart, zo
# werkt de kaart offline en zonder verzoek aan derden. Het pad is relatief aan de app-URL.
PLOTLY_KAART_CONFIG = {**PLOTLY_CONFIG, "topojsonURL": "app/static/"}


def eenheid(per_inwoner: bool) -> str:
    return "€ per inwoner" if per_inwoner else "€ mln"


def schaal(waarden, per_inwoner: bool):
    """Per inwoner in euro's; totalen in miljoenen euro's."""
    return waarden if per_inwoner else waarden / 1e6


def waarde_tekst(x: float, per_inwoner: bool) -> str:
    return fmt.euro(x) if per_inwoner else fmt.mln(x * 1e6)


MARGE = {"l": 10, "r": 20, "t": 70, "b": 115}


def opmaak(fig: go.Figure, titel: str, bron: str, hoogte: int = 420,
           marge: dict | None = None) -> go.Figure:
    """Huisstijl plus de bronregel onderaan (ook in een geëxporteerde PNG)."""
    marge = marge or MARGE
    plot = hoogte - marge["t"] - marge["b"]
    fig.update_layout(
        title={"text": titel, "x": 0, "xanchor": "left", "font": {"size": 16}},
        separators=fmt.PLOTLY_SEPARATORS,
        font={"family": LETTER, "size": 13, "color": "#222"},
        template="plotly_white",
        height=hoogte,
        margin=marge,
        hoverlabel={"font": {"family": LETTER}},
        annotations=[*fig.layout.annotations, {
            # De bronregel staat een vaste afstand onder het plotvlak, onder de astitel.
            # Afgebroken in regels, zodat de bron ook in een smalle grafiek en in de PNG past.
            "text": "<br>".join(textwrap.wrap(bron, 95)), "xref": "paper", "yref": "paper", "x": 0, "y": -(marge["b"] - 8) / plot,
            "xanchor": "left", "yanchor": "bottom", "showarrow": False, "align": "left",
            "font": {"size": 11, "color": "#555"}}],
    )
    fig.update_xaxes(title_standoff=8)
    return fig


# De vijf lagen van het model; 'overig' (de rest van de begroting) staat in tabellen, want het
# zou elke grafiek domineren (bruto groot, netto negatief door de algemene uitkering).
VIJF_LAGEN = [laag for laag in LAGEN if laag != "overig"]


def lagen_staaf(rij: pd.Series, per_inwoner: bool, titel: str, bron: str) -> go.Figure:
    """Eén staaf per laag (vaste volgorde en kleur), van boven naar beneden."""
    lagen = VIJF_LAGEN
    kolom = [f"{laag}_per_inwoner" if per_inwoner else laag for laag in lagen]
    waarden = schaal(pd.Series([rij[k] for k in kolom], index=lagen, dtype=float), per_inwoner)
    namen = [LAGEN[laag][0] for laag in lagen]
    fig = go.Figure(go.Bar(
        x=waarden.values, y=namen, orientation="h",
        marker_color=[LAGEN[laag][1] for laag in lagen],
        text=[waarde_tekst(v, per_inwoner) for v in waarden.values], textposition="auto",
        hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=eenheid(per_inwoner), tickformat=",.0f", zeroline=True, zerolinecolor="#444")
    return opmaak(fig, titel, bron, hoogte=360)


def lagen_vergelijking(gemeente: pd.Series, groep: pd.Series | None, nl: pd.Series, naam: str,
                       groepnaam: str, per_inwoner: bool, titel: str, bron: str) -> go.Figure:
    """Staven voor de gemeente per laag; ◆ voor de vergelijkingsgroep en | voor Nederland."""
    lagen = VIJF_LAGEN
    namen = [LAGEN[laag][0] for laag in lagen]

    def waarden(rij: pd.Series) -> list[float]:
        return list(schaal(pd.Series([rij[f"{laag}_per_inwoner" if per_inwoner else laag]
                                      for laag in lagen], dtype=float), per_inwoner))

    fig = go.Figure(go.Bar(
        x=waarden(gemeente), y=namen, orientation="h", name=naam, showlegend=False,
        marker_color=[LAGEN[laag][1] for laag in lagen],
        text=[waarde_tekst(v, per_inwoner) for v in waarden(gemeente)], textposition="inside",
        insidetextanchor="start", textfont={"color": "white"},
        customdata=[waarde_tekst(v, per_inwoner) for v in waarden(gemeente)],
        hovertemplate=f"{naam}<br>%{{y}}: %{{customdata}}<extra></extra>",
    ))
    if groep is not None and per_inwoner:
        fig.add_trace(go.Scatter(
            x=waarden(groep), y=namen, mode="markers", name=f"Vergelijkingsgroep: {groepnaam}",
            marker={"symbol": "diamond", "size": 12, "color": "#111", "line": {"color": "white", "width": 1}},
            customdata=[waarde_tekst(v, per_inwoner) for v in waarden(groep)],
            hovertemplate="Vergelijkingsgroep<br>%{y}: %{customdata}<extra></extra>"))
    if per_inwoner:
        fig.add_trace(go.Scatter(
            x=waarden(nl), y=namen, mode="markers", name="Nederland",
            marker={"symbol": "line-ns", "size": 22, "line": {"color": "#111", "width": 3}},
            customdata=[waarde_tekst(v, per_inwoner) for v in waarden(nl)],
            hovertemplate="Nederland<br>%{y}: %{customdata}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=eenheid(per_inwoner), tickformat=",.0f", zeroline=True, zerolinecolor="#444")
    fig.update_layout(legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0})
    return opmaak(fig, titel, bron, hoogte=420)


def verhouding_verdeling(df: pd.DataFrame, nl_verhouding: float, titel: str, bron: str) -> go.Figure:
    """Histogram van '€ acuut per € preventie' over gemeenten, met 1 (evenveel) en Nederland."""
    waarden = df["acuut_per_euro_preventie"].dropna()
    fig = go.Figure(go.Histogram(
        x=waarden.clip(upper=8), xbins={"start": 0, "end": 8.25, "size": 0.25},
        marker_color=LAGEN["acuut"][1], marker_line={"color": "white", "width": 1},
        hovertemplate="€ %{x} per € preventie: %{y} gemeenten<extra></extra>", name="gemeenten"))
    for x, tekst, kleur, kant in [(1, "evenveel ", LAGEN["institutioneel"][1], "top left"),
                                  (nl_verhouding, f" Nederland {fmt.factor(nl_verhouding)}", "#111",
                                   "top right")]:
        fig.add_vline(x=x, line={"color": kleur, "width": 2, "dash": "dash"},
                      annotation={"text": tekst, "font": {"size": 12, "color": kleur}},
                      annotation_position=kant)
    fig.update_xaxes(title="€ acute zorg per € preventie (8 of meer samengevoegd)",
                     tickformat=",.1f")
    fig.update_yaxes(title="aantal gemeenten")
    fig.update_layout(bargap=0.05, showlegend=False)
    return opmaak(fig, titel, bron, hoogte=380)


def spreiding(df: pd.DataFrame, gekozen: str | None, groep: list[str], per_inwoner: bool,
              titel: str, bron: str) -> go.Figure:
    """Preventie (x) tegen acute zorg (y), één stip per gemeente; diagonaal = evenveel."""
    x_kol = "collectieve_preventie_per_inwoner" if per_inwoner else "collectieve_preventie"
    y_kol = "acute_zorg_per_inwoner" if per_inwoner else "acute_zorg"
    d = df.assign(x=schaal(df[x_kol], per_inwoner), y=schaal(df[y_kol], per_inwoner),
                  tekst=[f"{n}<br>preventie {waarde_tekst(a, per_inwoner)}<br>"
                         f"acuut {waarde_tekst(b, per_inwoner)}<br>"
                         f"{fmt.factor(r)} acuut per € preventie"
                         for n, a, b, r in zip(df["gemeente"], schaal(df[x_kol], per_inwoner),
                                               schaal(df[y_kol], per_inwoner),
                                               df["acuut_per_euro_preventie"])])
    in_groep = d["gm_code"].isin(groep)
    fig = go.Figure()
    for masker, naam, stijl in [
        (~in_groep & (d["gm_code"] != gekozen), "overige gemeenten",
         {"color": "#BBBBBB", "size": 7, "opacity": 0.7}),
        (in_groep & (d["gm_code"] != gekozen), "vergelijkingsgroep",
         {"color": GROEP, "size": 9, "opacity": 0.9}),
        (d["gm_code"] == gekozen, "gekozen gemeente",
         {"color": ACCENT, "size": 15, "line": {"color": "#111", "width": 1.5}}),
    ]:
        deel = d[masker]
        if deel.empty:
            continue
        fig.add_trace(go.Scatter(
            x=deel["x"], y=deel["y"], mode="markers+text" if naam == "gekozen gemeente" else "markers",
            name=naam, marker=stijl, customdata=deel[["gm_code"]], hovertext=deel["tekst"],
            hovertemplate="%{hovertext}<extra></extra>",
            text=deel["gemeente"] if naam == "gekozen gemeente" else None,
            textposition="top center", textfont={"size": 13, "color": "#111"}))
    grens = float(max(d["x"].max(), d["y"].max()) * 1.05) if len(d) else 1.0
    fig.add_trace(go.Scatter(x=[0, grens], y=[0, grens], mode="lines", name="evenveel",
                             line={"color": GRIJS, "dash": "dot", "width": 1}, hoverinfo="skip"))
    fig.update_xaxes(title=f"collectieve preventie ({eenheid(per_inwoner)})", tickformat=",.0f",
                     rangemode="tozero")
    fig.update_yaxes(title=f"acute zorg ({eenheid(per_inwoner)})", tickformat=",.0f",
                     rangemode="tozero")
    fig.update_layout(legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0})
    return opmaak(fig, titel, bron, hoogte=520)


def kaart(geojson: dict, df: pd.DataFrame, kolom: str, label: str, tekst: list[str],
          gekozen: str | None, titel: str, bron: str) -> go.Figure:
    """Choropleet van gemeenten; hover toont naam en waarde in Nederlandse notatie."""
    # Kleurschaal tot het 98e percentiel: een paar uitschieters mogen de rest niet wegdrukken.
    boven = float(df[kolom].quantile(0.98))
    fig = go.Figure(go.Choropleth(
        geojson=geojson, locations=df["gm_code"], z=df[kolom].clip(upper=boven), featureidkey="id",
        zmin=min(0.0, float(df[kolom].min())), zmax=boven,
        colorscale=SCHAAL, marker_line={"color": "white", "width": 0.3},
        colorbar={"title": {"text": f"{label}<br>(donker = laag)", "side": "right"},
                  "tickformat": ",.1~f", "thickness": 14,
                  "ticksuffix": "", "len": 0.8},
        customdata=df[["gm_code"]], hovertext=tekst, hovertemplate="%{hovertext}<extra></extra>",
    ))
    if gekozen and gekozen in set(df["gm_code"]):
        fig.add_trace(go.Choropleth(
            geojson=geojson, locations=[gekozen], z=[0], featureidkey="id", showscale=False,
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            marker_line={"color": ACCENT, "width": 2.5}, hoverinfo="skip"))
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    fig.update_layout(dragmode=False)
    return opmaak(fig, titel, bron, hoogte=760, marge={"l": 0, "r": 0, "t": 60, "b": 50})
