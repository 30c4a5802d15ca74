#!/usr/bin/env bash
# Start het dashboard op http://localhost:8501.
# Eerste keer: installeert alles in .venv. Bestaat de datamap (standaard ../shared/data), dan
# wordt die eerst geïmporteerd; dat is idempotent: ongewijzigde bestanden worden overgeslagen.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/omgeving.sh
DATA="${1:-../shared/data}"
if [ -d "$DATA" ]; then
    .venv/bin/sociale-basis import "$DATA"
fi
exec .venv/bin/streamlit run app.py --server.headless true --browser.gatherUsageStats false
