"""De huisstijl van het dashboard op één plek: letter, kleuren van tekst en vlakken, het
plotly-sjabloon, het woordmerk en de paar regels CSS die de thema-instellingen niet kunnen.

De kleuren van de lagen (begrippen.LAGEN) en van gemeente en vergelijkingsgroep (charts.ACCENT,
charts.GROEP) zijn gegevenskleuren met een betekenis; die staan daar. Hier staat wat eromheen zit.
`.streamlit/config.toml` ([theme]) noemt dezelfde letter en kleuren; tests/test_huisstijl.py
houdt die twee gelijk.
"""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from . import fmt

STATIC = Path(__file__).resolve().parent.parent / "static"

# Atkinson Hyperlegible Next (Braille Institute, SIL Open Font License 1.1), meegeleverd in
# static/fonts/ (zie README daar). Gemaakt om letters niet te verwarren (Il1, O0, rn/m): cijfers
# en namen moeten in één oogopslag kloppen. Waar de letter niet geladen is (een geëxporteerde
# PNG/SVG, die kaleido met de Chromium van de machine tekent) valt de reeks terug op DejaVu Sans
# (staat naast Chromium op elke machine van het project) en daarna op wat de lezer heeft.
LETTER_NAAM = "Atkinson Hyperlegible Next"
LETTER = f"{LETTER_NAAM}, DejaVu Sans, Helvetica, Arial, sans-serif"
LETTERBESTANDEN = {  # gewicht en stijl -> bestand in static/fonts/ (alleen het Latijnse deel)
    ("400", "normal"): "atkinson-hyperlegible-next-latin-400-normal.woff2",
    ("400", "italic"): "atkinson-hyperlegible-next-latin-400-italic.woff2",
    ("600", "normal"): "atkinson-hyperlegible-next-latin-600-normal.woff2",
    ("700", "normal"): "atkinson-hyperlegible-next-latin-700-normal.woff2",
    ("800", "normal"): "atkinson-hyperlegible-next-latin-800-normal.woff2",
}

INKT = "#1F2328"  # tekst
ZACHT = "#4A5058"  # astitels, aslabels, bijschriften (7,9:1 op wit: ook klein leesbaar)
MERK = "#33407A"  # indigo: knoppen, keuzes, links; geen gegevenskleur, dus nergens verwarrend
PAPIER = "#F6F3ED"  # zijbalk: gebroken wit, als een rapport
VLAK = "#F4F1EB"  # invoervelden en kaders op wit
RAND = "#D9D4C9"  # randen en de lijn om een hoverlabel
RASTER = "#E6E3DC"  # rasterlijnen in grafieken
NULLIJN = "#5A6068"  # de nul-as
# Terugval voor een spoor zonder eigen kleur: Okabe-Ito, zoals de lagen (kleurenblind-veilig).
KLEURENREEKS = ["#D55E00", "#0072B2", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#8C8C8C"]

WOORDMERK = STATIC / "woordmerk.svg"  # merkteken + 'Sociale Basis' (tekst als paden: geen letter nodig)
MERKTEKEN = STATIC / "merkteken.svg"  # alleen het teken: ingeklapte zijbalk en favicon

_AS = {
    "showgrid": True,
    "gridcolor": RASTER,
    "zerolinecolor": NULLIJN,
    "linecolor": RAND,
    "automargin": True,
    "tickfont": {"color": ZACHT, "size": 12},
    "title": {"font": {"color": ZACHT, "size": 13}},
}
OPMAAK = {
    "font": {"family": LETTER, "size": 13, "color": INKT},
    "title": {"font": {"family": LETTER, "size": 16, "color": INKT, "weight": 700}, "pad": {"l": 10}},
    "paper_bgcolor": "white",
    "plot_bgcolor": "white",
    "separators": fmt.PLOTLY_SEPARATORS,
    "colorway": KLEURENREEKS,
    "hoverlabel": {"font": {"family": LETTER, "size": 13, "color": INKT}, "bgcolor": "white", "bordercolor": RAND},
    "legend": {"font": {"color": INKT, "size": 13}},
    "xaxis": _AS,
    "yaxis": _AS,
}

# Eenmalig geregistreerd. Klein gehouden: de ingebouwde sjablonen kosten 15–25 ms per figuur om op
# te bouwen. Standaard maken helpt maar half: wie Streamlits plotly_chart importeert, zet de
# standaard op 'streamlit'; charts.figuur noemt het sjabloon daarom in elke figuur zelf.
pio.templates["sociale_basis"] = go.layout.Template(layout=OPMAAK)
pio.templates.default = "sociale_basis"
SJABLOON = pio.templates["sociale_basis"]


def opmaak(layout: dict) -> dict:
    """`layout` met de huisstijl eronder: wat de figuur zelf zegt, wint. Expliciet en niet alleen
    via het sjabloon, omdat st.plotly_chart (theme="streamlit") in de browser de letter en
    tekstkleuren van een sjabloon door die van Streamlit vervangt; waarden in de layout zelf
    laat het staan. Een export (kaleido) ziet zo precies hetzelfde."""
    return _samen(OPMAAK, layout)


def _samen(basis: dict, eigen: dict) -> dict:
    uit = dict(basis)
    for sleutel, waarde in eigen.items():
        onder = uit.get(sleutel)
        uit[sleutel] = _samen(onder, waarde) if isinstance(onder, dict) and isinstance(waarde, dict) else waarde
    return uit


VOORLADEN = "plotly_voorladen"  # key van het onzichtbare element van dashboard/grafiekelement.voorladen

# Wat [theme] niet kan: het onzichtbare voorlaadelement verbergen; bijschriften donkerder (Streamlit maakt ze 60% doorzichtig: 3,9:1, onder
# de 4,5:1 voor kleine tekst), en de ene knop die Streamlit zelf aan de plotly-werkbalk toevoegt en die plotly's Nederlandse
# vertaling (charts.PLOTLY_CONFIG) dus niet kent; en de Engelse regel van het uploadvak ('50MB per
# file • CSV': het maximum en het formaat staan al in het Nederlandse label).
CSS = f"""<style>
[data-testid="stCaptionContainer"] {{ color: {ZACHT}; opacity: 1; }}
.st-key-{VOORLADEN} {{ display: none; }}
.js-plotly-plot .plotly .modebar-btn[data-title="Fullscreen"]::after {{ content: "Volledig scherm"; }}
.js-plotly-plot .plotly .modebar-btn[data-title="Close fullscreen"]::after {{ content: "Volledig scherm sluiten"; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: "of sleep het bestand hierheen"; font-size: 0.875rem; }}
</style>"""
