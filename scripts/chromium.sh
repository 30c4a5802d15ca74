#!/usr/bin/env bash
# Een browser voor PNG/SVG-export (kaleido tekent plotly-grafieken in Chromium). De factsheet heeft
# hem niet nodig. Volgorde, de gewoonte van elk ecosysteem:
#   1. er is al een (BROWSER_PATH, /usr/bin/chromium, chromium op PATH, of kaleido's eigen Chrome);
#   2. root of sudo zonder wachtwoord: Debian-pakket chromium (+ fonts-dejavu-core) via apt;
#   3. anders kaleido's eigen download van Chrome for Testing (internet nodig, geen root);
#   4. lukt niets: één regel die zegt wat er mist; de rest van het dashboard werkt gewoon.
#   bash scripts/chromium.sh            # op de voorgrond (test.sh: de browsertests hebben hem nodig)
#   bash scripts/chromium.sh --achtergrond LOG   # dashboard.sh: de eerste start wacht er niet op
# SOCIALE_BASIS_GEEN_INSTALL=1: niets installeren, alleen melden.
set -uo pipefail
cd "$(dirname "$0")/.."
PY="${VENV:-.venv}/bin/python"

heeft_browser() {  # dezelfde zoekvolgorde als de export zelf (browser.py), als die er al is
    if [ -x "$PY" ]; then
        "$PY" -c "import os, sys; from sociale_basis.browser import browser
sys.exit(0 if os.access(browser(), os.X_OK) else 1)" 2>/dev/null
    else
        command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]
    fi
}

installeer() {
    local sudo=""
    if [ "${SOCIALE_BASIS_GEEN_INSTALL:-}" != 1 ]; then
        if [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && sudo="sudo -n"; }; then
            if command -v apt-get >/dev/null 2>&1; then
                $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
                    $sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null && return 0
            fi
        fi
        if [ -x "$PY" ] && timeout 600 "$PY" -c "import kaleido; kaleido.get_chrome_sync()" >/dev/null 2>&1; then
            return 0
        fi
    fi
    echo "PNG en SVG staan uit: daarvoor is Chromium nodig (sudo apt-get install chromium, of" \
         "$PY -c 'import kaleido; kaleido.get_chrome_sync()'); factsheet, CSV en Excel werken wel." >&2
    return 1
}

heeft_browser && exit 0
if [ "${1:-}" = "--achtergrond" ]; then
    LOG="${2:-chromium-installatie.log}"
    mkdir -p "$(dirname "$LOG")"
    echo "Chromium voor PNG/SVG wordt op de achtergrond geïnstalleerd (log: $LOG); het dashboard start al." >&2
    ( installeer >"$LOG" 2>&1 || tail -n 1 "$LOG" >&2 ) &
    disown
    exit 0
fi
installeer
