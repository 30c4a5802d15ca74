"""Haal de plotly.js-bundels die het dashboard in de browser laadt uit het npm-register, precies de versie en
inhoud die package-lock.json vastlegt, en zet ze met hun licentie in static/plotly/ (issue 30).

Waarom zo: Streamlits eigen plotly-element laadt de volledige plotly.js (4,8 MB, één taak van ± 0,6 s) op elke
pagina met een grafiek. Het dashboard tekent alleen staven en lijnen (de basisbundel, 1,2 MB) en kaarten (de
geo-bundel, 1,4 MB). De bestanden staan in de repository, zodat een verse clone zonder Node.js werkt; dit
script maakt ze opnieuw en bewijst zo waar ze vandaan komen: de sha512 van het pakket is die uit het
lockbestand, en bronnen.json noemt per bestand pakket, versie, integriteit en sha256.

    .venv/bin/python tools/plotly/bundels.py            # opnieuw ophalen (nodig: het npm-register)
    .venv/bin/python tools/plotly/bundels.py --controleer  # alleen nagaan dat static/plotly/ klopt (offline)
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

HIER = Path(__file__).resolve().parent
DOEL = HIER.parent.parent / "static" / "plotly"
REGISTER = "https://registry.npmjs.org"
# Welk bestand uit welk pakket; de naam in static/ draagt de versie, zodat een cache hem altijd mag bewaren.
BESTANDEN = {
    "plotly.js-basic-dist-min": "plotly-basic.min.js",
    "plotly.js-geo-dist-min": "plotly-geo.min.js",
}


def pakketten() -> dict[str, dict]:
    lock = json.loads((HIER / "package-lock.json").read_text(encoding="utf-8"))
    return {naam.removeprefix("node_modules/"): info for naam, info in lock["packages"].items() if naam}


def doelnaam(pakket: str, versie: str) -> str:
    return BESTANDEN[pakket].replace(".min.js", f"-{versie}.min.js")


def _haal(url: str, pogingen: int = 4) -> bytes:
    for poging in range(pogingen):
        try:
            with urllib.request.urlopen(url, timeout=60) as antwoord:
                return antwoord.read()
        except OSError as e:
            if poging == pogingen - 1:
                raise SystemExit(f"{url}: ophalen mislukt na {pogingen} pogingen ({e}).") from None
            time.sleep(2**poging)
    raise AssertionError


def haal_op() -> None:
    DOEL.mkdir(parents=True, exist_ok=True)
    bronnen = {}
    for pakket, info in pakketten().items():
        versie, integriteit = info["version"], info["integrity"]
        url = f"{REGISTER}/{pakket}/-/{pakket}-{versie}.tgz"
        tgz = _haal(url)
        algoritme, verwacht = integriteit.split("-", 1)
        if base64.b64encode(hashlib.new(algoritme, tgz).digest()).decode() != verwacht:
            raise SystemExit(f"{url}: de inhoud wijkt af van de integriteit in package-lock.json; niets geschreven.")
        with tarfile.open(fileobj=io.BytesIO(tgz)) as tar:
            code = tar.extractfile(f"package/{BESTANDEN[pakket]}").read()
            licentie = tar.extractfile("package/LICENSE").read()
        naam = doelnaam(pakket, versie)
        (DOEL / naam).write_bytes(code)
        (DOEL / f"LICENSE-{pakket}.txt").write_bytes(licentie)
        bronnen[naam] = {
            "pakket": pakket,
            "versie": versie,
            "register": url,
            "integriteit": integriteit,
            "licentie": info.get("license", "MIT"),
            "licentiebestand": f"LICENSE-{pakket}.txt",
            "sha256": hashlib.sha256(code).hexdigest(),
            "bytes": len(code),
        }
        print(f"{naam}: {len(code):,} bytes uit {url}")
    (DOEL / "bronnen.json").write_text(json.dumps(bronnen, indent=2) + "\n", encoding="utf-8")


def fouten() -> list[str]:
    """Wat er niet klopt aan static/plotly/ tegenover package-lock.json (leeg: alles klopt)."""
    try:
        bronnen = json.loads((DOEL / "bronnen.json").read_text(encoding="utf-8"))
    except OSError:
        return [f"{DOEL / 'bronnen.json'} ontbreekt: draai tools/plotly/bundels.py"]
    uit = []
    for pakket, info in pakketten().items():
        naam = doelnaam(pakket, info["version"])
        bron = bronnen.get(naam)
        if bron is None or bron["integriteit"] != info["integrity"]:
            uit.append(f"{naam}: niet uit het pakket dat package-lock.json vastlegt")
            continue
        pad = DOEL / naam
        if not pad.is_file() or hashlib.sha256(pad.read_bytes()).hexdigest() != bron["sha256"]:
            uit.append(f"{naam}: inhoud wijkt af van bronnen.json")
        if not (DOEL / bron["licentiebestand"]).is_file():
            uit.append(f"{naam}: licentie {bron['licentiebestand']} ontbreekt")
    return uit


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--controleer", action="store_true", help="alleen nagaan, niets ophalen")
    if p.parse_args().controleer:
        if problemen := fouten():
            sys.exit("\n".join(problemen))
        print("static/plotly/ klopt met package-lock.json")
        return
    haal_op()


if __name__ == "__main__":
    main()
