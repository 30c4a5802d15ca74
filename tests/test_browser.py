"""Echte-browsertests: het dashboard draait (streamlit run) en Debian-chromium (headless, via
Playwright) doet wat een bezoeker doet: een gemeente kiezen, lezen, een link delen, op de kaart
klikken."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import REPO

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dashboard(volledige_opslag, tmp_path_factory):
    poort = vrije_poort()
    env = {**os.environ, "SOCIALE_BASIS_DB": str(volledige_opslag)}
    # Naar een bestand, niet naar een pipe die niemand leest: een volle pipe zet de server stil.
    log = open(tmp_path_factory.mktemp("dashboard") / "streamlit.log", "w+b")  # noqa: SIM115
    proces = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(poort),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    adres = f"http://127.0.0.1:{poort}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{adres}/_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proces.kill()
        log.seek(0)
        pytest.fail("het dashboard startte niet: " + log.read().decode(errors="replace")[-2000:])
    yield adres
    proces.terminate()
    proces.wait(timeout=20)
    log.close()


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} ontbreekt; installeer Debian-pakket chromium (scripts/test.sh doet dat).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def pagina(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1100}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def wacht_tot_klaar(page) -> None:
    page.wait_for_selector("[data-testid='stApp']")
    page.wait_for_selector("h1")
    # Streamlit toont een statuswidget zolang het script draait.
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')")
    page.wait_for_timeout(300)


def adres(page) -> str:
    # page.url loopt soms een stap achter bij history.pushState; location.href niet.
    return page.evaluate("window.location.href")


def kies_gemeente(page, naam: str) -> None:
    vak = page.get_by_role("combobox", name=re.compile("Gemeente"))
    vak.click()
    page.keyboard.type(naam)
    page.get_by_role("option", name=naam, exact=True).click()
    wacht_tot_klaar(page)


def test_gemeente_kiezen_en_lezen(dashboard, pagina):
    pagina.goto(f"{dashboard}/gemeente?jaar=2023&document=Jaarrekening")
    wacht_tot_klaar(pagina)
    kies_gemeente(pagina, "Zwolle")
    pagina.wait_for_selector("h1:has-text('Zwolle')")
    kop = pagina.locator("h4").first.inner_text()
    assert kop.startswith("In 2023 besteedde Zwolle €") and "per inwoner" in kop and "(netto)" in kop
    # Wat een bezoeker ziet: de kerncijfers, de grafiek met bronregel en de taakveldtabel.
    assert pagina.get_by_text("Collectieve preventie").first.is_visible()
    pagina.locator(".js-plotly-plot").first.wait_for()
    assert "Bron: CBS" in pagina.locator(".js-plotly-plot").first.inner_text()
    assert pagina.get_by_text("Achter de getallen").is_visible()
    # De keuze staat in de URL: een gekopieerde link opent dezelfde weergave.
    pagina.wait_for_function("location.search.includes('gemeente=Zwolle')")
    gedeeld = adres(pagina)
    assert "/gemeente?" in gedeeld and "jaar=2023" in gedeeld
    tweede = pagina.context.new_page()
    tweede.goto(gedeeld)
    wacht_tot_klaar(tweede)
    tweede.wait_for_selector("h1:has-text('Zwolle')")
    assert tweede.locator("h4").first.inner_text() == kop


def test_kaart_klik_opent_gemeente(dashboard, pagina):
    pagina.goto(f"{dashboard}/kaart?jaar=2025")
    wacht_tot_klaar(pagina)
    vlakken = pagina.locator("path.choroplethlocation")
    vlakken.first.wait_for()
    assert vlakken.count() >= 342
    # Klik midden op een gemeente (een groot vlak, zodat de klik er zeker in valt).
    grootste = max(range(min(vlakken.count(), 342)),
                   key=lambda i: (lambda b: b["width"] * b["height"] if b else 0)(vlakken.nth(i).bounding_box()))
    vak = vlakken.nth(grootste).bounding_box()
    pagina.mouse.click(vak["x"] + vak["width"] / 2, vak["y"] + vak["height"] / 2)
    pagina.wait_for_function("location.pathname.endsWith('/gemeente')")
    wacht_tot_klaar(pagina)
    naam = pagina.locator("h1").first.inner_text()
    assert naam not in ("", "Kaart", "Gemeente")
    # De aangeklikte gemeente is ook de gekozen gemeente in de zijbalk en in de URL.
    pagina.wait_for_function("location.search.includes('gemeente=')")
    query = parse_qs(urlparse(adres(pagina)).query)
    assert query["gemeente"] == [naam]


def test_nederland_toont_kop_en_grafieken(dashboard, pagina):
    pagina.goto(dashboard)
    wacht_tot_klaar(pagina)
    assert pagina.locator("h1").first.inner_text() == "Preventie of pas als het misgaat?"
    kop = pagina.locator("h4").first.inner_text()
    assert re.match(r"In 20\d\d (begroten|besteedden) gemeenten € [\d.]+ per inwoner", kop)
    pagina.locator(".js-plotly-plot").nth(1).wait_for()
    assert pagina.locator(".js-plotly-plot").count() == 2
