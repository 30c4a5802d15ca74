"""Gedeelde fixtures. Echte data komt uit ../shared/data (naast de checkout), nooit uit kopieën
in de repo; de volledige opslag wordt één keer per testsessie opgebouwd."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from sociale_basis import model, snapshot
from sociale_basis.importer import importeer, voer_in
from sociale_basis.store import Store

REPO = Path(__file__).resolve().parent.parent
# De gedeelde data staat naast de checkout; SOCIALE_BASIS_GEDEELD wijst een andere map aan (of
# een niet-bestaande, om een verse clone na te bootsen).
SHARED = Path(os.environ.get("SOCIALE_BASIS_GEDEELD") or REPO.parent / "shared" / "data")
# CI heeft ../shared en zet dit: dan is ontbrekende data een fout, geen reden om over te slaan.
VEREIST = os.environ.get("SOCIALE_BASIS_VEREIS_GEDEELD") == "1"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass(frozen=True)
class Kerncijfer:
    label: str
    value: str
    delta: str | None


def _leesbaar(markdown: str) -> str:
    """Tekst zoals de lezer hem ziet: zonder :small[…]/:gray-badge[…] en zonder escapes."""
    while m := re.fullmatch(r":(?:small|gray-badge)\[(.*)\]", markdown, flags=re.S):
        markdown = m.group(1)
    return re.sub(r"\\(.)", r"\1", markdown)


def kerncijfers(at) -> list[Kerncijfer]:
    """De kerncijfers van een AppTest-pagina (dashboard.uitvoer.kerncijfers), in volgorde: label,
    getal en wat ernaast staat."""
    from streamlit.testing.v1.element_tree import Block

    from sociale_basis.dashboard.uitvoer import KERNCIJFER, NAAST

    cijfers, naast = {}, {}

    def loop(knoop):
        if not isinstance(knoop, Block):
            return
        uniek = getattr(knoop.proto, "id", "") or ""
        if KERNCIJFER in uniek:
            naam = uniek.split(KERNCIJFER, 1)[1]
            delen = [_leesbaar(kind.value) for kind in knoop.children.values()]
            if naam.endswith(NAAST):
                naast[naam.removesuffix(NAAST)] = delen[0]
            else:
                cijfers[naam] = delen
            return
        for kind in knoop.children.values():
            loop(kind)

    loop(at.main)
    return [Kerncijfer(label, waarde, naast.get(naam)) for naam, (label, waarde) in cijfers.items()]


def gedeelde_data_of_overslaan() -> Path:
    if SHARED.is_dir():
        return SHARED
    reden = (
        f"De gedeelde data ontbreekt ({SHARED}); deze test leest de bronbestanden zelf. "
        "CI zet ../shared naast de checkout en draait hem daar."
    )
    if VEREIST:
        pytest.fail(reden)
    pytest.skip(reden)


@pytest.fixture(scope="session")
def shared() -> Path:
    return gedeelde_data_of_overslaan()


@pytest.fixture(scope="session")
def volledige_opslag(tmp_path_factory) -> Path:
    """Pad van een opslag met alle gegevens; na het bouwen gesloten. Met ../shared/data: alle
    bronbestanden. Zonder (een verse clone): de meegeleverde momentopname, die dezelfde cijfers
    geeft (test_snapshot bewijst dat op de echte data)."""
    pad = tmp_path_factory.mktemp("opslag") / "volledig.duckdb"
    with Store(pad) as store:
        if SHARED.is_dir():
            importeer(store, [SHARED])
        elif VEREIST:
            pytest.fail(f"De gedeelde data ontbreekt: {SHARED}.")
        else:
            voer_in(store, snapshot.stappen())
    return pad


@pytest.fixture(scope="session")
def opslag(volledige_opslag) -> Store:
    """De volledige opslag, alleen-lezen, met het standaardmodel geladen."""
    store = Store(volledige_opslag, alleen_lezen=True)
    store.laad_model(model.laad())
    yield store
    store.sluit()


@pytest.fixture(scope="session")
def standaardmodel() -> str:
    return model.laad().sleutel


def momentopname(store: Store) -> str:
    """Vingerafdruk van alle tabellen in de opslag (inhoud, niet volgorde)."""
    h = hashlib.sha256()
    with store.cursor() as cur:
        tabellen = [
            r[0]
            for r in cur.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_catalog = current_database() AND table_schema = 'main' ORDER BY 1"
            ).fetchall()
        ]
        for tabel in tabellen:
            kolommen = [
                r[0]
                for r in cur.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_catalog = current_database() "
                    "AND table_name = ? AND column_name NOT IN ('tijdstip') ORDER BY ordinal_position",
                    [tabel],
                ).fetchall()
            ]
            lijst = ", ".join(f'"{k}"' for k in kolommen)
            rijen = cur.execute(f'SELECT {lijst} FROM "{tabel}" ORDER BY ALL').fetchall()  # noqa: S608 (namen uit de catalogus)
            h.update(f"{tabel}:{rijen!r}".encode())
    return h.hexdigest()


# Een testrun die na de samenvatting niet stopt (een draad of kindproces dat blijft hangen), liet CI eens 67 minuten
# wachten. Na de samenvatting krijgt het proces een minuut om netjes te stoppen; daarna schrijft faulthandler de
# stapel van elke draad naar stderr (om de oorzaak te vinden) en eindigt het met de uitslag van de tests.
def pytest_unconfigure(config):
    import faulthandler
    import sys
    import threading
    import time

    uitslag = int(getattr(config, "_sb_uitslag", 0))

    def wachter():
        # Een daemondraad: stopt het proces netjes binnen de minuut, dan verdwijnt hij gewoon mee.
        time.sleep(60)
        print("\nDe testrun stopt niet na afloop; de draden:", file=sys.stderr, flush=True)
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
        os._exit(uitslag)

    threading.Thread(target=wachter, daemon=True).start()


def pytest_sessionfinish(session, exitstatus):
    session.config._sb_uitslag = exitstatus
