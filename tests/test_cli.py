"""De opdrachtregel: vorm van de CSV, Nederlandse fouten met exitcode ≠ 0, status."""

from __future__ import annotations

import io
import subprocess
import sys

import pandas as pd
import pytest
from conftest import FIXTURES, momentopname

from sociale_basis.cli import main
from sociale_basis.store import Store

KOLOMMEN = (
    "gm_code,gemeente,jaar,document,maat,inwoners,persoonlijk,informeel,institutioneel,"
    "maatwerk,acuut,overig,totaal,collectieve_preventie,acute_zorg,acuut_per_euro_preventie,vertekend,kanttekening"
)


def test_indicatoren_csv(volledige_opslag, capsys):
    assert main(["--db", str(volledige_opslag), "indicatoren", "--jaar", "2023", "--document", "jaarrekening"]) == 0
    vangst = capsys.readouterr()
    uit = vangst.out
    assert uit.splitlines()[0] == KOLOMMEN
    df = pd.read_csv(io.StringIO(uit), dtype={"gm_code": str})
    # 342 gemeenten; Vijfheerenlanden heeft in de bron geen jaarrekening 2023 (alleen nullen).
    assert len(df) == 341 and df["gm_code"].is_unique
    assert "geen cijfers" in vangst.err and "Vijfheerenlanden" in vangst.err
    assert (df["maat"] == "netto").all()  # netto is de standaard
    lagen = ["persoonlijk", "informeel", "institutioneel", "maatwerk", "acuut", "overig"]
    assert (df[lagen].sum(axis=1) == df["totaal"]).all()
    # Hele euro's, geen duizenden: Amsterdam heeft honderden miljoenen in de sociale basis.
    ams = df.set_index("gm_code").loc["GM0363"]
    assert ams["gemeente"] == "Amsterdam" and ams["institutioneel"] > 100_000_000
    assert all(pd.api.types.is_integer_dtype(df[k]) for k in [*lagen, "totaal"])


def test_indicatoren_bruto_en_eigen_model(volledige_opslag, capsys, tmp_path):
    from sociale_basis import model

    tekst = model.STANDAARD.read_text(encoding="utf-8")
    tekst = tekst.replace(
        "2025+,6.1,Samenkracht en burgerparticipatie,informeel,0.4",
        "2025+,6.1,Samenkracht en burgerparticipatie,informeel,0.7",
    )
    tekst = tekst.replace(
        "2025+,6.1,Samenkracht en burgerparticipatie,institutioneel,0.6",
        "2025+,6.1,Samenkracht en burgerparticipatie,institutioneel,0.3",
    )
    eigen = tmp_path / "eigen.csv"
    eigen.write_text(tekst, encoding="utf-8")
    argv = [
        "--db",
        str(volledige_opslag),
        "indicatoren",
        "--jaar",
        "2025",
        "--document",
        "begroting",
        "--maat",
        "bruto",
    ]
    assert main(argv) == 0
    standaard = pd.read_csv(io.StringIO(capsys.readouterr().out)).set_index("gm_code")
    assert main([*argv, "--model", str(eigen)]) == 0
    anders = pd.read_csv(io.StringIO(capsys.readouterr().out)).set_index("gm_code")
    assert (anders["totaal"] == standaard["totaal"]).all()
    assert (anders["informeel"] > standaard["informeel"]).sum() > 300


def test_netto_zonder_baten_geeft_uitleg(volledige_opslag, capsys):
    code = main(["--db", str(volledige_opslag), "indicatoren", "--jaar", "2024", "--document", "jaarrekening"])
    fout = capsys.readouterr()
    assert code != 0 and fout.out == ""
    assert "alleen lasten beschikbaar" in fout.err and "bruto" in fout.err


def test_onbekend_jaar(volledige_opslag, capsys):
    assert main(["--db", str(volledige_opslag), "indicatoren", "--jaar", "2016", "--document", "begroting"]) != 0
    assert "geen Iv3-gegevens voor de begroting 2016" in capsys.readouterr().err


def test_status(volledige_opslag, capsys):
    assert main(["--db", str(volledige_opslag), "status"]) == 0
    uit = capsys.readouterr().out
    assert "2023  341 gem., 1 zonder cijfers, bruto + netto" in uit
    assert "alleen bruto (geen baten)" in uit
    assert "Gemeentefonds: M2023→2024" in uit


def test_import_fout_via_opdrachtregel(shared, tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    assert main(["--db", str(db), "import", str(shared / "gemeenten" / "gemeenten_per_jaar_2010_2026.csv")]) == 0
    slecht = tmp_path / "iv3_2023X005.csv"
    slecht.write_text((FIXTURES / "cbs_ruw_2023X005.csv").read_text().replace(",300,", ",???,"))
    with Store(db) as store:
        voor = momentopname(store)
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(FIXTURES / "cbs_ruw_codes.csv"), str(slecht)]) == 1
    err = capsys.readouterr().err
    # Alle problemen van het bestand, elk met rij en kolom; alleen de bestandsnaam, geen pad.
    assert f"problemen in bestand {slecht.name}" in err and str(tmp_path) not in err
    assert "rij 3, kolom 'k_1ePlaatsing_1': '???' is geen getal." in err
    assert "rij 2, kolom 'Gemeenten': onbekende gemeentenaam 'Groningen (gemeente)'" in err
    assert "Traceback" not in err
    with Store(db) as store:
        assert momentopname(store) == voor


def test_geen_opslag(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "leeg.duckdb"), "status"]) == 1
    assert "sociale-basis import" in capsys.readouterr().err


def test_geinstalleerd_commando_met_nederlandse_hulp():
    uit = subprocess.run(
        [sys.executable, "-m", "sociale_basis.cli", "indicatoren", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "--jaar" in uit and "netto (lasten − baten, standaard)" in uit


def test_netto_voor_een_deel_van_de_gemeenten(shared, tmp_path, capsys):
    """Eén gemeente met baten (eigen CBS-bestand) en één met alleen lasten: per gemeente kan
    netto, maar 'Nederland' of een groep netto zou maar één gemeente zijn — dat weigeren we."""
    from sociale_basis import indicators, model

    db = tmp_path / "deel.duckdb"
    lasten = tmp_path / "lasten.csv"
    lasten.write_text(
        "jaar,verslagsoort,document,gm_code,taakveld,taakveld_label,lasten\n"
        "2024,2024X000,begroting,GM0363,6.1,6.1 S,1500.0\n"
        "2024,2024X000,begroting,GM0363,6.82,6.82 G,900.0\n"
        "2024,2024X000,begroting,GM0014,6.1,6.1 S,700.0\n"
    )
    assert (
        main(
            [
                "--db",
                str(db),
                "import",
                str(shared / "gemeenten" / "gemeenten_per_jaar_2010_2026.csv"),
                str(shared / "gemeenten" / "inwoners_1jan_2017_2026.csv"),
                str(shared / "iv3" / "referentie" / "iv3_taakvelden_gemeenten_2017_2026.csv"),
                str(lasten),
                str(FIXTURES / "cbs_ruw_codes.csv"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--db", str(db), "indicatoren", "--jaar", "2024", "--document", "begroting"]) == 0
    vangst = capsys.readouterr()
    df = pd.read_csv(io.StringIO(vangst.out))
    assert list(df["gm_code"]) == ["GM0363"] and "netto alleen voor de 1 gemeenten" in vangst.err
    with Store(db, alleen_lezen=True) as store:
        sleutel = store.laad_model(model.laad())
        with pytest.raises(indicators.IndicatorFout, match="maar voor 1 van de 2 gemeenten"):
            indicators.groep(store, sleutel, 2024, "begroting", "netto")
        assert indicators.groep(store, sleutel, 2024, "begroting", "bruto")["gemeenten"] == 2
