"""Kaartgrenzen voor de pagina's: welke indeling bij een jaar hoort en de GeoJSON als URL
(één keer naar de browser) of, als dat niet kan, als gegevens."""

from __future__ import annotations

import hashlib
import json

from .. import indicators
from ..store import ROOT, Store, huidige_versie
from .opslag import db_pad
from .vragen import bewaard, gecacht, gemeenten


@bewaard
def geojson(store: Store, jaar: int) -> dict:
    """GeoJSON van één indeling; `id` = GM-code, zonder overbodige eigenschappen (kleine payload)."""
    rijen = indicators.grenzen(store, jaar)
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": r.gm_code, "properties": {}, "geometry": json.loads(r.geometrie)}
            for r in rijen.itertuples(index=False)
        ],
    }


KAARTMAP = ROOT / "static" / "kaart"


@bewaard
def geojson_bron(store: Store, jaar: int) -> dict | str:
    """De grenzen voor plotly: bij voorkeur als URL van een bestand in static/kaart/ (afgeleid
    van de opslag, niet in git), zodat de browser de geometrie één keer ophaalt en elke klik
    alleen de cijfers verstuurt. Kan dat bestand niet geschreven worden, of zijn het de grenzen van een
    privékopie (eigen bestanden van één bezoeker), dan de GeoJSON zelf: static/ is voor iedereen leesbaar."""
    data = geojson(store, jaar)
    if store.bestand.parent != huidige_versie(db_pad()).parent:
        return data
    tekst = json.dumps(data, separators=(",", ":"))
    naam = f"gemeenten_{jaar}_{hashlib.sha256(tekst.encode()).hexdigest()[:12]}.json"
    try:
        KAARTMAP.mkdir(parents=True, exist_ok=True)
        pad = KAARTMAP / naam
        if not pad.exists():
            tijdelijk = pad.with_suffix(".tmp")
            tijdelijk.write_text(tekst, encoding="utf-8")
            tijdelijk.replace(pad)
    except OSError:
        return data
    return f"app/static/kaart/{naam}"


@gecacht
def geo_jaren(store: Store) -> list[int]:
    return indicators.grensjaren(store)


def kaartjaar(store: Store, jaar: int) -> tuple[int | None, bool]:
    """Welke kaartgrenzen bij de cijfers van `jaar` horen: (grensjaar, herrekenen).

    Eerst grenzen met precies de gemeenten van dat jaar (zo dicht mogelijk bij het jaar); anders
    de eerstvolgende latere grenzen, en dan moeten de cijfers naar die indeling worden herrekend.
    """
    codes = set(gemeenten(store, jaar)["gm_code"])
    per_jaar = {j: {f["id"] for f in geojson(store, j)["features"]} for j in geo_jaren(store)}
    passend = [j for j, geo in per_jaar.items() if geo == codes]
    if passend:
        return min(passend, key=lambda j: (abs(j - jaar), -j)), False
    later = [j for j in per_jaar if j > jaar and per_jaar[j] == set(gemeenten(store, j)["gm_code"])]
    return (min(later), True) if later else (None, False)
