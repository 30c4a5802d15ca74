"""Browserbenchmark: wat een lezer werkelijk ziet en wanneer, in headless Debian-chromium.

    .venv/bin/python tools/bench_browser.py [--db OPSLAG] [--herhaal 5] [--uit tools/resultaten/browser.md]
                                            [--adres http://127.0.0.1:8080 [--pid PID]]
                                            [--peer MAP_VAN_PEER_A --peer-python PYTHON]

Elk bezoek is een nieuwe browsercontext (een eerste bezoek: lege cache). In de pagina houdt een
script vanaf het begin van de navigatie bij wat er in het hoofdgedeelte (`stMain`) staat; de tijden
zijn vanaf de start van de navigatie (`performance.now()`):
- **kop op het scherm**: de titel (h1), een alinea tekst eronder (de kopzin) en, op pagina's die ze
  hebben, alle kerncijfers (de getallen van `dashboard.uitvoer.kerncijfers`, of `stMetric`; zoveel als
  de pagina aan het eind toont) zijn er;
- **volledig getekend**: de laatste wijziging in het hoofdgedeelte (een MutationObserver) voordat
  het 1,5 s stil bleef terwijl het script klaar was, met elke plotly-, Vega- en tabelgrafiek getekend (ook
  het lichte grafiekelement van issue 30: `div.sb-grafiek` met `data-getekend`)
  en geen plaatshouder (`stSkeleton`) meer. Dat is het moment waarop een lezer niets meer ziet
  verschijnen, niet het moment waarop het script klaar is (dat komt eerder: de grafiekcode van
  Streamlit wordt pas daarna geladen);
- op Gemeente de **gemeentewissel**: van de klik op een andere gemeente tot de laatste wijziging;
- **overdracht** (bytes en HTTP-verzoeken, via DevTools) en het **geheugen** van de server (RSS).
Met --peer meet het in dezelfde run, om en om, peer A (michielsd/begrotingsanalysetool, ook
Streamlit): zijn enige pagina met dezelfde definities, en een gemeentewissel in zijn keuzelijst.
Peer A leest zijn data van raw.githubusercontent.com; hier is geen internet, dus draait het script
een kopie waarin die adressen naar de eigen map van de checkout wijzen (verder ongewijzigd).
Zonder --adres start het script zelf één Streamlit-server op een vrije poort (met --db, of met de
meegeleverde momentopname in een tijdelijke opslag). Geen assertions: dit meet, de tests toetsen.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
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
    "Gemeente": "/gemeente?jaar=2025&gemeente=Amsterdam",
    "Vergelijken": "/vergelijken?jaar=2025",
    "Trends": "/trends?jaar=2025",
    "Kaart": "/kaart?jaar=2025",
    "Behoefte": "/behoefte?jaar=2025",
    "Gemeentefonds": "/gemeentefonds?jaar=2025",
    "Methode": "/methode?jaar=2025",
    "Model": "/model?jaar=2025",
    "Gegevens": "/gegevens?jaar=2025",
}
PEER = "Peer A"
# tools/vloer_app.py: wat Streamlit zelf kost voor dezelfde soorten elementen als de Gemeente-pagina.
VLOER = {
    "Vloer: titel en kopzin": "/?v=tekst",
    "Vloer: + 4 kerncijfers": "/?v=kerncijfers",
    "Vloer: + één plotly-grafiek": "/?v=plotly",
    "Vloer: + een tabel (st.dataframe)": "/?v=tabel",
}
WISSELS = ["Zwolle", "Groningen", "Utrecht", "Tilburg", "Almere", "Leiden", "Breda", "Ede", "Delft", "Emmen"]
# Waar peer A zijn data vandaan haalt (streamlit_app.py); de kopie leest ze uit de eigen map.
PEER_BRON = "https://raw.githubusercontent.com/michielsd/begrotingsanalysetool/refs/heads/main/"

# Een kerncijfer: het getal van dashboard.uitvoer.kerncijfers (een kop in een container met key
# kerncijfer_<naam>), of een st.metric (tools/vloer_app.py).
KERNCIJFERS = '[class*="st-key-kerncijfer_"] h2, [data-testid="stMetric"]'
# Loopt vanaf de navigatie in de pagina mee (add_init_script), dus vóór elk script van Streamlit.
# Het hoofdgedeelte: wanneer verschijnen titel, tekst en het n-de kerncijfer; wanneer veranderde
# er voor het laatst iets; hoeveel berichten kwamen er van de server.
VOLGER_JS = """(() => {
  const KERNCIJFERS = '@KERNCIJFERS@';
  const sb = window.__sb = {h1: null, tekst: null, metric: {}, laatste: 0, berichten: 0, klaar: null, klik: null};
  // Elk bericht van de server telt: een wissel is pas klaar na antwoord op de klik (React voegt
  // 'running' en 'notRunning' bij een snelle run soms samen, dus de scriptstatus zegt het niet altijd).
  const WS = window.WebSocket;
  window.WebSocket = function (...a) {
    const ws = new WS(...a);
    ws.addEventListener('message', () => { sb.berichten += 1; });
    return ws;
  };
  window.WebSocket.prototype = WS.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  const hoofd = () => document.querySelector('[data-testid="stMain"]');
  document.addEventListener('pointerdown', () => { sb.klik = performance.now(); }, true);
  new MutationObserver((lijst) => {
    const nu = performance.now();
    for (const m of lijst) {
      const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      if (el && el.closest && el.closest('[data-testid="stMain"]')) sb.laatste = nu;
      if (m.type === 'attributes' && m.attributeName === 'data-test-script-state') {
        const s = m.target.getAttribute('data-test-script-state');
        if (s === 'notRunning') sb.klaar = nu;
      }
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  const kijk = () => {
    const m = hoofd();
    if (m) {
      const nu = performance.now();
      if (sb.h1 === null && m.querySelector('h1')) sb.h1 = nu;
      if (sb.tekst === null && [...m.querySelectorAll('[data-testid="stMarkdownContainer"] p')]
            .some(p => p.textContent.trim().length > 20)) sb.tekst = nu;
      const n = m.querySelectorAll(KERNCIJFERS).length;
      if (n && !(n in sb.metric)) sb.metric[n] = nu;
    }
    requestAnimationFrame(kijk);
  };
  requestAnimationFrame(kijk);
})();""".replace("@KERNCIJFERS@", KERNCIJFERS)

# Klaar voor een lezer: script niet bezig, geen plaatshouder of verouderd element, elke grafiek
# getekend, en sinds de laatste wijziging in het hoofdgedeelte `stil` ms niets meer.
TOESTAND_JS = """(stil) => {
  const KERNCIJFERS = '@KERNCIJFERS@';
  const sb = window.__sb, app = document.querySelector('[data-testid="stApp"]');
  const m = document.querySelector('[data-testid="stMain"]');
  if (!sb || !app || !m || !m.querySelector('h1')) return null;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return null;
  if (document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"]')) return null;
  if (m.querySelector('[data-testid="stSkeleton"]')) return null;
  for (const p of m.querySelectorAll('[data-testid="stPlotlyChart"]')) if (!p.querySelector('.main-svg')) return null;
  for (const g of m.querySelectorAll('div.sb-grafiek')) if (!g.dataset.getekend && !g.dataset.fout) return null;
  for (const v of m.querySelectorAll('[data-testid="stVegaLiteChart"]')) if (!v.querySelector('canvas, svg')) return null;
  for (const d of m.querySelectorAll('[data-testid="stDataFrame"]')) if (!d.querySelector('canvas')) return null;
  if (performance.now() - sb.laatste < stil) return null;
  const metrics = m.querySelectorAll(KERNCIJFERS).length;
  const kop = Math.max(sb.h1, sb.tekst ?? sb.h1, metrics ? sb.metric[metrics] : 0);
  return {kop: kop / 1000, volledig: sb.laatste / 1000, script: (sb.klaar ?? 0) / 1000,
          klik: sb.klik, laatste: sb.laatste, metrics: metrics,
          grafieken: m.querySelectorAll('[data-testid="stPlotlyChart"], [data-testid="stVegaLiteChart"], div.sb-grafiek').length};
}""".replace("@KERNCIJFERS@", KERNCIJFERS)
STIL_MS = 1500


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _boom_kb(pid: int, bestand: str, velden: tuple[str, ...]) -> float:
    """Som van `velden` (kB) uit /proc/<pid>/<bestand> over het proces en al zijn kinderen, in MB."""
    totaal, te_doen = 0, [pid]
    while te_doen:
        p = te_doen.pop()
        try:
            with open(f"/proc/{p}/{bestand}") as f:
                totaal += sum(int(r.split()[1]) for r in f if r.startswith(velden))
            with open(f"/proc/{p}/task/{p}/children") as f:
                te_doen += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return totaal / 1024


def rss_mb(pid: int) -> float:
    """RSS van het proces en al zijn kinderen, in MB."""
    return _boom_kb(pid, "status", ("VmRSS:",))


def eigen_mb(pid: int) -> float:
    """Het eigen geheugen (USS: Private_Clean + Private_Dirty) van het proces en zijn kinderen, in MB.
    RSS telt ook de gedeelde bibliotheken (pyarrow, duckdb, numpy: ≈ 150 MB) die twee replica's maar
    één keer in het geheugen hebben; USS is wat een replica extra kost."""
    return _boom_kb(pid, "smaps_rollup", ("Private_Clean:", "Private_Dirty:"))


def start_server(opdracht: list[str], cwd: Path, env: dict[str, str], naam: str) -> tuple[subprocess.Popen, str]:
    """Start een Streamlit-server op een vrije poort en wacht tot hij gezond is."""
    poort = vrije_poort()
    log = open(Path(tempfile.gettempdir()) / f"bench_browser_{naam}_{poort}.log", "w")  # noqa: SIM115
    proces = subprocess.Popen(
        [*opdracht, "--server.port", str(poort), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=cwd,
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    adres = f"http://127.0.0.1:{poort}"
    for _ in range(480):
        try:
            urllib.request.urlopen(f"{adres}/_stcore/health", timeout=1)
            return proces, adres
        except OSError:
            if proces.poll() is not None:
                break
            time.sleep(0.25)
    proces.kill()
    raise SystemExit(f"De server ({naam}) startte niet; zie {log.name}")


def start_peer(checkout: Path, python: Path, map_: Path) -> tuple[subprocess.Popen, str]:
    """Peer A uit een kopie van zijn checkout, met zijn data uit die kopie in plaats van GitHub."""
    if not (checkout / "streamlit_app.py").is_file():
        raise SystemExit(f"--peer {checkout}: geen streamlit_app.py (een checkout van michielsd/begrotingsanalysetool)")
    kopie = map_ / "peer"
    shutil.copytree(checkout, kopie, ignore=shutil.ignore_patterns(".git"))
    app = kopie / "streamlit_app.py"
    app.write_text(app.read_text(encoding="utf-8").replace(PEER_BRON, f"{kopie}/"), encoding="utf-8")
    return start_server([str(python), "-m", "streamlit", "run", "streamlit_app.py"], kopie, {}, "peer")


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


def klaar(page, timeout: float = 60.0) -> dict:
    """Wacht tot de lezer niets meer ziet veranderen (TOESTAND_JS) en geef de tijden."""
    eind = time.perf_counter() + timeout
    while time.perf_counter() < eind:
        toestand = page.evaluate(TOESTAND_JS, STIL_MS)
        if toestand:
            return toestand
        page.wait_for_timeout(100)
    raise TimeoutError(f"{page.url}: na {timeout:.0f} s nog niet volledig getekend")


def bezoek(browser, adres: str, pad: str, timeout: float = 60.0):
    """Een eerste bezoek in een nieuwe context: (context, page, tijden, teller)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    context.add_init_script(VOLGER_JS)
    page = context.new_page()
    teller = Teller(context, page)
    page.goto(adres + pad, wait_until="commit")
    return context, page, klaar(page, timeout), teller


def wissel(page, label: str, naam: str) -> float:
    """Kies `naam` in de keuzelijst `label` van de zijbalk: s van de klik op de optie tot de laatste
    wijziging in het hoofdgedeelte na een nieuwe run. Het typen zelf telt niet mee (dat is de lezer)."""
    vak = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(has_text=label)
    vak.locator("input").click()
    vak.locator("input").fill(naam)
    optie = page.locator("[role='option']").filter(has_text=naam).first
    optie.wait_for()
    berichten = page.evaluate("window.__sb.berichten")
    optie.click()
    page.wait_for_function(
        "(n) => window.__sb.berichten > n && window.__sb.laatste > window.__sb.klik", arg=berichten, timeout=60_000
    )
    toestand = klaar(page)
    return (toestand["laatste"] - toestand["klik"]) / 1000


def meet(adres: str, herhaal: int, pid: int | None, peer: str | None, vloer: str | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    uit = {"pagina": {}, "wissel": {}, "rss": {}}

    def noteer(naam, tijden, teller):
        uit["pagina"].setdefault(naam, []).append({**tijden, "kB": teller.bytes / 1024, "verzoeken": teller.verzoeken})

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        # Eerste bezoek na de start van de server: koude caches aan de serverkant.
        context, _, tijden, _ = bezoek(browser, adres, PAGINAS["Nederland"], 180)
        uit["koude_start"] = tijden["volledig"]
        context.close()
        for ander in (peer, vloer):
            if ander:
                context, *_ = bezoek(browser, ander, "/", 180)
                context.close()
        if pid:
            uit["rss"]["na eerste bezoek"] = rss_mb(pid)
        for ronde in range(herhaal):
            gemeenten = WISSELS[ronde * 2 % len(WISSELS) :][:2]
            for naam, pad in PAGINAS.items():
                context, page, tijden, teller = bezoek(browser, adres, pad)
                page.wait_for_timeout(300)  # late verzoeken (lettertypen, kaartgrenzen) meetellen
                noteer(naam, tijden, teller)
                if naam == "Gemeente":
                    for gemeente in gemeenten:
                        uit["wissel"].setdefault(naam, []).append(wissel(page, "Gemeente", gemeente))
                context.close()
                # Peer A direct na onze Gemeente-pagina: zelfde browser, zelfde minuut.
                if naam == "Gemeente" and peer:
                    context, page, tijden, teller = bezoek(browser, peer, "/")
                    page.wait_for_timeout(300)
                    noteer(PEER, tijden, teller)
                    for gemeente in gemeenten:
                        uit["wissel"].setdefault(PEER, []).append(wissel(page, "Selecteer de gemeente", gemeente))
                    context.close()
                if naam == "Gemeente" and vloer:
                    for vnaam, vpad in VLOER.items():
                        context, page, tijden, teller = bezoek(browser, vloer, vpad)
                        page.wait_for_timeout(300)
                        noteer(vnaam, tijden, teller)
                        context.close()
        browser.close()
    if pid:
        uit["rss"]["aan het eind"] = rss_mb(pid)
    return uit


def s(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def rapport(uit: dict, opdracht: str, server: str) -> str:
    med = statistics.median
    regels = [
        "# Browserbenchmark: wat een lezer ziet",
        "",
        f"Gemeten op {datetime.now():%Y-%m-%d %H:%M} met `{opdracht}`; {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, headless Debian-chromium, elk bezoek "
        f"een nieuwe browsercontext (lege cache); server: {server}.",
        "",
        "Tijden vanaf de start van de navigatie. *Kop*: titel, kopzin en alle kerncijfers staan er. "
        "*Volledig*: de laatste wijziging in het hoofdgedeelte, met elke grafiek getekend. *Script klaar*: "
        "wat de vorige versie van dit script mat (Streamlit meldt klaar vóór de grafiekcode geladen is).",
        "",
        f"Eerste bezoek na het starten van de server (koude caches), volledig: {s(uit['koude_start'])} s.",
        "",
        "| pagina | kop, mediaan (s) | kop, hoogst (s) | volledig, mediaan (s) | volledig, hoogst (s) "
        "| script klaar, mediaan (s) | × peer A (volledig) | overdracht (kB) | verzoeken |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    peer_vol = med(m["volledig"] for m in uit["pagina"][PEER]) if PEER in uit["pagina"] else None
    for naam, metingen in uit["pagina"].items():
        kop = [m["kop"] for m in metingen]
        vol = [m["volledig"] for m in metingen]
        regels.append(
            f"| {naam} | {s(med(kop))} | {s(max(kop))} | {s(med(vol))} | {s(max(vol))} | "
            f"{s(med(m['script'] for m in metingen))} | {s(med(vol) / peer_vol) if peer_vol else '–'} | "
            f"{med(m['kB'] for m in metingen):.0f} | {med(m['verzoeken'] for m in metingen):.0f} |"
        )
    for naam, tijden in uit["wissel"].items():
        regels += [
            "",
            f"Gemeentewissel ({naam}, van de klik tot de laatste wijziging): mediaan "
            f"{s(med(tijden))} s, hoogst {s(max(tijden))} s over {len(tijden)} wissels.",
        ]

    def volledig(naam: str) -> float:
        return med(m["volledig"] for m in uit["pagina"][naam])

    if PEER in uit["pagina"]:
        ons, peer = volledig("Gemeente"), volledig(PEER)
        regels += [
            "",
            f"Naast elkaar: Gemeente (Amsterdam) volledig {s(ons)} s tegen peer A {s(peer)} s = "
            f"{s(ons / peer)} × peer A; wissel {s(med(uit['wissel']['Gemeente']))} s tegen "
            f"{s(med(uit['wissel'][PEER]))} s = {s(med(uit['wissel']['Gemeente']) / med(uit['wissel'][PEER]))} × peer A.",
        ]
    if "Vloer: + één plotly-grafiek" in uit["pagina"] and PEER in uit["pagina"]:
        vloer, peer = volledig("Vloer: + één plotly-grafiek"), volledig(PEER)
        regels += [
            "",
            f"Vloer: een kale Streamlit-pagina met titel, 4 kerncijfers en één plotly-staaf is volledig na "
            f"{s(vloer)} s = {s(vloer / peer)} × peer A (die Vega gebruikt, geen plotly); het doel 0,8 × peer A "
            f"is {s(0.8 * peer)} s.",
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
        "Doelen (issue 30): Gemeente volledig ≤ 0,80 × peer A; elke pagina ≤ 1,0 × peer A; gemeentewissel ≤ 0,80 × "
        "peer A; eerste bezoek ≤ 2,0 MB overgedragen achter nginx; Kaart volledig ≤ 2,5 s.",
    ]
    return "\n".join(regels) + "\n"


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="tools/bench_browser.py", description=__doc__.splitlines()[0])
    p.add_argument("--db", type=Path, help="opslag (standaard: de momentopname in een tijdelijke opslag)")
    p.add_argument("--adres", help="meet een draaiende server (bv. achter nginx) in plaats van er een te starten")
    p.add_argument("--pid", type=int, help="met --adres: proces(groep) voor het geheugen")
    p.add_argument("--peer", type=Path, help="checkout van michielsd/begrotingsanalysetool: in dezelfde run meten")
    p.add_argument("--peer-python", type=Path, help="Python met peer A's requirements.txt (standaard: deze)")
    p.add_argument(
        "--vloer", action="store_true", help="ook tools/vloer_app.py: dezelfde elementen zonder het dashboard"
    )
    p.add_argument("--herhaal", type=int, default=5)
    p.add_argument("--uit", type=Path, default=ROOT / "tools" / "resultaten" / "browser.md")
    args = p.parse_args(argv)
    opdracht = "tools/bench_browser.py " + " ".join(argv if argv is not None else sys.argv[1:])
    with tempfile.TemporaryDirectory() as tmp:
        processen = []
        try:
            if args.adres:
                adres, pid = args.adres.rstrip("/"), args.pid
            else:
                db = args.db or maak_opslag(Path(tmp))
                proces, adres = start_server(
                    [sys.executable, "-m", "streamlit", "run", "app.py"], ROOT, {"SOCIALE_BASIS_DB": str(db)}, "ons"
                )
                processen.append(proces)
                pid = proces.pid
            peer = None
            if args.peer:
                proces, peer = start_peer(args.peer.resolve(), args.peer_python or Path(sys.executable), Path(tmp))
                processen.append(proces)
            vloer = None
            if args.vloer:
                proces, vloer = start_server(
                    [sys.executable, "-m", "streamlit", "run", "tools/vloer_app.py"], ROOT, {}, "vloer"
                )
                processen.append(proces)
            uit = meet(adres, args.herhaal, pid, peer, vloer)
        finally:
            for proces in processen:
                proces.terminate()
                proces.wait(timeout=30)
    server = adres if args.adres else "door het script gestart (één Streamlit-proces, geen compressie)"
    tekst = rapport(uit, opdracht.strip(), server)
    args.uit.parent.mkdir(parents=True, exist_ok=True)
    args.uit.write_text(tekst, encoding="utf-8")
    print(tekst)


if __name__ == "__main__":
    main()
