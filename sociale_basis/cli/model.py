"""`sociale-basis model`: een modelbestand controleren en per schema de lagen tonen."""

from __future__ import annotations

from .. import model

NAAM = "model"


def voeg_toe(sub) -> None:
    mod = sub.add_parser(
        NAAM,
        help="een modelbestand controleren",
        description="Controleer een modelbestand en toon per schema de lagen.",
    )
    mod.add_argument("bestand", nargs="?", default=str(model.STANDAARD), metavar="BESTAND")


def voer_uit(args) -> int:
    m = model.laad(args.bestand)
    print(f"Model {m.naam} ({m.pad}) is geldig.")
    for schema, _van, _tot in m.schemas():
        regels = m.regels[m.regels["schema"] == schema]
        print(f"  schema {schema}: {regels['taakveld'].nunique()} taakvelden")
        for laag, groep in regels.groupby("laag", sort=False):
            print(f"    {laag:<15} {', '.join(dict.fromkeys(groep['taakveld']))}"[:150])
    return 0
