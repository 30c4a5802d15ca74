"""Geen cijfer verandert door een verbouwing: een vingerafdruk van de uitkomst van elke vraag die de
pagina's stellen (per gemeente, groep, Nederland, reeks, herrekend, behoefte, realisatie) en van de
CSV van `sociale-basis indicatoren`, op de volledige data, vergeleken met tests/kerncijfers.json.

Een vingerafdruk geldt de kolommen die er bij het vastleggen waren (een nieuwe kolom mag erbij, een
verdwenen kolom of een ander getal niet), met getallen op 12 significante cijfers (de volgorde van
optellen in DOUBLE mag verschillen, een euro niet). Een bedoelde wijziging leg je vast met
`KERNCIJFERS_BEWAAR=1 pytest tests/test_kerncijfers.py` en verantwoord je in de commit."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from conftest import SHARED

from sociale_basis import indicators
from sociale_basis.begrippen import BEHOEFTEN
from sociale_basis.cli import main

VAST = Path(__file__).resolve().parent / "kerncijfers.json"
BEWAAR = os.environ.get("KERNCIJFERS_BEWAAR") == "1"
G4 = ["GM0363", "GM0599", "GM0518", "GM0344"]


def _vorm(df: pd.DataFrame) -> pd.DataFrame:
    uit = df.reset_index(drop=True).infer_objects()  # een groep komt als Series → rij van objecten
    for k in uit.columns:
        s = uit[k]
        if pd.api.types.is_bool_dtype(s) or pd.api.types.is_integer_dtype(s):
            uit[k] = s.astype("Int64").astype(str)
        elif pd.api.types.is_float_dtype(s):
            # 12 significante cijfers: de laatste bits van een som in DOUBLE hangen af van de volgorde waarin
            # DuckDB parallel optelt (gezien bij de volumes van Nederland); een euro op € 80 mld niet.
            uit[k] = ["" if pd.isna(v) else f"{v:.12g}" for v in s]
        else:
            uit[k] = s.astype(str)
    return uit


def vingerafdruk(df: pd.DataFrame, kolommen: list[str] | None = None) -> dict:
    vorm = _vorm(df)
    kolommen = list(vorm.columns) if kolommen is None else kolommen
    ontbreekt = [k for k in kolommen if k not in vorm.columns]
    if ontbreekt:
        return {"kolommen": kolommen, "rijen": len(vorm), "sha": f"ontbrekende kolommen: {ontbreekt}"}
    tekst = vorm[kolommen].to_csv(index=False, lineterminator="\n")
    return {"kolommen": kolommen, "rijen": len(vorm), "sha": hashlib.sha256(tekst.encode()).hexdigest()[:16]}


def _cli(db: Path, *args: str) -> pd.DataFrame:
    uit = io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(io.StringIO()):
        assert main(["--db", str(db), "indicatoren", *args]) == 0
    return pd.read_csv(io.StringIO(uit.getvalue()), dtype={"gm_code": str})


def vragen(store, model: str, db: Path) -> dict[str, object]:
    """Elke vraag die een pagina of export stelt, over jaren met en zonder netto en crisisgeld."""
    q: dict[str, object] = {}
    jaren = [
        (2019, "jaarrekening", "bruto"),
        (2023, "jaarrekening", "netto"),
        (2024, "jaarrekening", "bruto"),
        (2025, "begroting", "netto"),
        (2026, "begroting", "bruto"),
    ]
    for jaar, doc, maat in jaren:
        k = f"{jaar}-{doc}-{maat}"
        q[f"per_gemeente/{k}"] = lambda j=jaar, d=doc, m=maat: indicators.per_gemeente(store, model, j, d, m)
        q[f"groep/nl/{k}"] = lambda j=jaar, d=doc, m=maat: indicators.groep(store, model, j, d, m).to_frame().T
        q[f"groep/g4/{k}"] = lambda j=jaar, d=doc, m=maat: indicators.groep(store, model, j, d, m, G4).to_frame().T
        q[f"herrekend/{k}"] = lambda j=jaar, d=doc, m=maat: indicators.per_gemeente_herrekend(
            store, model, j, d, m, 2025
        )
    q["per_gemeente/2025-begroting-netto/zonder_regio"] = lambda: indicators.per_gemeente(
        store, model, 2025, "begroting", "netto", zonder_regio=True
    )
    q["groep/g4/2025-begroting-netto/zonder_regio"] = lambda: (
        indicators.groep(store, model, 2025, "begroting", "netto", G4, zonder_regio=True).to_frame().T
    )
    q["herrekend/2019/zonder_regio"] = lambda: indicators.per_gemeente_herrekend(
        store, model, 2019, "jaarrekening", "bruto", 2025, zonder_regio=True
    )
    for maat in ("netto", "bruto"):
        q[f"trend/nl/{maat}"] = lambda m=maat: indicators.trend(store, model, m, 2025)
        q[f"trend/amsterdam/{maat}"] = lambda m=maat: indicators.trend(store, model, m, 2025, ["GM0363"])
        q[f"trend/g4/{maat}/zonder_regio"] = lambda m=maat: indicators.trend(
            store, model, m, 2025, G4, zonder_regio=True
        )
        q[f"trend/nl/{maat}/prijzen2023"] = lambda m=maat: indicators.trend(store, model, m, 2025, prijsbasis=2023)
        q[f"spreiding/nl/{maat}"] = lambda m=maat: indicators.trend_spreiding(store, model, m, 2025)
        q[f"spreiding/g4/{maat}"] = lambda m=maat: indicators.trend_spreiding(store, model, m, 2025, G4)
    for naam in BEHOEFTEN:
        for jaar, doc, maat in [(2025, "begroting", "netto"), (2023, "jaarrekening", "bruto")]:

            def behoefte(n=naam, j=jaar, d=doc, m=maat):
                try:
                    return indicators.behoefte(store, model, j, d, m, n)
                except indicators.IndicatorFout as e:
                    return pd.DataFrame({"fout": [str(e)]})

            q[f"behoefte/{naam}/{jaar}-{doc}-{maat}"] = behoefte
    q["kwintielen/bijstand/2025"] = lambda: indicators.kwintielen(store, model, 2025, "begroting", "netto", "bijstand")
    q["realisatie/2023/netto"] = lambda: indicators.realisatie(store, model, 2023, "netto")
    q["realisatie_landelijk"] = lambda: indicators.realisatie_landelijk(store, model)
    q["incidenteel/2023"] = lambda: indicators.incidenteel(store, model, 2023, "jaarrekening", "netto")
    q["maatstaf/2024/S2024"] = lambda: indicators.maatstaf(store, model, 2024, "begroting", "S2024")
    q["regiotaken/2025"] = lambda: indicators.regiotaken(store, 2025)
    q["cli/2023-jaarrekening"] = lambda: _cli(db, "--jaar", "2023", "--document", "jaarrekening")
    q["cli/2025-begroting-bruto"] = lambda: _cli(db, "--jaar", "2025", "--document", "begroting", "--maat", "bruto")
    return q


@pytest.mark.skipif(not SHARED.is_dir() and not BEWAAR, reason="vastgelegd op de volledige data (../shared)")
def test_geen_cijfer_verandert(opslag, standaardmodel, volledige_opslag):
    vast = json.loads(VAST.read_text(encoding="utf-8")) if VAST.is_file() and not BEWAAR else {}
    nu, anders = {}, []
    for naam, vraag in vragen(opslag, standaardmodel, volledige_opslag).items():
        df = vraag()
        if os.environ.get("KERNCIJFERS_MAP"):  # om een verschil te kunnen bekijken
            pad = Path(os.environ["KERNCIJFERS_MAP"]) / (naam.replace("/", "__") + ".pkl")
            pad.parent.mkdir(parents=True, exist_ok=True)
            df.to_pickle(pad)
        nu[naam] = vingerafdruk(df, vast[naam]["kolommen"] if naam in vast else None)
        if naam in vast and nu[naam] != vast[naam]:
            anders.append(naam)
    if BEWAAR:
        VAST.write_text(json.dumps(nu, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    assert set(nu) == set(vast), "vragen zonder vastgelegde vingerafdruk (of andersom)"
    assert not anders, f"andere cijfers voor: {anders}"
