"""Benchmark: `.venv/bin/python tools/bench.py [--data MAP] [--herhaal N] [--zonder-paginas]`.

Een ontwikkelgereedschap, geen deel van het geïnstalleerde pakket.

Meet op deze machine (mediaan over herhalingen):
- het laden van de meegeleverde momentopname in een lege opslag;
- koude import van alle gedeelde data in een nieuwe opslag;
- de indicatorquery voor alle gemeenten voor één jaar (zonder cache);
- het herkennen van incidentele stromen (crisisgeld), de realisatie en de verdringing;
- bijwerken terwijl het dashboard draait: een nieuwe versie van de volledige opslag met de eigen
  cijfers van één gemeente (kopie + import + neerzetten), dezelfde import nog eens (niets nieuws),
  en de eerste vraag van een lezer op de nieuwe versie (openen + model doorrekenen);
- per pagina de AppTest-rerun na een widgetwijziging, met de volledige opslag;
- de grootte van de kaart (plotly-figuur als JSON).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from sociale_basis import indicators, model
from sociale_basis.importer import importeer
from sociale_basis.store import ROOT, Store

STANDAARD_DATA = ROOT.parent / "shared" / "data"


def _mediaan_ms(functie, herhaal: int) -> tuple[float, float]:
    tijden = []
    for _ in range(herhaal):
        start = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - start) * 1000)
    return statistics.median(tijden), max(tijden)


def _koud(pad: Path, herhaal: int, vul) -> list[float]:
    """Seconden om een lege opslag op `pad` te vullen met `vul(store)`, per herhaling."""
    tijden = []
    for _ in range(herhaal):
        pad.unlink(missing_ok=True)
        start = time.perf_counter()
        with Store(pad) as store:
            vul(store)
        tijden.append(time.perf_counter() - start)
    return tijden


def meet_import(data: Path, herhaal: int, map_: Path) -> tuple[float, Path]:
    pad = map_ / "bench.duckdb"
    return statistics.median(_koud(pad, herhaal, lambda store: importeer(store, [data]))), pad


def meet_snapshot(herhaal: int, map_: Path) -> tuple[float, float, int]:
    """Koud laden van de meegeleverde momentopname in een lege opslag: (mediaan s, hoogst s, bytes)."""
    from sociale_basis import snapshot
    from sociale_basis.importer import voer_in

    tijden = _koud(map_ / "snapshot.duckdb", herhaal, lambda store: voer_in(store, snapshot.stappen()))
    return statistics.median(tijden), max(tijden), snapshot.lees_manifest().bytes


def meet_indicatoren(pad: Path, herhaal: int) -> dict[str, tuple[float, float]]:
    uit = {}
    with Store(pad, alleen_lezen=True) as store:
        start = time.perf_counter()
        sleutel = store.laad_model(model.laad())
        uit["model laden en alle jaren doorrekenen (eenmalig per verbinding)"] = (
            (time.perf_counter() - start) * 1000,
        ) * 2
        for jaar, document, maat in [
            (2023, "jaarrekening", "netto"),
            (2025, "begroting", "netto"),
            (2019, "begroting", "bruto"),
        ]:
            uit[f"indicatorquery alle gemeenten, {document} {jaar} {maat}"] = _mediaan_ms(
                lambda j=jaar, d=document, m=maat: indicators.per_gemeente(store, sleutel, j, d, m), herhaal
            )
        uit["trend één gemeente (Land van Cuijk), alle jaren, herrekend"] = _mediaan_ms(
            lambda: indicators.trend(store, sleutel, "bruto", 2025, ["GM1982"]), herhaal
        )
        uit["trend Nederland, alle jaren, herrekend"] = _mediaan_ms(
            lambda: indicators.trend(store, sleutel, "bruto", 2025), herhaal
        )
        # Het crisisgeld (werk.afwijking): één keer per verbinding en na een import, in laad_model.
        uit["incidentele stromen herkennen (werk.afwijking, alle jaren, eenmalig)"] = _mediaan_ms(
            lambda: store.voer_uit("model/gegevens"), max(3, herhaal // 5)
        )
        uit["realisatie Nederland, 2017–2024, beide maten"] = _mediaan_ms(
            lambda: indicators.realisatie_landelijk(store, sleutel), herhaal
        )
        uit["verdringing (alle gemeente-jaren)"] = _mediaan_ms(lambda: indicators.verdringing(store, sleutel), herhaal)
    return uit


def meet_nieuwe_versie(bron: Path, map_: Path, herhaal: int) -> dict[str, tuple[float, float]]:
    """Schrijven naast lezers (store.nieuwe_versie) op een kopie van de volledige opslag."""
    import shutil

    from sociale_basis.sources import eigen
    from sociale_basis.store import huidige_versie, nieuwe_versie

    pad = map_ / "versies" / "opslag.duckdb"
    pad.parent.mkdir()
    shutil.copyfile(bron, pad)
    with Store(pad, alleen_lezen=True) as store:
        taakvelden = indicators.sjabloon_taakvelden(store, 2025, "begroting")
    regels = eigen.sjabloon("GM0344", "Utrecht", 2025, "begroting", taakvelden).decode("utf-8-sig").splitlines()
    nieuw, opnieuw, lezer = [], [], []
    for i in range(herhaal):
        bestand = map_ / f"eigen_{i}.csv"  # elke keer andere bedragen: echt een nieuwe versie
        bestand.write_text("\n".join([regels[0], *(r[:-1] + f"{1000 + i};0" for r in regels[1:])]), encoding="utf-8")
        start = time.perf_counter()
        with nieuwe_versie(pad) as store:
            importeer(store, [bestand])
        nieuw.append(time.perf_counter() - start)
        start = time.perf_counter()
        with nieuwe_versie(pad) as store:
            importeer(store, [bestand])
        opnieuw.append(time.perf_counter() - start)
        start = time.perf_counter()
        with Store(huidige_versie(pad), alleen_lezen=True) as store:
            sleutel = store.laad_model(model.laad())
            indicators.per_gemeente(store, sleutel, 2025, "begroting", "netto")
        lezer.append(time.perf_counter() - start)
    mb = huidige_versie(pad).stat().st_size / 1e6
    return {
        f"nieuwe versie met eigen cijfers van één gemeente (opslag {mb:.0f} MB)": (
            statistics.median(nieuw),
            max(nieuw),
        ),
        "dezelfde import nog eens (geen nieuwe versie)": (statistics.median(opnieuw), max(opnieuw)),
        "eerste vraag van een lezer op de nieuwe versie": (statistics.median(lezer), max(lezer)),
    }


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="tools/bench.py", description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=STANDAARD_DATA)
    p.add_argument("--herhaal", type=int, default=3, help="herhalingen van de koude import")
    p.add_argument("--zonder-paginas", action="store_true", help="sla de paginatijden over")
    args = p.parse_args(argv)

    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        mediaan, hoogst, grootte = meet_snapshot(args.herhaal, Path(tmp))
        print(
            f"Meegeleverde momentopname ({grootte / 1e6:.2f} MB) laden in een lege opslag: mediaan "
            f"{mediaan:.2f} s, hoogst {hoogst:.2f} s over {args.herhaal}×"
        )
        seconden, pad = meet_import(args.data, args.herhaal, Path(tmp))
        print(f"Koude import van {args.data}: mediaan {seconden:.2f} s over {args.herhaal}× (doel ≤ 10 s)")
        for naam, (mediaan, hoogst) in meet_indicatoren(pad, 25).items():
            doel = " (doel ≤ 50 ms)" if naam.startswith("indicatorquery") else ""
            print(f"{naam[0].upper()}{naam[1:]}: mediaan {mediaan:.1f} ms, hoogst {hoogst:.1f} ms{doel}")
        for naam, (mediaan, hoogst) in meet_nieuwe_versie(pad, Path(tmp), args.herhaal).items():
            print(f"Bijwerken: {naam}: mediaan {mediaan:.2f} s, hoogst {hoogst:.2f} s")
        if not args.zonder_paginas:
            from bench_paginas import meet_paginas

            meet_paginas(pad)


if __name__ == "__main__":
    main()
