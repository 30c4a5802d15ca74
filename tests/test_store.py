"""De gateway: statements gesplitst door DuckDB's eigen parser, parameters bij hun precieze naam."""

from __future__ import annotations

import pytest

from sociale_basis import store as opslag_module
from sociale_basis.store import OpslagFout, Store


def test_splitsen_met_de_parser_van_duckdb():
    tekst = "SELECT 'a;b' AS x; -- een ; in commentaar\nSELECT $jaar, $jaar_van;"
    delen = opslag_module._statements(tekst)
    assert len(delen) == 2
    assert "'a;b'" in delen[0][0] and delen[0][1] == frozenset()
    assert delen[1][1] == {"jaar", "jaar_van"}


def test_parameters_bij_hun_precieze_naam(tmp_path, monkeypatch):
    """`$jaar` is niet `$jaar_van`: elk statement krijgt precies de parameters die het noemt, en een parameter
    die geen statement vraagt, is een fout (eerder koos een tekstvergelijking `$jaar` ook in `$jaar_van`)."""
    proef = (
        "CREATE TABLE IF NOT EXISTS proef (a INTEGER, b INTEGER);\n"
        "INSERT INTO proef VALUES ($jaar_van, $jaar_van + 1);\n"
        "INSERT INTO proef VALUES ($jaar, $jaar);\n"
    )
    with Store(tmp_path / "o.duckdb") as s:
        echt = opslag_module.sql
        monkeypatch.setattr(opslag_module, "sql", lambda naam: proef if naam == "proef" else echt(naam))
        with s.cursor() as cur:
            opslag_module._voer_uit(cur, "proef", {"jaar": 2025, "jaar_van": 2017})
            assert cur.execute("SELECT * FROM proef ORDER BY a").fetchall() == [(2017, 2018), (2025, 2025)]
            with pytest.raises(OpslagFout, match="jaar_tot"):
                opslag_module._voer_uit(cur, "proef", {"jaar": 1, "jaar_van": 1, "jaar_tot": 2})
