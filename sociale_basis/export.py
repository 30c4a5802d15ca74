"""Bestanden om mee te nemen: grafieken als PNG/SVG, tabellen als CSV/Excel met de keuzes en de
bron erin. Zuiver (geen Streamlit), zodat het los te testen is.

Grafieken tekent kaleido (≥ 1) offline met de Chromium van de machine (Debian-pakket chromium,
of de Chrome die kaleido zelf haalde; een ander pad via BROWSER_PATH). Eén browser blijft draaien: opstarten kost ~3,5 s, een export
daarna ~0,2 s."""

from __future__ import annotations

import io
import json
import re
import shutil
import threading
import unicodedata
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from . import fmt
from .browser import browser

# Wat de app als app/static/... serveert; de exportbrowser heeft geen server, dus lezen we zelf.
STATIC = Path(__file__).resolve().parent.parent / "static"
_slot = threading.Lock()
_gestart = False
_mislukt: str | None = None  # waarom de browser niet startte; dan niet elke klik opnieuw proberen

_FORMULE = fmt.FORMULE_BEGIN  # tekst die een spreadsheet als formule leest


def bestandsnaam(*delen: str, ext: str) -> str:
    """'Amsterdam', 'begroting-2025', 'netto', 'lagen' → amsterdam_begroting-2025_netto_lagen.svg"""

    def schoon(d: str) -> str:
        d = unicodedata.normalize("NFKD", str(d)).encode("ascii", "ignore").decode().lower()
        return re.sub(r"[^a-z0-9]+", "-", d).strip("-")

    return "_".join(s for s in map(schoon, delen) if s) + f".{ext}"


class AfbeeldingFout(RuntimeError):
    """PNG/SVG kan niet op deze server; de tekst is voor de gebruiker (CSV en Excel werken wel)."""


def afbeelding_fout() -> str | None:
    """Waarom PNG/SVG hier niet kan, in het Nederlands, of None als het kan. Vooraf te vragen, zodat
    de knoppen uit kunnen staan: een fout in een download komt bij de gebruiker alleen aan als
    Streamlits Engelse 'Failed to generate file for download'."""
    if _mislukt is not None:
        return _mislukt
    if shutil.which(browser()) is None:
        return (
            f"PNG/SVG maken kan niet: Chromium ontbreekt op deze server (verwacht in {browser()}, "
            "of zet BROWSER_PATH; bash scripts/chromium.sh installeert hem). CSV en Excel werken wel."
        )
    return None


def afbeelding(fig: go.Figure, formaat: str, breedte: int = 1000, schaal: float = 2) -> bytes:
    """De figuur als 'png' of 'svg', zoals op het scherm (titel en bronregel staan in de figuur).
    Geeft AfbeeldingFout als de browser ontbreekt of niet start."""
    import kaleido

    global _gestart, _mislukt
    if (fout := afbeelding_fout()) is not None:
        raise AfbeeldingFout(fout)
    d = _zonder_server(fig.to_dict())
    hoogte = d.get("layout", {}).get("height") or 450
    opties = {"format": formaat, "width": breedte, "height": hoogte, "scale": schaal if formaat == "png" else 1}
    with _slot:  # één browser voor alle sessies; kaleido's server is niet voor gelijktijdig gebruik
        if _gestart:
            return kaleido.calc_fig_sync(d, opts=opties, topojson=STATIC.as_uri() + "/")
        # De eerste keer los, zonder kaleido's gedeelde server: start de browser daar niet, dan
        # wacht die server eeuwig op een antwoord. Zo komt de fout hier terug.
        try:
            uit = kaleido.calc_fig_sync(d, opts=opties, topojson=STATIC.as_uri() + "/", kopts={"path": browser()})
        except Exception as e:
            _mislukt = (
                f"PNG/SVG maken kan niet: Chromium ({browser()}) start niet op deze server "
                f"({type(e).__name__}). CSV en Excel werken wel."
            )
            raise AfbeeldingFout(_mislukt) from e
        kaleido.start_sync_server(path=browser(), silence_warnings=True)
        _gestart = True
        return uit


def _zonder_server(d: dict) -> dict:
    """Kaartgrenzen die de app als URL (app/static/...) meegeeft, ingevuld uit het bestand."""
    for trace in d.get("data", []):
        bron = trace.get("geojson")
        if isinstance(bron, str) and bron.startswith("app/static/"):
            trace["geojson"] = json.loads((STATIC / bron.removeprefix("app/static/")).read_text())
    return d


def onschadelijk(waarde):
    """Tekst die met =, +, -, @, tab of CR begint krijgt een ' ervoor: een spreadsheet voert hem
    dan niet uit als formule. Getallen blijven getallen."""
    if isinstance(waarde, str) and waarde.startswith(_FORMULE):
        return "'" + waarde
    return waarde


def _met_keuzes(df: pd.DataFrame, keuzes: dict[str, object]) -> pd.DataFrame:
    tekst = df.select_dtypes(include=["object", "string"]).columns
    uit = df.copy()
    for k in tekst:
        uit[k] = uit[k].map(onschadelijk)
    # De keuzes als gewone kolommen achteraan: een CSV heeft geen plek voor een kopregel, en zo
    # blijven ze bij elke rij staan als iemand filtert of plakt. Heeft de tabel zelf die kolom (ook als
    # ‘Jaar’ in een reeks per jaar), dan gaat die voor: anders stond het jaar van de zijbalk naast elk jaar.
    eigen = {str(c).lower() for c in uit.columns}
    for k, v in keuzes.items():
        if k.lower() not in eigen:
            uit[k] = onschadelijk(v)
    return uit


def csv(df: pd.DataFrame, keuzes: dict[str, object]) -> bytes:
    """';' en decimale komma zoals Nederlandse spreadsheets verwachten; UTF-8 met BOM voor Excel."""
    return _met_keuzes(df, keuzes).to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def xlsx(df: pd.DataFrame, keuzes: dict[str, object], titel: str = "Cijfers") -> bytes:
    """Blad 'Cijfers' met de tabel en blad 'Over deze cijfers' met keuzes en bron."""
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.title = titel[:31]
    blad.append([str(k) for k in df.columns])
    for rij in df.itertuples(index=False):
        # Leeg (NaN, pd.NA uit een Int64-kolom zoals de rang, None) als lege cel; openpyxl kent pd.NA niet.
        blad.append(
            [
                None
                if v is None or (pd.api.types.is_scalar(v) and pd.isna(v))
                else (v.item() if hasattr(v, "item") else v)
                for v in rij
            ]
        )
    over = boek.create_sheet("Over deze cijfers")
    over.append(["Keuze", "Waarde"])
    for k, v in keuzes.items():
        over.append([str(k), v])
    for b in (blad, over):
        for rij in b.iter_rows():
            for cel in rij:
                # openpyxl schrijft tekst met '=' als formule: als tekst vastzetten.
                if isinstance(cel.value, str) and cel.value.startswith(_FORMULE):
                    cel.data_type = "s"
    blad.freeze_panes = "A2"
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
