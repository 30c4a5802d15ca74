"""`sociale-basis import`: bronbestanden, mappen of de meegeleverde momentopname importeren, in één
transactie en in een nieuwe versie van de opslag."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import fmt, importer, indicators, snapshot
from ..sources import eigen
from ..sources.controle import InvoerFout
from ..store import Store, nieuwe_versie

NAAM = "import"


def voeg_toe(sub) -> None:
    imp = sub.add_parser(
        NAAM,
        help="bestanden of mappen importeren",
        description="Importeer bronbestanden (of alle bekende bestanden in een map) "
        "in één transactie. Bij een fout verandert er niets.",
    )
    imp.add_argument("paden", nargs="*", metavar="PAD", help="bestand of map")
    imp.add_argument(
        "--snapshot",
        nargs="?",
        const=str(snapshot.STANDAARD_MAP),
        metavar="MAP",
        help="laad de meegeleverde momentopname (standaard data/snapshot) of een andere",
    )
    imp.add_argument(
        "--als-leeg",
        action="store_true",
        help="met --snapshot: alleen laden als de opslag nog geen Iv3-gegevens heeft "
        "(zo overschrijft een herstart nooit nieuwere gegevens)",
    )
    imp.add_argument(
        "--uitgebreid", action="store_true", help="toon ook welke bestanden in een map zijn overgeslagen en waarom"
    )
    imp.add_argument(
        "--volledig",
        action="store_true",
        help="ja, dit is volledig: eigen cijfers (sjabloon) ook inlezen als hun totale lasten meer dan "
        f"{fmt.procent(eigen.MARGE, 0)} van CBS afwijken (een half leeg bestand blijft geweigerd)",
    )


def voer_uit(args) -> int:
    if not args.paden and not args.snapshot:
        raise InvoerFout("opdrachtregel", "noem een bestand of map, of gebruik --snapshot.")
    # Een nieuwe versie naast de huidige: een draaiend dashboard leest door en neemt hem
    # over zodra hij klaar is (store.nieuwe_versie).
    with nieuwe_versie(args.db) as store:
        return _import(store, args)


def _import(store: Store, args) -> int:
    def meld(regel: str, fractie: float) -> None:
        if fractie < 1:  # de slotregel hieronder zegt het al
            print(regel, file=sys.stderr)

    voor = []
    if args.snapshot and args.als_leeg and not indicators.beschikbaarheid(store).empty:
        print("De opslag heeft al gegevens; de momentopname wordt niet opnieuw geladen.", file=sys.stderr)
    elif args.snapshot:
        voor = snapshot.stappen(Path(args.snapshot))
    verslag = importer.importeer(store, args.paden, meld, voor=voor, volledig=args.volledig)
    if args.uitgebreid:
        for pad, reden in verslag.overgeslagen:
            print(f"overgeslagen: {pad} ({reden})", file=sys.stderr)
    print(
        f"Klaar in {fmt.getal(verslag.seconden, 1)} s: {len(verslag.geladen)} bestand(en) geladen, "
        f"{len(verslag.ongewijzigd)} ongewijzigd, {len(verslag.overgeslagen)} overgeslagen"
        f"{'' if args.uitgebreid or not verslag.overgeslagen else ' (zie --uitgebreid)'}.",
        file=sys.stderr,
    )
    return 0
