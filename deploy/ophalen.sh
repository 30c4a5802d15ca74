#!/usr/bin/env bash
# Nachtelijke verversing: haal bij CBS en PDOK wat veranderde (ongewijzigde Iv3-tabellen slaat
# `ophalen` over) en publiceer een nieuwe versie van de opslag; draaiende replica's nemen die bij de
# volgende klik over. Nooit twee tegelijk (flock). Extra argumenten gaan naar `sociale-basis ophalen`.
#   bash deploy/ophalen.sh [--jaar 2025 ...]
# Log: $SOCIALE_BASIS_DEPLOY/ophalen.log (standaard /tmp/sociale-basis-deploy-<uid>). Afsluitcode: die van ophalen.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/werkmap.sh
werkmap_veilig
source scripts/omgeving.sh ""   # geen extra's; "$@" is voor ophalen
{
    echo "== $(date -u +%FT%TZ) ophalen $*"
    rc=0
    flock -n -E 75 "$MAP/ophalen.lock" "$VENV/bin/sociale-basis" ophalen "$@" || rc=$?
    if [ "$rc" -eq 75 ]; then
        echo "overgeslagen: een vorige ophaling loopt nog"
    elif [ "$rc" -ne 0 ]; then
        echo "ophalen mislukt (code $rc); de opslag is niet veranderd"
    fi
    exit "$rc"
} >>"$MAP/ophalen.log" 2>&1
