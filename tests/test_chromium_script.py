"""scripts/chromium.sh: de stap van dashboard.sh die PNG/SVG mogelijk maakt. Wat hij installeert
(apt, kaleido's Chrome) bewijst CI op een verse machine: test.sh gebruikt hetzelfde script en de
browsertests draaien daarna. Hier: wat hij doet als er al een browser is, en wat hij zegt als hij
niets mag installeren."""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = str(Path(sys.executable).parent.parent)


def _draai(*args, **env):
    omgeving = {**os.environ, "VENV": VENV, **env}
    return subprocess.run(
        ["bash", "scripts/chromium.sh", *args], cwd=ROOT, env=omgeving, capture_output=True, text=True, timeout=60
    )


def test_met_browser_doet_hij_niets(tmp_path):
    nep = tmp_path / "chromium"
    nep.write_text("#!/bin/sh\n")
    nep.chmod(0o755)
    r = _draai(BROWSER_PATH=str(nep), SOCIALE_BASIS_GEEN_INSTALL="1")
    assert r.returncode == 0 and r.stderr == ""


def test_zonder_browser_en_zonder_installatie_een_nederlandse_regel(tmp_path):
    r = _draai(BROWSER_PATH=str(tmp_path / "geen-chromium"), SOCIALE_BASIS_GEEN_INSTALL="1")
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [
        f"PNG en SVG staan uit: daarvoor is Chromium nodig (sudo apt-get install chromium, of "
        f"{VENV}/bin/python -c 'import kaleido; kaleido.get_chrome_sync()'); factsheet, CSV en Excel "
        "werken wel."
    ]


def test_op_de_achtergrond_wacht_de_start_niet(tmp_path):
    """dashboard.sh roept hem zo aan: de eerste start mag niet op apt wachten; lukt het niet,
    dan staat de uitleg in het log."""
    log = tmp_path / "log" / "chromium.log"
    t = time.perf_counter()
    r = _draai("--achtergrond", str(log), BROWSER_PATH=str(tmp_path / "geen-chromium"), SOCIALE_BASIS_GEEN_INSTALL="1")
    assert r.returncode == 0 and time.perf_counter() - t < 10
    assert "op de achtergrond geïnstalleerd" in r.stderr
    for _ in range(100):
        if log.exists() and "PNG en SVG staan uit" in log.read_text():
            break
        time.sleep(0.1)
    assert "PNG en SVG staan uit" in log.read_text()


def test_elk_script_geeft_omgeving_zijn_extra_expliciet():
    """`source` geeft de eigen argumenten door: zonder expliciete extra las omgeving.sh bij
    `bash deploy/start.sh 2 8080` de '2' als pakketextra en faalde de uitrol."""
    from conftest import REPO

    regels = [
        (pad.name, regel.strip())
        for pad in [*(REPO / "scripts").glob("*.sh"), *(REPO / "deploy").glob("*.sh")]
        for regel in pad.read_text(encoding="utf-8").splitlines()
        if regel.strip().startswith("source scripts/omgeving.sh")
    ]
    assert len(regels) >= 4
    for naam, regel in regels:
        argument = regel.removeprefix("source scripts/omgeving.sh").split("#")[0].strip()
        assert argument in ('""', "test"), f"{naam}: {regel}"
