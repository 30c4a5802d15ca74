#!/usr/bin/env bash
# Start het dashboard op http://localhost:8501 (of --port N / $SOCIALE_BASIS_POORT).
#   bash scripts/dashboard.sh [--port N] [MAP]
# Eerste keer: installeert alles in .venv (en Chromium voor PNG/SVG, op de achtergrond). Is de opslag nog leeg, dan laadt het de meegeleverde
# momentopname (data/snapshot, een paar seconden). Bestaat MAP (standaard ../shared/data), dan
# wordt die daarna geïmporteerd; dat is idempotent: ongewijzigde bestanden worden overgeslagen.
# De opslag staat per clone in .opslag/ (of in $SOCIALE_BASIS_DB).
set -euo pipefail
cd "$(dirname "$0")/.."
POORT="${SOCIALE_BASIS_POORT:-8501}"
DATA=""
while [ $# -gt 0 ]; do
    case "$1" in
        --port|--poort)
            [ $# -ge 2 ] || { echo "dashboard.sh: $1 vraagt een poortnummer, bv. --port 8600." >&2; exit 2; }
            POORT="$2"; shift 2 ;;
        --port=*|--poort=*) POORT="${1#*=}"; shift ;;
        -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) DATA="$1"; shift ;;
    esac
done
if ! [[ "$POORT" =~ ^[0-9]+$ ]]; then
    echo "dashboard.sh: poort '$POORT' is geen getal." >&2
    exit 2
fi
source scripts/omgeving.sh ""   # geen extra's (de argumenten zijn hierboven al gelezen)
bash scripts/chromium.sh --achtergrond .venv/chromium-installatie.log  # voor PNG/SVG; factsheet kan zonder
.venv/bin/sociale-basis import --snapshot --als-leeg
if [ -n "$DATA" ] && [ ! -d "$DATA" ]; then
    echo "dashboard.sh: map '$DATA' bestaat niet." >&2
    exit 2
fi
DATA="${DATA:-../shared/data}"
if [ -d "$DATA" ]; then
    .venv/bin/sociale-basis import "$DATA"
fi
echo "Dashboard op http://localhost:$POORT" >&2
exec .venv/bin/streamlit run app.py --server.headless true --browser.gatherUsageStats false \
    --server.port "$POORT"
