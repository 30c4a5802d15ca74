"""`sociale-basis gebruik`: het gebruik van zorg per gemeente, of de kerncijfers per wijk, van één jaar als CSV."""

from __future__ import annotations

import sys

from .. import indicators, links, mensen
from ..begrippen import WIJKMATEN, ZORGMATEN
from ..store import OpslagFout, Store
from .gedeeld import bestaande_opslag

NAAM = "gebruik"


def voeg_toe(sub) -> None:
    g = sub.add_parser(
        NAAM,
        help="gebruik van zorg per gemeente (of cijfers per wijk) als CSV",
        description="Schrijf het gebruik van zorg van één jaar als CSV naar stdout: per gemeente en maat "
        "(jeugdzorg, Wmo; CBS, Gemeentelijke Monitor Sociaal Domein) de waarde zoals CBS haar gaf (leeg = niet "
        "gepubliceerd, nooit 0), per 1.000 inwoners voor aantallen, de CBS-tabel en of het cijfer voorlopig is. "
        "Met --niveau wijk: per wijk de kerncijfers van de wijkkaart (CBS Kerncijfers wijken en buurten van dat "
        f"jaar). Eerst ophalen: `{mensen.OPHAAL_OPDRACHT}`.",
    )
    g.add_argument("--jaar", type=int, required=True, help="het jaar van de cijfers, bv. 2023")
    g.add_argument("--niveau", choices=["gemeente", "wijk"], default="gemeente", help="gemeente (standaard) of wijk")
    g.add_argument("--gemeente", metavar="GEMEENTE", help="alleen deze gemeente (GM-code of naam)")


def voer_uit(args) -> int:
    with bestaande_opslag(args.db) as store:
        return _gebruik(store, args)


def _code(store: Store, ruw: str, jaar: int) -> str:
    """De GM-code bij een code of naam, in de gemeentelijst van dat jaar (of de dichtstbijzijnde: zorggebruik
    gaat verder terug dan de Iv3-jaren)."""
    jaren = indicators.beschikbaarheid(store)["jaar"]
    j = int(min(max(jaar, jaren.min()), jaren.max()))
    lijst, alle = indicators.gemeenten(store, j), indicators.gemeentenamen(store, j)
    code = links.gemeente(ruw, dict(zip(lijst["gm_code"], lijst["naam"])), zip(alle["naam"], alle["gm_code"]))
    if code is None:
        raise OpslagFout(f"Gemeente ‘{ruw}’ staat niet in de gemeentelijst van {j}.")
    return code


def _gebruik(store: Store, args) -> int:
    code = _code(store, args.gemeente, args.jaar) if args.gemeente else None
    if args.niveau == "gemeente":
        df = mensen.per_jaar(store, args.jaar)
        if code:
            df = df[df["gm_code"] == code]
        if df.empty:
            raise OpslagFout(
                f"Geen gebruik van zorg voor {args.jaar} in de opslag. Haal het op met `{mensen.OPHAAL_OPDRACHT}`."
            )
        uit = df.assign(eenheid=df["maat"].map(lambda m: ZORGMATEN[m].eenheid))[
            ["gm_code", "gemeente", "maat", "eenheid", "waarde", "per_1000_inwoners", "inwoners", "tabel", "voorlopig"]
        ].round({"waarde": 4, "per_1000_inwoners": 4})
        niet = int(uit["waarde"].isna().sum())
        wat = f"{uit['gm_code'].nunique()} gemeenten, {niet} cijfers niet gepubliceerd (leeg, niet 0)"
    else:
        uit = mensen.wijken(store, code, args.jaar)
        if uit.empty:
            raise OpslagFout(
                f"Geen wijkcijfers voor {args.jaar} in de opslag. Haal ze op met `{mensen.OPHAAL_OPDRACHT}`."
            )
        maten = [m for m in WIJKMATEN if m in uit.columns]
        uit = uit[["gm_code", "wk_code", "wijk", *maten]].round(dict.fromkeys(maten, 4))
        wat = f"{len(uit)} wijken; " + ", ".join(f"{m}: {WIJKMATEN[m].eenheid}" for m in maten)
    uit.to_csv(sys.stdout, index=False, lineterminator="\n")
    print(f"Gebruik {args.niveau} {args.jaar}: {wat}. Bron: CBS (CC BY 4.0).", file=sys.stderr)
    return 0
