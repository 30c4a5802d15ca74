"""Wat `sociale-basis ophalen` kost voor één Iv3-jaar op ware grootte: piekgeheugen (RSS) van het
ophaal- en importproces, de grootste omvang van de cache, het aantal verzoeken en de duur.

De server is de nagebootste CBS (tests/cbs_nep.py) in een eigen proces, met een volle kubus van
één jaar uit de meegeleverde cijfers (alle gemeenten × ± 120 taakvelden en balansposten × ± 60
categorieën × begroting, jaarrekening en kwartaal; ± 3 % gevuld) en pagina's van 10.000 rijen, zoals
de ODataFeed. De opdracht is die van de README: `ophalen --alleen iv3 --jaar J` met de
productielijst data/cbs_bronnen.toml (alleen het adres vervangen). Daarna: zijn de cijfers gelijk
aan die waaruit de kubus gemaakt is?

    .venv/bin/python tools/meet_ophalen.py [--jaar 2023] [--traag 0.05]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))


def _serveer(db: str, jaar: int, uit: Path, traag: float) -> None:
    """Serverproces: bouw de kubus, tel wat erin zit, schrijf adres en telling, en wacht."""
    from cbs_nep import NepCBS, kubus_uit

    from sociale_basis.store import Store

    with Store(db, alleen_lezen=True) as store:
        kubus, omvang = kubus_uit(store, jaar)
    gevuld = [r for r in kubus() if r["k_2ePlaatsing_2"] is not None]
    kolommen = ["Gemeenten", "TaakveldBalanspost", "Categorie", "Verslagsoort", "k_1ePlaatsing_1", "k_2ePlaatsing_2"]
    per_soort = {s: sum(r["Verslagsoort"] == s for r in gevuld) for s in (f"{jaar}X000", f"{jaar}X005")}
    json_bytes = len(json.dumps([{k: r[k] for k in kolommen} for r in gevuld]).encode())
    del gevuld
    with NepCBS(traag_per_10000=traag) as nep:
        nep.iv3_jaren = {jaar: next(t for j, t in _productie_iv3().items() if j == jaar)}
        nep.kubus[nep.iv3_jaren[jaar]] = kubus
        (uit / "bronnen.toml").write_text(nep.bronnen_toml(), encoding="utf-8")
        (uit / "kubus.json").write_text(
            json.dumps({"rijen": omvang, "gevuld": per_soort, "gevuld_json_bytes": json_bytes})
        )
        while True:
            time.sleep(3600)


def _productie_iv3() -> dict[int, str]:
    import tomllib

    c = tomllib.loads((REPO / "data" / "cbs_bronnen.toml").read_text(encoding="utf-8"))
    return {int(j): t for j, t in c["iv3"]["tabellen"].items()}


def _mapgrootte(pad: Path) -> int:
    totaal = 0
    for wortel, _mappen, bestanden in os.walk(pad):
        for b in bestanden:
            try:
                totaal += os.path.getsize(os.path.join(wortel, b))
            except OSError:
                pass
    return totaal


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--jaar", type=int, default=2023)
    p.add_argument("--traag", type=float, default=0.0, help="extra seconden per 10.000 overgeslagen rijen")
    p.add_argument("--serveer", nargs=2, metavar=("DB", "MAP"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.serveer:
        _serveer(args.serveer[0], args.jaar, Path(args.serveer[1]), args.traag)
        return

    from sociale_basis import fmt, indicators, model, snapshot
    from sociale_basis.importer import voer_in
    from sociale_basis.store import Store

    werk = Path(tempfile.mkdtemp(prefix="meet_ophalen_"))
    basis = werk / "basis.duckdb"
    with Store(basis) as store:
        voer_in(store, snapshot.stappen())
    shutil.copy(basis, werk / "opgehaald.duckdb")
    print(f"Kubus bouwen en server starten (jaar {args.jaar})…", file=sys.stderr)
    server = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--jaar",
            str(args.jaar),
            "--traag",
            str(args.traag),
            "--serveer",
            str(basis),
            str(werk),
        ]
    )
    try:
        while not (werk / "kubus.json").is_file():
            if server.poll() is not None:
                raise SystemExit("De nagebootste server stopte.")
            time.sleep(0.5)
        kubus = json.loads((werk / "kubus.json").read_text())
        cache = werk / "cache"
        piek_cache = 0
        klaar = threading.Event()

        def volg() -> None:
            nonlocal piek_cache
            while not klaar.is_set():
                piek_cache = max(piek_cache, _mapgrootte(cache))
                time.sleep(0.2)

        volger = threading.Thread(target=volg, daemon=True)
        volger.start()
        begin = time.perf_counter()
        proces = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "sociale-basis"),
                "--db",
                str(werk / "opgehaald.duckdb"),
                "ophalen",
                "--bronnen",
                str(werk / "bronnen.toml"),
                "--cache",
                str(cache),
                "--alleen",
                "iv3",
                "--jaar",
                str(args.jaar),
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        uitvoer = proces.stderr.read()
        _pid, status, gebruik = os.wait4(proces.pid, 0)
        duur = time.perf_counter() - begin
        klaar.set()
        volger.join()
        if os.waitstatus_to_exitcode(status) != 0:
            print(uitvoer, file=sys.stderr)
            raise SystemExit("ophalen mislukte")
    finally:
        server.terminate()
    verzoeken = next((r for r in uitvoer.splitlines() if r.startswith("Opgehaald in")), "")
    gevuld = sum(kubus["gevuld"].values())
    print(
        f"kubus: {fmt.getal(kubus['rijen'])} rijen (begroting, jaarrekening en kwartaal), gevuld per "
        f"verslagsoort: {', '.join(f'{s} {fmt.getal(n)}' for s, n in kubus['gevuld'].items())} "
        f"({fmt.procent(gevuld / (kubus['rijen'] * 2 / 3))} van begroting + jaarrekening)"
    )
    print(
        f"niet-lege gegevens (als JSON met de gevraagde kolommen): {fmt.getal(kubus['gevuld_json_bytes'] / 1e6, 1)} MB"
    )
    print(f"ophalen + import: {fmt.getal(duur, 1)} s; {verzoeken}")
    print(f"piekgeheugen (RSS) van het proces: {fmt.getal(gebruik.ru_maxrss / 1024, 0)} MB")
    print(
        f"grootste cache: {fmt.getal(piek_cache / 1e6, 2)} MB "
        f"({fmt.getal(piek_cache / kubus['gevuld_json_bytes'], 2)} × de niet-lege gegevens)"
    )

    with Store(basis, alleen_lezen=True) as a, Store(werk / "opgehaald.duckdb", alleen_lezen=True) as b:
        ka, kb = a.laad_model(model.laad()), b.laad_model(model.laad())
        for document in ("begroting", "jaarrekening"):
            try:
                x = indicators.per_gemeente(a, ka, args.jaar, document, "netto").set_index("gm_code")
            except indicators.IndicatorFout:
                continue
            y = indicators.per_gemeente(b, kb, args.jaar, document, "netto").set_index("gm_code")
            gemeen = x.index.intersection(y.index)
            verschil = max(
                (x.loc[gemeen, k] - y.loc[gemeen, k]).abs().max()
                for k in ("totaal", "collectieve_preventie", "acute_zorg")
            )
            print(
                f"{document} {args.jaar} netto: {len(gemeen)} gemeenten vergeleken, grootste verschil in "
                f"totaal/preventie/acuut: € {fmt.getal(verschil, 2)}"
            )
    shutil.rmtree(werk, ignore_errors=True)


if __name__ == "__main__":
    main()
