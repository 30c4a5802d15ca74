"""De lagen hangen één kant op: geen module van het pakket importeert (ook niet uitgesteld, binnen een
functie) een module die haar weer importeert. Zo blijft elke laag van de README te lezen zonder de
volgende; `if TYPE_CHECKING:`-imports tellen niet (die lopen nooit)."""

from __future__ import annotations

import ast
from pathlib import Path

PAKKET = Path(__file__).resolve().parent.parent / "sociale_basis"


def _module(pad: Path) -> str:
    delen = pad.relative_to(PAKKET.parent).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def _imports(pad: Path, naam: str, bestaand: set[str]) -> set[str]:
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    overslaan = {
        id(n)
        for blok in ast.walk(boom)
        if isinstance(blok, ast.If) and "TYPE_CHECKING" in ast.unparse(blok.test)
        for n in ast.walk(blok)
    }
    pakket = naam if pad.name == "__init__.py" else naam.rsplit(".", 1)[0]
    uit = set()
    for n in ast.walk(boom):
        if id(n) in overslaan:
            continue
        if isinstance(n, ast.ImportFrom):
            basis = pakket
            for _ in range(n.level - 1):
                basis = basis.rsplit(".", 1)[0]
            doel = (f"{basis}.{n.module}" if n.module else basis) if n.level else n.module
            kandidaten = [doel, *(f"{doel}.{a.name}" for a in n.names)]
        elif isinstance(n, ast.Import):
            kandidaten = [a.name for a in n.names]
        else:
            continue
        uit |= {k for k in kandidaten if k in bestaand and k != naam}
    return uit


def test_geen_kringen_in_de_imports():
    paden = {_module(p): p for p in PAKKET.rglob("*.py")}
    graaf = {m: _imports(p, m, set(paden)) for m, p in paden.items()}
    kringen = []

    def bezoek(m, pad, bezig, klaar):
        bezig.add(m)
        for d in graaf[m]:
            if d in bezig:
                kringen.append(pad[pad.index(d) :] + [d])
            elif d not in klaar:
                bezoek(d, [*pad, d], bezig, klaar)
        bezig.discard(m)
        klaar.add(m)

    klaar: set[str] = set()
    for m in sorted(graaf):
        if m not in klaar:
            bezoek(m, [m], set(), klaar)
    assert not kringen, "\n".join(" → ".join(k) for k in kringen)


def test_de_rekenlaag_noemt_elk_bestand_in_haar_volgorde():
    """store.WERK is de volgorde van queries/werk/: geen bestand dat alleen door zijn nummer meedoet."""
    from sociale_basis.store import QUERIES, WERK

    assert sorted(p.stem for p in (QUERIES / "werk").glob("*.sql")) == sorted(WERK)
    assert len(set(WERK)) == len(WERK)


def test_geen_pagina_gebruikt_een_modulenaam_als_variabele():
    """`eigen = reeksen[0][2]` op Trends verborg de module `eigen` voor de rest van de pagina."""
    fout = []
    for pad in sorted((PAKKET / "pages").glob("*.py")):
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        namen = {a.asname or a.name for n in ast.walk(boom) if isinstance(n, ast.ImportFrom) for a in n.names}
        namen |= {
            (a.asname or a.name).split(".")[0] for n in ast.walk(boom) if isinstance(n, ast.Import) for a in n.names
        }
        for n in ast.walk(boom):
            doelen = (
                n.targets if isinstance(n, ast.Assign) else [n.target] if isinstance(n, ast.For | ast.AugAssign) else []
            )
            fout += [f"{pad.name}:{n.lineno} {d.id}" for d in doelen if isinstance(d, ast.Name) and d.id in namen]
    assert not fout, fout
