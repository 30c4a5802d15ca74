# Gedeeld door dashboard.sh en test.sh: een virtuele omgeving in .venv met dit pakket erin.
# Wordt alleen (opnieuw) geïnstalleerd als pyproject.toml nieuwer is dan de vorige installatie.
VENV="${VENV:-.venv}"
EXTRA="${1:-}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
STEMPEL="$VENV/.geinstalleerd${EXTRA:+-$EXTRA}"
if [ ! -f "$STEMPEL" ] || [ pyproject.toml -nt "$STEMPEL" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e ".${EXTRA:+[$EXTRA]}"
    touch "$STEMPEL"
fi
