"""Browserbenchmark: wat een bezoeker werkelijk wacht, gemeten in headless Debian-chromium.

    .venv/bin/python tools/bench_browser.py [--db OPSLAG] [--herhaal 5] [--uit tools/resultaten/browser.md]
                                            [--adres http://127.0.0.1:8080]

Per pagina, over ≥ 5 herhalingen met elk een nieuwe browsercontext (een eerste bezoek: lege cache):
- **volledig getekend**: van navigatie tot script klaar (`data-test-script-state` niet `running`),
  geen statuswidget, geen verouderde elementen en elke plotly-grafiek getekend;
- **overdracht**: bytes over het netwerk (wat chromium ontving, gecomprimeerd als de server
  comprimeert) en het aantal HTTP-verzoeken, plus de websocketberichten;
- op de pagina Gemeente ook de **gemeentewissel**: een andere gemeente kiezen tot alles opnieuw getekend is;
- het **geheugen van de server** (RSS van de procesgroep) na het eerste bezoek en aan het eind.
Zonder --adres start het script zelf één Streamlit-server op een vrije poort (met --db, of met
de meegeleverde momentopname in een tijdelijke opslag). Geen assertions: dit meet, de tests toetsen.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGINAS = {
    "Nederland": "/?jaar=2025",
    "Gemeente": "/gemeente?jaar=2025",
    "Vergelijken": "/vergelijken?jaar=2025",
    "Trends": "/trends?jaar=2025",
    "Kaart": "/kaart?jaar=2025",
    "Gemeentefonds": "/gemeentefonds?jaar=2025",
    "Methode": "/methode?jaar=2025",
    "Gegevens": "/gegevens?jaar=2025",
}
WISSELS = ["Zwolle", "Groningen", "Utrecht", "Tilburg", "Almere", "Leiden", "Breda", "Ede", "Delft", "Emmen"]

# Klaar = script niet bezig, geen statuswidget, niets verouderd, elke plotly-grafiek heeft zijn svg.
KLAAR_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') === 'running') return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  if (!document.querySelector('h1')) return false;
  const plots = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  for (const p of plots) { if (!p.querySelector('.main-svg')) return false; }
  return true;
}"""


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """RSS van het proces en al zijn kinderen, in MB (uit /proc)."""
    totaal, te_doen = 0, [pid]
    while te_doen:
        p = te_doen.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                totaal += next(int(r.split()[1]) for r in f if r.startswith("VmRSS:"))
            with open(f"/proc/{p}/task/{p}/children") as f:
                te_doen += [int(c) for c in f.read().split()]
        except (OSError, StopIteration):
            continue
    return totaal / 1024


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    poort = vrije_poort()
    env = {**os.environ, "SOCIALE_BASIS_DB": str(db)}
    log = open(Path(tempfile.gettempdir()) / f"bench_browser_{poort}.log", "w")  # noqa: SIM115
    proces = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(poort), "--server.headless", "true"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    adres = f"http://127.0.0.1:{poort}"
    for _ in range(240):
        try:
            urllib.request.urlopen(f"{adres}/_stcore/health", timeout=1)
            return proces, adres
        except OSError:
            time.sleep(0.25)
    proces.kill()
    raise SystemExit("De server startte niet; zie " + log.name)


def maak_opslag(map_: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from sociale_basis import snapshot
    from sociale_basis.importer import voer_in
    from sociale_basis.store import Store

    pad = map_ / "bench.duckdb"
    with Store(pad) as store:
        voer_in(store, snapshot.stappen())
    return pad


class Teller:
    """Bytes en verzoeken van één paginabezoek, via het DevTools-protocol van chromium."""

    def __init__(self, context, page):
        self.cdp = context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.bytes = self.verzoeken = self.ws_bytes = self.ws_berichten = 0
        self.cdp.on("Network.loadingFinished", self._klaar)
        self.cdp.on("Network.webSocketFrameReceived", self._ws)

    def _klaar(self, e):
        self.bytes += int(e.get("encodedDataLength", 0))
        self.verzoeken += 1

    def _ws(self, e):
        self.ws_berichten += 1
        self.ws_bytes += len(e.get("response", {}).get("payloadData", ""))


def wacht(page, timeout: float = 60_000) -> None:
    page.wait_for_function(KLAAR_JS, timeout=timeout, polling=25)


def kies_gemeente(page, naam: str) -> tuple[float, float]:
    """Kies een gemeente in de zijbalk: (s tot de keuzelijst open is, s van de keuze tot alles
    opnieuw getekend is). Het typen zelf telt niet mee: dat is de bezoeker, niet de app."""
    vak = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(has_text="Gemeente")
    start = time.perf_counter()
    vak.locator("input").click()
    page.locator("[role='option']").first.wait_for()
    open_tijd = time.perf_counter() - start
    vak.locator("input").fill(naam)
    optie = page.locator("[role='option']").filter(has_text=naam).first
    optie.wait_for()
    start = time.perf_counter()
    optie.click()
    page.wait_for_selector(f"h1:has-text('{naam}')", timeout=60_000)
    wacht(page)
    return open_tijd, time.perf_counter() - start


def meet(adres: str, herhaal: int, pid: int | None) -> dict:
    from playwright.sync_api import sync_playwright

    uit = {"pagina": {}, "wissel": [], "keuzelijst": [], "rss": {}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        # Eerste bezoek na de start van de server: koude caches aan de serverkant.
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
        page = context.new_page()
        start = time.perf_counter()
        page.goto(adres + PAGINAS["Nederland"])
        wacht(page, 180_000)
        uit["koude_start"] = time.perf_counter() - start
        context.close()
        if pid:
            uit["rss"]["na eerste bezoek"] = rss_mb(pid)
        for ronde in range(herhaal):
            for naam, pad in PAGINAS.items():
                context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
                page = context.new_page()
                teller = Teller(context, page)
                start = time.perf_counter()
                page.goto(adres + pad)
                wacht(page)
                getekend = time.perf_counter() - start
                page.wait_for_timeout(300)  # late verzoeken (lettertypen, kaartgrenzen) meetellen
                uit["pagina"].setdefault(naam, []).append(
                    (getekend, teller.bytes, teller.verzoeken, teller.ws_bytes, teller.ws_berichten)
                )
                if naam == "Gemeente":
                    for gemeente in WISSELS[ronde * 2 % len(WISSELS) :][:2]:
                        open_tijd, wissel = kies_gemeente(page, gemeente)
                        uit["keuzelijst"].append(open_tijd)
                        uit["wissel"].append(wissel)
                context.close()
        browser.close()
    if pid:
        uit["rss"]["aan het eind"] = rss_mb(pid)
    return uit


def rapport(uit: dict, herhaal: int, adres: str, eigen: bool) -> str:
    def s(x: float) -> str:
        return f"{x:.2f}".replace(".", ",")

    regels = [
        "# Browserbenchmark",
        "",
        f"Gemeten op {datetime.now():%Y-%m-%d %H:%M} met `tools/bench_browser.py --herhaal {herhaal}`; "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, headless "
        f"Debian-chromium; server {'door het script gestart (één Streamlit-proces, geen compressie)' if eigen else adres}.",
        "",
        f"Eerste bezoek na het starten van de server (koude caches): {s(uit['koude_start'])} s.",
        "",
        "| pagina | volledig getekend, mediaan (s) | hoogst (s) | overdracht eerste bezoek (kB) | verzoeken | websocket (kB) |",
        "|---|---|---|---|---|---|",
    ]
    for naam, metingen in uit["pagina"].items():
        tijden = [m[0] for m in metingen]
        regels.append(
            f"| {naam} | {s(statistics.median(tijden))} | {s(max(tijden))} | "
            f"{statistics.median(m[1] for m in metingen) / 1024:.0f} | "
            f"{statistics.median(m[2] for m in metingen):.0f} | "
            f"{statistics.median(m[3] for m in metingen) / 1024:.0f} |"
        )
    if uit["wissel"]:
        regels += [
            "",
            f"Gemeentewissel op de pagina Gemeente (van de keuze tot alles opnieuw getekend): "
            f"mediaan {s(statistics.median(uit['wissel']))} s, hoogst {s(max(uit['wissel']))} s "
            f"over {len(uit['wissel'])} wissels. De keuzelijst (342 gemeenten) openen: mediaan "
            f"{s(statistics.median(uit['keuzelijst']))} s, hoogst {s(max(uit['keuzelijst']))} s.",
        ]
    if uit["rss"]:
        regels += [
            "",
            "Geheugen van de server (RSS, procesgroep): "
            + "; ".join(f"{k} {v:.0f} MB" for k, v in uit["rss"].items())
            + ".",
        ]
    regels += [
        "",
        "Doelen (issue 9): volledig getekend ≤ 1,5 s mediaan per pagina, gemeentewissel ≤ 0,5 s, "
        "eerste bezoek ≤ 2 MB overdracht (met compressie in de deployment).",
    ]
    return "\n".join(regels) + "\n"


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="tools/bench_browser.py", description=__doc__.splitlines()[0])
    p.add_argument("--db", type=Path, help="opslag (standaard: de momentopname in een tijdelijke opslag)")
    p.add_argument("--adres", help="meet een draaiende server (bv. achter nginx) in plaats van er een te starten")
    p.add_argument("--pid", type=int, help="met --adres: proces(groep) voor het geheugen")
    p.add_argument("--herhaal", type=int, default=5)
    p.add_argument("--uit", type=Path, default=ROOT / "tools" / "resultaten" / "browser.md")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        proces = None
        if args.adres:
            adres, pid = args.adres.rstrip("/"), args.pid
        else:
            proces, adres = start_server(args.db or maak_opslag(Path(tmp)))
            pid = proces.pid
        try:
            uit = meet(adres, args.herhaal, pid)
        finally:
            if proces:
                proces.terminate()
                proces.wait(timeout=30)
    tekst = rapport(uit, args.herhaal, adres, proces is not None)
    args.uit.parent.mkdir(parents=True, exist_ok=True)
    args.uit.write_text(tekst, encoding="utf-8")
    print(tekst)


if __name__ == "__main__":
    main()
