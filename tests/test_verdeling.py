"""De gemeten verdeling van 6.1 over informeel en institutioneel: uit de CBS-categorieën waar de
bron ze heeft, anders het vaste aandeel; elke euro blijft geteld."""

from __future__ import annotations

import pytest

from sociale_basis import indicators, model
from sociale_basis.importer import importeer
from sociale_basis.sources.controle import InvoerFout
from sociale_basis.store import Store

KOP = "Gemeenten,TaakveldBalanspost,Categorie,Verslagsoort,k_2ePlaatsing_2\n"
# GM0014: eigen personeel 120 + inkoop 80 (institutioneel), subsidies 300 (informeel), rente 10
# (geen laag: volgt de rest). GM0034: alleen baten op 6.1 → geen gemeten verdeling, vast 40/60.
# GM0363: subsidies −50 en personeel 100 → negatief deel: geen gemeten verdeling.
REGELS = """GM0014,6.1,L1.1,2023X005,120
GM0014,6.1,L3.8,2023X005,80
GM0014,6.1,L4.2,2023X005,300
GM0014,6.1,L5.1,2023X005,10
GM0014,6.1,B4.3.1,2023X005,60
GM0014,7.1,L3.4.1,2023X005,200
GM0034,6.1,L1.1,2023X005,0
GM0034,6.1,B4.3.1,2023X005,25
GM0034,7.1,L3.4.1,2023X005,30
GM0363,6.1,L4.2,2023X005,-50
GM0363,6.1,L1.1,2023X005,100
"""


@pytest.fixture
def opslag(tmp_path):
    pad = tmp_path / "cbs_2023X005.csv"
    pad.write_text(KOP + REGELS, encoding="utf-8")
    store = Store(tmp_path / "v.duckdb")
    importeer(store, [pad])
    sleutel = store.laad_model(model.laad())
    yield store, sleutel
    store.sluit()


def test_gemeten_aandeel_uit_categorieen(opslag):
    store, sleutel = opslag
    df = indicators.per_gemeente(store, sleutel, 2023, "jaarrekening", "bruto").set_index("gm_code")
    # 6.1 lasten = 510; informeel 300 / (120 + 80 + 300) = 0,6 → 306.000; de rest institutioneel.
    assert df.loc["GM0014", "informeel"] == 306_000
    assert df.loc["GM0014", "institutioneel"] == 510_000 - 306_000 + 200_000
    # Zonder bruikbare categorieën: het vaste aandeel van het model (40/60).
    assert df.loc["GM0363", "informeel"] == pytest.approx(0.4 * 50_000)
    assert df.loc["GM0034", "informeel"] == 0 and df.loc["GM0034", "institutioneel"] == 30_000


def test_netto_volgt_dezelfde_verdeling(opslag):
    store, sleutel = opslag
    df = indicators.per_gemeente(store, sleutel, 2023, "jaarrekening", "netto").set_index("gm_code")
    assert df.loc["GM0014", "informeel"] == pytest.approx((510 - 60) * 1000 * 0.6)
    assert df.loc["GM0034", "informeel"] == pytest.approx(-25_000 * 0.4)


@pytest.mark.parametrize("maat", ["bruto", "netto"])
def test_elke_euro_blijft_geteld(opslag, maat):
    store, sleutel = opslag
    assert store.query(
        "controle/laagsom_per_taakveld", model=sleutel, maat=maat, jaar=2023, document="jaarrekening"
    ).empty


def test_waar_gemeten_staat_op_een_rij(opslag):
    store, sleutel = opslag
    g = indicators.gemeten_verdeling(store, sleutel)
    informeel = g[g["laag"] == "informeel"].iloc[0]
    assert (informeel["jaar"], informeel["document"], informeel["taakveld"], informeel["gemeenten"]) == (
        2023,
        "jaarrekening",
        "6.1",
        1,
    )
    assert float(informeel["hoogste"]) == 0.6


def test_model_zonder_categorieen_gebruikt_vast_aandeel(opslag, tmp_path):
    store, _ = opslag
    tekst = model.STANDAARD.read_text(encoding="utf-8").splitlines()
    zonder = "\n".join(r.rsplit(",", 1)[0] for r in tekst) + "\n"  # oude vorm: zonder kolom
    pad = tmp_path / "vast.csv"
    pad.write_text(zonder, encoding="utf-8")
    sleutel = store.laad_model(model.laad(pad))
    df = indicators.per_gemeente(store, sleutel, 2023, "jaarrekening", "bruto").set_index("gm_code")
    assert df.loc["GM0014", "informeel"] == pytest.approx(0.4 * 510_000)


@pytest.mark.parametrize(
    "informeel, institutioneel, woord",
    [
        ("L4.2", "L4.2 L1", "twee lagen"),
        ("L4.2", "", "bij elke laag"),
        ("X9", "L1", "geen lastencategorie"),
    ],
)
def test_foute_categorieen_in_het_model(tmp_path, informeel, institutioneel, woord):
    kop = "schema,taakveld,omschrijving,laag,aandeel,functie,toelichting,categorieen\n"
    pad = tmp_path / "m.csv"
    pad.write_text(
        kop + f"2023-2024,6.1,S,informeel,0.4,collectieve_preventie,x,{informeel}\n"
        f"2023-2024,6.1,S,institutioneel,0.6,collectieve_preventie,x,{institutioneel}\n",
        encoding="utf-8",
    )
    with pytest.raises(InvoerFout, match=woord) as info:
        model.laad(pad)
    assert info.value.kolom == "categorieen"


def test_categorieen_alleen_voor_taakvelden_met_categoriedata(tmp_path):
    pad = tmp_path / "m.csv"
    pad.write_text(
        "schema,taakveld,omschrijving,laag,aandeel,functie,toelichting,categorieen\n"
        "2023-2024,7.1,V,institutioneel,1,collectieve_preventie,x,L1\n",
        encoding="utf-8",
    )
    with pytest.raises(InvoerFout, match="geen categorieën beschikbaar"):
        model.laad(pad)
