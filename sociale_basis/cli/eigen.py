"""`sociale-basis verwijder-eigen`: de eigen cijfers (geen CBS) van één gemeente, jaar en document weer
verwijderen, in een nieuwe versie van de opslag."""

from __future__ import annotations

import sys

from .. import importer, indicators
from ..store import OpslagFout, Store, nieuwe_versie

NAAM = "verwijder-eigen"


def voeg_toe(sub) -> None:
    weg = sub.add_parser(
        NAAM,
        help="eigen cijfers van een gemeente weer verwijderen",
        description="Verwijder de eigen cijfers (geen CBS) van één gemeente, jaar en "
        "document; daarna tellen de CBS-cijfers weer. `status` toont welke er zijn.",
    )
    weg.add_argument("--gemeente", required=True, metavar="GMxxxx", help="GM-code, bv. GM0344")
    weg.add_argument("--jaar", type=int, required=True)
    weg.add_argument("--document", choices=indicators.DOCUMENTEN, required=True)


def voer_uit(args) -> int:
    with Store(args.db, alleen_lezen=True) as store:
        eigen = indicators.eigen_cijfers(store)
    gevonden = eigen[
        (eigen["gm_code"] == args.gemeente.upper())
        & (eigen["jaar"] == args.jaar)
        & (eigen["document"] == args.document)
    ]
    if gevonden.empty:
        raise OpslagFout(
            f"Er zijn geen eigen cijfers van {args.gemeente} voor de {args.document} {args.jaar}"
            + (
                f"; wel van: {', '.join(f'{r.gm_code} {r.document} {r.jaar}' for r in eigen.itertuples())}."
                if not eigen.empty
                else "."
            )
        )
    with nieuwe_versie(args.db) as store:
        importer.verwijder_eigen(store, args.gemeente.upper(), args.jaar, args.document)
    r = gevonden.iloc[0]
    print(
        f"Eigen cijfers van {r['gemeente']} ({r['gm_code']}), {r['document']} {r['jaar']} verwijderd; de "
        "CBS-cijfers tellen weer.",
        file=sys.stderr,
    )
    return 0
