"""Hoe lang de gevoeligheid (22 echt geladen modellen) duurt op de opslag van deze checkout.

.venv/bin/python tools/meet_gevoeligheid.py [--db PAD] [--jaar 2023 --document jaarrekening]
"""

from __future__ import annotations

import argparse
import time

from sociale_basis import fmt, model, varianten
from sociale_basis.store import Store


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db")
    p.add_argument("--jaar", type=int, default=2023)
    p.add_argument("--document", default="jaarrekening")
    p.add_argument("--maat", default="netto")
    p.add_argument("--keer", type=int, default=3)
    args = p.parse_args()
    with Store(args.db, alleen_lezen=True) as store:
        standaard = model.laad()
        store.laad_model(standaard)
        for i in range(args.keer):
            begin = time.perf_counter()
            df = varianten.gevoeligheid(store, standaard, varianten.Wijzigingen(), args.jaar, args.document, args.maat)
            print(
                f"ronde {i + 1}: {fmt.getal(time.perf_counter() - begin, 2)} s voor "
                f"{len(varianten.STAPPEN_61) * 2} modellen, {len(df)} rijen"
            )


if __name__ == "__main__":
    main()
