"""De gemeentegrenzen per jaar (PDOK, GeoJSON); niet verplicht."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..sources import geo
from .client import Client
from .instellingen import Bronnen, OphaalFout
from .opgehaald import Opgehaald, Vorige, stap
from .paginas import geo_rijen, geo_volgende


def haal_grenzen(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    _vorige: Vorige,
    _documenten: list[str],
) -> None:
    """Grenzen zijn niet verplicht: een onbereikbare PDOK laat de bestaande grenzen staan."""
    for jaar in b.grenzen_jaren:
        wat = f"gemeentegrenzen {jaar} (PDOK)"
        meld(f"{wat} ophalen…")
        try:
            features = client.alle_rijen(
                f"grenzen_{jaar}", b.grenzen_url.format(jaar=jaar), wat, geo_volgende, geo_rijen
            )
        except OphaalFout as e:
            uit.opmerkingen.append(f"{wat} niet bijgewerkt: {e}")
            continue
        if not features:
            uit.opmerkingen.append(f"{wat}: geen grenzen voor dit jaar.")
            continue
        bestand = map_ / f"gemeenten_{jaar}_pdok.geojson"
        bestand.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
        uit.stappen.append(stap(bestand, "pdok_grenzen", wat, geo.lees))
