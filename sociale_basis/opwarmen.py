"""Een draaiend dashboard warm maken voordat het bezoekers krijgt, via Streamlits eigen
websocketprotocol (`/_stcore/stream`, protobuf BackMsg/ForwardMsg; geen browser nodig).

Waarom: de eerste run van elke pagina en elke keuze (jaar, document) rekent de gedeelde caches uit
(het `Land` van gemeentebeeld, de marts per jaar) en laadt de modules; die eerste bezoekers
wachtten seconden (p95 1,2 s onder belasting tegen 0,12 s warm, tools/resultaten/belasting.md).
`deploy/start.sh` laat elke replica hier eerst doorheen en zet pas daarna nginx ervoor.

`draai_pagina` is ook de client van de belastingtest (tools/belasting.py): één plek die weet hoe een
pagina via het protocol draait en wanneer ze klaar of fout is.
"""

from __future__ import annotations

import asyncio
import time
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

TIMEOUT = 60.0
# De paginanamen zoals Streamlit ze uit de bestandsnamen in sociale_basis/pages/ maakt; Nederland is de
# startpagina in app.py en heet "". Een nieuwe pagina wordt zo vanzelf opgewarmd; een naam die niet
# (meer) bestaat, geeft 'pagina niet gevonden' en laat de uitrol mislukken.
PAGINAS = tuple("" if p.stem == "nederland" else p.stem for p in sorted((Path(__file__).parent / "pages").glob("*.py")))


@dataclass
class Run:
    """Wat één paginarun opleverde: de koppen (titel eerst), fouten en de duur in seconden."""

    pagina: str
    koppen: list[str] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)
    seconden: float = 0.0


def _element(fm: ForwardMsg) -> str | None:
    if fm.WhichOneof("type") == "delta" and fm.delta.WhichOneof("type") == "new_element":
        return fm.delta.new_element.WhichOneof("type")
    return None


async def draai_pagina(
    adres: str,
    pagina: str,
    query: dict[str, str] | str,
    cookie: str = "",
    timeout: float = TIMEOUT,
    bron: str | None = None,
) -> Run:
    """Open `pagina` met `query` zoals een link dat doet (een nieuwe sessie) en wacht tot het script
    klaar is. Een uitzondering op de pagina, een onbekende pagina of een ander einde dan 'geslaagd'
    staat in `fouten`; een verbinding die niet lukt of te lang duurt, geeft een uitzondering."""
    qs = query if isinstance(query, str) else urllib.parse.urlencode(query)
    run = Run(pagina)
    start = time.perf_counter()
    ws_adres = adres.rstrip("/").replace("http", "ws", 1) + "/_stcore/stream"
    async with websockets.connect(
        ws_adres,
        subprotocols=["streamlit"],
        max_size=None,
        additional_headers={"Origin": adres, **({"Cookie": cookie} if cookie else {})},
        open_timeout=timeout,
        # Vanaf een eigen loopbackadres (127.0.0.x): zo ziet nginx in een belastingtest elke sessie als een
        # andere bezoeker, met haar eigen grenzen (limit_req/limit_conn per adres).
        **({"local_addr": (bron, 0)} if bron else {}),
    ) as ws:
        msg = BackMsg()
        msg.rerun_script.query_string = qs
        msg.rerun_script.page_name = pagina
        await ws.send(msg.SerializeToString())
        while True:
            fm = ForwardMsg()
            fm.ParseFromString(await asyncio.wait_for(ws.recv(), timeout))
            soort = fm.WhichOneof("type")
            element = _element(fm)
            if element == "heading":
                run.koppen.append(fm.delta.new_element.heading.body)
            elif element == "exception":
                run.fouten.append(f"uitzondering: {fm.delta.new_element.exception.message[:120]}")
            elif soort == "page_not_found":
                run.fouten.append(f"pagina niet gevonden: {pagina}")
            elif soort == "script_finished":
                if fm.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                if fm.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    run.fouten.append(f"script eindigde met {fm.script_finished}")
                break
    run.seconden = time.perf_counter() - start
    return run


async def warm(adres: str, paginas: Iterable[str] = PAGINAS, timeout: float = TIMEOUT) -> list[Run]:
    """Elke pagina in haar standaardweergave (een link zonder keuzes), één voor één: de eerste run
    betaalt de imports en de gedeelde caches; andere jaren kosten daarna ≈ 0,1 s per pagina, behalve
    Model (≈ 2,7 s per jaar en document, de gevoeligheid), dus alleen de standaard."""
    return [await draai_pagina(adres, p, {}, timeout=timeout) for p in paginas]
