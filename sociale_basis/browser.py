"""Welke browser PNG/SVG tekent (kaleido). Los van export.py en zonder zware imports, zodat
scripts/chromium.sh bij elke start van het dashboard snel kan vragen of er een is."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"  # het Debian-pakket chromium


def browser() -> str:
    """$BROWSER_PATH als die gezet is, anders de eerste die bestaat van de Debian-chromium, een
    chromium op PATH en de Chrome die kaleido zelf haalt (scripts/chromium.sh doet dat waar apt
    niet mag). Bestaat er geen, dan het Debian-pad (voor de melding)."""
    if pad := os.environ.get("BROWSER_PATH"):
        return pad
    kandidaten = [CHROMIUM, shutil.which("chromium"), shutil.which("chromium-browser"), str(kaleido_chrome())]
    return next((k for k in kandidaten if k and os.access(k, os.X_OK)), CHROMIUM)


def kaleido_chrome() -> Path:
    """Waar kaleido.get_chrome_sync() Chrome neerzet (choreographers eigen standaardpad)."""
    from choreographer.cli._cli_utils import get_chrome_download_path

    return get_chrome_download_path(mkdir=False) or Path("/geen/chrome")
