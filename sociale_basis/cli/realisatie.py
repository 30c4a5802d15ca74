"""`sociale-basis realisatie`: begroting tegen jaarrekening per gemeente (of voor Nederland) als CSV."""

from __future__ import annotations

import sys

from .. import begrippen, indicators, model
from ..store import Store
from .gedeeld import bestaande_opslag

NAAM = "realisatie"


def voeg_toe(sub) -> None:
    real = sub.add_parser(
        NAAM,
        help="begroting tegen jaarrekening per gemeente (of voor Nederland) als CSV",
        description="Schrijf per gemeente en bedrag (collectieve preventie, acute zorg en elke laag) de "
        "begroting, de jaarrekening, het verschil en de realisatie (jaarrekening ÷ begroting, %) van één jaar "
        "als CSV naar stdout, met een kanttekening waar een incidentele stroom (opvang Oekraïne, corona, …) "
        "in het bedrag zit. Met --landelijk: Nederland als geheel, per jaar.",
    )
    real.add_argument(
        "--jaar", type=int, help="jaar met begroting én jaarrekening, bv. 2023 (met --landelijk: leeg = alle)"
    )
    real.add_argument(
        "--maat",
        choices=indicators.MATEN,
        help="netto of bruto; standaard netto waar beide documenten baten hebben, anders bruto",
    )
    real.add_argument("--landelijk", action="store_true", help="Nederland als geheel in plaats van per gemeente")
    real.add_argument("--model", metavar="BESTAND", default=str(model.STANDAARD), help="modelbestand (CSV)")


def voer_uit(args) -> int:
    with bestaande_opslag(args.db) as store:
        return _realisatie(store, args)


REALISATIE_FUNCTIES = ["collectieve_preventie", "acute_zorg", *begrippen.LAGEN]
REALISATIE_KOLOMMEN = [
    "gm_code",
    "gemeente",
    "jaar",
    "maat",
    "functie",
    "begroting",
    "jaarrekening",
    "verschil",
    "realisatie_pct",
    "kanttekening",
    "crisisgeld",  # de incidentele stromen in dit bedrag, t.o.v. de begroting (hele euro's)
    "verschil_zonder_crisisgeld",  # verschil − crisisgeld: een schatting (zie Methode)
]


def _realisatie(store: Store, args) -> int:
    """Dezelfde getallen als de pagina Begroting en werkelijkheid (indicators.realisatie*)."""
    from .. import teksten

    sleutel = store.laad_model(model.laad(args.model))
    if args.landelijk:
        # Zonder --maat elk jaar de maat die in beide documenten kan; met --maat die maat waar ze kan.
        df = indicators.realisatie_landelijk(store, sleutel, maat=args.maat)
        if args.jaar is not None:
            df = df[df["jaar"] == args.jaar]
            if df.empty:
                raise indicators.IndicatorFout(
                    f"Voor {args.jaar} zijn niet zowel begroting als jaarrekening in de opslag"
                    + (f" in {args.maat} (netto vraagt baten in beide documenten)." if args.maat else ".")
                )
        df = df.assign(gm_code="NL", gemeente="Nederland")
        df["kanttekening"] = [
            f"incidentele stromen {teksten.met_teken(r.incidenteel_bedrag)} in {r.gemeenten_incidenteel} gemeenten"
            if r.gemeenten_incidenteel
            else ""
            for r in df.itertuples(index=False)
        ]
    else:
        if args.jaar is None:
            raise indicators.IndicatorFout("Noem een jaar (--jaar), of gebruik --landelijk voor alle jaren.")
        maat = args.maat or indicators.realisatie_maat(store, args.jaar)
        df = indicators.realisatie(store, sleutel, args.jaar, maat)
        inc = indicators.incidenteel(store, sleutel, args.jaar, "jaarrekening", maat).set_index(["gm_code", "taakveld"])
        df["kanttekening"] = [
            teksten.kanttekening(inc.loc[[(r.gm_code, t) for t in r.incidenteel]].reset_index(), "jaarrekening", r.jaar)
            if len(r.incidenteel)
            else ""
            for r in df.itertuples(index=False)
        ]
    uit = df[df["functie"].isin(REALISATIE_FUNCTIES)].rename(columns={"incidenteel_bedrag": "crisisgeld"})
    uit["verschil_zonder_crisisgeld"] = uit["verschil"] - uit["crisisgeld"]
    uit["volgorde"] = uit["functie"].map({f: i for i, f in enumerate(REALISATIE_FUNCTIES)})
    uit = uit.sort_values(["jaar", "gm_code", "volgorde"])[REALISATIE_KOLOMMEN]
    for kolom in ("begroting", "jaarrekening", "verschil", "crisisgeld", "verschil_zonder_crisisgeld"):
        uit[kolom] = uit[kolom].round().astype("int64")
    uit["realisatie_pct"] = uit["realisatie_pct"].round(2)
    uit.to_csv(sys.stdout, index=False, lineterminator="\n")
    print(
        "Bedragen in hele euro's; realisatie_pct = jaarrekening ÷ begroting × 100. Alleen gemeenten met beide "
        "documenten in deze maat. Kanttekening en crisisgeld: incidentele stromen (zie Methode) in dat bedrag; "
        "verschil_zonder_crisisgeld is een schatting.",
        file=sys.stderr,
    )
    return 0
