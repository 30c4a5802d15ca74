#!/usr/bin/env bash
# Start N Streamlit-replica's (standaard 2) op dezelfde alleen-lezen opslag, achter nginx op
# http://127.0.0.1:POORT (standaard 8080): websocket-upgrade, plakkerige sessies per cookie,
# gzip (en brotli als de Debian-module er is) en een cache voor de statische bestanden.
#   bash deploy/start.sh [N] [POORT]        stoppen: bash deploy/stop.sh
# Werkmap (pids, logs, nginx.conf): $SOCIALE_BASIS_DEPLOY, standaard /tmp/sociale-basis-deploy-<uid> (deploy/werkmap.sh).
# De replica's zijn alleen-lezen voor bezoekers. Met $SOCIALE_BASIS_BEHEER_WACHTWOORDEN (een htpasswd-bestand,
# bv. `htpasswd -c -B beheer.htpasswd anna` of `printf 'anna:%s\n' "$(openssl passwd -apr1)"`) komt er één
# beheerreplica bij op /beheer/: nginx vraagt daar naam en wachtwoord (auth_basic) en geeft de naam door;
# alleen daar kan een beheerder publiceren, ophalen en verwijderen, en het schrijflog noemt hem.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2}"
POORT="${2:-8080}"
source deploy/werkmap.sh
werkmap_veilig
EERSTE_POORT="${SOCIALE_BASIS_REPLICA_POORT:-8601}"
if [ -f "$MAP/nginx.pid" ] || compgen -G "$MAP/replica_*.pid" >/dev/null; then
    echo "deploy: er draait al iets vanuit $MAP; eerst bash deploy/stop.sh" >&2
    exit 2
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx-light >/dev/null
fi
BROTLI_SO=/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so
BROTLI_STATIC_SO=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [ ! -f "$BROTLI_SO" ] || [ ! -f "$BROTLI_STATIC_SO" ] || ! command -v brotli >/dev/null 2>&1; then
    # niet verplicht: zonder blijft het gzip
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libnginx-mod-http-brotli-filter \
        libnginx-mod-http-brotli-static brotli >/dev/null 2>&1 || true
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

source scripts/omgeving.sh ""   # geen extra's; "$@" is N en POORT
bash scripts/chromium.sh --achtergrond "$MAP/chromium-installatie.log"
.venv/bin/sociale-basis import --snapshot --als-leeg
DB="$(.venv/bin/python -c 'from sociale_basis.store import standaard_pad; print(standaard_pad())')"
mkdir -p "$MAP/tmp"
# Een kopie van Streamlits eigen bestanden, vooraf gecomprimeerd, die nginx zelf serveert: één keer
# per Streamlit-versie (een herstart hergebruikt haar), nooit half (eerst in .tmp, dan hernoemd).
STREAMLIT_STATIC="$(.venv/bin/python -c 'import pathlib, streamlit; print(pathlib.Path(streamlit.__file__).parent / "static")')"
WWW="$MAP/www-$(.venv/bin/python -c 'import streamlit; print(streamlit.__version__)')"
if [ ! -f "$WWW/.klaar" ]; then
    rm -rf "$WWW" "$WWW.tmp"
    cp -r "$STREAMLIT_STATIC" "$WWW.tmp"
    INPAKKEN=(-type f -size +1k \( -name '*.js' -o -name '*.css' -o -name '*.json' -o -name '*.svg' -o -name '*.ttf' -o -name '*.wasm' \))
    find "$WWW.tmp" "${INPAKKEN[@]}" -print0 | xargs -0 -r -P "$(nproc)" -n 16 gzip -k -6
    if command -v brotli >/dev/null 2>&1; then
        find "$WWW.tmp" "${INPAKKEN[@]}" -print0 | xargs -0 -r -P "$(nproc)" -n 16 brotli -k -q 7
    fi
    touch "$WWW.tmp/.klaar"
    mv "$WWW.tmp" "$WWW"
fi
# De plotly.js-bundels van het grafiekelement (static/plotly/, met de versie in hun naam) naast Streamlits
# bestanden, ook vooraf gecomprimeerd; de basisbundel (staven en lijnen, op bijna elke pagina) laat de pagina
# voorladen. Een bestand dat er al is, blijft (zelfde naam = zelfde inhoud).
mkdir -p "$WWW/app/static/plotly"
VOORLADEN=""
for f in static/plotly/plotly-*.min.js; do
    doel="$WWW/app/static/plotly/$(basename "$f")"
    if [ ! -f "$doel.gz" ]; then
        cp "$f" "$doel.tmp" && mv "$doel.tmp" "$doel"
        gzip -k -6 -f "$doel"
        if command -v brotli >/dev/null 2>&1; then brotli -k -q 7 -f "$doel"; fi
    fi
    case "$f" in
        *plotly-basic-*) VOORLADEN+="<link rel=\"preload\" as=\"script\" href=\"./app/static/plotly/$(basename "$f")\">" ;;
    esac
done
# Mislukt hierna iets (een replica, de nginx-configuratie), dan ruimen we op wat al draait.
trap 'echo "deploy: mislukt; opruimen" >&2; bash deploy/stop.sh >/dev/null' ERR

REPLICAS=""
for i in $(seq 1 "$N"); do
    p=$((EERSTE_POORT + i - 1))
    SOCIALE_BASIS_DB="$DB" SOCIALE_BASIS_SCHRIJVEN=niemand SOCIALE_BASIS_BEHEER_INGANG="${SOCIALE_BASIS_BEHEER_WACHTWOORDEN:+/beheer/}" setsid .venv/bin/streamlit run app.py --server.headless true \
        --server.address 127.0.0.1 --server.port "$p" --browser.gatherUsageStats false \
        > "$MAP/replica_$i.log" 2>&1 &
    echo $! > "$MAP/replica_$i.pid"
    REPLICAS+="        server 127.0.0.1:$p max_fails=3 fail_timeout=10s;"$'\n'
done
BEHEER="${SOCIALE_BASIS_BEHEER_WACHTWOORDEN:-}"
BEHEER_POORT=$((EERSTE_POORT + N))
if [ -n "$BEHEER" ]; then
    [ -r "$BEHEER" ] || { echo "deploy: wachtwoordbestand $BEHEER is niet leesbaar" >&2; false; }
    BEHEER="$(cd "$(dirname "$BEHEER")" && pwd)/$(basename "$BEHEER")"
    SOCIALE_BASIS_DB="$DB" SOCIALE_BASIS_SCHRIJVEN=beheerder setsid .venv/bin/streamlit run app.py --server.headless true \
        --server.address 127.0.0.1 --server.port "$BEHEER_POORT" --server.baseUrlPath beheer \
        --browser.gatherUsageStats false > "$MAP/replica_beheer.log" 2>&1 &
    echo $! > "$MAP/replica_beheer.pid"
fi
for i in $(seq 1 "$N"); do
    p=$((EERSTE_POORT + i - 1))
    for _ in $(seq 1 240); do
        curl -sf "http://127.0.0.1:$p/_stcore/health" >/dev/null 2>&1 && break
        sleep 0.25
    done
    curl -sf "http://127.0.0.1:$p/_stcore/health" >/dev/null || { echo "deploy: replica $i start niet (zie $MAP/replica_$i.log)" >&2; false; }
done
# Pas verkeer als een replica warm is: elke pagina één keer (imports, gedeelde caches). Koud was p95
# onder belasting 1,2 s tegen 0,12 s warm (tools/resultaten/belasting.md); kost ≈ 5 s per replica.
ADRESSEN=""
for i in $(seq 1 "$N"); do ADRESSEN+=" http://127.0.0.1:$((EERSTE_POORT + i - 1))"; done
.venv/bin/sociale-basis opwarmen --adres $ADRESSEN
if [ -n "$BEHEER" ]; then
    for _ in $(seq 1 240); do
        curl -sf "http://127.0.0.1:$BEHEER_POORT/beheer/_stcore/health" >/dev/null 2>&1 && break
        sleep 0.25
    done
    curl -sf "http://127.0.0.1:$BEHEER_POORT/beheer/_stcore/health" >/dev/null || { echo "deploy: beheerreplica start niet (zie $MAP/replica_beheer.log)" >&2; false; }
fi

BROTLI_LOAD=""
BROTLI_CONF=""
BROTLI_STATIC=""
if [ -f "$BROTLI_SO" ]; then
    BROTLI_LOAD="load_module $BROTLI_SO;"
    BROTLI_CONF="    brotli on; brotli_comp_level 5; brotli_types text/css application/javascript text/javascript application/json image/svg+xml font/ttf application/wasm;"
fi
if [ -f "$BROTLI_STATIC_SO" ] && command -v brotli >/dev/null 2>&1; then
    BROTLI_LOAD+=$'\n'"load_module $BROTLI_STATIC_SO;"
    BROTLI_STATIC="            brotli_static on;"
fi
.venv/bin/python - "$MAP" "$POORT" "$REPLICAS" "$BROTLI_LOAD" "$BROTLI_CONF" "$BROTLI_STATIC" "$WWW" "$VOORLADEN" "$BEHEER" "$BEHEER_POORT" "${SOCIALE_BASIS_LIMIET:-20}" "${SOCIALE_BASIS_VERBINDINGEN:-40}" "${SOCIALE_BASIS_SESSIES:-5}" <<'PY'
import sys
from pathlib import Path
map_, poort, replicas, brotli_load, brotli_conf, brotli_static, www, voorladen, beheer, beheer_poort, limiet, verbindingen, sessies = sys.argv[1:]
tekst = Path("deploy/nginx.conf.sjabloon").read_text()
# De beheeringang alleen met een wachtwoordbestand; zonder is de hele installatie alleen-lezen.
upstream = f"    upstream beheer {{\n        server 127.0.0.1:{beheer_poort};\n    }}" if beheer else ""
ingang = Path("deploy/nginx.beheer.sjabloon").read_text().replace("@WACHTWOORDEN@", beheer) if beheer else ""
for sleutel, waarde in {"@BROTLI_LOAD@": brotli_load, "@BROTLI_CONF@": brotli_conf, "@MAP@": map_,
                        "@BROTLI_STATIC@": brotli_static, "@WWW@": www, "@VOORLADEN@": voorladen,
                        "@POORT@": poort, "@REPLICAS@": replicas.rstrip("\n"),
                        "@BEHEER_UPSTREAM@": upstream, "@BEHEER_LOCATION@": ingang.rstrip("\n"),
                        "@LIMIET@": limiet, "@LIMIET_BUFFER@": str(5 * int(limiet)), "@VERBINDINGEN@": verbindingen,
                        "@SESSIES@": sessies, "@SESSIES_BUFFER@": str(4 * int(sessies))}.items():
    tekst = tekst.replace(sleutel, waarde)
Path(map_, "nginx.conf").write_text(tekst)
PY
"$NGINX" -t -q -c "$MAP/nginx.conf" -p "$MAP" -e "$MAP/error.log"
"$NGINX" -c "$MAP/nginx.conf" -p "$MAP" -e "$MAP/error.log"
trap - ERR
echo "Sociale Basis: $N replica('s) achter nginx op http://127.0.0.1:$POORT (stoppen: bash deploy/stop.sh)"
