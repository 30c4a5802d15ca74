"""Gemeentegrenzen (GeoJSON, WGS84) per jaar, vereenvoudigd voor een landelijke kaart.

De grenzen worden bij het importeren vereenvoudigd (±200 m) en afgerond op 0,001 graad:
genoeg voor een choropleet van heel Nederland en klein genoeg om per klik te versturen.
Shapely doet de vereenvoudiging met behoud van geldige polygonen.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from shapely import set_precision
from shapely.geometry import mapping, shape

from .controle import FORMULE, GM_CODE, Problemen, controleer_jaar
from .gebruik import WK_CODE
from .lading import Lading
from .lezen import lees_tekst
from .namen import NaamZoeker

TOLERANTIE = 0.002  # graden; ±150–220 m in Nederland
RASTER = 0.001  # afronding van coördinaten
EERSTE_JAAR = 2000  # ruim vóór de oudste gemeentegrenzen die het dashboard kent
# Nederland ligt ruwweg tussen 3–8 °O en 50–54 °N; coördinaten ver daarbuiten zijn geen WGS84
# (bv. RD-meters) of onzin, en zouden de kaart onleesbaar maken.
GEBIED = (2.0, 49.0, 9.0, 56.0)


SOORT_WIJK = "geo_wijken"


@dataclass(frozen=True)
class _Niveau:
    code: re.Pattern
    wat: str  # 'gemeente', 'wijk'
    tabel: str
    kolom: str
    tolerantie: float


GEMEENTE = _Niveau(GM_CODE, "gemeente", "geo_gemeente", "gm_code", TOLERANTIE)
# Wijken zijn kleiner: fijner vereenvoudigen (±40 m), anders verdwijnt een wijk in de stad.
WIJK = _Niveau(WK_CODE, "wijk", "geo_wijk", "wk_code", TOLERANTIE / 5)


def herken(pad: Path, kop: str) -> bool:
    return pad.suffix.lower() in {".geojson", ".json"} and '"FeatureCollection"' in kop


def herken_wijken(pad: Path, kop: str) -> bool:
    return herken(pad, kop) and "wijk" in pad.name.lower()


def lees_wijken(pad: Path, namen: NaamZoeker) -> Lading:
    """Wijkgrenzen (PDOK wijk_gegeneraliseerd): statcode WK…, statnaam."""
    return lees(pad, namen, WIJK)


def lees(pad: Path, namen: NaamZoeker, niveau: _Niveau = GEMEENTE) -> Lading:
    fouten = Problemen(pad)
    if not (m := re.search(r"((?:19|20)\d\d)", pad.name)):
        raise fouten.fout(
            "het jaar van de indeling staat niet in de bestandsnaam; noem het bestand bv. gemeenten_2025.geojson."
        )
    jaar = int(m.group(1))
    controleer_jaar(fouten, jaar, EERSTE_JAAR, "gemeentegrenzen")
    # Geen regelgrens: een GeoJSON mag op één regel staan; de bestandsgrens geldt wel.
    tekst = lees_tekst(pad, fouten, max_regel=None)
    try:
        # parse_constant: NaN/Infinity zijn geen JSON en geen coördinaat.
        data = json.loads(tekst, parse_constant=_geen_getal)
    except json.JSONDecodeError as e:
        raise fouten.fout(f"geen geldige JSON ({e.msg}).", rij=e.lineno) from None
    except (ValueError, RecursionError) as e:
        raise fouten.fout(f"geen bruikbare JSON ({e}).") from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise fouten.fout("geen FeatureCollection met een lijst 'features'.")
    rijen = []
    for i, feature in enumerate(features, start=1):
        props = (feature.get("properties") if isinstance(feature, dict) else None) or {}
        code = str(props.get("statcode", "")).strip()
        if not niveau.code.match(code):
            fouten.meld(
                f"feature {i} heeft geen geldige 'statcode' ({niveau.wat}code): '{code[:40]}'.",
                kolom="properties.statcode",
            )
            continue
        naam = str(props.get("statnaam", code)).strip()
        if naam.startswith(FORMULE):
            fouten.meld(
                f"feature {i} ({code}): de naam '{naam[:60]}' lijkt een spreadsheetformule; zulke "
                "tekst wordt niet bewaard.",
                kolom="properties.statnaam",
            )
        try:
            vorm = shape(feature["geometry"])
            if vorm.is_empty:
                raise ValueError("lege geometrie")
            if vorm.geom_type not in ("Polygon", "MultiPolygon"):
                raise ValueError(f"{vorm.geom_type} is geen vlak")
            links, onder, rechts, boven = vorm.bounds
            if not all(math.isfinite(x) for x in vorm.bounds):
                raise ValueError("coördinaten zijn geen eindige getallen")
            if links < GEBIED[0] or onder < GEBIED[1] or rechts > GEBIED[2] or boven > GEBIED[3]:
                raise ValueError("coördinaten liggen buiten Nederland; verwacht WGS84 (lengte, breedte)")
            eenvoudig = set_precision(vorm.simplify(niveau.tolerantie, preserve_topology=True), RASTER)
        except Exception as e:  # noqa: BLE001 — shapely/GEOS kent vele fouttypen voor kapotte vormen
            fouten.meld(f"feature {i} ({code}) heeft geen bruikbare geometrie ({e}).", kolom="geometry")
            continue
        rijen.append(
            {
                "jaar": jaar,
                niveau.kolom: code,
                "naam": naam,
                "geometrie": json.dumps(mapping(eenvoudig), separators=(",", ":")),
            }
        )
    if not features:
        raise fouten.fout("het bestand bevat geen features.")
    uit = pd.DataFrame(rijen, columns=["jaar", niveau.kolom, "naam", "geometrie"])
    for code in uit.loc[uit[niveau.kolom].duplicated(), niveau.kolom]:
        fouten.meld(f"{niveau.wat}code {code} komt twee keer voor.", kolom="properties.statcode")
    if niveau is WIJK:
        fouten.klaar()
        return Lading(SOORT_WIJK, {"geo_wijk": uit}, f"{jaar}: {len(uit)} wijken")
    # Een feature heeft geen regelnummer; de melding noemt de code.
    namen.onbekende_gemeenten(
        fouten,
        uit.assign(**{"properties.statcode": uit["gm_code"], "_regel": None}),
        "properties.statcode",
        uit["gm_code"],
        jaar,
    )
    fouten.klaar()
    return Lading("geo", {"geo_gemeente": uit}, f"{jaar}: {len(uit)} gemeenten")


def _geen_getal(waarde: str):
    raise ValueError(f"{waarde} is geen getal")
