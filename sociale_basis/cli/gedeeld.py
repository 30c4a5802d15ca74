"""Wat meer opdrachten delen: de exitcode bij een fout en de bestaande opslag om uit te lezen."""

from __future__ import annotations

from pathlib import Path

from ..store import OpslagFout, Store, standaard_pad

EXIT_FOUT = 1


def bestaande_opslag(db: str | None) -> Store:
    """De opslag alleen-lezen; is er nog geen, dan zegt de fout hoe je haar vult."""
    if not (Path(db) if db else standaard_pad()).exists():
        raise OpslagFout(
            "Er is nog geen opslag. Laad de meegeleverde gegevens met "
            "`sociale-basis import --snapshot`, of importeer bestanden."
        )
    return Store(db, alleen_lezen=True)
