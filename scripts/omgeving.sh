# Gedeeld door dashboard.sh, test.sh en deploy/start.sh: een virtuele omgeving in .venv met
# precies de versies uit uv.lock (die CI testte) en dit pakket erin (bewerkbaar).
# uv zelf (één vastgezette versie) komt eenmalig via pip in ~/.cache/sociale-basis; daarna
# installeert uv uit zijn cache in seconden. Opnieuw alleen als uv.lock of pyproject.toml nieuwer
# is dan de vorige installatie. Het slot bijwerken: zie README, ‘Versies bijwerken’.
VENV="${VENV:-.venv}"
EXTRA="${1:-}"
UV_VERSIE="0.13.9"
UV_MAP="${XDG_CACHE_HOME:-$HOME/.cache}/sociale-basis/uv-$UV_VERSIE"
UV="$UV_MAP/bin/uv"
if [ ! -x "$UV" ]; then
    python3 -m pip install --quiet --disable-pip-version-check --target "$UV_MAP" "uv==$UV_VERSIE" 2>/dev/null \
        || python3 -m pip install --quiet --disable-pip-version-check --target "$UV_MAP" "uv==$UV_VERSIE"
fi
# Het stempel onthoudt welke extra's erin zitten: dashboard.sh na test.sh haalt pytest niet weg.
STEMPEL="$VENV/.geinstalleerd"
GEHAD="$(cat "$STEMPEL" 2>/dev/null || echo ontbreekt)"
if [ "$GEHAD" = ontbreekt ] || [ uv.lock -nt "$STEMPEL" ] || [ pyproject.toml -nt "$STEMPEL" ] \
        || { [ -n "$EXTRA" ] && ! grep -qw -- "$EXTRA" <<<"$GEHAD"; }; then
    EXTRAS="$(printf '%s\n' $EXTRA $([ "$GEHAD" = ontbreekt ] || echo "$GEHAD") | sort -u | tr '\n' ' ')"
    UV_PROJECT_ENVIRONMENT="$VENV" UV_PYTHON_DOWNLOADS=never "$UV" sync --frozen --quiet \
        --python "$(command -v python3)" $(for e in $EXTRAS; do echo --extra "$e"; done)
    echo "$EXTRAS" >"$STEMPEL"
fi
