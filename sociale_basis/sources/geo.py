"""Gemeentegrenzen (GeoJSON, WGS84) per jaar, vereenvoudigd voor een landelijke kaart.

De grenzen worden bij het importeren vereenvoudigd (±200 m) en afgerond op 0,001 graad:
genoeg voor een choropleet van heel Nederland en klein genoeg om per klik te versturen.
Shapely doet de vereenvoudiging met behoud van geldige polygonen.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
from shapely import set_precision
from shapely.geometry import mapping, shape

from .lezen import GM_CODE, InvoerFout, Lading, NaamZoeker

TOLERANTIE = 0.002   # graden; ±150–220 m in Nederland
RASTER = 0.001       # afronding van coördinaten


def herken(pad: Path, kop: str) -> bool:
    return pad.suffix.lower() in {".geojson", ".json"} and '"FeatureCollection"' in kop


def lees(pad: Path, namen: NaamZoeker) -> Lading:
    if not (m := re.search(r"(20\d\d)", pad.name)):
        raise InvoerFout(pad, "het jaar van de indeling staat niet in de bestandsnaam; noem het "
                              "bestand bv. gemeenten_2025.geojson.")
    jaar = int(m.group(1))
    try:
        data = json.loads(pad.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise InvoerFout(pad, f"geen geldige JSON ({e.msg}).", rij=e.lineno) from e
    rijen = []
    for i, feature in enumerate(data.get("features", []), start=1):
        props = feature.get("properties") or {}
        code = str(props.get("statcode", "")).strip()
        if not GM_CODE.match(code):
            raise InvoerFout(pad, f"feature {i} heeft geen geldige 'statcode' (GM-code): '{code}'.",
                             kolom="properties.statcode")
        try:
            vorm = shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise InvoerFout(pad, f"feature {i} ({code}) heeft geen bruikbare geometrie ({e}).",
                             kolom="geometry") from e
        eenvoudig = set_precision(vorm.simplify(TOLERANTIE, preserve_topology=True), RASTER)
        rijen.append({"jaar": jaar, "gm_code": code, "naam": str(props.get("statnaam", code)),
                      "geometrie": json.dumps(mapping(eenvoudig), separators=(",", ":"))})
    if not rijen:
        raise InvoerFout(pad, "het bestand bevat geen features.")
    uit = pd.DataFrame(rijen)
    if uit["gm_code"].duplicated().any():
        raise InvoerFout(pad, f"gemeentecode {uit.loc[uit['gm_code'].duplicated(), 'gm_code'].iloc[0]} "
                              "komt twee keer voor.", kolom="properties.statcode")
    return Lading("geo", {"geo_gemeente": uit}, f"{jaar}: {len(uit)} gemeenten")
