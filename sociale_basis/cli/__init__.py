"""De opdrachtregel `sociale-basis`: importeren, ophalen bij CBS, de momentopname, indicatoren, realisatie en
behoefte als CSV, factsheets, eigen cijfers verwijderen, status en opwarmen (`sociale-basis --help`).

Dun over dezelfde functies als het dashboard; fouten komen als Nederlandse melding op stderr
met exitcode ≠ 0, nooit als traceback.

Dit is de voordeur: de parser met wat alle opdrachten delen (--db), de tabel OPDRACHTEN, de keuze van
de opdracht en de foutafhandeling. Elke opdracht is één module met NAAM, `voeg_toe(sub)` (haar
subparser met help en argumenten) en `voer_uit(args) -> int` (haar werk; ze opent zelf de opslag die
ze nodig heeft); `gedeeld.py` houdt wat meer opdrachten delen, `__main__.py` maakt
`python -m sociale_basis.cli` mogelijk.
"""

from __future__ import annotations

import argparse
import os
import sys

from .. import fmt, indicators, ophalen
from ..sources.controle import InvoerFout
from ..store import OpslagFout, standaard_pad
from . import (
    behoefte,
    eigen,
    factsheet,
    gebruik,
    importeren,
    indicatoren,
    model,
    ophaal,
    opwarmen,
    realisatie,
    snapshot,
    status,
)
from .gedeeld import EXIT_FOUT

# De opdrachten, in de volgorde van `sociale-basis --help`.
OPDRACHTEN = (
    importeren,
    indicatoren,
    realisatie,
    behoefte,
    gebruik,
    ophaal,
    snapshot,
    eigen,
    factsheet,
    status,
    opwarmen,
    model,
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sociale-basis",
        description="Gemeentebegrotingen (CBS Iv3) op het model van de sociale basis.",
        epilog=f"De opslag staat in --db, anders in $SOCIALE_BASIS_DB, anders in {standaard_pad()}.",
    )
    p.add_argument("--db", metavar="PAD", help="pad van de DuckDB-opslag")
    sub = p.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT")
    for opdracht in OPDRACHTEN:
        opdracht.voeg_toe(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {o.NAAM: o for o in OPDRACHTEN}[args.opdracht].voer_uit(args)
    except ophalen.OphaalFout as e:
        print(f"sociale-basis: {e}\nDe opslag is niet veranderd.", file=sys.stderr)
        return EXIT_FOUT
    except InvoerFout as e:
        print(invoerfout_tekst(e), file=sys.stderr)
        return EXIT_FOUT
    except (OpslagFout, indicators.IndicatorFout) as e:
        print(f"sociale-basis: {e}", file=sys.stderr)
        return EXIT_FOUT
    except BrokenPipeError:
        # Uitvoer naar bv. `head` die eerder stopt: geen fout voor de gebruiker.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0


def invoerfout_tekst(e: InvoerFout) -> str:
    """Eén probleem op één regel; meer problemen als lijst, zodat iemand ze in één keer herstelt."""
    if e.aantal == 1:
        return f"sociale-basis: {e}"
    regels = [f"sociale-basis: {fmt.getal(e.aantal)} problemen in bestand {e.bestand}; er is niets geïmporteerd."]
    regels += [
        f"  {p.plaats().removeprefix(f'bestand {e.bestand}, ') if p.bestand == e.bestand else p.plaats()}: {p.melding}"
        for p in e.problemen
    ]
    if e.weggelaten:
        regels.append(f"  … en nog {fmt.getal(e.weggelaten)} niet getoond.")
    return "\n".join(regels)
