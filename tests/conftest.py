"""Gedeelde fixtures. Echte data komt uit ../shared/data (naast de checkout), nooit uit kopieën
in de repo; de volledige opslag wordt één keer per testsessie opgebouwd."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sociale_basis import model
from sociale_basis.importer import importeer
from sociale_basis.store import Store

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"De gedeelde data ontbreekt: {SHARED} (CI zet ../shared naast de checkout).")
    return SHARED


@pytest.fixture(scope="session")
def volledige_opslag(shared, tmp_path_factory) -> Path:
    """Pad van een opslag met alle gedeelde data; na het bouwen gesloten."""
    pad = tmp_path_factory.mktemp("opslag") / "volledig.duckdb"
    with Store(pad) as store:
        importeer(store, [shared])
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
        tabellen = [r[0] for r in cur.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database() AND table_schema = 'main' ORDER BY 1").fetchall()]
        for tabel in tabellen:
            kolommen = [r[0] for r in cur.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_catalog = current_database() "
                "AND table_name = ? AND column_name NOT IN ('tijdstip') ORDER BY ordinal_position",
                [tabel]).fetchall()]
            lijst = ", ".join(f'"{k}"' for k in kolommen)
            rijen = cur.execute(f'SELECT {lijst} FROM "{tabel}" ORDER BY ALL').fetchall()  # noqa: S608 (namen uit de catalogus)
            h.update(f"{tabel}:{rijen!r}".encode())
    return h.hexdigest()
