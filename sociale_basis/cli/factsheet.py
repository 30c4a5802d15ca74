"""`sociale-basis factsheet`: de factsheet (PDF, één A4) van één gemeente naar een bestand, of van meer
(of alle) naar een map."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from .. import fmt, indicators, links, model, vergelijkingsgroep
from ..store import OpslagFout, Store
from .gedeeld import EXIT_FOUT, bestaande_opslag

NAAM = "factsheet"


def voeg_toe(sub) -> None:
    fs = sub.add_parser(
        NAAM,
        help="factsheet (PDF, één A4) per gemeente",
        description="Maak de factsheet van de Gemeente-pagina als PDF: kopzin, lagen naast "
        "groep en Nederland, trend, gemeentefondsmaatstaf, wat als, keuzes, bronnen "
        "en de link naar dezelfde weergave. Eén gemeente naar een bestand, of "
        "meer (of 'alle') naar een map, met voortgang.",
    )
    fs.add_argument(
        "--gemeente", nargs="+", required=True, metavar="GEMEENTE", help="GM-code of naam (meer mogelijk), of 'alle'"
    )
    fs.add_argument("--jaar", type=int, required=True)
    fs.add_argument("--document", choices=indicators.DOCUMENTEN, required=True)
    fs.add_argument(
        "--maat",
        choices=indicators.MATEN,
        default="netto",
        help="netto (standaard) of bruto; netto kan alleen in jaren met baten",
    )
    fs.add_argument(
        "--zonder-regio", action="store_true", help="zonder regionale taken (6.81 voor elke gemeente uit acute zorg)"
    )
    fs.add_argument(
        "--groep-grootte",
        type=int,
        default=10,
        metavar="K",
        help="vergelijkingsgroep: de K meest vergelijkbare gemeenten (standaard 10)",
    )
    fs.add_argument(
        "--model",
        metavar="BESTAND",
        default=str(model.STANDAARD),
        help="modelbestand (CSV); standaard data/model/standaard.csv",
    )
    fs.add_argument(
        "--url",
        default=os.environ.get("SOCIALE_BASIS_URL"),
        help="adres van het dashboard voor de link naar dezelfde weergave (standaard "
        "$SOCIALE_BASIS_URL); zonder adres geen link",
    )
    fs.add_argument("--uit", required=True, metavar="PAD", help="PDF-bestand (één gemeente) of map (meer gemeenten)")


def voer_uit(args) -> int:
    with bestaande_opslag(args.db) as store:
        return _factsheet(store, args)


def _factsheet(store: Store, args) -> int:
    # Pas hier: de factsheet trekt plotly en Typst mee, en elke start van het dashboard roept de
    # opdrachtregel aan (import --als-leeg); dat scheelt daar ~0,5 s.
    from .. import factsheet

    try:
        return _factsheet_maken(store, args, factsheet)
    except factsheet.FactsheetFout as e:
        print(f"sociale-basis: {e}", file=sys.stderr)
        return EXIT_FOUT


def _factsheet_maken(store: Store, args, factsheet) -> int:
    m = model.laad(args.model)
    sleutel = store.laad_model(m)
    lijst = indicators.gemeenten(store, args.jaar)
    namen = dict(zip(lijst["gm_code"], lijst["naam"]))
    if [g.lower() for g in args.gemeente] == ["alle"]:
        codes = list(namen)
    else:
        alle = indicators.gemeentenamen(store, args.jaar)
        codes = []
        for ruw in args.gemeente:
            code = links.gemeente(ruw, namen, zip(alle["naam"], alle["gm_code"]))
            if code is None:
                raise OpslagFout(f"Gemeente ‘{ruw}’ staat niet in de gemeentelijst van {args.jaar}.")
            codes.append(code)
    if args.maat == "netto" and not indicators.netto_volledig(store, args.jaar, args.document):
        raise OpslagFout(
            f"Netto kan niet voor de {args.document} {args.jaar} (niet alle gemeenten hebben baten); "
            "gebruik --maat bruto."
        )
    zonder = set(indicators.zonder_cijfers(store, args.jaar, args.document)["gm_code"])
    if len(codes) > 1 and zonder & set(codes):
        print(
            f"Let op: geen cijfers in de bron voor {', '.join(namen[c] for c in codes if c in zonder)}; "
            "daarvoor geen factsheet.",
            file=sys.stderr,
        )
        codes = [c for c in codes if c not in zonder]
    verzoeken = [
        factsheet.Verzoek(
            c,
            args.jaar,
            args.document,
            args.maat,
            vergelijkingsgroep.Groep(k=args.groep_grootte),
            args.zonder_regio,
            m.label,
            None,
            args.url,
        )
        for c in codes
    ]
    if not args.url:
        print(
            "Let op: geen --url (of $SOCIALE_BASIS_URL): de factsheet krijgt geen link naar het dashboard.",
            file=sys.stderr,
        )
    elif m.label != "standaard":
        print(
            "Let op: met een model uit een bestand krijgt de factsheet geen link (die zou het standaardmodel openen).",
            file=sys.stderr,
        )
    uit = Path(args.uit)
    start = time.perf_counter()
    if len(verzoeken) == 1 and uit.suffix.lower() == ".pdf":
        naam, pdf = factsheet.pdf(store, sleutel, verzoeken[0])
        uit.parent.mkdir(parents=True, exist_ok=True)
        uit.write_bytes(pdf)
        print(
            f"Factsheet {naam} geschreven naar {uit} ({fmt.getal(time.perf_counter() - start, 1)} s).", file=sys.stderr
        )
        return 0
    if uit.suffix.lower() == ".pdf":
        raise OpslagFout("Voor meer gemeenten is --uit een map, geen .pdf-bestand.")

    def meld(klaar: int, totaal: int, naam: str) -> None:
        vol = round(30 * klaar / totaal)
        print(
            f"\r[{'#' * vol}{'.' * (30 - vol)}] {klaar}/{totaal} {naam[:30]:<30}", end="", file=sys.stderr, flush=True
        )

    paden = factsheet.alle(store, sleutel, verzoeken, uit, meld)
    print(
        f"\n{len(paden)} factsheets geschreven naar {uit} in {fmt.getal(time.perf_counter() - start, 1)} s.",
        file=sys.stderr,
    )
    return 0
