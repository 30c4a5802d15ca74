"""De huisstijl: de meegeleverde letter (met licentie), het thema in .streamlit/config.toml gelijk
aan sociale_basis/huisstijl.py, het woordmerk in app.py, en elke figuur uit charts.py in de
huisstijl — ook na Streamlits eigen grafiekthema, dus met de letter en tekstkleuren in de layout."""

from __future__ import annotations

import ast
import inspect
import tomllib
import xml.etree.ElementTree as ET

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from conftest import REPO

from sociale_basis import charts, huisstijl
from sociale_basis.begrippen import LAGEN

CONFIG = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
THEMA = CONFIG["theme"]


def test_letter_staat_erbij_met_licentie_en_blijft_klein():
    fonts = huisstijl.STATIC / "fonts"
    for bestand in huisstijl.LETTERBESTANDEN.values():
        assert (fonts / bestand).read_bytes()[:4] == b"wOF2", bestand
    assert "SIL Open Font License" in (fonts / "OFL.txt").read_text()
    assert "Atkinson Hyperlegible Next" in (fonts / "README.md").read_text()
    toegevoegd = [*fonts.iterdir(), huisstijl.WOORDMERK, huisstijl.MERKTEKEN]
    assert sum(p.stat().st_size for p in toegevoegd) < 1_000_000


def test_thema_gebruikt_de_meegeleverde_letter():
    assert CONFIG["server"]["enableStaticServing"] is True  # anders geen app/static/fonts/...
    assert THEMA["font"].split(",")[0] == huisstijl.LETTER_NAAM
    assert THEMA["headingFont"].split(",")[0] == huisstijl.LETTER_NAAM
    vlakken = {(f["weight"], f["style"]): f["url"] for f in THEMA["fontFaces"]}
    assert {f["family"] for f in THEMA["fontFaces"]} == {huisstijl.LETTER_NAAM}
    assert vlakken == {k: f"app/static/fonts/{v}" for k, v in huisstijl.LETTERBESTANDEN.items()}


def test_thema_en_huisstijl_noemen_dezelfde_kleuren():
    assert THEMA["primaryColor"] == THEMA["linkColor"] == huisstijl.MERK
    assert THEMA["textColor"] == huisstijl.INKT
    assert THEMA["secondaryBackgroundColor"] == huisstijl.VLAK
    assert THEMA["borderColor"] == THEMA["sidebar"]["borderColor"] == huisstijl.RAND
    assert THEMA["sidebar"]["backgroundColor"] == huisstijl.PAPIER


def test_woordmerk_en_merkteken_in_de_kleuren_van_de_lagen():
    for pad in (huisstijl.WOORDMERK, huisstijl.MERKTEKEN):
        svg = ET.fromstring(pad.read_text())
        assert svg.get("aria-label") == "Sociale Basis"
        kleuren = {e.get("fill") for e in svg.iter() if e.get("fill")}
        assert {LAGEN[laag][1] for laag in ("persoonlijk", "informeel", "institutioneel")} <= kleuren
        # Geen <text>: een SVG als <img> kan de webletter niet laden; de tekst staat als paden.
        assert not [e for e in svg.iter() if e.tag.endswith("text")]


def _aanroepen(bron: str) -> dict[str, ast.Call]:
    return {ast.unparse(n.func): n for n in ast.walk(ast.parse(bron)) if isinstance(n, ast.Call)}


def test_app_toont_het_woordmerk_en_de_huisstijl():
    aanroepen = _aanroepen((REPO / "app.py").read_text())
    logo = aanroepen["st.logo"]
    assert ast.unparse(logo.args[0]) == "str(huisstijl.WOORDMERK)"
    assert {k.arg: ast.unparse(k.value) for k in logo.keywords}["icon_image"] == "str(huisstijl.MERKTEKEN)"
    pagina = {k.arg: ast.unparse(k.value) for k in aanroepen["st.set_page_config"].keywords}
    assert pagina["page_icon"] == "str(huisstijl.MERKTEKEN)"
    assert ast.unparse(aanroepen["st.html"].args[0]) == "huisstijl.CSS"
    assert huisstijl.WOORDMERK.is_file() and huisstijl.MERKTEKEN.is_file()


def test_werkbalk_ook_voor_streamlits_eigen_knop_in_het_nederlands():
    woordenboek = charts.PLOTLY_CONFIG["locales"]["nl"]["dictionary"]
    assert woordenboek["Zoom"] == "Zoomen" and charts.PLOTLY_CONFIG["locale"] == "nl"
    assert 'data-title="Fullscreen"]::after { content: "Volledig scherm"; }' in huisstijl.CSS


def _gemeenten() -> pd.DataFrame:
    rijen = []
    for i, code in enumerate(["GM0363", "GM0014", "GM0599", "GM0344"]):
        rij = {
            "gm_code": code,
            "gemeente": f"Gemeente {i}",
            "collectieve_preventie_per_inwoner": 100.0 + i,
            "acute_zorg_per_inwoner": 150.0 + 20 * i,
            "collectieve_preventie": 1e7,
            "acute_zorg": 2e7,
            "acuut_per_euro_preventie": 1.2 + i / 4,
            "uitkering": 90.0 + i,
            "uitgaven": 110.0 + i,
        }
        rij |= {f"{laag}_per_inwoner": 50.0 + i for laag in LAGEN} | {laag: 1e6 for laag in LAGEN}
        rijen.append(rij)
    return pd.DataFrame(rijen)


def alle_figuren() -> dict[str, go.Figure]:
    df = _gemeenten()
    rij = df.iloc[0]
    jaren = pd.DataFrame({"jaar": [2022, 2023, 2024, 2025], "document": "begroting", "waarde": [1.0, 2, 3, 4]})
    gevoelig = pd.DataFrame({"institutioneel": [0.0, 0.5, 1.0], "acuut_per_euro_preventie": [1.5, 1.4, 1.3]})
    geo = {"type": "FeatureCollection", "features": []}
    # Begroting tegen jaarrekening (indicators.realisatie_landelijk): twee jaren, elk bedrag.
    realisatie = pd.DataFrame(
        [
            {
                "jaar": jaar,
                "maat": maat,
                "functie": functie,
                "begroting": 100.0,
                "jaarrekening": 110.0 + jaar % 2,
                "verschil": 10.0 + jaar % 2,
                "realisatie_pct": 110.0,
                "inwoners": 1000.0,
                "incidenteel_bedrag": 5.0 if functie == "collectieve_preventie" else 0.0,
                "verschil_zonder_incidenteel": 5.0,
            }
            for jaar, maat in ((2022, "bruto"), (2023, "netto"))
            for functie in ["collectieve_preventie", "acute_zorg", *LAGEN]
        ]
    )
    kwintielen = pd.DataFrame(
        {
            "kwintiel": [1, 2, 3, 4, 5],
            "gemeentejaren": [10] * 5,
            "overschrijding": [-0.4, -0.1, 0.0, 0.15, 0.7],
            "mediaan": [0.0, 0.01, 0.0, -0.01, -0.01],
            "q1": [-0.07] * 5,
            "q3": [0.07] * 5,
        }
    )
    # Gebruik van zorg (mensen.reeks) met een breuk en een voorlopig jaar, en twee wijken met een naam.
    gebruik = pd.DataFrame(
        {
            "jaar": [2019, 2022, 2019, 2022],
            "maat": "jeugdhulp_pct",
            "wie": ["gemeente", "gemeente", "nederland", "nederland"],
            "waarde": [12.0, 13.5, 11.0, 13.9],
            "gemeenten": [1, 1, None, None],
            "voorlopig": [False, True, False, True],
            "tabel": ["82972NED", "85098NED", "82972NED", "85098NED"],
            "breuk": ["", "andere CBS-tabel", "", "andere CBS-tabel"],
        }
    )
    vak = {"type": "Polygon", "coordinates": [[[5.9, 50.9], [6.0, 50.9], [6.0, 51.0], [5.9, 50.9]]]}
    wijkgeo = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": c, "properties": {"naam": c, "punt": [5.95, 50.95]}, "geometry": vak}
            for c in ("WK091700", "WK091701")
        ],
    }
    wijken = pd.DataFrame({"wk_code": ["WK091700", "WK091701"], "wijk": ["A", "B"], "bijstand": [10.0, None]})
    naast = df.assign(preventie=[100.0, 150, 200, 250], gebruik=[10.0, 12, 9, 14])
    return {
        "gebruik": charts.gebruik(
            gebruik, {"gemeente": "A", "groep": "G", "nederland": "NL"}, "%", str, "t", "Bron: CBS", (2015, 2024)
        ),
        "wijkkaart": charts.wijkkaart(wijkgeo, wijken, "bijstand", "x", ["a", "b"], ["WK091700"], "t", "Bron: CBS"),
        "preventie_gebruik": charts.preventie_gebruik(naast, "GM0363", ["GM0014"], "x", "y", str, "t", "Bron: CBS"),
        "realisatie_reeks": charts.realisatie_reeks(realisatie, "t", "Bron: CBS"),
        "realisatie_staaf": charts.realisatie_staaf(realisatie[realisatie["jaar"] == 2023], True, "t", "Bron: CBS"),
        "verdringing": charts.verdringing(kwintielen, 2, "t", "Bron: CBS"),
        "lagen_staaf": charts.lagen_staaf(rij, True, "t", "Bron: CBS"),
        "lagen_vergelijking": charts.lagen_vergelijking(rij, rij, rij, "A", "groep", True, "t", "Bron: CBS"),
        "verhouding_verdeling": charts.verhouding_verdeling(df, 1.4, "t", "Bron: CBS"),
        "spreiding": charts.spreiding(df, "GM0363", ["GM0014"], True, "t", "Bron: CBS"),
        "kaart": charts.kaart(geo, df, "acuut_per_euro_preventie", "€", ["x"] * len(df), "GM0363", "t", "Bron: CBS"),
        "trend": charts.trend([("A", charts.ACCENT, jaren)], "waarde", "€", str, "t", "Bron: CBS"),
        "maatstaf": charts.maatstaf(df, "uitkering", "uitgaven", "GM0363", ["GM0014"], "x", "y", "t", "Bron: CBS"),
        "gevoeligheid": charts.gevoeligheid([("NL", charts.GROEP, "solid", gevoelig)], "t", "Bron: CBS"),
        "behoefte": charts.behoefte(
            df.assign(waarde_per_1000=[5.0, 12.0, 20.0, 30.0], kwintiel=[1, 2, 4, 5]),
            "collectieve_preventie_per_inwoner",
            "GM0363",
            ["GM0014"],
            "per 1.000",
            "€",
            str,
            "t",
            "Bron: CBS",
        ),
    }


def test_elke_grafiek_uit_charts_in_de_huisstijl(monkeypatch):
    monkeypatch.setattr(pio.templates, "default", "plotly")  # zoals na Streamlits import ('streamlit')
    figuren = alle_figuren()
    bouwers = {
        naam
        for naam, f in inspect.getmembers(charts, inspect.isfunction)
        if f.__module__ == charts.__name__
        and not naam.startswith("_")
        and inspect.signature(f).return_annotation == "go.Figure"
        and naam != "figuur"
    }
    assert bouwers == set(figuren), "een nieuwe grafiek hoort ook in deze test"
    assert pio.templates["sociale_basis"] is huisstijl.SJABLOON
    for naam, fig in figuren.items():
        fig = go.Figure(fig.to_dict())  # door plotly's validatie: elke eigenschap bestaat
        layout = fig.layout
        # Het sjabloon in de figuur zelf: pio.templates.default zet Streamlit bij import op 'streamlit'.
        assert layout.template == huisstijl.SJABLOON, naam
        # In de layout zelf, niet alleen in het sjabloon: dat vervangt Streamlit in de browser.
        assert (layout.font.family, layout.font.color) == (huisstijl.LETTER, huisstijl.INKT), naam
        assert layout.title.font.color == huisstijl.INKT and layout.title.font.weight == 700, naam
        assert layout.xaxis.tickfont.color == layout.yaxis.tickfont.color == huisstijl.ZACHT, naam
        assert layout.xaxis.gridcolor == huisstijl.RASTER, naam
        assert layout.hoverlabel.font.family == huisstijl.LETTER, naam
        assert layout.annotations[-1].text.startswith("Bron: CBS"), naam  # de bronregel bleef


def test_wat_de_figuur_zelf_zegt_wint_van_de_huisstijl():
    fig = charts.lagen_staaf(_gemeenten().iloc[0], True, "t", "Bron: CBS")
    assert fig.layout.yaxis.autorange == "reversed" and fig.layout.yaxis.gridcolor == huisstijl.RASTER
    assert fig.layout.title.font.size == 16 and fig.layout.xaxis.title.text == "€ per inwoner"
    samen = huisstijl.opmaak({"xaxis": {"tickfont": {"size": 20}}, "font": {"color": "#000"}})
    assert samen["xaxis"]["tickfont"] == {"color": huisstijl.ZACHT, "size": 20}
    assert samen["font"] == {"family": huisstijl.LETTER, "size": 13, "color": "#000"}
    assert huisstijl.OPMAAK["font"]["color"] == huisstijl.INKT  # het origineel bleef heel
