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
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(db, tmp_path_factory):
    poort = vrije_poort()
    env = {**os.environ, "SOCIALE_BASIS_DB": str(db)}
    # Naar een bestand, niet naar een pipe die niemand leest: een volle pipe zet de server stil.
    log = open(tmp_path_factory.mktemp("dashboard") / "streamlit.log", "w+b")  # noqa: SIM115
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(poort),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
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
    return adres, proces, log


def _stop(proces, log) -> None:
    proces.terminate()
    proces.wait(timeout=20)
    log.close()


@pytest.fixture(scope="module")
def dashboard(volledige_opslag, tmp_path_factory):
    adres, proces, log = _start(volledige_opslag, tmp_path_factory)
    yield adres
    _stop(proces, log)


@pytest.fixture(scope="module")
def schrijfbaar(volledige_opslag, tmp_path_factory):
    """Een dashboard op een eigen kopie van de opslag: deze tests schrijven erin."""
    import shutil

    db = tmp_path_factory.mktemp("schrijfbaar") / "opslag.duckdb"
    shutil.copyfile(volledige_opslag, db)
    adres, proces, log = _start(db, tmp_path_factory)
    yield adres, db
    _stop(proces, log)


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


@pytest.mark.parametrize("link", ["gemeente=GM0014&document=jaarrekening", "gemeente=groningen&document=JAARREKENING"])
def test_link_die_vergeeft(dashboard, pagina, link):
    """Een link met een GM-code of kleine letters opent Groningen, jaarrekening, en de URL krijgt
    de vorm die het dashboard zelf schrijft."""
    pagina.goto(f"{dashboard}/gemeente?{link}")
    wacht_tot_klaar(pagina)
    pagina.wait_for_selector("h1:has-text('Groningen')")
    pagina.wait_for_function("location.search.includes('gemeente=Groningen')")
    q = parse_qs(urlparse(adres(pagina)).query)
    assert q["gemeente"] == ["Groningen"] and q["document"] == ["Jaarrekening"]
    kop = pagina.locator("h4").first.inner_text()
    assert kop.startswith(f"In {q['jaar'][0]} besteedde Groningen €")
    # Het bijschrift in de zijbalk noemt het document en jaar dat werkelijk getoond wordt.
    assert f"jaarrekening {q['jaar'][0]}" in pagina.locator("[data-testid='stSidebar']").inner_text()
    assert not pagina.get_by_text("De link noemt").count()


def test_link_met_onbekende_gemeente_meldt_dat(dashboard, pagina):
    pagina.goto(f"{dashboard}/gemeente?gemeente=Nergenshuizen&jaar=2025")
    wacht_tot_klaar(pagina)
    melding = pagina.get_by_text("De link noemt gemeente ‘Nergenshuizen’")
    melding.wait_for()
    assert "die kennen we niet voor 2025. Je ziet Amsterdam." in melding.inner_text()
    pagina.wait_for_selector("h1:has-text('Amsterdam')")


def test_link_met_onbekend_jaar_meldt_dat_en_oude_schakelaar_werkt(dashboard, pagina):
    """?jaar=2031 geeft een melding in plaats van stil een ander jaar; een oude link met
    ?zonder_regio=true zet de schakelaar in de zijbalk aan, en de kopzin zegt het."""
    pagina.goto(f"{dashboard}/?jaar=2031&zonder_regio=true")
    wacht_tot_klaar(pagina)
    pagina.get_by_text("Jaar 2031 staat niet in de opslag; getoond: 2025.").wait_for()
    assert pagina.locator("h4").first.inner_text().endswith("(netto, zonder regionale taken).")
    schakelaar = pagina.locator("[data-testid='stSidebar']").get_by_role("switch", name="Zonder regionale taken")
    assert schakelaar.is_checked()


def test_kopieer_link(dashboard, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{dashboard}/vergelijken?gemeente=Zwolle&jaar=2024")
    wacht_tot_klaar(page)
    page.get_by_role("button", name="Kopieer link").click()
    page.get_by_text("Gekopieerd:").wait_for()
    gekopieerd = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert gekopieerd.startswith(f"{dashboard}/vergelijken?")
    # Ook de keuzes die de URL als standaard weglaat, en de versie van de gegevens (issue 32): na een update
    # opent de link dezelfde weergave, met een melding dat de cijfers nieuwer zijn.
    q = parse_qs(urlparse(gekopieerd).query)
    assert {k: q[k] for k in ("gemeente", "jaar", "document", "maat", "weergave")} == {
        "gemeente": ["Zwolle"],
        "jaar": ["2024"],
        "document": ["Begroting"],
        "maat": ["Netto"],
        "weergave": ["Per inwoner"],
    }
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", q["gegevens"][0])


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
    grootste = max(
        range(min(vlakken.count(), 342)),
        key=lambda i: (lambda b: b["width"] * b["height"] if b else 0)(vlakken.nth(i).bounding_box()),
    )
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


def test_gedeelde_link_op_een_telefoon_opent_met_het_cijfer(dashboard, browser, pagina):
    """Issue 32: op 390 px opende een gedeelde link met de zijbalk over de pagina. Nu is de zijbalk dicht op een
    telefoon (de knop om hem te openen staat er) en open op een breed scherm."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{dashboard}/gemeente?gemeente=Heerlen")
    wacht_tot_klaar(page)
    zijbalk = page.locator("[data-testid='stSidebar']")
    kop = page.locator("h1").first.bounding_box()
    assert not zijbalk.is_visible() and page.locator("[data-testid='stExpandSidebarButton']").count() == 1
    assert page.locator("h1").first.inner_text() == "Heerlen" and kop["x"] < 50 and kop["x"] + kop["width"] <= 390
    context.close()
    pagina.goto(f"{dashboard}/gemeente?gemeente=Heerlen")
    wacht_tot_klaar(pagina)
    assert pagina.locator("[data-testid='stSidebar']").is_visible()


def test_nederland_toont_kop_en_grafieken(dashboard, pagina):
    pagina.goto(dashboard)
    wacht_tot_klaar(pagina)
    assert pagina.locator("h1").first.inner_text() == "Preventie of pas als het misgaat?"
    kop = pagina.locator("h4").first.inner_text()
    assert re.match(r"In 20\d\d (begroten|besteedden) gemeenten € [\d.]+ per inwoner", kop)
    pagina.locator(".js-plotly-plot").nth(1).wait_for()
    assert pagina.locator(".js-plotly-plot").count() == 2


# Pagina's met grafieken (Mensen heeft er zonder ophaling geen, zie test_paginas.ZONDER_GRAFIEK), met Behoefte,
# Trends en Model erbij: elk soort spoor dat het dashboard tekent (staaf, lijn, punten, kaart).
MET_GRAFIEK = ["", "gemeente", "vergelijken", "trends", "realisatie", "kaart", "behoefte", "gemeentefonds", "model"]


@pytest.mark.parametrize("pad", MET_GRAFIEK)
def test_lichte_grafieken_tekenen_elk_spoor(dashboard, pagina, pad):
    """Issue 30: elke grafiek komt uit het lichte grafiekelement (een plotly.js-bundel uit static/plotly/, niet
    Streamlits PlotlyChart van 4,7 MB), met de sporen die de figuur vraagt: een spoor dat de bundel niet kent,
    zou plotly stil als punten tekenen (grafiekelement.js zet dan data-fout). Hover werkt."""
    pagina.goto(f"{dashboard}/{pad}?jaar=2025")
    wacht_tot_klaar(pagina)
    grafieken = pagina.locator("div.sb-grafiek")
    grafieken.first.wait_for()
    pagina.wait_for_function(
        "[...document.querySelectorAll('div.sb-grafiek')].every(d => d.dataset.getekend || d.dataset.fout)"
    )
    assert pagina.locator("div.sb-grafiek[data-fout]").count() == 0, pagina.locator("div.sb-grafiek").evaluate_all(
        "ds => ds.map(d => d.dataset.fout)"
    )
    assert pagina.locator("[data-testid='stPlotlyChart']").count() == 0
    geladen = pagina.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
    assert not [u for u in geladen if "PlotlyChart" in u], "Streamlits plotly-code geladen"
    bundels = {u.rsplit("/", 1)[-1] for u in geladen if "/app/static/plotly/" in u}
    assert bundels == ({"plotly-geo-4.1.1.min.js"} if pad == "kaart" else {"plotly-basic-4.1.1.min.js"})
    # De naam van de grafiek voor een schermlezer: haar titel.
    assert grafieken.first.get_attribute("role") == "img" and len(grafieken.first.get_attribute("aria-label")) > 10
    # Hover: de muis op een staaf, punt of gemeente van de eerste grafiek, dan staat er een hovertekst.
    eerste = grafieken.first
    eerste.scroll_into_view_if_needed()
    punten = eerste.locator(".point, path.choroplethlocation")
    for i in range(min(punten.count(), 8)):
        vak = punten.nth(i).bounding_box()
        if not vak or vak["width"] * vak["height"] < 4:
            continue
        pagina.mouse.move(vak["x"] + vak["width"] / 2, vak["y"] + vak["height"] / 2)
        pagina.wait_for_timeout(300)
        if eerste.locator(".hovertext").count():
            break
    assert eerste.locator(".hovertext").count() >= 1


def test_grafiek_als_png_en_svg_naast_het_lichte_element(dashboard, pagina, tmp_path):
    """Issue 30: de export blijft (kaleido op de server tekent dezelfde plotly-figuur): PNG en SVG onder de
    grafiek van de Gemeente-pagina, met een naam die zegt wat het is."""
    pagina.goto(f"{dashboard}/gemeente?gemeente=Zwolle&jaar=2025&document=Begroting&maat=Netto")
    wacht_tot_klaar(pagina)
    pagina.locator("div.sb-grafiek[data-getekend]").first.wait_for()
    for formaat, begin in (("PNG", b"\x89PNG"), ("SVG", b"<svg")):
        with pagina.expect_download(timeout=90_000) as wacht:
            pagina.get_by_role("button", name=formaat, exact=True).first.click()
        bestand = tmp_path / wacht.value.suggested_filename
        wacht.value.save_as(bestand)
        assert bestand.name.startswith("zwolle_begroting-2025_netto") and bestand.suffix == f".{formaat.lower()}"
        assert bestand.read_bytes().lstrip()[: len(begin)] == begin and bestand.stat().st_size > 5_000


def test_cijfers_achter_de_grafiek_pas_bij_openen(dashboard, pagina):
    """Issue 30: de tabel achter een grafiek (op Vergelijken: alle gemeenten) wordt pas getekend als de lezer de
    uitklap opent; dan staat ze er, met haar CSV-knop, en de grafiek blijft staan."""
    pagina.goto(f"{dashboard}/vergelijken?jaar=2025")
    wacht_tot_klaar(pagina)
    uitklap = pagina.locator("[data-testid='stExpander']", has_text="Cijfers achter deze grafiek").first
    uitklap.wait_for()
    assert uitklap.locator("[data-testid='stTable']").count() == 0
    uitklap.locator("summary").click()
    tabel = uitklap.locator("[data-testid='stTable']")
    tabel.wait_for(timeout=30_000)
    assert tabel.locator("tbody tr").count() > 300  # alle gemeenten
    assert uitklap.get_by_role("button", name="Download als CSV").count() == 1
    assert pagina.locator("div.sb-grafiek[data-getekend]").count() >= 1


def test_tabellen_en_upload_zonder_engelse_knoppen(dashboard, pagina):
    """De werkbalk van een tabel heeft geen ‘Download as CSV’ (ongefilterd, zonder bron; uit via
    client.disableDataExport); onze eigen CSV- en Excelknoppen staan eronder."""
    pagina.goto(f"{dashboard}/vergelijken?jaar=2025")
    wacht_tot_klaar(pagina)
    tabel = pagina.locator("[data-testid='stDataFrame']").first
    tabel.scroll_into_view_if_needed()
    tabel.hover()
    pagina.locator("[data-testid='stElementToolbarButton']").first.wait_for()  # de werkbalk is er wel
    assert pagina.get_by_role("button", name="Download as CSV").count() == 0
    # wacht_tot_klaar kan vallen tussen twee reruns; de knop onder de tabel kan dan nog komen.
    eigen = pagina.get_by_role("button", name="Download de ranglijst (CSV)")
    eigen.wait_for(timeout=15_000)
    assert eigen.count() == 1
    # Het uploadvak: geen Engelse '50MB per file • CSV' maar een Nederlandse regel.
    pagina.goto(f"{dashboard}/model")
    wacht_tot_klaar(pagina)
    regel = pagina.locator("[data-testid='stFileUploaderDropzoneInstructions'] span").first
    regel.wait_for()
    assert regel.evaluate("e => getComputedStyle(e).fontSize") == "0px"
    assert regel.evaluate("e => getComputedStyle(e, '::after').content") == '"of sleep het bestand hierheen"'


# -- schrijven terwijl er gekeken wordt ------------------------------------------------------
def _eigen_sjabloon(db, tmp_path, lasten: str, naam: str, fout: bool = False):
    from sociale_basis import indicators
    from sociale_basis.sources import eigen
    from sociale_basis.store import Store

    with Store(db, alleen_lezen=True) as store:
        taakvelden = indicators.sjabloon_taakvelden(store, 2025, "begroting")
        cijfers = indicators.sjabloon_cijfers(store, "GM0363", 2025, "begroting")
    regels = (
        eigen.sjabloon("GM0363", "Amsterdam", 2025, "begroting", taakvelden, cijfers).decode("utf-8-sig").splitlines()
    )
    # Het sjabloon staat ingevuld met de CBS-cijfers (leeg is geen 0 meer): `lasten` erbij op 6.1, de rest zoals CBS.
    regels = [
        r.rsplit(";", 2)[0] + f";{float(r.split(';')[-2].replace(',', '.')) + float(lasten):.0f};{r.split(';')[-1]}"
        if r.split(";")[3] == "6.1"
        else r
        for r in regels
    ]
    if fout:
        regels[2] = regels[2].rsplit(";", 2)[0] + ";veel;0"
        regels[4] = regels[4].rsplit(";", 2)[0] + ";12;nul"
    pad = tmp_path / naam
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return pad


# Een kerncijfer (dashboard.uitvoer.kerncijfer) is een container met key kerncijfer_<naam>: label, getal (h2), ernaast.
KERNCIJFER = "[data-testid='stMain'] [class*='st-key-kerncijfer_']"


def _kerncijfers(page) -> tuple[str, ...]:
    page.wait_for_function(f"document.querySelectorAll(`{KERNCIJFER} h2`).length >= 4")
    return tuple(page.locator(f"{KERNCIJFER} h2").all_inner_texts())


def _geen_fouten(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0


def test_upload_controleren_publiceren(schrijfbaar, pagina, tmp_path):
    from sociale_basis.store import huidige_versie

    adres_, db = schrijfbaar
    url = f"{adres_}/gemeente?gemeente=Amsterdam&jaar=2025&document=Begroting&maat=Bruto"
    pagina.goto(url)
    wacht_tot_klaar(pagina)
    cbs = _kerncijfers(pagina)
    voor = huidige_versie(db)

    # Een fout bestand: alle problemen in een tabel, de opslag onveranderd.
    pagina.get_by_role("link", name="Gegevens").click()
    wacht_tot_klaar(pagina)
    invoer = pagina.locator("[data-testid='stFileUploaderDropzoneInput']")
    invoer.set_input_files(str(_eigen_sjabloon(db, tmp_path, "3000", "amsterdam_fout.csv", fout=True)))
    pagina.get_by_role("button", name="Controleren").click()
    pagina.get_by_text("De opslag is niet veranderd").wait_for()
    # De problementabel verschijnt soms net na de melding: wacht op de tabel die het bestand noemt
    # (er staan meer tabellen op Gegevens, zoals de inhoud van de opslag).
    tabel = pagina.locator("[data-testid='stTable']", has_text="amsterdam_fout.csv")
    tabel.wait_for()
    problemen = tabel.inner_text()
    assert "amsterdam_fout.csv" in problemen and "lasten_duizend_euro" in problemen
    assert huidige_versie(db) == voor

    # Een goed bestand: eerst privé, dan publiceren.
    pagina.reload()  # een schone upload
    wacht_tot_klaar(pagina)
    invoer.set_input_files(str(_eigen_sjabloon(db, tmp_path, "3000", "amsterdam_ontwerp.csv")))
    pagina.get_by_role("button", name="Controleren").click()
    pagina.get_by_text("Gecontroleerd en ingelezen").wait_for()
    wacht_tot_klaar(pagina)
    assert huidige_versie(db) == voor
    pagina.get_by_role("button", name=re.compile("Publiceren")).click()
    pagina.get_by_text("Eigen cijfers in de opslag").wait_for()
    wacht_tot_klaar(pagina)
    _geen_fouten(pagina)
    assert huidige_versie(db) != voor

    anders = pagina.context.browser.new_page()
    anders.goto(url)
    wacht_tot_klaar(anders)
    assert _kerncijfers(anders) != cbs
    assert anders.get_by_text("Eigen cijfers, geen CBS").is_visible()
    anders.close()

    # En weer weg: de CBS-cijfers terug.
    pagina.get_by_role("button", name="Verwijderen").click()
    pagina.wait_for_function("!document.body.innerText.includes('Eigen cijfers in de opslag')")
    pagina.goto(url)
    wacht_tot_klaar(pagina)
    assert _kerncijfers(pagina) == cbs


def test_import_terwijl_vijf_bezoekers_kijken(schrijfbaar, browser, tmp_path):
    """Vijf bezoekers klikken door terwijl de opdrachtregel importeert: elke weergave toont de oude
    of de nieuwe cijfers, nooit een fout; na de import zien ze allemaal de nieuwe."""
    import threading

    adres_, db = schrijfbaar
    url = f"{adres_}/gemeente?gemeente=Amsterdam&jaar=2025&document=Begroting&maat=Bruto"
    paginas = []
    for _ in range(5):
        p = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
        p.set_default_timeout(60_000)
        p.goto(url)
        paginas.append(p)
    for p in paginas:
        wacht_tot_klaar(p)
    oud = {_kerncijfers(p) for p in paginas}
    assert len(oud) == 1
    bestand = _eigen_sjabloon(db, tmp_path, "4321", "amsterdam_cli.csv")
    uitkomst = {}

    def importeer():
        uitkomst["proces"] = subprocess.run(
            [sys.executable, "-m", "sociale_basis.cli", "--db", str(db), "import", str(bestand)],
            capture_output=True,
            text=True,
            timeout=300,
        )

    draad = threading.Thread(target=importeer)
    draad.start()
    gezien = []
    while draad.is_alive():
        for p in paginas:
            p.reload()
            wacht_tot_klaar(p)
            _geen_fouten(p)
            gezien.append(_kerncijfers(p))
    draad.join()
    assert uitkomst["proces"].returncode == 0, uitkomst["proces"].stderr
    na = set()
    for p in paginas:
        p.reload()
        wacht_tot_klaar(p)
        _geen_fouten(p)
        na.add(_kerncijfers(p))
    assert len(na) == 1 and na != oud
    assert len(gezien) >= 5  # er werd echt gekeken tijdens de import
    assert set(gezien) <= oud | na
    for p in paginas:
        p.context.close()


def test_modelvariant_rondgang(dashboard, pagina, volledige_opslag, tmp_path):
    """Een variant op de pagina Model → downloaden → terug naar standaard → uploaden → dezelfde kop;
    en de opdrachtregel met dat bestand geeft dezelfde kop als de pagina."""
    import io

    import pandas as pd

    from sociale_basis import fmt

    def kop() -> dict[str, str]:
        wacht_tot_klaar(pagina)
        pagina.wait_for_function(f"document.querySelectorAll(`{KERNCIJFER} h2`).length >= 2")
        cijfers = pagina.locator(KERNCIJFER)
        return {
            cijfers.nth(i).locator("[data-testid='stMarkdownContainer']").first.inner_text(): cijfers.nth(i)
            .locator("h2")
            .inner_text()
            for i in range(2)
        }

    pagina.goto(f"{dashboard}/model?jaar=2023&document=Jaarrekening&maat=Netto")
    standaard = kop()
    pagina.locator("button", has_text="Acuut / geëscaleerd").first.click()
    pagina.wait_for_function("location.search.includes('model=')")
    # Wacht op de rerun met de variant (de URL verandert al vóór de nieuwe kop er staat).
    pagina.wait_for_function("document.querySelector('[data-testid=stSidebar]').innerText.includes('6.74a:acuut')")
    variant = kop()
    assert variant != standaard

    with pagina.expect_download() as wacht:
        pagina.get_by_role("button", name=re.compile("Download als modelbestand")).click()
    bestand = tmp_path / wacht.value.suggested_filename
    wacht.value.save_as(bestand)
    assert bestand.suffix == ".csv" and "6.74a" in bestand.name

    pagina.get_by_role("button", name=re.compile("Terug naar het standaardmodel")).click()
    pagina.wait_for_function("!document.querySelector('[data-testid=stSidebar]').innerText.includes('6.74a')")
    assert kop() == standaard
    pagina.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(bestand))
    pagina.wait_for_function("document.querySelector('[data-testid=stSidebar]').innerText.includes('6.74a')")
    assert kop() == variant

    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "sociale_basis.cli",
            "--db",
            str(volledige_opslag),
            "indicatoren",
            "--jaar",
            "2023",
            "--document",
            "jaarrekening",
            "--maat",
            "netto",
            "--model",
            str(bestand),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    cli = pd.read_csv(io.StringIO(uit.stdout), dtype={"gm_code": str}).set_index("gm_code")
    landelijk = cli["acute_zorg"].sum() / cli["collectieve_preventie"].sum()
    waarden = list(variant.values())
    assert fmt.factor(landelijk) == waarden[0]
    assert fmt.factor(cli.loc["GM0363", "acuut_per_euro_preventie"]) == waarden[1]


def test_factsheet_downloaden_en_link_terug(dashboard, pagina, tmp_path):
    """Op de Gemeente-pagina: Factsheet (PDF) → één A4 met de kopzin van de pagina en een link met het
    adres van dit dashboard; die link opent in de browser weer Zwolle met dezelfde kopzin."""
    from urllib.parse import urlsplit

    from pypdf import PdfReader

    pagina.goto(f"{dashboard}/gemeente?gemeente=Zwolle&jaar=2025&document=Begroting&maat=Netto&zonder_regio=true")
    wacht_tot_klaar(pagina)
    kopzin = pagina.locator("h4").first.inner_text()
    with pagina.expect_download(timeout=90_000) as wacht:
        pagina.get_by_role("button", name=re.compile("Factsheet")).click()
    bestand = tmp_path / wacht.value.suggested_filename
    wacht.value.save_as(bestand)
    assert bestand.name == "zwolle_begroting-2025_netto_zonder-regio_factsheet.pdf"
    lezer = PdfReader(bestand)
    tekst = " ".join(lezer.pages[0].extract_text().split())
    assert len(lezer.pages) == 1 and " ".join(kopzin.split()) in tekst
    (link,) = {a.get_object()["/A"]["/URI"] for a in lezer.pages[0]["/Annots"] if "/A" in a.get_object()}
    assert urlsplit(link).netloc == urlsplit(dashboard).netloc and "zonder_regio=true" in link
    pagina.goto(link)
    wacht_tot_klaar(pagina)
    assert pagina.locator("h1").first.inner_text() == "Zwolle"
    assert pagina.locator("h4").first.inner_text() == kopzin


def test_opwarmen_draait_elke_pagina_via_het_eigen_protocol(dashboard):
    """`sociale-basis opwarmen` (deploy/start.sh vóór nginx) opent elke pagina via Streamlits websocket;
    dezelfde client ziet wat er mis is: een onbekende pagina, en welke gemeente de titel noemt. (In een
    eigen draad: playwright houdt in deze draad al een event-loop open.)"""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from sociale_basis import opwarmen

    opdracht = subprocess.run(
        [str(REPO / ".venv" / "bin" / "sociale-basis"), "opwarmen", "--adres", dashboard],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert opdracht.returncode == 0, opdracht.stderr
    assert f"{dashboard}: {len(opwarmen.PAGINAS)} pagina's warm in" in opdracht.stdout

    def draai(pagina, query):
        return asyncio.run(opwarmen.draai_pagina(dashboard, pagina, query))

    with ThreadPoolExecutor(1) as draad:
        zwolle = draad.submit(draai, "gemeente", {"gemeente": "Zwolle", "jaar": "2025"}).result()
        weg = draad.submit(draai, "bestaat_niet", {}).result()
    assert zwolle.fouten == [] and zwolle.koppen[0] == "Zwolle"
    assert weg.fouten == ["pagina niet gevonden: bestaat_niet"]


def test_opwarmen_zonder_dashboard_zegt_het_in_het_nederlands():
    with socket.socket() as s:  # een poort waar niets luistert
        s.bind(("127.0.0.1", 0))
        adres = f"http://127.0.0.1:{s.getsockname()[1]}"
    opdracht = subprocess.run(
        [str(REPO / ".venv" / "bin" / "sociale-basis"), "opwarmen", "--adres", adres],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert opdracht.returncode == 1
    assert (
        opdracht.stderr.strip() == f"sociale-basis: opwarmen van {adres}: geen verbinding (draait het dashboard daar?)"
    )
