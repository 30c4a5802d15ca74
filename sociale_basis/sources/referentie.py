"""De officiële CBS-codelijst van Iv3-taakvelden per jaar."""

from __future__ import annotations

from pathlib import Path

from .lezen import TAAKVELD, Lading, NaamZoeker, gehele_getallen, lees_tekst_csv, uniek

KOLOMMEN = ["jaar", "code", "omschrijving", "hoofdtaakveld", "taakveld_2_posities", "parent", "niveau"]


def herken(pad: Path, kop: str) -> bool:
    return (kop.splitlines()[0].strip() if kop else "") == ",".join(KOLOMMEN)


def lees(pad: Path, namen: NaamZoeker) -> Lading:
    df = lees_tekst_csv(pad, ",", KOLOMMEN)
    df["jaar"] = gehele_getallen(pad, df, "jaar")
    # Alleen echte taakvelden; de boomknopen 'Tot_TV' en '6.' zijn geen codes om op te boeken.
    df = df[df["code"].str.strip().str.match(TAAKVELD)]
    uniek(pad, df, ["jaar", "code"])
    uit = df.assign(code=df["code"].str.strip(), omschrijving=df["omschrijving"].str.strip(),
                    code_2posities=df["taakveld_2_posities"].str.strip().replace("", None))
    uit = uit[["jaar", "code", "omschrijving", "code_2posities"]]
    return Lading("taakvelden", {"taakveld": uit},
                  f"{uit['jaar'].min()}–{uit['jaar'].max()}: {len(uit)} codes")
