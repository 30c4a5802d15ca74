"""Belastingtest: N gelijktijdige sessies die door het dashboard klikken, via Streamlit's eigen
websocketprotocol (`/_stcore/stream`, protobuf BackMsg/ForwardMsg), zonder browsers.

    .venv/bin/python tools/belasting.py --adres http://127.0.0.1:8080 [--sessies 20] [--seconden 60]
                                        [--pid PID ...] [--uit tools/resultaten/belasting.md]

Waarom geen browsers: op 2 cores is chromium zelf de bottleneck (zie docs/meten); zo meet dit de
server. Elke sessie opent een websocket (met cookies, zodat nginx haar aan één replica houdt),
en doet tot de tijd om is interacties: een andere pagina, gemeente, jaar of document. Elke
interactie is het openen van een link naar die weergave (de zijbalk staat in de URL): een nieuwe
websocketsessie met de pagina en querystring, tot `script_finished`. Dat is zwaarder dan een klik
in de zijbalk (die hergebruikt de sessie), dus een bovengrens. Fout = een uitzondering op de
pagina, een ander einde dan 'geslaagd', een verbroken verbinding of geen antwoord binnen 30 s.
Alleen loopback; aantal sessies en tijd zijn begrensd.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import os
import platform
import random
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import datetime
from http.cookiejar import CookieJar
from pathlib import Path

import websockets

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_browser import eigen_mb, rss_mb

from sociale_basis import opwarmen

ROOT = Path(__file__).resolve().parent.parent
PAGINAS = ["", "gemeente", "vergelijken", "trends", "kaart", "behoefte", "gemeentefonds", "methode", "gegevens"]
# De zijbalk zet de naam van de gemeente in de URL (zoals hij in de keuzelijst staat).
GEMEENTEN = [
    "Amsterdam",
    "Groningen",
    "Utrecht",
    "Rotterdam",
    "Zwolle",
    "Tilburg",
    "Almere",
    "Leiden",
    "Breda",
    "Delft",
]
JAREN = ["2025", "2024", "2023", "2022", "2019"]
DOCUMENTEN = ["Begroting", "Jaarrekening"]
MAX_SESSIES, MAX_SECONDEN, TIMEOUT = 100, 600, 30.0


class _VanAdres(urllib.request.HTTPHandler):
    """HTTP vanaf een gekozen loopbackadres (zie --eigen-adressen)."""

    def __init__(self, bron: str):
        super().__init__()
        self.bron = bron

    def http_open(self, req):
        return self.do_open(
            lambda host, **kw: http.client.HTTPConnection(host, source_address=(self.bron, 0), **kw), req
        )


class Sessie:
    def __init__(self, adres: str, nummer: int, denktijd: tuple[float, float], bron: str | None = None):
        self.adres, self.nummer, self.denktijd, self.bron = adres, nummer, denktijd, bron
        self.rand = random.Random(nummer)
        self.staat = {"jaar": "2025", "document": "Begroting", "gemeente": "Amsterdam"}
        self.pagina = ""
        self.latenties: list[float] = []
        self.fouten: list[str] = []

    def _querystring(self) -> str:
        staat = dict(self.staat)
        if staat["jaar"] in ("2025", "2026"):  # jaarrekening bestaat (nog) niet voor deze jaren
            staat["document"] = "Begroting"
        return urllib.parse.urlencode(staat)

    def _cookies(self) -> str:
        # Eerst de pagina ophalen zoals een browser: nginx geeft dan de cookie voor de replica.
        jar = CookieJar()
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), *([_VanAdres(self.bron)] if self.bron else [])
        )
        opener.open(self.adres + "/", timeout=TIMEOUT).read()
        return "; ".join(f"{c.name}={c.value}" for c in jar)

    async def _open_link(self, cookie: str) -> None:
        run = await opwarmen.draai_pagina(self.adres, self.pagina, self._querystring(), cookie, TIMEOUT, self.bron)
        self.fouten += run.fouten
        # Klopt wat de sessie ziet? Op de pagina Gemeente is de titel de gevraagde gemeente.
        if self.pagina == "gemeente" and (not run.koppen or run.koppen[0] != self.staat["gemeente"]):
            self.fouten.append(f"verkeerde gemeente: {run.koppen[:1]} in plaats van {self.staat['gemeente']}")
        self.latenties.append(run.seconden)

    def _volgende(self) -> None:
        wat = self.rand.choice(["pagina", "gemeente", "jaar", "document"])
        if wat == "pagina":
            self.pagina = self.rand.choice(PAGINAS)
        elif wat == "gemeente":
            self.staat["gemeente"] = self.rand.choice(GEMEENTEN)
        elif wat == "jaar":
            self.staat["jaar"] = self.rand.choice(JAREN)
        else:
            self.staat["document"] = self.rand.choice(DOCUMENTEN)

    async def draai(self, einde: float) -> None:
        try:
            cookie = await asyncio.to_thread(self._cookies)
            await self._open_link(cookie)
            while time.monotonic() < einde:
                self._volgende()
                await self._open_link(cookie)
                await asyncio.sleep(self.rand.uniform(*self.denktijd))  # denktijd van een bezoeker
        except (TimeoutError, OSError, websockets.WebSocketException) as e:
            self.fouten.append(f"{type(e).__name__}: {e}"[:160])


async def belast(
    adres: str, sessies: int, seconden: float, denktijd: tuple[float, float], eigen_adressen: bool = False
) -> list[Sessie]:
    einde = time.monotonic() + seconden
    alle = [Sessie(adres, i, denktijd, f"127.0.0.{10 + i}" if eigen_adressen else None) for i in range(sessies)]
    taken = []
    for s in alle:  # gespreid binnenkomen, zoals bezoekers
        taken.append(asyncio.create_task(s.draai(einde)))
        await asyncio.sleep(0.1)
    await asyncio.gather(*taken)
    return alle


def meet_geheugen(pids: list[int], stop: threading.Event, piek: dict[int, tuple[float, float]]) -> None:
    """Piek van RSS en van USS (eigen geheugen, zonder gedeelde bibliotheken) per proces."""
    while not stop.is_set():
        for pid in pids:
            rss, uss = piek.get(pid, (0.0, 0.0))
            piek[pid] = (max(rss, rss_mb(pid)), max(uss, eigen_mb(pid)))
        stop.wait(0.5)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="tools/belasting.py", description=__doc__.splitlines()[0])
    p.add_argument("--adres", required=True, help="bv. http://127.0.0.1:8080 (alleen loopback)")
    p.add_argument("--sessies", type=int, default=20)
    p.add_argument("--seconden", type=float, default=60)
    p.add_argument(
        "--denktijd",
        type=float,
        nargs=2,
        default=[0.2, 1.0],
        metavar=("MIN", "MAX"),
        help="seconden tussen twee interacties van één sessie (standaard 0,2–1: stress)",
    )
    p.add_argument("--pid", type=int, nargs="*", default=[], help="serverprocessen voor het piekgeheugen")
    p.add_argument(
        "--eigen-adressen",
        action="store_true",
        help="elke sessie vanaf haar eigen adres 127.0.0.10, .11, …: nginx ziet zo gewone, losse bezoekers "
        "(met de grenzen per bezoeker aan); zonder komt alles van één adres, zoals één bezoeker met veel tabbladen",
    )
    p.add_argument("--naam", default="", help="omschrijving van de opstelling in het verslag")
    p.add_argument("--uit", type=Path, default=ROOT / "tools" / "resultaten" / "belasting.md")
    args = p.parse_args(argv)
    host = urllib.parse.urlsplit(args.adres).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("Alleen loopback: dit is een belastingtest voor de eigen machine.")
    sessies = min(args.sessies, MAX_SESSIES)
    seconden = min(args.seconden, MAX_SECONDEN)
    piek: dict[int, tuple[float, float]] = {}
    stop = threading.Event()
    draad = threading.Thread(target=meet_geheugen, args=(args.pid, stop, piek), daemon=True)
    draad.start()
    start = time.perf_counter()
    denktijd = (args.denktijd[0], args.denktijd[1])
    alle = asyncio.run(belast(args.adres.rstrip("/"), sessies, seconden, denktijd, args.eigen_adressen))
    duur = time.perf_counter() - start
    stop.set()
    draad.join()
    lat = sorted(x for s in alle for x in s.latenties)
    fouten = [f for s in alle for f in s.fouten]
    p95 = lat[int(0.95 * (len(lat) - 1))] if lat else float("nan")
    dt = f"{denktijd[0]:g}–{denktijd[1]:g}".replace(".", ",")
    regels = [
        f"## {args.naam or args.adres} — {sessies} sessies, {seconden:.0f} s",
        "",
        f"Gemeten op {datetime.now():%Y-%m-%d %H:%M} met `tools/belasting.py --sessies {sessies} "
        f"--seconden {seconden:.0f} --denktijd {denktijd[0]:g} {denktijd[1]:g}"
        f"{' --eigen-adressen' if args.eigen_adressen else ''}`; {platform.machine()}, "
        f"{os.cpu_count()} cores, client op dezelfde machine. Websocketclient (geen browsers); elke "
        f"interactie opent een link in een nieuwe sessie (verbinden + pagina draaien); denktijd {dt} s.",
        "",
        "| sessies | duur (s) | interacties | per seconde | fouten | p50 (s) | p95 (s) | hoogst (s) |",
        "|---|---|---|---|---|---|---|---|",
        f"| {sessies} | {duur:.0f} | {len(lat)} | {len(lat) / duur:.1f} | {len(fouten)} | "
        f"{statistics.median(lat):.2f} | {p95:.2f} | {max(lat):.2f} |".replace(".", ",")
        if lat
        else f"| {sessies} | {duur:.0f} | 0 | 0 | {len(fouten)} | – | – | – |",
    ]
    if piek:
        regels += [
            "",
            "Piekgeheugen per serverproces, RSS (eigen geheugen zonder gedeelde bibliotheken, USS): "
            + "; ".join(f"pid {pid}: {rss:.0f} MB ({uss:.0f} MB)" for pid, (rss, uss) in piek.items())
            + ".",
        ]
    if fouten:
        regels += ["", "Fouten (eerste 10):", *[f"- {f}" for f in fouten[:10]]]
    tekst = "\n".join(regels) + "\n"
    args.uit.parent.mkdir(parents=True, exist_ok=True)
    with open(args.uit, "a", encoding="utf-8") as f:
        f.write("\n" + tekst)
    print(tekst)


if __name__ == "__main__":
    main()
