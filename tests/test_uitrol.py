"""De uitrol (deploy/start.sh): één replica achter nginx, zoals een beheerder hem start. nginx
serveert Streamlits eigen bestanden zelf, vooraf gecomprimeerd en onveranderlijk te bewaren; de
pagina laadt de plotly-bundel van het grafiekelement voor; en door nginx heen werkt het dashboard in een echte
browser (websocket, plakkerige cookie)."""

from __future__ import annotations

import base64
import concurrent.futures
import gzip
import os
import re
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import streamlit
from conftest import REPO
from test_browser import ARGS, CHROMIUM, KERNCIJFER, vrije_poort

pytestmark = pytest.mark.browser

BEHEER = ("anna", "geheim-voor-de-test")
KAN_NGINX = shutil.which("nginx") or Path("/usr/sbin/nginx").exists() or os.geteuid() == 0


@pytest.fixture(scope="module")
def uitrol(tmp_path_factory):
    if not KAN_NGINX:
        pytest.skip("geen nginx en geen root om het te installeren (deploy/start.sh installeert het met apt)")
    map_ = tmp_path_factory.mktemp("uitrol")
    poort, replica = vrije_poort(), vrije_poort()
    # Een beheerder met een htpasswd zoals de README het zegt (openssl passwd -apr1; nginx kent dat formaat).
    hash_ = subprocess.run(
        ["openssl", "passwd", "-apr1", BEHEER[1]], capture_output=True, text=True, check=True
    ).stdout.strip()
    # Buiten de tijdelijke map van pytest (0700): nginx' werkers (nobody/www-data, als nginx als root start)
    # moeten de werkmap lezen (de vooraf gecomprimeerde bestanden), er tijdelijke bestanden schrijven (een groot
    # antwoord voor een trage client) en het wachtwoordbestand lezen. Zonder dat viel /static/ terug op de replica
    # en brak een groot antwoord onder belasting halverwege af (IncompleteRead).
    buiten = Path(tempfile.mkdtemp(prefix="sb-uitrol-"))
    buiten.chmod(0o755)
    wachtwoorden = buiten / "beheer.htpasswd"
    wachtwoorden.write_text(f"{BEHEER[0]}:{hash_}\n")
    wachtwoorden.chmod(0o644)
    env = {
        **os.environ,
        "SOCIALE_BASIS_DEPLOY": str(buiten / "werk"),
        "SOCIALE_BASIS_REPLICA_POORT": str(replica),
        "SOCIALE_BASIS_DB": str(map_ / "opslag.duckdb"),  # leeg: start.sh zet de momentopname erin
        "SOCIALE_BASIS_BEHEER_WACHTWOORDEN": str(wachtwoorden),
    }
    start = subprocess.run(
        ["bash", "deploy/start.sh", "1", str(poort)], cwd=REPO, env=env, capture_output=True, text=True, timeout=900
    )
    try:
        assert start.returncode == 0, start.stdout + start.stderr
        yield f"http://127.0.0.1:{poort}", buiten / "werk", start.stdout
    finally:
        subprocess.run(["bash", "deploy/stop.sh"], cwd=REPO, env=env, capture_output=True, timeout=120)
        shutil.rmtree(buiten, ignore_errors=True)


def _haal(url: str, **kop) -> tuple[bytes, dict]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=kop), timeout=30) as r:
        return r.read(), {k.lower(): v for k, v in r.headers.items()}


def test_pagina_laadt_de_plotlybundel_voor_en_nginx_serveert_haar_gecomprimeerd(uitrol):
    """Issue 30: de pagina laadt de lichte plotly-bundel van het grafiekelement voor (niet meer Streamlits
    PlotlyChart van 4,7 MB), en nginx serveert haar zelf, gecomprimeerd en een jaar te bewaren."""
    adres, werk, _ = uitrol
    html, _ = _haal(adres + "/gemeente?jaar=2025")
    voorladen = re.findall(
        r'<link rel="preload" as="script" href="\./(app/static/plotly/plotly-basic-[\d.]+\.min\.js)">', html.decode()
    )
    assert len(voorladen) == 1, html[:3000]
    assert "PlotlyChart" not in html.decode()
    origineel = (REPO / voorladen[0].removeprefix("app/")).read_bytes()

    inhoud, kop = _haal(f"{adres}/{voorladen[0]}", **{"Accept-Encoding": "gzip"})
    assert kop.get("content-encoding") == "gzip"
    assert gzip.decompress(inhoud) == origineel  # dezelfde bytes als in static/plotly/
    assert "immutable" in kop["cache-control"] and "max-age=31536000" in kop["cache-control"]
    assert kop.get("x-content-type-options") == "nosniff"
    assert len(inhoud) < len(origineel) / 2.5
    # Een browser zonder compressie krijgt het bestand zoals het is.
    inhoud, kop = _haal(f"{adres}/{voorladen[0]}")
    assert inhoud == origineel and "content-encoding" not in kop
    # Met de Debian-module en brotli op de machine ook br (start.sh installeert ze als het mag).
    if (Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")).exists() and shutil.which("brotli"):
        inhoud, kop = _haal(f"{adres}/{voorladen[0]}", **{"Accept-Encoding": "br, gzip"})
        assert kop.get("content-encoding") == "br" and len(inhoud) < len(origineel) / 2.5
    # Streamlits eigen bestanden serveert nginx nog net zo (gecomprimeerd, een jaar te bewaren).
    js = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', html.decode()).group(1)
    _, kop = _haal(f"{adres}/{js}", **{"Accept-Encoding": "gzip"})
    assert kop.get("content-encoding") == "gzip" and "immutable" in kop["cache-control"]
    # De kopie is één keer per Streamlit-versie gemaakt en compleet, en nginx kon haar lezen (geen terugval).
    assert (werk / f"www-{streamlit.__version__}" / ".klaar").is_file()
    assert "Permission denied" not in (werk / "error.log").read_text()


def test_een_replica_krijgt_pas_verkeer_als_elke_pagina_een_keer_draaide(uitrol):
    """start.sh warmt elke replica op (imports, gedeelde caches) en zet pas daarna nginx ervoor; een
    pagina die faalt, laat de uitrol mislukken (sociale-basis opwarmen geeft dan exitcode 1)."""
    *_, uitvoer = uitrol
    regels = uitvoer.splitlines()
    # Elke pagina van het dashboard (opwarmen leidt ze af uit sociale_basis/pages, zoals hier).
    paginas = len(list((REPO / "sociale_basis" / "pages").glob("*.py")))
    warm = [i for i, r in enumerate(regels) if re.search(rf"^http://127\.0\.0\.1:\d+: {paginas} pagina's warm in", r)]
    nginx = [i for i, r in enumerate(regels) if "achter nginx op" in r]
    assert len(warm) == 1 and len(nginx) == 1 and warm[0] < nginx[0], uitvoer


def test_het_dashboard_werkt_door_nginx_heen_in_een_browser(uitrol):
    adres, *_ = uitrol
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("geen Debian-chromium")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        fouten = []
        # Streamlit zoekt zijn basisadres eerst onder het paginapad (/gemeente/_stcore/health) en
        # valt bij 404 terug op /_stcore/: dat doet het ook zonder nginx, dus dat is geen fout.
        page.on(
            "response",
            lambda r: fouten.append(r.url) if r.status >= 400 and not re.search(r"/\w+/_stcore/", r.url) else None,
        )
        page.goto(adres + "/gemeente?jaar=2025&gemeente=Groningen")
        page.wait_for_selector("[data-testid='stMain'] h1:has-text('Groningen')", timeout=90_000)
        page.wait_for_selector("[data-testid='stMain'] div.sb-grafiek[data-getekend] .main-svg", timeout=90_000)
        assert not page.locator("div.sb-grafiek[data-fout]").count()
        assert page.locator(f"{KERNCIJFER} h2").count() >= 4
        assert not page.locator("[data-testid='stException']").count()
        assert "sb_replica" in {c["name"] for c in page.context.cookies()}  # plakkerige sessie
        browser.close()
    assert not fouten, fouten


def test_alleen_een_aangemelde_beheerder_schrijft(uitrol):
    """Bezoekers op / lezen alleen (geen ophaalknop, de reden erbij); /beheer/ vraagt naam en wachtwoord (nginx
    auth_basic), en wie binnen is, ziet op Gegevens dat hij als beheerder is aangemeld — de naam komt van nginx,
    niet van de browser: een zelf meegestuurde kop telt op / niet."""
    adres, *_ = uitrol
    with pytest.raises(urllib.error.HTTPError) as fout:
        _haal(adres + "/beheer/")
    assert fout.value.code == 401 and "Basic" in fout.value.headers.get("WWW-Authenticate", "")
    with pytest.raises(urllib.error.HTTPError) as fout:
        _haal(adres + "/beheer/", Authorization="Basic " + base64.b64encode(b"anna:fout").decode())
    assert fout.value.code == 401
    sleutel = "Basic " + base64.b64encode(":".join(BEHEER).encode()).decode()
    inhoud, _ = _haal(adres + "/beheer/_stcore/health", Authorization=sleutel)
    assert inhoud == b"ok"
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("geen Debian-chromium")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        bezoeker = browser.new_context(extra_http_headers={"X-Sociale-Basis-Beheerder": "mallory"}).new_page()
        bezoeker.goto(adres + "/gegevens")
        bezoeker.wait_for_selector("text=Bezoekers lezen alleen", timeout=90_000)
        assert bezoeker.get_by_text("aangemeld via /beheer/").count()
        bezoeker.get_by_text("Op de opdrachtregel: sociale-basis ophalen").wait_for(timeout=60_000)  # onderaan
        assert not bezoeker.get_by_role("button", name="Haal de nieuwste gegevens op bij CBS").count()
        beheerder = browser.new_context(http_credentials={"username": BEHEER[0], "password": BEHEER[1]}).new_page()
        beheerder.goto(adres + "/beheer/gegevens")
        beheerder.wait_for_selector(f"text=Aangemeld als beheerder: {BEHEER[0]}", timeout=90_000)
        beheerder.get_by_role("button", name="Haal de nieuwste gegevens op bij CBS").wait_for(timeout=60_000)
        browser.close()


def test_de_voordeur_is_gehard(uitrol):
    """nginx: veiligheidskoppen (ook op /static/, dat eigen koppen zet), geen versie, Streamlits tellers niet
    openbaar, een te groot bestand geweigerd met een Nederlandse melding, en te veel verzoeken van één adres
    afgeremd (429, Nederlands) terwijl een gewone bezoeker niets merkt."""
    adres, *_ = uitrol
    html, kop = _haal(adres + "/gemeente")
    _, statisch = _haal(adres + "/" + re.findall(r'src="\./(static/js/index\.[^"]+\.js)"', html.decode())[0])
    for k in (kop, statisch):
        assert k["content-security-policy"] == "frame-ancestors 'self'"
        assert k["x-content-type-options"] == "nosniff" and k["x-frame-options"] == "SAMEORIGIN"
        assert k["referrer-policy"] == "strict-origin-when-cross-origin"
        assert k["server"] == "nginx"  # zonder versie
    assert "immutable" in statisch["cache-control"]
    with pytest.raises(urllib.error.HTTPError) as fout:
        _haal(adres + "/_stcore/metrics")
    assert fout.value.code == 404
    groot = urllib.request.Request(
        adres + "/_stcore/upload_file/sessie/bestand", data=b"x" * (51 * 1024 * 1024), method="PUT"
    )
    with pytest.raises(urllib.error.HTTPError) as fout:
        urllib.request.urlopen(groot, timeout=30)
    assert fout.value.code == 413 and "te groot" in fout.value.read().decode()

    def verzoek(_):
        try:
            return 200, _haal(adres + "/_stcore/health")[0].decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    with concurrent.futures.ThreadPoolExecutor(16) as pool:  # 300 verzoeken zo snel als het gaat
        antwoorden = list(pool.map(verzoek, range(300)))
    codes = [c for c, _ in antwoorden]
    assert codes.count(200) >= 100 and 429 in codes  # de buffer (5 × 20) gaat eerst, daarna afgeremd
    tekst = next(t for c, t in antwoorden if c == 429)
    assert "Te veel verzoeken" in tekst


# -- issue 33, punt 3: werkmap en image -----------------------------------------------------------
def _werkmap(map_: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", "-c", "source deploy/werkmap.sh && werkmap_veilig && echo OK:$MAP"],
        cwd=REPO,
        env={**os.environ, "SOCIALE_BASIS_DEPLOY": str(map_)},
        capture_output=True,
        text=True,
    )


def test_werkmap_alleen_van_ons_en_voor_niemand_anders_schrijfbaar(tmp_path):
    """In /tmp kan een ander de werkmap eerder aanmaken (of een symlink neerzetten) en zo onze nginx.conf of
    pids vervangen: start, stop en ophalen weigeren dan, met een Nederlandse melding."""
    goed = _werkmap(tmp_path / "nieuw")
    assert goed.returncode == 0 and goed.stdout.strip() == f"OK:{tmp_path / 'nieuw'}"
    assert oct((tmp_path / "nieuw").stat().st_mode & 0o777) == "0o755"  # leesbaar voor de nginx-workers

    open_map = tmp_path / "open"
    open_map.mkdir()
    open_map.chmod(0o777)
    fout = _werkmap(open_map)
    assert fout.returncode == 2 and "schrijfbaar voor anderen" in fout.stderr

    link = tmp_path / "link"
    link.symlink_to(tmp_path / "nieuw")
    fout = _werkmap(link)
    assert fout.returncode == 2 and "geen gewone map" in fout.stderr

    if os.geteuid() == 0:  # alleen root kan een map aan een ander geven
        vreemd = tmp_path / "vreemd"
        vreemd.mkdir(mode=0o755)
        os.chown(vreemd, 65534, 65534)  # nobody
        fout = _werkmap(vreemd)
        assert fout.returncode == 2 and "van een andere gebruiker" in fout.stderr
    # stop.sh leest pids uit de werkmap: uit een onveilige map doodt het niets.
    stop = subprocess.run(
        ["bash", "deploy/stop.sh"],
        cwd=REPO,
        env={**os.environ, "SOCIALE_BASIS_DEPLOY": str(open_map)},
        capture_output=True,
        text=True,
    )
    assert stop.returncode == 2 and "Gestopt" not in stop.stdout


def test_image_installeert_uit_het_slot_en_draait_niet_als_root():
    """Het image installeert precies uv.lock (uv sync --frozen, dezelfde uv als scripts/omgeving.sh), niet
    `pip install -e .` (dat neemt de nieuwste versies), en de app draait als een gewone gebruiker."""
    regels = [r.strip() for r in (REPO / "deploy" / "Dockerfile").read_text().splitlines() if not r.startswith("#")]
    tekst = "\n".join(regels)
    assert "uv sync --frozen" in tekst and "pip install --no-cache-dir -e" not in tekst
    uv_omgeving = re.search(r'UV_VERSIE="([\d.]+)"', (REPO / "scripts" / "omgeving.sh").read_text())[1]
    assert f"ARG UV_VERSIE={uv_omgeving}" in regels
    user = [i for i, r in enumerate(regels) if r.startswith("USER ")]
    assert user and regels[user[-1]] != "USER root" and regels[user[-1]] != "USER 0"
    # Na USER geen installatie meer (die zou als die gebruiker schrijven), wel de start.
    assert not any(r.startswith("RUN ") for r in regels[user[-1] :])
    assert regels[-1].startswith("CMD ")
    # De gebruiker schrijft de openbare grenzen in static/kaart/ (anders elke keer over de websocket), en een
    # lokaal gegenereerd static/kaart/ of een lokale opslag gaat niet mee het image in.
    assert "chown -R sociale-basis:sociale-basis /app/opslag /app/static/kaart" in tekst
    negeren = (REPO / ".dockerignore").read_text().splitlines()
    assert {"static/kaart/", ".opslag", ".venv", ".git"} <= set(negeren)
    # Zonder Docker-daemon hier: wat het image doet, doet scripts/omgeving.sh ook (uv sync --frozen), en dat
    # draait elke CI; `uv sync --frozen` weigert als uv.lock niet bij pyproject.toml past.
