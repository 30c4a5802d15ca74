"""`sociale-basis opwarmen`: elke pagina van een draaiend dashboard één keer openen, per replica tegelijk."""

from __future__ import annotations

import sys
import time

from .. import fmt
from .gedeeld import EXIT_FOUT

NAAM = "opwarmen"


def voeg_toe(sub) -> None:
    warm = sub.add_parser(
        NAAM,
        help="een draaiend dashboard warm maken (voordat het bezoekers krijgt)",
        description="Open elke pagina één keer via Streamlits websocket, zodat de eerste bezoekers niet "
        "op imports en gedeelde caches wachten. deploy/start.sh doet dit per replica vóór nginx.",
    )
    warm.add_argument("--adres", required=True, nargs="+", metavar="URL", help="bv. http://127.0.0.1:8601")
    warm.add_argument("--timeout", type=float, default=60.0, metavar="S", help="per pagina (standaard 60 s)")


def voer_uit(args) -> int:
    import asyncio

    from .. import opwarmen

    async def alle():  # replica's tegelijk: elk is een eigen proces
        return await asyncio.gather(
            *(opwarmen.warm(a, timeout=args.timeout) for a in args.adres), return_exceptions=True
        )

    start = time.perf_counter()
    fout = False
    for adres, runs in zip(args.adres, asyncio.run(alle())):
        if isinstance(runs, BaseException):
            fout = True
            if isinstance(runs, ConnectionRefusedError):
                reden = "geen verbinding (draait het dashboard daar?)"
            elif isinstance(runs, TimeoutError):
                reden = f"geen antwoord binnen {fmt.getal(args.timeout)} s"
            elif isinstance(runs, (OSError, opwarmen.websockets.WebSocketException)):
                reden = f"{type(runs).__name__}: {runs}"
            else:
                raise runs
            print(f"sociale-basis: opwarmen van {adres}: {reden}", file=sys.stderr)
            continue
        traagst = max(runs, key=lambda r: r.seconden)
        print(
            f"{adres}: {len(runs)} pagina's warm in {fmt.getal(time.perf_counter() - start, 1)} s "
            f"(traagst {traagst.pagina or 'nederland'}, {fmt.getal(traagst.seconden, 1)} s)"
        )
        for r in runs:
            if r.fouten:
                fout = True
                print(f"sociale-basis: {adres}: {r.pagina or 'nederland'}: {'; '.join(r.fouten)}", file=sys.stderr)
    return EXIT_FOUT if fout else 0
