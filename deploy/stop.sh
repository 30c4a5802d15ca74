#!/usr/bin/env bash
# Stop wat deploy/start.sh startte: nginx en de Streamlit-replica's.
set -uo pipefail
cd "$(dirname "$0")/.."
source deploy/werkmap.sh
werkmap_veilig || exit 2
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
if [ -f "$MAP/nginx.pid" ]; then
    "$NGINX" -s quit -c "$MAP/nginx.conf" -p "$MAP" -e "$MAP/error.log" 2>/dev/null || kill "$(cat "$MAP/nginx.pid")" 2>/dev/null
    for _ in $(seq 1 40); do [ -f "$MAP/nginx.pid" ] || break; sleep 0.25; done
    rm -f "$MAP/nginx.pid"
fi
for pidbestand in "$MAP"/replica_*.pid; do
    [ -f "$pidbestand" ] || continue
    kill -- -"$(cat "$pidbestand")" 2>/dev/null || kill "$(cat "$pidbestand")" 2>/dev/null
    rm -f "$pidbestand"
done
echo "Gestopt."
