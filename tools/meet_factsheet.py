"""Hoe lang een factsheet duurt: de eerste in een proces, daarna één gemeente (mediaan van enkele),
en alle gemeenten van een jaar na elkaar, met de onderdelen (cijfers, zetten met Typst, dat ook de
grafieken tekent) apart; en één factsheet van de opdrachtregel in een nieuw proces (koud). Schrijft de PDF's in een tijdelijke map en controleert dat
elke PDF één pagina heeft.

    .venv/bin/python tools/meet_factsheet.py [--db PAD] [--jaar 2025 --document begroting] [--alle]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from sociale_basis import factsheet, fmt, gemeentebeeld, indicators, model
from sociale_basis.store import Store


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db")
    p.add_argument("--jaar", type=int, default=2025)
    p.add_argument("--document", default="begroting")
    p.add_argument("--maat", default="netto")
    p.add_argument("--alle", action="store_true", help="ook alle gemeenten van het jaar")
    args = p.parse_args()
    with Store(args.db, alleen_lezen=True) as store:
        sleutel = store.laad_model(model.laad())
        v = gemeentebeeld.Verzoek("GM0363", args.jaar, args.document, args.maat)
        begin = time.perf_counter()
        factsheet.pdf(store, sleutel, v)
        print(f"eerste factsheet in dit proces (Amsterdam): {fmt.getal(time.perf_counter() - begin, 2)} s")
        delen = {"cijfers": [], "zetten": [], "totaal": []}
        for gm in ("GM0363", "GM0014", "GM0193", "GM0277", "GM0088"):
            t0 = time.perf_counter()
            gegevens = factsheet.inhoud(store, sleutel, gemeentebeeld.Verzoek(gm, args.jaar, args.document, args.maat))
            t1 = time.perf_counter()
            factsheet.zet(gegevens)
            t2 = time.perf_counter()
            for naam, duur in zip(delen, (t1 - t0, t2 - t1, t2 - t0)):
                delen[naam].append(duur)
        print(
            "één gemeente (mediaan van 5): "
            + ", ".join(f"{naam} {fmt.getal(statistics.median(d), 2)} s" for naam, d in delen.items())
        )
        if args.alle:
            codes = [
                c
                for c in indicators.gemeenten(store, args.jaar)["gm_code"]
                if c not in set(indicators.zonder_cijfers(store, args.jaar, args.document)["gm_code"])
            ]
            with tempfile.TemporaryDirectory() as tmp:
                begin = time.perf_counter()
                paden = factsheet.alle(
                    store,
                    sleutel,
                    [gemeentebeeld.Verzoek(c, args.jaar, args.document, args.maat) for c in codes],
                    Path(tmp),
                )
                duur = time.perf_counter() - begin
                pagina_s = {len(PdfReader(p_).pages) for p_ in paden}
                mb = sum(p_.stat().st_size for p_ in paden) / 1e6
            print(
                f"alle {len(paden)} gemeenten: {fmt.getal(duur, 1)} s ({fmt.getal(duur / len(paden), 2)} s per stuk), "
                f"pagina's per PDF: {sorted(pagina_s)}, samen {fmt.getal(mb, 1)} MB"
            )
    # Koud: een nieuw proces, zoals een gebruiker de opdracht intikt (import van pandas, duckdb, …).
    with tempfile.TemporaryDirectory() as tmp:
        opdracht = [
            sys.executable,
            "-m",
            "sociale_basis.cli",
            *(["--db", args.db] if args.db else []),
            "factsheet",
            "--gemeente",
            "GM0363",
            "--jaar",
            str(args.jaar),
            "--document",
            args.document,
            "--maat",
            args.maat,
            "--uit",
            str(Path(tmp) / "a.pdf"),
        ]
        tijden = []
        for _ in range(3):
            begin = time.perf_counter()
            subprocess.run(opdracht, check=True, capture_output=True)
            tijden.append(time.perf_counter() - begin)
    print(f"opdrachtregel, één factsheet in een nieuw proces (3×): {' / '.join(fmt.getal(t, 2) for t in tijden)} s")


if __name__ == "__main__":
    main()
