#!/usr/bin/env bash
# Alle tests: eenheidstests, SQL, AppTest per pagina en browsertests in headless Chromium.
# Installeert zelf wat nodig is (pakketten in .venv; Debian-chromium voor de browsertests).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/omgeving.sh test
if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core poppler-utils >/dev/null
fi
exec .venv/bin/python -m pytest "$@"
