"""Het modelbestand: het standaardmodel is geldig en elke fout wordt met rij en kolom gemeld."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sociale_basis import model
from sociale_basis.sources.controle import InvoerFout

KOP = "schema,taakveld,omschrijving,laag,aandeel,functie,toelichting\n"


def schrijf_model(tmp_path, regels: str):
    pad = tmp_path / "mijn_model.csv"
    pad.write_text(KOP + regels, encoding="utf-8")
    return pad


def test_standaardmodel_is_geldig():
    m = model.laad()
    assert [s for s, _, _ in m.schemas()] == ["2017-2022", "2023-2024", "2025+"]
    assert m.schema_voor(2019) == "2017-2022"
    assert m.schema_voor(2024) == "2023-2024"
    assert m.schema_voor(2026) == "2025+"
    som = m.regels.groupby(["schema", "taakveld"])["aandeel"].agg(lambda a: sum(a, Decimal(0)))
    assert (som == 1).all()


def test_standaardmodel_volgt_het_domeinmodel():
    r = model.laad().regels.set_index(["schema", "taakveld", "laag"])
    # 6.1: 40% informeel, 60% institutioneel, collectieve preventie.
    assert r.loc[("2023-2024", "6.1", "informeel"), "aandeel"] == Decimal("0.4")
    assert r.loc[("2023-2024", "6.1", "institutioneel"), "functie"] == "collectieve_preventie"
    assert r.loc[("2025+", "7.1", "institutioneel"), "functie"] == "collectieve_preventie"
    assert r.loc[("2023-2024", "6.74a", "maatwerk"), "functie"] == "individuele_ondersteuning"
    assert r.loc[("2023-2024", "6.73b", "acuut"), "functie"] == "acute_zorg"
    assert r.loc[("2017-2022", "6.82", "acuut"), "functie"] == "acute_zorg"
    assert r.loc[("2025+", "6.761", "acuut"), "functie"] == "acute_zorg"
    # De samengevoegde code 6.74 (jaarrekening 2024) heeft een eigen verdeling.
    assert r.loc[("2023-2024", "6.74", "maatwerk"), "aandeel"] + r.loc[("2023-2024", "6.74", "acuut"), "aandeel"] == 1
    assert r.loc[("2023-2024", "0.10", "niet_meegeteld"), "functie"] == "geen_uitgave"


def test_aandelen_moeten_optellen_tot_een(tmp_path):
    pad = schrijf_model(
        tmp_path,
        "2023-2024,6.1,Samenkracht,informeel,0.4,collectieve_preventie,x\n"
        "2023-2024,6.1,Samenkracht,institutioneel,0.5,collectieve_preventie,x\n",
    )
    with pytest.raises(InvoerFout) as info:
        model.laad(pad)
    assert info.value.rij == 3 and info.value.kolom == "aandeel"
    assert "6.1" in str(info.value) and "0.9" in str(info.value) and pad.name in str(info.value)


@pytest.mark.parametrize(
    ("regel", "kolom", "woord"),
    [
        ("2023,6.1,S,informeel,1,collectieve_preventie,x", "schema", "geen schema"),
        ("2023-2024,zes,S,informeel,1,collectieve_preventie,x", "taakveld", "taakveldcode"),
        ("2023-2024,6.1,S,buurt,1,collectieve_preventie,x", "laag", "onbekende laag"),
        ("2023-2024,6.1,S,informeel,1,iets,x", "functie", "onbekende functie"),
        ("2023-2024,6.1,S,informeel,veel,collectieve_preventie,x", "aandeel", "geen getal"),
        ("2023-2024,6.1,S,informeel,1.5,collectieve_preventie,x", "aandeel", "tussen 0 en 1"),
        ("2023-2024,6.1,S,informeel,0.3333,collectieve_preventie,x", "aandeel", "drie decimalen"),
        ("2023-2024,6.1,S,informeel,NaN,collectieve_preventie,x", "aandeel", "geen getal"),
    ],
)
def test_foute_regel_wordt_gemeld(tmp_path, regel, kolom, woord):
    with pytest.raises(InvoerFout) as info:
        model.laad(schrijf_model(tmp_path, regel + "\n"))
    assert info.value.rij == 2 and info.value.kolom == kolom and woord in str(info.value)


def test_overlappende_schemas(tmp_path):
    pad = schrijf_model(
        tmp_path,
        "2017-2023,6.1,S,informeel,1,collectieve_preventie,x\n2023-2024,6.1,S,informeel,1,collectieve_preventie,x\n",
    )
    with pytest.raises(InvoerFout, match="overlappen"):
        model.laad(pad)


def test_eigen_model_met_andere_verdeling(tmp_path):
    tekst = model.STANDAARD.read_text(encoding="utf-8")
    tekst = tekst.replace(
        "2023-2024,6.1,Samenkracht en burgerparticipatie,informeel,0.4",
        "2023-2024,6.1,Samenkracht en burgerparticipatie,informeel,0.5",
    )
    tekst = tekst.replace(
        "2023-2024,6.1,Samenkracht en burgerparticipatie,institutioneel,0.6",
        "2023-2024,6.1,Samenkracht en burgerparticipatie,institutioneel,0.5",
    )
    pad = tmp_path / "half_om_half.csv"
    pad.write_text(tekst, encoding="utf-8")
    m = model.laad(pad)
    assert m.sleutel != model.laad().sleutel
    r = m.regels.set_index(["schema", "taakveld", "laag"])
    assert r.loc[("2023-2024", "6.1", "informeel"), "aandeel"] == Decimal("0.5")


def test_lees_uit_bytes_is_hetzelfde_als_laad():
    """Een upload (bytes) wordt met dezelfde regels gelezen als een bestand op schijf."""
    m = model.laad()
    uit_bytes = model.lees(model.STANDAARD.read_bytes(), "standaard.csv")
    assert uit_bytes.sleutel == m.sleutel
    assert uit_bytes.regels.equals(m.regels)


def test_naar_csv_geeft_hetzelfde_bestand():
    m = model.laad()
    assert model.naar_csv(m) == model.STANDAARD.read_bytes()
    assert model.lees(model.naar_csv(m), "kopie.csv").vingerafdruk == m.vingerafdruk


@pytest.mark.parametrize(
    ("inhoud", "woord"),
    [
        (b"", "leeg"),
        (b"\xff\xfe\x00kapot", "binaire gegevens"),
        (b"schema,taakveld\n2023\xe9,6.1\n", "UTF-8"),
        (b"schema,taakveld\n2023-2024,6.1\n", "ontbreken"),
        (KOP.encode() + b"2023-2024,6.1,S,informeel,1,collectieve_preventie,x,te,veel,velden\n", "velden"),
    ],
)
def test_onleesbare_csv_wordt_geweigerd_met_bestandsnaam(inhoud, woord):
    with pytest.raises(InvoerFout, match=woord) as info:
        model.lees(inhoud, "upload.csv")
    assert "upload.csv" in str(info.value)


def test_ontbrekend_taakveld_ten_opzichte_van_standaard_wordt_geweigerd(tmp_path):
    """Nieuwe regel: wie een taakveld van het standaardmodel weglaat, verliest zijn geld."""
    tekst = model.STANDAARD.read_text(encoding="utf-8").splitlines()
    zonder = [r for r in tekst if not r.startswith("2023-2024,6.82b,")]
    pad = tmp_path / "onvolledig.csv"
    pad.write_text("\n".join(zonder) + "\n", encoding="utf-8")
    with pytest.raises(InvoerFout, match="mist taakveld") as info:
        model.laad(pad)
    assert "6.82b" in str(info.value) and "2023-2024" in str(info.value)
    assert info.value.kolom == "taakveld" and info.value.rij is not None


def test_eigen_schema_wordt_niet_met_standaard_vergeleken(tmp_path):
    """Een schema dat het standaardmodel niet kent, is niet te vergelijken; de controle bij het
    rekenen (controle/ongemapte_taakvelden) blijft dan de vangrail."""
    pad = schrijf_model(tmp_path, "2030+,6.1,S,informeel,1,collectieve_preventie,x\n")
    assert model.laad(pad).schemas() == [("2030+", 2030, 9999)]
