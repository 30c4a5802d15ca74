#!/usr/bin/env bash
# Alle tests: eenheidstests, SQL, AppTest per pagina en browsertests in headless Chromium.
# Installeert zelf wat nodig is (pakketten in .venv; Debian-chromium voor de browsertests).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/omgeving.sh test
bash scripts/chromium.sh || true  # de browsertests en de PNG/SVG-tests hebben hem nodig
if ! command -v pdftoppm >/dev/null 2>&1; then  # de factsheettests bekijken de PDF als beeld
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils >/dev/null
fi
# Lint en opmaak (ruff, regels in pyproject.toml): een fout hier is een rode test.
.venv/bin/ruff check --quiet sociale_basis tests tools app.py
.venv/bin/ruff format --check --quiet sociale_basis tests tools app.py
exec .venv/bin/python -m pytest "$@"
