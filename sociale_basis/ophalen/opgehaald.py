"""Wat een bron teruggeeft en wat ze van eerder weet: `Opgehaald` (importstappen, opmerkingen,
CBS-metadata), `Vorige` (wat de opslag weet van eerdere ophalingen), en `stap`: een importstap
over een omgezet bestand in de cache."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..importer import Stap
from ..sources.lading import Lading
from ..sources.lezen import sha256
from ..sources.namen import NaamZoeker


@dataclass
class Opgehaald:
    """Wat binnen is: importstappen over bestanden in de cachemap `map_`, opmerkingen, en per
    opgehaalde CBS-tabel haar metadata (`herkomst`, komt in de opslag)."""

    map_: Path
    stappen: list[Stap] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)
    verzoeken: int = 0
    herkomst: list[dict] = field(default_factory=list)
    overgeslagen: list[str] = field(default_factory=list)  # ongewijzigd bij CBS sinds de vorige keer
    gemeenten: dict[int, dict[str, str]] = field(default_factory=dict)  # jaar → {gm_code: naam}


@dataclass(frozen=True)
class Vorige:
    """Wat de opslag weet van eerdere ophalingen: CBS-metadata per (tabel, sleutel), en de
    gemeentelijst per jaar (om niet-aanleveraars te herkennen als de lijst niet mee opgehaald wordt)."""

    herkomst: dict[tuple[str, str], dict] = field(default_factory=dict)
    gemeenten: dict[int, dict[str, str]] = field(default_factory=dict)


def stap(bestand: Path, soort: str, omschrijving: str, lees: Callable[[Path, NaamZoeker], Lading]) -> Stap:
    # In import_log staat de vaste bestandsnaam in de cache: dezelfde inhoud = overslaan.
    # De lezers krijgen wat ze ook bij een gewone import krijgen: de namenzoeker uit de context.
    return Stap(
        f"ophalen/{bestand.name}",
        bestand.name,
        soort,
        omschrijving,
        sha256(bestand),
        lambda context, p=bestand: lees(p, context.namen),
    )
