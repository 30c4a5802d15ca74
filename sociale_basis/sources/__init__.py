"""De bronformaten die het dashboard kan importeren, en hoe ze herkend worden.

Elk formaat leest een bestand, controleert het en geeft rijen per opslagtabel terug (een
`Lading`); wegschrijven doet `importer.py`. De volgorde bepaalt wat eerst moet: namen en
gemeentelijsten vóór bestanden die gemeenten op naam noemen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import behoefte, eigen, gebruik, gemeentefonds, gemeenten, geo, iv3, prijzen, referentie, regiotaken
from .controle import InvoerFout
from .lading import Lading
from .namen import NaamZoeker


@dataclass
class Context:
    """Wat een lezer uit de opslag mag weten: gemeentenamen, de bestaande CPI-reeks en (alleen
    lezend, benoemde queries in queries/import/) wat verder nodig is om invoer te controleren."""

    namen: NaamZoeker
    cpi: pd.DataFrame
    vraag: Callable[..., pd.DataFrame] | None = None


@dataclass(frozen=True)
class Formaat:
    soort: str
    omschrijving: str
    herken: Callable[[Path, str], bool]
    lees: Callable[[Path, Context], Lading]


FORMATEN: list[Formaat] = [
    Formaat("taakvelden", "CBS-codelijst Iv3-taakvelden", referentie.herken, lambda p, c: referentie.lees(p, c.namen)),
    Formaat(
        "gemeenten_per_jaar",
        "gemeentelijst per jaar",
        gemeenten.herken_lijst,
        lambda p, c: gemeenten.lees_lijst(p, c.namen),
    ),
    Formaat(
        "gemeentenamen",
        "gemeentenamen ↔ GM-codes",
        gemeenten.herken_namen,
        lambda p, c: gemeenten.lees_namen(p, c.namen),
    ),
    Formaat(
        "gemeentenamen_gf",
        "afwijkende gemeentefondsnamen",
        gemeenten.herken_namen_gf,
        lambda p, c: gemeenten.lees_namen_gf(p, c.namen),
    ),
    Formaat(
        "inwoners", "inwoners op 1 januari", gemeenten.herken_inwoners, lambda p, c: gemeenten.lees_inwoners(p, c.namen)
    ),
    Formaat(
        "gemeenteklassen",
        "grootteklasse en stedelijkheid",
        gemeenten.herken_klassen,
        lambda p, c: gemeenten.lees_klassen(p, c.namen),
    ),
    Formaat(
        "sociale_structuur",
        "sociale structuur en centrumfunctie",
        gemeenten.herken_profiel,
        lambda p, c: gemeenten.lees_profiel(p, c.namen),
    ),
    Formaat(
        "grenswijzigingen",
        "herindelingen en grenscorrecties",
        gemeenten.herken_grenzen,
        lambda p, c: gemeenten.lees_grenzen(p, c.namen),
    ),
    Formaat(
        "iv3_lasten_2posities",
        "Iv3 lasten per taakveld (2 posities), alle jaren",
        iv3.herken_2posities,
        lambda p, c: iv3.lees_2posities(p, c.namen),
    ),
    Formaat(
        "iv3_taakveld",
        "Iv3 per taakveld met lasten en baten",
        iv3.herken_taakveld,
        lambda p, c: iv3.lees_taakveld(p, c.namen),
    ),
    Formaat("iv3_cbs_ruw", "CBS onbewerkte Iv3-data", iv3.herken_cbs_ruw, lambda p, c: iv3.lees_cbs_ruw(p, c.namen)),
    Formaat(eigen.SOORT, "eigen cijfers van één gemeente (sjabloon)", eigen.herken, eigen.lees),
    Formaat(
        "gemeentefonds",
        "gemeentefonds: verdeling over clusters",
        gemeentefonds.herken,
        lambda p, c: gemeentefonds.lees(p, c.namen),
    ),
    Formaat(
        regiotaken.SOORT,
        "gemeentefonds: centrumgemeenten (regionale uitkeringen)",
        regiotaken.herken,
        lambda p, c: regiotaken.lees(p, c.namen),
    ),
    Formaat(
        behoefte.SOORT,
        "gemeentefonds: volumes van de maatstaven (behoefte)",
        behoefte.herken,
        lambda p, c: behoefte.lees(p, c.namen),
    ),
    Formaat(
        behoefte.SOORT_KWB,
        "CBS Kerncijfers wijken en buurten per gemeente",
        behoefte.herken_kerncijfers,
        lambda p, c: behoefte.lees_kerncijfers(p, c.namen),
    ),
    Formaat(
        gebruik.SOORT,
        "CBS gebruik van zorg per gemeente (jeugdzorg, Wmo)",
        gebruik.herken,
        lambda p, c: gebruik.lees(p, c.namen),
    ),
    Formaat(
        gebruik.SOORT_WIJK,
        "CBS Kerncijfers wijken en buurten per wijk",
        gebruik.herken_wijken,
        lambda p, c: gebruik.lees_wijken(p, c.namen),
    ),
    Formaat(
        behoefte.SOORT_NPLV,
        "focusgebieden Nationaal Programma Leefbaarheid en Veiligheid",
        behoefte.herken_nplv,
        lambda p, c: behoefte.lees_nplv(p, c.namen),
    ),
    # Vóór de gemeentegrenzen: een bestand met wijkgrenzen is ook een FeatureCollection.
    Formaat(geo.SOORT_WIJK, "wijkgrenzen (GeoJSON)", geo.herken_wijken, lambda p, c: geo.lees_wijken(p, c.namen)),
    Formaat("geo", "gemeentegrenzen (GeoJSON)", geo.herken, lambda p, c: geo.lees(p, c.namen)),
    Formaat(
        "cpi",
        "CBS consumentenprijsindex (StatLine)",
        prijzen.herken_statline,
        lambda p, c: prijzen.lees_statline(p, c.namen),
    ),
    Formaat(
        "cpi_mutaties",
        "CPI-jaarmutaties",
        prijzen.herken_mutaties,
        lambda p, c: prijzen.lees_mutaties(p, c.namen, c.cpi),
    ),
    # Na de fracties: die schakelen 2018–2023, deze daarna 2024–2025 (elk vanaf het laatste bekende jaar).
    Formaat(
        "cpi_mutaties_procent",
        "CPI-jaarmutaties in procenten (persberichten CBS)",
        prijzen.herken_mutaties_procent,
        lambda p, c: prijzen.lees_mutaties_procent(p, c.namen, c.cpi),
    ),
]

# Bestanden in de gedeelde datamap die het dashboard bewust niet gebruikt, met de reden.
NIET_GEBRUIKT = {
    "iv3_gemeente_totalen": "totalen per gemeente; het dashboard rekent per taakveld",
    "iv3_lasten_hoofdtaakveld_x_hoofdcategorie": "alleen per hoofdtaakveld, niet per taakveld",
    "iv3_per_hoofdtaakveld": "alleen per hoofdtaakveld, niet per taakveld",
    "uitkeringsfactor": "de clusterbestanden zijn al met de uitkeringsfactor berekend",
    "_Gewichten": "invoer van de clusterberekening; de clusterbestanden volstaan",
    "iv3_categorieen": "codelijst van categorieën; niet nodig zonder categoriedata",
    "MANIFEST": "herkomst van de bestanden",
}


def kop_van(pad: Path, tekens: int = 4096) -> str:
    """Het begin van een bestand als tekst, ook voor .gz."""
    import gzip

    opener = gzip.open if pad.suffix == ".gz" else open
    try:
        with opener(pad, "rt", encoding="utf-8-sig", errors="replace") as f:
            return f.read(tekens)
    except (OSError, EOFError):
        return ""


def herken(pad: Path) -> Formaat | None:
    kop = kop_van(pad)
    for formaat in FORMATEN:
        if formaat.herken(pad, kop):
            return formaat
    return None


def reden_niet_gebruikt(pad: Path) -> str | None:
    if pad.suffix.lower() in {".md", ".txt"}:
        return "documentatie"
    return next((reden for deel, reden in NIET_GEBRUIKT.items() if deel in pad.name), None)


__all__ = ["FORMATEN", "Context", "Formaat", "InvoerFout", "Lading", "herken", "reden_niet_gebruikt"]
