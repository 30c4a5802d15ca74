"""De nagebootste CBS/PDOK-server zelf (tests/cbs_nep.py), over HTTP: gebruik van zorg per gemeente,
kerncijfers per wijk en wijkgrenzen. Een testhulp, dus kort: alleen de eigenschappen waar de ophaaltests
op leunen (halfjaren naast jaren, voorlopig in Perioden, het lokaasnummer _87, paginering)."""

from __future__ import annotations

import httpx
import pytest
from cbs_nep import GEDEELD, KWB_BIJSTAND, KWB_ECHT, NepCBS

FILTER = "(substringof('GM',RegioS) or startswith(RegioS,'NL01')) and substringof('JJ',Perioden)"


@pytest.fixture
def nep():
    with NepCBS(paginagrootte=7) as server:
        yield server


def _alles(url: str, **params) -> list[dict]:
    """Alle rijen, via odata.nextLink (OData) of de link rel=next (PDOK)."""
    uit, volgende = [], httpx.URL(url, params={"$format": "json", **params})
    while volgende:
        antwoord = httpx.get(volgende)
        antwoord.raise_for_status()
        data = antwoord.json()
        uit += data.get("value", data.get("features", []))
        volgende = data.get("odata.nextLink") or next(
            (link["href"] for link in data.get("links", []) if link["rel"] == "next"), None
        )
    return uit


def test_productiefilter_geeft_alleen_jaarcijfers_van_gemeenten_en_nederland(nep):
    rijen = _alles(f"{nep.basis}/od/85098NED/TypedDataSet", **{"$filter": FILTER})
    assert {r["RegioS"][:2] for r in rijen} == {"GM", "NL"}
    assert {r["RegioS"] for r in rijen if r["RegioS"].startswith("NL")} == {"NL01      "}
    assert {r["Perioden"] for r in rijen} == {"2022JJ00", "2023JJ00", "2024JJ00"}  # 2025: alleen een halfjaar
    nl = next(r for r in rijen if r["RegioS"] == "NL01      " and r["Perioden"] == "2023JJ00")
    assert [nl[k] for k in list(nl)[3:]] == [13.9, 8.3, 1.1, 48.4, 0.3]  # de CBS-pagina


def test_halfjaren_staan_er_ongefilterd_en_tellen_niet_op(nep):
    rijen = _alles(f"{nep.basis}/od/85098NED/TypedDataSet")
    assert {r["RegioS"].strip() for r in rijen} >= {"LD01", "PV27", "CR17"}
    assert all(v is None for r in rijen if r["RegioS"].startswith("CR") for v in list(r.values())[3:])
    cel = {(r["RegioS"].strip(), r["Perioden"]): r for r in rijen}
    assert cel[("NL01", "2023HJ01")]["JongerenMetJeugdhulpInNatura_1"] == 11.7
    assert cel[("NL01", "2023HJ02")]["JongerenMetJeugdhulpInNatura_1"] == 11.7
    assert ("NL01", "2025HJ01") in cel and ("NL01", "2025JJ00") not in cel
    for (regio, periode), r in cel.items():
        if regio.startswith("GM") and periode.endswith("JJ00"):
            halven = [cel[(regio, periode[:4] + h)] for h in ("HJ01", "HJ02")]
            for kolom, jaar in list(r.items())[3:]:
                som = round(halven[0][kolom] + halven[1][kolom], 1)
                assert jaar not in (som, round(som / 2, 1)), (regio, periode, kolom)


def test_perioden_met_status_en_voorlopige_titel(nep):
    perioden = {p["Key"]: p for p in _alles(f"{nep.basis}/od/85098NED/Perioden")}
    assert perioden["2023JJ00"] == {"Key": "2023JJ00", "Title": "2023", "Description": "", "Status": "Definitief"}
    assert perioden["2023HJ01"]["Title"] == "2023 1e halfjaar"
    assert (perioden["2024JJ00"]["Title"], perioden["2024JJ00"]["Status"]) == ("2024*", "Voorlopig")
    assert perioden["2025HJ01"]["Status"] == "Voorlopig" and "2025JJ00" not in perioden
    assert {p["Status"] for p in _alles(f"{nep.basis}/od/85043NED/Perioden")} == {"Definitief"}


def test_dataproperties_van_de_zorgtabellen(nep):
    sleutels = {e["Key"]: e["Type"] for e in _alles(f"{nep.basis}/od/85099NED/DataProperties")}
    assert sleutels == {
        "VormenVanJeugdzorg": "Dimension",
        "RegioS": "GeoDimension",
        "Perioden": "TimeDimension",
        "TotaalJongerenMetJeugdzorg_1": "Topic",
        "JongerenMetJeugdzorgRelatief_2": "Topic",  # lokaas: een percentage, geen aantal
    }
    info = httpx.get(f"{nep.basis}/od/85043NED/TableInfos").json()["value"][0]
    assert info["Title"] == "Wmo-cliënten; gemeenten"


def test_aantallen_per_vorm_en_wmo_die_niet_gepubliceerd_is(nep):
    def aantal(vorm):
        f = f"VormenVanJeugdzorg eq '{vorm}' and RegioS eq 'GM0599    ' and Perioden eq '2023JJ00'"
        return _alles(f"{nep.basis}/od/85099NED/TypedDataSet", **{"$filter": f})[0]["TotaalJongerenMetJeugdzorg_1"]

    assert aantal("A027918") < aantal("A045560") < aantal("A045561")
    assert aantal("A027920") < aantal("A027919") < aantal("A045560")
    wmo = _alles(f"{nep.basis}/od/85043NED/TypedDataSet", **{"$filter": "RegioS eq 'GM0344    '"})
    assert wmo and all(r["WmoClienten_1"] is None and r["WmoClientenPer1000Inwoners_2"] is None for r in wmo)


def test_kwb_2024_heeft_de_echte_kolomnummers(nep):
    if not (GEDEELD / f"{KWB_ECHT}_DataProperties.json").exists():
        pytest.skip("../shared/docs/cbs/85984NED_DataProperties.json ontbreekt: de nagebootste server valt terug")
    sleutels = {e["Key"] for e in _alles(f"{nep.basis}/od/85984NED/DataProperties")}
    assert len(sleutels - {""}) > 100  # de echte lijst (172 eigenschappen, TopicGroups zonder Key)
    assert {"PersonenPerSoortUitkeringBijstand_94", "k_40HuishoudensMetLaagsteInkomen_87"} <= sleutels
    rij = _alles(f"{nep.basis}/od/85984NED/TypedDataSet", **{"$filter": "WijkenEnBuurten eq 'GM0917    '"})[0]
    assert rij["PersonenPerSoortUitkeringBijstand_94"] > 0 and 4 <= rij["k_40HuishoudensMetLaagsteInkomen_87"] <= 75


def test_kwb_nummers_per_jaar_en_het_voorlopige_jaar(nep):
    assert (KWB_BIJSTAND[2017], KWB_BIJSTAND[2022], KWB_BIJSTAND[2023], KWB_BIJSTAND[2024]) == (74, 83, 83, 94)
    sleutels = {e["Key"] for e in _alles(f"{nep.basis}/od/83765NED/DataProperties")}
    assert "PersonenPerSoortUitkeringBijstand_74" in sleutels and "WijkenEnBuurten" in sleutels
    voorlopig = _alles(f"{nep.basis}/od/86165NED/TypedDataSet", **{"$filter": "WijkenEnBuurten eq 'GM0363    '"})[0]
    assert voorlopig["AantalInwoners_5"] > 0
    assert all(
        v is None
        for k, v in voorlopig.items()
        if k.startswith(("Personen", "Wmo", "HuishoudensMet", "HuishOnder", "Jongeren", "k_40"))
    )


def test_wijkdimensie_pagineert_met_letters_in_amsterdam(nep):
    wijken = _alles(f"{nep.basis}/od/85618NED/WijkenEnBuurten", **{"$filter": "startswith(Key,'WK')"})  # 2023
    assert len(wijken) == 18 and len(nep._gefilterd) == 1
    assert sum(1 for p in nep.log if p[0] == "85618NED/WijkenEnBuurten") == 3  # pagina's van 7
    titels = {w["Key"]: w["Title"] for w in wijken}
    assert titels["WK0363AF  "] == "Bijlmer-Centrum" and titels["WK091703  "] == "Hoensbroek"
    assert "Heerlen Noord" not in titels.values()  # een NPLV-gebied, geen wijk
    assert wijken[0]["Municipality"] == "GM0014    "
    oud = _alles(f"{nep.basis}/od/85318NED/WijkenEnBuurten", **{"$filter": "startswith(Key,'WK0363')"})  # 2022
    assert [w["Key"] for w in oud] == ["WK036301  ", "WK036302  "]


def test_maak_definitief_verhoogt_de_cijfers_en_modified(nep):
    def nl_2024():
        f = "RegioS eq 'NL01      ' and Perioden eq '2024JJ00'"
        return _alles(f"{nep.basis}/od/85098NED/TypedDataSet", **{"$filter": f})[0]["JongerenMetJeugdhulpInNatura_1"]

    voor, modified = nl_2024(), httpx.get(f"{nep.basis}/od/85098NED/TableInfos").json()["value"][0]["Modified"]
    nieuw = nep.maak_definitief("85098NED", 2024)
    assert nieuw > modified
    assert httpx.get(f"{nep.basis}/od/85098NED/TableInfos").json()["value"][0]["Modified"] == nieuw
    assert nl_2024() > voor
    perioden = {p["Key"]: p for p in _alles(f"{nep.basis}/od/85098NED/Perioden")}
    assert (perioden["2024JJ00"]["Title"], perioden["2024JJ00"]["Status"]) == ("2024", "Definitief")
    with pytest.raises(ValueError):
        nep.maak_definitief("85098NED", 2023)


def test_pdok_wijkgrenzen_pagineren(nep, tmp_path):
    features = _alles(f"{nep.basis}/pdok/wijk/items", f="json", limit=4, jaarcode=2024)
    heerlen = {
        f["properties"]["statcode"]: f["geometry"] for f in features if f["properties"]["statcode"][2:6] == "0917"
    }
    assert len(features) == 18 and len(heerlen) == 10
    assert heerlen["WK091704"]["type"] == "MultiPolygon" and heerlen["WK091700"]["type"] == "Polygon"
    assert "/pdok/wijk/items" in nep.bronnen_toml() and "/pdok/items" in nep.bronnen_toml()
