"""`sociale-basis indicatoren`: per gemeente de bedragen per laag, preventie, acute zorg, hun verhouding
en gekozen indicatoren als CSV (dezelfde getallen als de pagina's)."""

from __future__ import annotations

import sys

from .. import begrippen, indicators, model
from ..begrippen import INDICATOREN
from ..store import Store
from .gedeeld import bestaande_opslag

NAAM = "indicatoren"


def voeg_toe(sub) -> None:
    ind = sub.add_parser(
        NAAM,
        help="indicatoren per gemeente als CSV",
        description="Schrijf per gemeente de bedragen per laag (hele euro's), het "
        "totaal, collectieve preventie, acute zorg en hun verhouding "
        "als CSV naar stdout.",
    )
    ind.add_argument("--jaar", type=int, required=True, help="begrotings- of verslagjaar, bv. 2023")
    ind.add_argument("--document", choices=indicators.DOCUMENTEN, required=True, help="begroting of jaarrekening")
    ind.add_argument(
        "--maat", choices=indicators.MATEN, default="netto", help="netto (lasten − baten, standaard) of bruto (lasten)"
    )
    ind.add_argument(
        "--model",
        metavar="BESTAND",
        default=str(model.STANDAARD),
        help="modelbestand (CSV); standaard data/model/standaard.csv",
    )
    ind.add_argument(
        "--indicator",
        action="append",
        default=[],
        choices=list(INDICATOREN),
        metavar="NAAM",
        help="voeg de kolom van deze indicator toe (meer keer mag): per inwoner als `NAAM_per_inwoner`, met een "
        "eigen noemer onder haar eigen naam. Namen: "
        + "; ".join(f"{n} ({i.label}{'' if i.eigen_noemer else ', per inwoner'})" for n, i in INDICATOREN.items()),
    )


def voer_uit(args) -> int:
    with bestaande_opslag(args.db) as store:
        return _indicatoren(store, args)


def _indicatoren(store: Store, args) -> int:
    from .. import teksten

    sleutel = store.laad_model(model.laad(args.model))
    df = indicators.per_gemeente(store, sleutel, args.jaar, args.document, args.maat)
    uit = df[indicators.CLI_KOLOMMEN].copy()
    # Hele euro's: met Iv3-bedragen in hele € 1.000 en aandelen met ≤ 3 decimalen is dit exact.
    for kolom in [*begrippen.LAGEN, "totaal", "collectieve_preventie", "acute_zorg"]:
        uit[kolom] = uit[kolom].round().astype("int64")
    uit["inwoners"] = uit["inwoners"].astype("Int64")
    uit["acuut_per_euro_preventie"] = uit["acuut_per_euro_preventie"].round(4)
    # Incidentele stromen (opvang Oekraïne, corona, …) die in deze cijfers zitten; leeg = geen.
    inc = indicators.incidenteel(store, sleutel, args.jaar, args.document, args.maat)
    kant = teksten.kanttekeningen(inc, args.document, args.jaar)
    # vertekend: crisisgeld in preventie of acute zorg, dus geen rang (de kanttekening noemt ook ander crisisgeld).
    uit["vertekend"] = df["vertekend"].astype(bool).to_numpy()
    uit["kanttekening"] = [kant.get(c, "") for c in uit["gm_code"]]
    for naam in dict.fromkeys(args.indicator):
        i = INDICATOREN[naam]
        # Euro's per persoon in hele euro's (zoals de pagina's), een verhouding op 4 decimalen.
        kolom = naam if i.eigen_noemer else f"{naam}_per_inwoner"
        uit[kolom] = i.waarden(df, True).round(0 if i.in_euro else 4 if i.eigen_noemer else 2).to_numpy()
    uit.to_csv(sys.stdout, index=False, lineterminator="\n")
    if args.maat == "netto" and not indicators.netto_volledig(store, args.jaar, args.document):
        print(
            f"Let op: netto alleen voor de {len(uit)} gemeenten met baten in de bron; de andere "
            "hebben alleen lasten en staan niet in de uitvoer (gebruik --maat bruto).",
            file=sys.stderr,
        )
    leeg = indicators.zonder_cijfers(store, args.jaar, args.document)
    if not leeg.empty:
        print(
            f"Let op: geen cijfers in de bron (alles 0) voor {len(leeg)} gemeente(n), niet opgenomen: "
            f"{', '.join(leeg['gemeente'])}.",
            file=sys.stderr,
        )
    return 0
