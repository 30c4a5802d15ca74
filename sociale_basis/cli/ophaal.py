"""`sociale-basis ophalen`: de nieuwste gegevens bij CBS en PDOK ophalen en in één transactie importeren,
in een nieuwe versie van de opslag. (Niet `ophalen.py`: die naam is het pakket `sociale_basis.ophalen`.)"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import fmt, indicators, ophalen
from ..store import Store, nieuwe_versie

NAAM = "ophalen"


def voeg_toe(sub) -> None:
    oph = sub.add_parser(
        NAAM,
        help="de nieuwste gegevens ophalen bij CBS en PDOK (internet nodig)",
        description="Haal Iv3 (begroting en jaarrekening, lasten en baten, alle jaren), "
        "gemeentelijsten, inwoners, de CPI en gemeentegrenzen op bij CBS "
        "(OData) en PDOK, en importeer alles in één transactie. Mislukt er "
        "iets, dan verandert de opslag niet; een herhaling gaat verder waar "
        "de vorige stopte.",
    )
    oph.add_argument(
        "--bronnen",
        metavar="TOML",
        default=None,
        help="tabel-id's en adressen (standaard $SOCIALE_BASIS_CBS_BRONNEN of data/cbs_bronnen.toml)",
    )
    oph.add_argument(
        "--cache",
        metavar="MAP",
        default=None,
        help="map voor halve downloads (standaard $SOCIALE_BASIS_CACHE of .cache/ophalen)",
    )
    oph.add_argument(
        "--alleen",
        nargs="+",
        choices=list(ophalen.ONDERDELEN),
        metavar="ONDERDEEL",
        help=f"alleen deze onderdelen: {', '.join(ophalen.ONDERDELEN)}",
    )
    oph.add_argument(
        "--jaar",
        type=int,
        nargs="+",
        metavar="JAAR",
        help="alleen deze jaren (Iv3, gemeentelijsten, inwoners, grenzen; de CPI altijd heel)",
    )
    oph.add_argument(
        "--document",
        nargs="+",
        choices=indicators.DOCUMENTEN,
        metavar="DOCUMENT",
        help="alleen begroting en/of jaarrekening (Iv3)",
    )
    oph.add_argument(
        "--altijd",
        action="store_true",
        help="ook Iv3-tabellen die bij CBS niet veranderd zijn sinds de vorige ophaling",
    )
    oph.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="SECONDEN",
        help="wachttijd per pagina (standaard 300: diepe CBS-pagina's zijn soms traag)",
    )
    oph.add_argument("--pogingen", type=int, default=6, help="pogingen per verzoek (standaard 6)")
    oph.add_argument(
        "--wacht",
        type=float,
        default=1.0,
        metavar="SECONDEN",
        help="eerste wachttijd bij een tijdelijke fout; verdubbelt per poging (standaard 1)",
    )


def voer_uit(args) -> int:
    with nieuwe_versie(args.db) as store:
        return _ophalen(store, args)


def _ophalen(store: Store, args) -> int:
    def meld(regel: str, fractie: float) -> None:
        if fractie < 1:
            print(f"[{fractie:4.0%}] {regel}", file=sys.stderr)

    uit = ophalen.ophaal(
        store,
        ophalen.laad_bronnen(Path(args.bronnen) if args.bronnen else None),
        cache=Path(args.cache) if args.cache else None,
        onderdelen=args.alleen,
        meld=meld,
        jaren=args.jaar,
        documenten=args.document,
        altijd=args.altijd,
        client_opties={"pogingen": args.pogingen, "basis_wacht": args.wacht, "timeout": args.timeout},
    )
    for regel in uit.overgeslagen:
        print(f"Overgeslagen: {regel}", file=sys.stderr)
    for opmerking in uit.opmerkingen:
        print(f"Let op: {opmerking}", file=sys.stderr)
    for regel in uit.nieuw:
        print(f"Nieuw: {regel}", file=sys.stderr)
    print(
        f"Opgehaald in {fmt.getal(uit.seconden, 1)} s ({uit.verzoeken} verzoeken): "
        f"{len(uit.verslag.geladen)} tabel(len) geïmporteerd, {len(uit.verslag.ongewijzigd)} ongewijzigd.",
        file=sys.stderr,
    )
    return 0
