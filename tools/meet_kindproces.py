"""Wat een controle in het begrensde kindproces kost (kindproces.py): per bestand de tijd en het piekgeheugen
(RSS) van het kind, op een kopie van de opslag, zoals een bezoeker op Gegevens controleert. Zo is de grens
GEHEUGEN_BYTES gekozen: ruim boven de echte bronbestanden.

    .venv/bin/python tools/meet_kindproces.py --db /tmp/b.duckdb ../shared/data/iv3/iv3_lasten_per_taakveld_2017_2026.csv.gz …
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sociale_basis import fmt, kindproces
from sociale_basis.store import huidige_versie, standaard_pad


def _kind_piek_mb(pad: Path, opslag: Path) -> tuple[float, float, str]:
    """Eén meting in een eigen meetproces: RUSAGE_CHILDREN telt alleen de kinderen van dat proces."""
    code = (
        "import resource, sys, time; from pathlib import Path; from sociale_basis import kindproces\n"
        "t = time.perf_counter()\n"
        "try:\n"
        "    v = kindproces.importeer(Path(sys.argv[1]), [Path(sys.argv[2])], lambda t, f: None)\n"
        "    uit = f'{sum(r for _, _, r, _ in v.geladen)} rijen'\n"
        "except Exception as e:\n"
        "    uit = type(e).__name__ + ': ' + str(e)[:120]\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, uit)\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(opslag), str(pad)], capture_output=True, text=True, check=True)
    seconden, mb, uit = r.stdout.strip().split(" ", 2)
    return float(seconden), float(mb), uit


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", type=Path, default=None)
    p.add_argument("bestanden", nargs="+", type=Path)
    a = p.parse_args()
    bron = huidige_versie(a.db or standaard_pad())
    print(
        f"Grenzen: {fmt.getal(kindproces.GEHEUGEN_BYTES / 1024**3, 1)} GB virtueel, DuckDB "
        f"{kindproces.DUCKDB_GEHEUGEN}, {kindproces.CPU_SECONDEN} s rekentijd\n"
    )
    print("| bestand | MB | seconden | piek RSS kind (MB) | uitkomst |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for pad in a.bestanden:
            kopie = Path(tmp) / "kopie.duckdb"
            shutil.copyfile(bron, kopie)
            seconden, mb, uit = _kind_piek_mb(pad, kopie)
            print(
                f"| {pad.name} | {fmt.getal(pad.stat().st_size / 1e6, 1)} | {fmt.getal(seconden, 1)} | "
                f"{fmt.getal(mb, 0)} | {uit} |"
            )
            kopie.unlink()


if __name__ == "__main__":
    main()
