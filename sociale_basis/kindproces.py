"""Bestanden importeren in een apart proces met grenzen aan geheugen en rekentijd (issue 33).

Waarom apart: wie anoniem zijn eigen bestanden controleert, laat de server een bestand lezen dat hij niet
kent. lezen.controleer_upload begrenst al de grootte en het aantal regels, maar een lezer of DuckDB kan
op een vreemd bestand toch veel geheugen of tijd vragen. In het dashboardproces zou dat elke sessie van de
replica treffen; hier stopt alleen dit kindproces, en de bezoeker krijgt een melding.

Het kind krijgt zijn opdracht als JSON op stdin en meldt elke stap als één JSON-regel op stdout:
{"meld": [tekst, fractie]}, en tot slot {"verslag": …}, {"invoerfout": …} of {"opslagfout": tekst}.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

import duckdb

from . import fmt
from .sources.controle import InvoerFout, Probleem
from .store import DatabaseFout, OpslagFout

# Gemeten (tools/meet_kindproces.py, tools/resultaten/kindproces.md): het kind met pandas en DuckDB geladen is
# ± 1,1 GB virtueel (draadstapels, geheugenpools) bij ± 160 MB echt; het grootste echte bronbestand (23 MB)
# piekt op 704 MB echt, de grootste upload die lezen.controleer_upload doorlaat op 850 MB. Drie GB virtueel laat
# dat ruim toe en houdt een ontsporend bestand ver onder het geheugen van de replica. DuckDB krijgt zelf een
# kleinere grens, zodat het netjes meldt in plaats van te crashen.
GEHEUGEN_BYTES = 3 * 1024**3
DUCKDB_GEHEUGEN = "1GB"
CPU_SECONDEN = 240  # rekentijd van het kind; daarna stopt de kern het (SIGXCPU, dan SIGKILL)
WACHT_SECONDEN = 300  # klok: ook een kind dat wacht in plaats van rekent, stopt


def importeer(
    opslag: Path,
    paden: list[Path],
    meld,
    volledig: bool = False,
    *,
    geheugen: int = GEHEUGEN_BYTES,
    cpu: int = CPU_SECONDEN,
    wacht: float = WACHT_SECONDEN,
):
    """importer.importeer(…, op_naam=True) op de opslag `opslag`, in een kindproces met grenzen. Geeft het
    Verslag terug (paden als Path); een InvoerFout of OpslagFout van het kind komt hier opnieuw op, en een
    kind dat over een grens ging wordt een OpslagFout die dat zegt."""
    from .importer import Verslag

    opdracht = {
        "opslag": str(opslag),
        "paden": [str(p) for p in paden],
        "volledig": volledig,
        "geheugen": geheugen,
        "cpu": cpu,
    }
    kind = subprocess.Popen(
        [sys.executable, "-m", __name__],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    # stderr apart lezen, met een grens: anders kan een vol stderr-kanaal het kind laten wachten.
    fouttekst: list[str] = []
    lezer = threading.Thread(target=lambda: fouttekst.append(kind.stderr.read(20_000)), daemon=True)
    lezer.start()
    klok = threading.Timer(wacht, kind.kill)
    klok.start()
    uitkomst: dict = {}
    try:
        kind.stdin.write(json.dumps(opdracht))
        kind.stdin.close()
        for regel in kind.stdout:
            bericht = json.loads(regel)
            if "meld" in bericht:
                meld(*bericht["meld"])
            else:
                uitkomst = bericht
        kind.wait()
    finally:
        klok.cancel()
        if kind.poll() is None:
            kind.kill()
            kind.wait()
    lezer.join(timeout=5)
    if "verslag" in uitkomst:
        v = uitkomst["verslag"]
        return Verslag(
            geladen=[(Path(p), s, r, t) for p, s, r, t in v["geladen"]],
            ongewijzigd=[Path(p) for p in v["ongewijzigd"]],
            overgeslagen=[(Path(p), r) for p, r in v["overgeslagen"]],
            seconden=v["seconden"],
        )
    if "invoerfout" in uitkomst:
        f = uitkomst["invoerfout"]
        raise InvoerFout(
            f["problemen"][0]["bestand"],
            problemen=[Probleem(**p) for p in f["problemen"]],
            weggelaten=f["weggelaten"],
        )
    if "opslagfout" in uitkomst:
        raise OpslagFout(uitkomst["opslagfout"])
    sys.stderr.write("".join(fouttekst)[-2000:])  # voor het serverlog; de bezoeker krijgt de melding
    raise OpslagFout(
        "De controle is gestopt omdat ze te veel geheugen of rekentijd vroeg (grens: "
        f"{fmt.getal(geheugen / 1024**3, 1)} GB geheugen, {fmt.getal(min(cpu, wacht) / 60, 1)} minuten). Is dit echt een begroting of "
        "jaarrekening? Splits het bestand, of importeer het op de opdrachtregel. Er is niets veranderd."
    )


def _kind() -> None:
    opdracht = json.loads(sys.stdin.read())
    resource.setrlimit(resource.RLIMIT_AS, (opdracht["geheugen"], opdracht["geheugen"]))
    resource.setrlimit(resource.RLIMIT_CPU, (opdracht["cpu"], opdracht["cpu"] + 5))

    def schrijf(bericht: dict) -> None:
        sys.stdout.write(json.dumps(bericht, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    from . import importer
    from .store import Store

    try:
        with Store(opdracht["opslag"], geheugen=DUCKDB_GEHEUGEN) as store:
            verslag = importer.importeer(
                store,
                [Path(p) for p in opdracht["paden"]],
                lambda t, f: schrijf({"meld": [t, f]}),
                op_naam=True,
                volledig=opdracht["volledig"],
            )
    except InvoerFout as e:
        schrijf({"invoerfout": {"problemen": [vars(p) for p in e.problemen], "weggelaten": e.weggelaten}})
    except OpslagFout as e:
        schrijf({"opslagfout": str(e)})
    except (MemoryError, duckdb.OutOfMemoryException):
        pass  # geen uitkomst: de ouder meldt dat de grens bereikt is, net als bij een kind dat gestopt werd
    except DatabaseFout as e:
        schrijf({"opslagfout": f"De controle liep vast in de database: {str(e).splitlines()[0][:300]}"})
    else:
        schrijf(
            {
                "verslag": {
                    "geladen": [(str(p), s, r, t) for p, s, r, t in verslag.geladen],
                    "ongewijzigd": [str(p) for p in verslag.ongewijzigd],
                    "overgeslagen": [(str(p), r) for p, r in verslag.overgeslagen],
                    "seconden": verslag.seconden,
                }
            }
        )


if __name__ == "__main__":
    _kind()
