"""De officiële CBS-codelijst van Iv3-taakvelden per jaar."""

from __future__ import annotations

from pathlib import Path

from .controle import IV3_EERSTE_JAAR, TAAKVELD, Problemen, jaren, tekst, uniek
from .lading import Lading
from .lezen import lees_tekst_csv
from .namen import NaamZoeker

KOLOMMEN = ["jaar", "code", "omschrijving", "hoofdtaakveld", "taakveld_2_posities", "parent", "niveau"]


def herken(pad: Path, kop: str) -> bool:
    return (kop.splitlines()[0].strip() if kop else "") == ",".join(KOLOMMEN)


def lees(pad: Path, namen: NaamZoeker) -> Lading:
    fouten = Problemen(pad)
    df = lees_tekst_csv(pad, ",", KOLOMMEN, fouten=fouten)
    df["jaar"] = jaren(fouten, df, "jaar", IV3_EERSTE_JAAR)
    # Alleen echte taakvelden; de boomknopen 'Tot_TV' en '6.' zijn geen codes om op te boeken.
    df = df[df["code"].str.strip().str.match(TAAKVELD)]
    if df.empty:
        fouten.klaar()
        raise fouten.fout("geen taakveldcodes (zoals 6.1 of 6.71a) in de kolom 'code'.")
    uniek(fouten, df, ["jaar", "code"])
    omschrijving = tekst(fouten, df, "omschrijving", verplicht=True)
    fouten.klaar()
    uit = df.assign(
        code=df["code"].str.strip(),
        omschrijving=omschrijving,
        code_2posities=df["taakveld_2_posities"].str.strip().replace("", None),
    )
    uit = uit[["jaar", "code", "omschrijving", "code_2posities"]]
    return Lading("taakvelden", {"taakveld": uit}, f"{uit['jaar'].min()}–{uit['jaar'].max()}: {len(uit)} codes")
