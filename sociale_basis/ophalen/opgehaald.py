"""Wat een bron teruggeeft en wat ze van eerder weet: `Opgehaald` (importstappen, opmerkingen,
CBS-metadata), `Vorige` (wat de opslag weet van eerdere ophalingen), en `stap`: een importstap
over een omgezet bestand in de cache."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import fmt
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


def ongewijzigd(
    vorige: Vorige, tabel: str, sleutel: str, info: dict, wat: str, uit: Opgehaald, meld: Callable[[str], None]
) -> bool:
    """Is deze CBS-tabel (of dit deel, `sleutel`) sinds de vorige ophaling niet gewijzigd (TableInfos.Modified)?
    Dan staat ze bij de overgeslagen, met de datum van CBS."""
    eerder = vorige.herkomst.get((tabel, sleutel))
    if not (eerder and eerder["gewijzigd"] == info["Modified"]):
        return False
    uit.overgeslagen.append(
        f"{wat}: ongewijzigd bij CBS sinds {eerder['opgehaald']:%d-%m-%Y} (tabel gewijzigd {fmt.datum(info['Modified'])})."
    )
    meld(f"{wat}: ongewijzigd sinds de vorige ophaling, overgeslagen")
    return True
