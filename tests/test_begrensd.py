"""Begrensd werk per upload (issue 33, punt 2): een kleine .gz die tot honderden MB uitpakt, of een bestand met
miljoenen regels, wordt in het dashboard geweigerd vóór het lezen, stuksgewijs uitgepakt en met weinig geheugen.
De echte bronbestanden passen ruim."""

from __future__ import annotations

import gzip
import subprocess
import sys
import textwrap
import zlib

import pandas as pd
import pytest
from conftest import REPO

from sociale_basis.sources import lezen
from sociale_basis.sources.controle import InvoerFout, Problemen, uniek

REGEL = b"GM0150;2025;begroting;6.1;Samenkracht en burgerparticipatie;12345,6;789\r\n"


def _bom(megabytes: int) -> bytes:
    """Een gzip van `megabytes` MB herhaalde sjabloonregels, stuk voor stuk gemaakt (± 1 MB groot)."""
    inpakker = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    blok = REGEL * (2**20 // len(REGEL))
    delen = [inpakker.compress(blok) for _ in range(megabytes)]
    return b"".join(delen) + inpakker.flush()


def test_gz_bom_geweigerd_in_weinig_tijd_en_geheugen():
    """400 MB uitgepakt uit ± 1 MB: geweigerd, in een eigen proces gemeten (zijn hoogste RSS, niet die van pytest)."""
    code = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(REPO / "tests")!r})
        from test_begrensd import _bom
        from sociale_basis.sources import lezen
        from sociale_basis.sources.controle import InvoerFout
        bom = _bom(400)
        begin = time.perf_counter()
        try:
            lezen.controleer_upload("sjabloon.csv.gz", bom)
            print("DOORGELATEN")
        except InvoerFout as e:
            print("GEWEIGERD", len(bom), time.perf_counter() - begin, str(e))
        # VmHWM: het hoogste RSS van dit programma. Niet ru_maxrss: dat erft Linux bij fork van de ouder
        # (pytest, na de AppTests ± 3,5 GB), dus dan meet je pytest in plaats van de weigering.
        hwm = next(r for r in open("/proc/self/status") if r.startswith("VmHWM:"))
        print("RSS_MB", int(hwm.split()[1]) / 1024)
        """
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout
    regels = dict(r.split(" ", 1) for r in uit.strip().splitlines())
    grootte, seconden, melding = regels["GEWEIGERD"].split(" ", 2)
    assert int(grootte) < 2 * 2**20  # een kleine upload…
    assert melding.startswith("Fout in bestand sjabloon.csv.gz: het bestand is groter dan 64 MB (na uitpakken)")
    assert float(seconden) < 5 and float(regels["RSS_MB"]) < 1024  # binnen seconden, onder 1 GB


def test_gz_bom_in_meer_gzip_leden_telt_ook():
    """gzip.open leest alle leden achter elkaar; de teller dus ook (anders glipt lid 2 erdoor)."""
    klein = gzip.compress(REGEL * 10)
    groot = gzip.compress(REGEL * (lezen.MAX_UPLOAD_REGELS + 1))
    with pytest.raises(InvoerFout, match="groter dan 64 MB"):
        lezen.controleer_upload("twee.csv.gz", klein + groot)
    lezen.controleer_upload("klein.csv.gz", klein + klein)  # geen fout


def test_te_veel_regels_of_te_groot():
    kort = b"1\n"
    with pytest.raises(InvoerFout, match="meer dan 1.000.000 regels"):
        lezen.controleer_upload("lang.csv", kort * (lezen.MAX_UPLOAD_REGELS + 1))
    lang = b"x" * 500 + b"\n"
    with pytest.raises(InvoerFout, match="groter dan 64 MB"):
        lezen.controleer_upload("groot.csv.gz", gzip.compress(lang * (lezen.MAX_UPLOAD // len(lang) + 10)))


def test_echte_bronbestanden_passen(shared):
    bestanden = [p for p in shared.rglob("*") if p.is_file() and p.suffix in {".csv", ".gz", ".geojson", ".json"}]
    assert len(bestanden) > 20
    for pad in bestanden:
        lezen.controleer_upload(pad.name, pad.read_bytes())  # geen fout


def test_lange_regel_met_regelnummer_zonder_knippen(tmp_path):
    pad = tmp_path / "lang.csv"
    pad.write_text("a;b\n1;2\n3;" + "9" * (lezen.MAX_REGEL + 5) + "\n5;6\n", encoding="utf-8")
    with pytest.raises(InvoerFout) as fout:
        lezen.lees_tekst(pad)
    assert fout.value.problemen[0].rij == 3 and f"{lezen.MAX_REGEL + 7:,}".replace(",", ".") in str(fout.value)


def test_dubbele_rijen_alleen_beschreven_wat_getoond_wordt(tmp_path):
    """Een miljoen dezelfde regels: de melding noemt de eerste 200 en telt de rest (geen miljoen teksten)."""
    n = 1_000_000
    df = pd.DataFrame({"taakveld": ["6.1"] * n, "_regel": range(2, n + 2)})
    fouten = Problemen(tmp_path / "dubbel.csv")
    uniek(fouten, df, ["taakveld"])
    with pytest.raises(InvoerFout) as fout:
        fouten.klaar()
    assert len(fout.value.problemen) == fouten.maximum
    assert "taakveld=6.1" in fout.value.problemen[0].melding and fout.value.problemen[0].rij == 3
    assert f"En nog {n - 2} andere problemen" in str(fout.value)  # alle n − 1 dubbele geteld
