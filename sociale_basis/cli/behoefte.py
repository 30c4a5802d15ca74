"""`sociale-basis behoefte`: preventie naast een maat voor behoefte per gemeente of per kwintiel als CSV."""

from __future__ import annotations

import sys

from .. import indicators, model
from ..begrippen import BEHOEFTEN, NOOD, STANDAARD_BEHOEFTE
from ..store import Store
from .gedeeld import bestaande_opslag

NAAM = "behoefte"


def voeg_toe(sub) -> None:
    beh = sub.add_parser(
        NAAM,
        help="preventie naast behoefte per gemeente (of per kwintiel) als CSV",
        description="Schrijf per gemeente een maat voor behoefte (uit de gemeentefondscirculaire, per 1.000 "
        "inwoners) met haar kwintiel (1 = minste behoefte … 5 = meeste), collectieve preventie en acute zorg per "
        "inwoner en preventie per persoon als CSV naar stdout; met --per kwintiel één rij per kwintiel.",
    )
    beh.add_argument("--jaar", type=int, required=True, help="begrotings- of verslagjaar, bv. 2025")
    beh.add_argument("--document", choices=indicators.DOCUMENTEN, required=True, help="begroting of jaarrekening")
    beh.add_argument("--maat", choices=indicators.MATEN, default="netto", help="netto (standaard) of bruto")
    beh.add_argument(
        "--indicator",
        choices=NOOD,
        default=STANDAARD_BEHOEFTE,
        help=f"de maat voor behoefte (standaard {STANDAARD_BEHOEFTE})",
    )
    beh.add_argument(
        "--per", choices=["gemeente", "kwintiel"], default="gemeente", help="één rij per gemeente of per kwintiel"
    )
    beh.add_argument("--model", metavar="BESTAND", default=str(model.STANDAARD), help="modelbestand (CSV)")


def voer_uit(args) -> int:
    with bestaande_opslag(args.db) as store:
        return _behoefte(store, args)


BEHOEFTE_KOLOMMEN = {
    "gm_code": "gm_code",
    "gemeente": "gemeente",
    "waarde_per_1000": "waarde_per_1000",
    "kwintiel": "kwintiel",
    "collectieve_preventie_per_inwoner": "collectieve_preventie_per_inwoner",
    "acute_zorg_per_inwoner": "acute_zorg_per_inwoner",
    "preventie_per_persoon": "preventie_per_persoon",
}


def _behoefte(store: Store, args) -> int:
    """Dezelfde getallen als de pagina Behoefte (indicators.behoefte en kwintielen)."""
    from .. import teksten

    sleutel = store.laad_model(model.laad(args.model))
    b = BEHOEFTEN[args.indicator]
    df = indicators.behoefte(store, sleutel, args.jaar, args.document, args.maat, b.naam)
    bron, bronjaar = indicators.behoefte_bron(store, args.jaar, b.naam)
    if args.per == "kwintiel":
        uit = indicators.kwintielen(store, sleutel, args.jaar, args.document, args.maat, b.naam).round(4)
        uit.insert(0, "indicator", b.naam)
    else:
        uit = df[list(BEHOEFTE_KOLOMMEN)].round(
            {
                "waarde_per_1000": 4,
                "collectieve_preventie_per_inwoner": 2,
                "acute_zorg_per_inwoner": 2,
                "preventie_per_persoon": 2,
            }
        )
        uit.insert(2, "indicator", b.naam)
        uit.insert(3, "bron", f"{bron} voor {bronjaar}: {b.maatstaf}")
    uit.to_csv(sys.stdout, index=False, lineterminator="\n")
    print(
        f"Behoefte: {b.label}, {teksten.behoefte_bron(bron, bronjaar)}, per 1.000 inwoners van die bron; "
        f"{len(df)} gemeenten met cijfers en volumes ({args.maat}, {args.document} {args.jaar}).",
        file=sys.stderr,
    )
    return 0
