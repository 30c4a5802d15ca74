"""Het contract van elke mart (korrel, unieke kolommen, niet-lege kolommen; in de kop van het SQL-bestand,
zoals dbt's tests bij een model) op de volledige opslag, voor meer jaren, documenten en maten.
Een mart zonder contract laat deze test falen: een nieuwe mart krijgt er meteen een."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

from sociale_basis import begrippen, indicators, mensen

LEEG_ZONDER_OPHALING = {
    "zorggebruik_reeks",
    "zorggebruik_jaar",
    "zorggebruik_jaren",
    "wijken",
    "geo_wijk",
    "schrijflog",
}
MARTS = sorted((REPO / "queries" / "marts").glob("*.sql"))
CONTRACT = re.compile(r"^-- Contract: (?P<korrel>.+)\n--   uniek: (?P<uniek>.+)\n--   niet leeg: (?P<leeg>.+)$", re.M)
# Drie vragen die samen elke vorm van de gegevens raken: netto met baten, een jaarrekening, en bruto in
# het oude Iv3-schema (zonder baten), de laatste zonder regionale taken.
VRAGEN = [
    dict(jaar=2025, document="begroting", maat="netto", zonder_regio=False),
    dict(jaar=2023, document="jaarrekening", maat="netto", zonder_regio=False),
    dict(jaar=2019, document="jaarrekening", maat="bruto", zonder_regio=True),
]


def contract(pad: Path) -> dict:
    m = CONTRACT.search(pad.read_text(encoding="utf-8"))
    assert m, f"{pad.name}: geen contract (‘-- Contract: …’, ‘--   uniek: …’, ‘--   niet leeg: …’) in de kop"
    uniek = [] if m["uniek"].strip() == "(één rij)" else [c.strip() for c in m["uniek"].split(",")]
    leeg = []
    for c in (c.strip() for c in m["leeg"].split(",")):
        if c == "bedragen":
            leeg += begrippen.BEDRAGEN
        elif c == "bedragen_per_inwoner":
            leeg += [f"{b}_per_inwoner" for b in begrippen.BEDRAGEN]
        elif c != "—":
            leeg.append(c)
    return {"uniek": uniek, "niet_leeg": leeg}


def _params(pad: Path, vraag: dict, model: str, store) -> dict:
    waarden = {
        **vraag,
        "model": model,
        "doeljaar": vraag["jaar"],
        "gm_codes": None,
        "prijsbasis": None,
        "gm_code": "GM0363",
        "circulaire": indicators.laatste_circulaire(indicators.circulaires(store), vraag["jaar"]),
        "stap": 2,  # verdringing: twee jaar later
        "tot_jaar": indicators.VERDRINGING_TOT_JAAR,
        "groep": ["GM0014", "GM0599"],
        "procent": mensen.PROCENT,
    }
    if pad.stem in ("behoefte", "behoefte_bron", "behoefte_kwintiel"):  # de volumes hebben hun eigen circulaires
        waarden["behoefte"] = "bijstand"
    tekst = pad.read_text(encoding="utf-8")
    return {k: v for k, v in waarden.items() if re.search(rf"\${k}\b", tekst)}


def test_elke_mart_heeft_een_contract():
    assert len(MARTS) >= 20
    for pad in MARTS:
        contract(pad)


@pytest.mark.parametrize("pad", MARTS, ids=lambda p: p.stem)
def test_contract_geldt_op_de_echte_data(opslag, standaardmodel, pad):
    c = contract(pad)
    gezien = 0
    for vraag in VRAGEN:
        params = _params(pad, vraag, standaardmodel, opslag)
        if pad.stem == "circulaires" or "circulaire" in params and params["circulaire"] is None:
            params.pop("circulaire", None)
            if pad.stem != "circulaires":
                continue  # geen circulaire voor dit uitkeringsjaar
        df = opslag.query(f"marts/{pad.stem}", **params)
        gezien += len(df)
        ontbreekt = [k for k in c["uniek"] + c["niet_leeg"] if k not in df.columns]
        assert not ontbreekt, f"{pad.name}: kolommen uit het contract ontbreken: {ontbreekt}"
        if c["uniek"]:
            dubbel = df[df.duplicated(c["uniek"], keep=False)]
            assert dubbel.empty, f"{pad.name} {vraag}: {c['uniek']} niet uniek:\n{dubbel.head()}"
        else:
            assert len(df) <= 1, f"{pad.name} {vraag}: {len(df)} rijen, het contract zegt één"
        leeg = {k: int(df[k].isna().sum()) for k in c["niet_leeg"] if df[k].isna().any()}
        assert not leeg, f"{pad.name} {vraag}: lege waarden in {leeg}"
    # Een contract dat op niets getoetst is, bewijst niets. Marts die in de volledige opslag leeg
    # mogen zijn (geen eigen cijfers, geen ophaling bij CBS, geen gemeten verdeling zonder categorieën):
    # Zorggebruik en wijken komen alleen met `ophalen`; hun contract toetst tests/test_mensen.py op een ophaling.
    if (
        pad.stem
        not in {"eigen_cijfers", "cbs_herkomst", "snapshot", "gemeten_verdeling", "categorie_beschikbaar"}
        | LEEG_ZONDER_OPHALING
    ):
        assert gezien > 0, f"{pad.name}: in geen enkele vraag een rij"
