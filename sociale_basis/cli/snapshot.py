"""`sociale-basis snapshot maak|toon`: de meegeleverde momentopname uit de opslag schrijven, of tonen en
controleren."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import fmt, snapshot
from ..store import Store

NAAM = "snapshot"


def voeg_toe(sub) -> None:
    snap = sub.add_parser(
        NAAM,
        help="de meegeleverde momentopname maken of bekijken",
        description="Een momentopname is een compacte kopie van de opslag (Parquet "
        "met zstd en een manifest met bronnen, licenties, rijen en sha256), "
        "die een verse clone meteen laadt.",
    )
    snap_sub = snap.add_subparsers(dest="snapshot_opdracht", required=True, metavar="OPDRACHT")
    maak = snap_sub.add_parser(
        "maak",
        help="schrijf een momentopname uit de opslag",
        description="Schrijf een momentopname van de opslag naar een map (vervangt de inhoud van die map).",
    )
    maak.add_argument(
        "--uit", metavar="MAP", default=str(snapshot.STANDAARD_MAP), help="doelmap (standaard data/snapshot)"
    )
    maak.add_argument("--naam", help="naam van de momentopname (standaard sociale-basis-JJJJ-MM-DD)")
    toon = snap_sub.add_parser(
        "toon",
        help="toon en controleer een momentopname",
        description="Toon het manifest van een momentopname en controleer de sha256.",
    )
    toon.add_argument("map", nargs="?", default=str(snapshot.STANDAARD_MAP), metavar="MAP")


def voer_uit(args) -> int:
    if args.snapshot_opdracht == "toon":
        return _snapshot_toon(args)
    with Store(args.db, alleen_lezen=True) as store:
        return _snapshot_maak(store, args)


def _snapshot_maak(store: Store, args) -> int:
    m = snapshot.maak(store, Path(args.uit), args.naam)
    for tabel, info in m.inhoud["tabellen"].items():
        print(
            f"  {tabel:<18}{fmt.getal(info['rijen']):>10} rijen {fmt.getal(info['bytes'] / 1024, 0):>8} kB",
            file=sys.stderr,
        )
    print(f"Momentopname {m.naam} geschreven naar {m.pad}: {fmt.getal(m.bytes / 1e6, 2)} MB.", file=sys.stderr)
    return 0


def _snapshot_toon(args) -> int:
    m = snapshot.lees_manifest(Path(args.map))
    snapshot.controleer(m)
    print(
        f"Momentopname {m.naam}, gemaakt {m.gemaakt:%Y-%m-%d %H:%M} UTC, {fmt.getal(m.bytes / 1e6, 2)} MB; "
        "alle sha256 kloppen."
    )
    for tabel, info in m.inhoud["tabellen"].items():
        licenties = "; ".join(dict.fromkeys(b["licentie"] for b in info["bronnen"])) or "—"
        print(f"  {tabel:<18}{fmt.getal(info['rijen']):>10} rijen  {licenties}")
    return 0
