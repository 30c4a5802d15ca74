"""De gemeente- en wijkgrenzen per jaar (PDOK, GeoJSON); niet verplicht."""

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
    _haal(client, b.grenzen_url, b.grenzen_jaren, "gemeentegrenzen", "gemeenten", map_, uit, meld, geo.lees)


def haal_wijkgrenzen(
    client: Client,
    b: Bronnen,
    map_: Path,
    uit: Opgehaald,
    meld: Callable[[str], None],
    _vorige: Vorige,
    _documenten: list[str],
) -> None:
    """De wijkgrenzen, voor de wijkkaart op Mensen; net zo min verplicht."""
    _haal(client, b.wijkgrenzen_url, b.wijkgrenzen_jaren, "wijkgrenzen", "wijken", map_, uit, meld, geo.lees_wijken)


def _haal(client, url, jaren, wat_kort, bestandsnaam, map_, uit, meld, lees) -> None:
    for jaar in jaren:
        wat = f"{wat_kort} {jaar} (PDOK)"
        meld(f"{wat} ophalen…")
        try:
            features = client.alle_rijen(f"{bestandsnaam}_{jaar}", url.format(jaar=jaar), wat, geo_volgende, geo_rijen)
        except OphaalFout as e:
            uit.opmerkingen.append(f"{wat} niet bijgewerkt: {e}")
            continue
        if not features:
            uit.opmerkingen.append(f"{wat}: geen grenzen voor dit jaar.")
            continue
        bestand = map_ / f"{bestandsnaam}_{jaar}_pdok.geojson"
        bestand.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
        uit.stappen.append(stap(bestand, "pdok_grenzen" if lees is geo.lees else geo.SOORT_WIJK, wat, lees))
