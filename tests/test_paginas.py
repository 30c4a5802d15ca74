"""Elke pagina met Streamlit AppTest op de volledige opslag: rendert zonder fouten, een andere
keuze geeft andere getallen, een URL met parameters herstelt de weergave, en een lege opslag
geeft op elke pagina uitleg in plaats van een traceback."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import REPO, kerncijfers
from streamlit.testing.v1 import AppTest

PAGINAS = [
    "nederland",
    "gemeente",
    "vergelijken",
    "trends",
    "realisatie",
    "kaart",
    "gemeentefonds",
    "mensen",
    "methode",
    "gegevens",
]
# Mensen toont zonder ophaling (de volledige opslag heeft geen zorggebruik) alleen hoe je het haalt; haar
# grafieken toetst tests/test_mensen.py op een opslag met een ophaling.
ZONDER_GRAFIEK = {"methode", "gegevens", "mensen"}


def app(db, pagina: str = "nederland", **query) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.query_params.update(query)
    at.run()
    if pagina != "nederland":
        at.switch_page(f"sociale_basis/pages/{pagina}.py").run()
    return at


@pytest.fixture
def db(volledige_opslag, monkeypatch):
    monkeypatch.setenv("SOCIALE_BASIS_DB", str(volledige_opslag))
    return volledige_opslag


def knop(at: AppTest, key: str):
    """Een segmented control of pills op sleutel (de volgorde hangt af van de pagina)."""
    return next(b for b in at.get("button_group") if b.key == key)


def figuren(at: AppTest) -> list[dict]:
    """De plotly-figuren van de pagina: uit het lichte grafiekelement (grafiekelement.py), en uit
    st.plotly_chart voor een figuur die geen lichte bundel kent."""
    gegevens = [
        json.loads(el.proto.json)
        for el in at.get("bidi_component")
        if el.proto.component_name == "sociale_basis.grafiek"
    ]
    licht = [json.loads(g["figuur"]) for g in gegevens if "figuur" in g]  # niet het voorlaadelement (app.py)
    return licht + [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def tabellen(at: AppTest) -> list[pd.DataFrame]:
    """De tabellen van de pagina in volgorde, of ze nu als gewone tabel of als raster staan (uitvoer.tabel
    kiest naar het aantal rijen), zonder die onder ‘Cijfers achter deze grafiek’ (zie test_cijfers)."""
    uit = []

    def loop(knoop) -> None:
        for kind in getattr(knoop, "children", {}).values():
            if kind.type == "expander" and kind.label == "Cijfers achter deze grafiek":
                continue
            if kind.type in ("table", "dataframe"):
                uit.append(kind.value)
            loop(kind)

    loop(at.main)
    return uit


def titels(at: AppTest) -> list[str]:
    return [f["layout"]["title"]["text"] for f in figuren(at)]


@pytest.mark.parametrize("pagina", PAGINAS)
def test_pagina_rendert_zonder_fouten(db, pagina):
    at = app(db, pagina)
    assert not at.exception, at.exception
    assert at.title, "elke pagina heeft een titel"
    if pagina not in ZONDER_GRAFIEK:
        assert figuren(at), "elke pagina behalve Methode en Gegevens toont een grafiek"
        assert all("Bron:" in json.dumps(f["layout"]["annotations"]) for f in figuren(at))
        for fig in figuren(at):
            assert fig["layout"]["separators"] == ",."  # Nederlandse notatie
            assert "Bron: CBS" in json.dumps(fig["layout"]["annotations"])  # bronregel
    # Issue 30: elke grafiek uit het lichte grafiekelement; st.plotly_chart (4,7 MB) alleen voor een spoor dat
    # geen lichte bundel kent, en dat tekent geen pagina.
    assert not at.get("plotly_chart")


def test_nederland_netto_naar_bruto_verandert_getallen(db):
    at = app(db, jaar="2023", document="Jaarrekening")
    netto = [m.value for m in kerncijfers(at)]
    assert "(netto)" in at.markdown[0].value
    knop(at, "maat").set_value("bruto").run()
    bruto = [m.value for m in kerncijfers(at)]
    assert netto != bruto and "(bruto)" in at.markdown[0].value
    # Bruto 2023J: meer preventie dan netto, want 6.1 draagt de opvang van vluchtelingen.
    assert int(bruto[0].split()[-1]) > int(netto[0].split()[-1])


def test_nederland_jaar_zonder_baten_zegt_dat(db):
    at = app(db, jaar="2024", document="Jaarrekening", maat="Netto")
    assert not at.exception
    assert any("alleen lasten beschikbaar" in w.value for w in at.warning)
    assert "(bruto)" in at.markdown[0].value  # nooit bruto als netto


def test_gemeente_kiezen_verandert_pagina(db):
    at = app(db, "gemeente", jaar="2025")
    assert at.title[0].value == "Amsterdam"
    voor = [m.value for m in kerncijfers(at)]
    at.selectbox(key="gemeente").select("GM0014").run()
    assert at.title[0].value == "Groningen"
    assert [m.value for m in kerncijfers(at)] != voor
    tabel = tabellen(at)[0]
    assert set(tabel["Code"]) >= {"6.1", "7.1"} and "Aandeel in laag" in tabel.columns


def test_gemeente_taakvelden_per_laag(db):
    at = app(db, "gemeente", jaar="2023", document="Begroting", gemeente="Utrecht")
    knop(at, "laag").set_value("acuut").run()
    codes = set(tabellen(at)[0]["Code"])
    assert codes and codes <= {
        "6.73a",
        "6.73b",
        "6.73c",
        "6.74b",
        "6.74c",
        "6.81",
        "6.81a",
        "6.81b",
        "6.82",
        "6.82a",
        "6.82b",
    }


def test_vergelijken_groep_wijzigen(db):
    at = app(db, "vergelijken", jaar="2025", gemeente="Zwolle")
    assert "10 gemeenten die lijken op Zwolle" in at.markdown[0].value
    rijen_voor = len(tabellen(at)[0])
    at.slider(key="k").set_value(20).run()
    assert "20 gemeenten die lijken op Zwolle" in at.markdown[0].value
    assert len(tabellen(at)[0]) == rijen_voor + 10
    at.radio(key="groep").set_value("kenmerken").run()
    at.multiselect(key="provincie").set_value(["Drenthe"]).run()
    tabel = tabellen(at)[0]
    assert "Drenthe" in at.markdown[0].value and 12 <= len(tabel) <= 13  # 12 gemeenten + Zwolle


def test_vergelijken_rang_in_de_groep_en_randgevallen(db):
    """Een rang binnen een groep heet ook zo (geen landelijke ‘rang 1’); een groep van alleen een
    gemeente zonder eigen acute zorg krijgt geen € 0,00 en geen zin over ‘0 gemeenten’; een groep
    zonder cijfers (De Bilt diende niets in) geeft uitleg, geen fout."""
    at = app(db, "vergelijken", jaar="2025", document="Begroting", gemeente="Zwolle")
    tabel = tabellen(at)[0]
    assert "Rang in deze groep" in tabel.columns and "Rang" not in tabel.columns
    assert sorted(tabel["Rang in deze groep"].dropna()) == list(range(1, len(tabel["Rang in deze groep"].dropna()) + 1))

    at = app(
        db,
        "vergelijken",
        jaar="2025",
        document="Begroting",
        gemeente="Rozendaal",
        groep="Zelf kiezen",
        selectie=["Rozendaal"],
    )
    assert not at.exception, at.exception
    groep = next(m for m in kerncijfers(at) if m.label.startswith("De vergelijkingsgroep"))
    assert groep.value == "–"
    assert any(
        "Geen van deze gemeenten heeft een rang, dus er is geen mediane gemeente." in c.value for c in at.caption
    )
    assert not any("van de 0 gemeenten" in c.value for c in at.caption)

    at = app(db, "vergelijken", jaar="2025", document="Begroting", gemeente="GM0310", groep="Zelf kiezen")
    assert not at.exception, at.exception


def test_kaart_indicator_wisselen(db):
    at = app(db, "kaart", jaar="2025")
    assert "€ acute zorg per € collectieve preventie" in titels(at)[0]
    at.selectbox(key="indicator").select("informeel").run()
    assert titels(at)[0].startswith("Laag: Informeel")
    fig = figuren(at)[0]
    vlakken = [
        c
        for spoor in fig["data"]
        if spoor.get("showscale") is not False or spoor["colorscale"][0][1] != "rgba(0,0,0,0)"
        for c in spoor["locations"]
    ]
    assert len(set(vlakken)) == 342  # elke gemeente, ook zonder cijfers (lichtgrijs)


def test_kaart_oud_jaar_herrekend_naar_latere_grenzen(db):
    at = app(db, "kaart", jaar="2019", document="Begroting")
    assert not at.exception
    assert any("herrekend naar de" in i.value and "van 2022" in i.value for i in at.info)
    fig = figuren(at)[0]
    assert len({c for spoor in fig["data"] for c in spoor["locations"]}) == 345  # indeling 2022


def test_methode_netto_bruto_met_echte_cijfers(db):
    at = app(db, "methode")
    tekst = " ".join(m.value for m in at.markdown)
    assert "€ 4,13 mld" in tekst and "€ 2,88 mld" in tekst
    assert "CC BY-NC-SA" in tekst
    # Elk landelijk cijfer zegt dat het gewogen is, met de mediane gemeente erbij (issue 11).
    from sociale_basis import fmt, indicators, model
    from sociale_basis.store import Store

    with Store(db, alleen_lezen=True) as store:
        sleutel = store.laad_model(model.laad())
        mediaan = {
            (j, m, z): fmt.factor(indicators.spreiding(indicators.per_gemeente(store, sleutel, j, d, m, z))["mediaan"])
            for j, d, m, z in [
                (2023, "jaarrekening", "netto", False),
                (2023, "jaarrekening", "bruto", False),
                (2025, "begroting", "netto", False),
                (2025, "begroting", "netto", True),
            ]
        }
    assert (
        f"gewogen: totaal ÷ totaal). De mediane gemeente: netto {mediaan[(2023, 'netto', False)]}, bruto "
        f"{mediaan[(2023, 'bruto', False)]}."
    ) in tekst
    regel = next(c.value for c in at.caption if "zonder regionale taken" in c.value and "6.81 weggelaten" in c.value)
    assert "gewogen" in regel
    assert regel.endswith(
        f"De mediane gemeente: {mediaan[(2025, 'netto', False)]}, zonder regionale taken "
        f"{mediaan[(2025, 'netto', True)]}."
    )
    rijen = len(at.table[0].value)
    at.toggle(key="sociaal").set_value(False).run()
    assert len(at.table[0].value) > rijen


def test_url_herstelt_weergave(db):
    at = app(
        db,
        "gemeente",
        jaar="2023",
        document="Jaarrekening",
        maat="Bruto",
        weergave="Totaal",
        gemeente="Utrecht",
        groep="Zelf kiezen",
        selectie=["Almere", "Zwolle"],
    )
    assert at.selectbox(key="jaar").value == 2023
    assert at.selectbox(key="gemeente").value == "GM0344"
    assert knop(at, "document").value == "jaarrekening"
    assert knop(at, "maat").value == "bruto"
    assert knop(at, "weergave").value == "totaal"
    assert at.multiselect(key="selectie").value == ["GM0034", "GM0193"]
    assert at.title[0].value == "Utrecht"
    assert "besteedde Utrecht" in at.markdown[0].value and "(bruto)" in at.markdown[0].value


@pytest.mark.parametrize("pagina", PAGINAS)
def test_lege_opslag_geeft_uitleg(tmp_path, monkeypatch, pagina):
    monkeypatch.setenv("SOCIALE_BASIS_DB", str(tmp_path / "bestaat_niet.duckdb"))
    at = app(tmp_path, pagina)
    assert not at.exception
    assert at.title[0].value == "Nog geen gegevens"
    labels = [b.label for b in at.button]
    assert labels == ["Laad de meegeleverde gegevens", "Haal de nieuwste gegevens op bij CBS"]
    assert "sociale-basis import --snapshot" in " ".join(c.value for c in at.caption)


def test_eerste_start_met_een_klik(tmp_path, monkeypatch):
    """Een verse opslag: één klik laadt de meegeleverde gegevens, daarna staat Amsterdam er."""
    monkeypatch.setenv("SOCIALE_BASIS_DB", str(tmp_path / "nieuw.duckdb"))
    at = app(tmp_path, "gemeente")
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    at.switch_page("sociale_basis/pages/gemeente.py").run()
    assert at.title[0].value == "Amsterdam"
    assert kerncijfers(at) and all(m.value for m in kerncijfers(at))
    at.switch_page("sociale_basis/pages/methode.py").run()
    tekst = " ".join(m.value for m in at.markdown)
    assert "Geladen: **sociale-basis-" in tekst and "de begroting 2023–2025 en de jaarrekening 2023" in tekst


def test_gegevens_toont_dekking_uit_de_opslag(db):
    at = app(db, "gegevens")
    assert not at.exception
    dekking = at.table[0].value
    assert set(dekking["Jaar"]) >= {str(j) for j in range(2017, 2027)}
    rij = dekking[(dekking["Jaar"] == "2023") & (dekking["Document"] == "Jaarrekening")].iloc[0]
    assert rij["Maten"] == "bruto + netto"
    assert "/" not in " ".join(tabellen(at)[-1]["Bestand"])  # bestandsnamen, geen serverpaden
    assert [b.label for b in at.button] == ["Controleren", "Haal de nieuwste gegevens op bij CBS"]


def test_trends_gemeente_groep_en_nederland(db):
    at = app(db, "trends", jaar="2025", maat="Bruto", gemeente="Land van Cuijk")
    assert not at.exception
    fig = figuren(at)[0]
    namen = {spoor["name"] for spoor in fig["data"]}
    assert {
        "Land van Cuijk – begroting",
        "Land van Cuijk – jaarrekening",
        "Nederland – begroting",
        "Vergelijkingsgroep – jaarrekening",
    } <= namen
    jaren = {x for spoor in fig["data"] for x in spoor["x"]}
    assert min(jaren) == 2017 and max(jaren) == 2026  # doorlopend over de fusie van 2022
    # De breuken in het Iv3-schema staan erbij.
    assert {a["text"] for a in fig["layout"]["annotations"]} >= {
        "2023: nieuw Iv3-schema en boekingsregels",
        "2025: nieuw Iv3-schema",
    }
    # Land van Cuijk diende geen begroting 2022 in: dat staat er, in plaats van een nul.
    assert any("begroting 2022" in i.value for i in at.info)


def test_trends_constante_prijzen(db):
    at = app(db, "trends", jaar="2025", maat="Bruto")
    nominaal = figuren(at)[0]
    knop(at, "prijzen").set_value("constant").run()
    assert at.selectbox(key="basisjaar").value == 2025  # CPI tot en met 2025 offline (persberichten CBS)
    constant = figuren(at)[0]
    assert "prijzen van 2025" in constant["layout"]["title"]["text"]
    assert any("Geen prijsindex voor 2026" in i.value for i in at.info)

    def reeks(fig, naam):
        spoor = next(s for s in fig["data"] if s["name"] == naam)
        return dict(zip(spoor["x"], spoor["y"]))

    n, c = reeks(nominaal, "Nederland – begroting"), reeks(constant, "Nederland – begroting")
    assert c[2025] == pytest.approx(n[2025]) and c[2019] > n[2019] and c.get(2026) is None


def test_trends_verhouding_met_mediane_gemeente(db):
    """Naast het gewogen cijfer per jaar de mediane gemeente en de middelste helft (issue 11): in
    2025 dezelfde mediaan als Nederland zegt, en de kwartielen ook in de tabel achter de grafiek."""
    at = app(db, "nederland", jaar="2025", document="Begroting")
    regel = next(c.value for c in at.caption if "mediane gemeente" in c.value)
    mediaan = regel.split("**mediane gemeente**: ")[1].split(";")[0]
    at.switch_page("sociale_basis/pages/trends.py").run()
    at.selectbox(key="reeks").select("verhouding").run()
    assert not at.exception
    sporen = {s["name"]: s for s in figuren(at)[0]["data"]}
    nl = sporen["Nederland: mediane gemeente – begroting"]
    punt = dict(zip(nl["x"], nl["customdata"]))[2025]
    assert punt.startswith(f"{mediaan}; middelste helft € ") and "gemeenten met een rang" in punt
    assert "Vergelijkingsgroep: mediane gemeente – begroting" in sporen
    gewogen = dict(zip(sporen["Nederland – begroting"]["x"], sporen["Nederland – begroting"]["y"]))[2025]
    assert f"{gewogen:.2f}".replace(".", ",") not in mediaan  # twee verschillende getallen, allebei te zien
    assert any(
        c.value.startswith("Dikke lijnen: de gemeente zelf, en groep en Nederland gewogen")
        and f"mediaan {mediaan}." in c.value
        for c in at.caption
    )
    from test_cijfers import tabellen as cijfer_tabellen  # hier: test_cijfers importeert deze module

    tabel = cijfer_tabellen(at)[0]
    assert {
        "Nederland: 1e kwartiel",
        "Nederland: 3e kwartiel",
        "Nederland: mediane gemeente (€ acute zorg per € preventie)",
    } <= set(tabel.columns)
    # Bij een bedrag (geen verhouding) geen mediaanlijnen.
    at.selectbox(key="reeks").select("acute_zorg").run()
    assert not any("mediane gemeente" in s["name"] for s in figuren(at)[0]["data"])


def test_trends_geen_verhouding_zonder_eigen_acute_zorg(db):
    """Rozendaal heeft netto geen eigen acute zorg: de reeks toont dan geen verhouding (geen € 0,00 als
    'beste' jaar) en een melding zegt in welke jaren en waarom (issue 11)."""
    at = app(db, "trends", jaar="2025", document="Begroting", gemeente="Rozendaal")
    at.selectbox(key="reeks").select("verhouding").run()
    assert not at.exception
    sporen = {s["name"]: s for s in figuren(at)[0]["data"]}
    # Geen enkel netto jaar heeft een verhouding: geen lijn, zeker geen lijn op € 0,00.
    assert not [y for n, s in sporen.items() if n.startswith("Rozendaal") for y in s["y"] if y is not None]
    melding = next(i.value for i in at.info if i.value.startswith("Rozendaal: geen verhouding in"))
    assert "begroting 2025" in melding and "waarschijnlijk via een regeling of centrumgemeente" in melding
    # Nederland als geheel heeft wel een verhouding in elk jaar.
    assert all(y is not None for y in sporen["Nederland – begroting"]["y"])


def test_trends_url_herstelt_indicator(db):
    at = app(db, "trends", jaar="2025", maat="Bruto", reeks="Acute zorg", prijzen="Constant")
    assert at.selectbox(key="reeks").value == "acute_zorg"
    assert knop(at, "prijzen").value == "constant"
    assert figuren(at)[0]["layout"]["title"]["text"].startswith("Acute zorg (bruto, prijzen van")


def test_gemeentefonds_circulaire_en_vergelijking(db):
    at = app(db, "gemeentefonds", jaar="2025", gemeente="Amsterdam")
    assert not at.exception
    assert at.subheader[0].value == "Amsterdam"
    waarden = [m.value for m in kerncijfers(at)]
    assert waarden[1] == "€ 434"  # € 405,6 mln / 934.526 inwoners (septembercirculaire 2024)
    assert "geen oormerk" in at.markdown[0].value
    at.selectbox(key="circulaire").set_value("M2024").run()
    assert [m.value for m in kerncijfers(at)] != waarden
    knop(at, "vergelijking").set_value("individueel").run()
    assert figuren(at)[0]["layout"]["title"]["text"].startswith("Maatwerk en acuut")


def test_gemeentefonds_bestanden_heten_netto_ook_als_de_zijbalk_bruto_zegt(db, monkeypatch):
    """De pagina rekent altijd netto; de namen van PNG/SVG/CSV en de keuzes in het bestand zeggen
    dat ook als de zijbalk op bruto staat (een bestand ‘…_bruto_maatstaf.svg’ met netto cijfers
    zou een verkeerde zin opleveren)."""
    from sociale_basis import export
    from sociale_basis.dashboard import uitvoer

    namen, keuzes = [], []
    echt_naam, echt_keuzes = export.bestandsnaam, uitvoer._keuzes
    monkeypatch.setattr(export, "bestandsnaam", lambda *d, ext: namen.append(echt_naam(*d, ext=ext)) or namen[-1])
    monkeypatch.setattr(uitvoer, "_keuzes", lambda k=None: keuzes.append(echt_keuzes(k)) or keuzes[-1])
    at = app(db, jaar="2025", document="Begroting", maat="Bruto", gemeente="Zwolle")
    namen.clear(), keuzes.clear()  # die van Nederland (daar is bruto juist)
    at.switch_page("sociale_basis/pages/gemeentefonds.py").run()
    assert not at.exception
    assert any("altijd **netto**" in i.value for i in at.info)
    assert namen and all("_netto_" in n and "bruto" not in n for n in namen), namen
    assert keuzes and all(k["maat"] == "netto" and ", netto." in k["bron"] for k in keuzes), keuzes


def test_gemeentefonds_jaar_zonder_circulaire(db):
    at = app(db, "gemeentefonds", jaar="2023")
    assert not at.exception
    assert any("geen gemeentefondsverdeling voor 2023" in i.value for i in at.info)


def test_trends_lopen_door_tot_de_laatste_indeling(db):
    # Utrecht bestaat in 2019 en nu: de reeks loopt ook vanuit 2019 door tot 2026.
    at = app(db, "trends", jaar="2019", maat="Bruto", gemeente="Utrecht")
    spoor = next(s for s in figuren(at)[0]["data"] if s["name"] == "Utrecht – begroting")
    assert min(spoor["x"]) == 2017 and max(spoor["x"]) == 2026
    # Haaren is in 2021 opgeheven: de reeks eindigt in 2020 en de pagina zegt waarom.
    at = app(db, "trends", jaar="2019", maat="Bruto", gemeente="Haaren")
    spoor = next(s for s in figuren(at)[0]["data"] if s["name"] == "Haaren – begroting")
    assert max(spoor["x"]) == 2020
    assert any("eindigt in 2020" in i.value for i in at.info)


def test_trends_totaal_meldt_onvolledig_nederland(db):
    at = app(db, "trends", jaar="2025", maat="Bruto", weergave="Totaal")
    assert any("niet alle gemeenten cijfers" in i.value and "begroting 2022" in i.value for i in at.info)
    # Geen lijn dwars over een jaar zonder cijfers: Land van Cuijk, begroting 2022.
    at = app(db, "trends", jaar="2025", maat="Bruto", gemeente="Land van Cuijk")
    spoor = next(s for s in figuren(at)[0]["data"] if s["name"] == "Land van Cuijk – begroting")
    assert dict(zip(spoor["x"], spoor["y"]))[2022] is None and spoor["connectgaps"] is False


def test_eerste_start_ophalen_bij_cbs(tmp_path, monkeypatch):
    """De tweede knop op de lege pagina haalt bij (een nagebootste) CBS op en toont daarna cijfers."""
    from cbs_nep import NepCBS

    with NepCBS() as nep:
        bronnen = tmp_path / "bronnen.toml"
        bronnen.write_text(nep.bronnen_toml(), encoding="utf-8")
        monkeypatch.setenv("SOCIALE_BASIS_DB", str(tmp_path / "nieuw.duckdb"))
        monkeypatch.setenv("SOCIALE_BASIS_CBS_BRONNEN", str(bronnen))
        monkeypatch.setenv("SOCIALE_BASIS_CACHE", str(tmp_path / "cache"))
        at = app(tmp_path)
        at.button[1].click().run()
        assert not at.exception, at.exception
        assert not at.error, [e.value for e in at.error]
        assert at.title[0].value != "Nog geen gegevens"
        assert "2023" in at.markdown[0].value and "(netto)" in at.markdown[0].value
        at.switch_page("sociale_basis/pages/gegevens.py").run()
        soorten = set(tabellen(at)[-1]["Soort"])
        assert "Iv3 van CBS (opgehaald)" in soorten


def test_alleen_lezen_schrijft_niet(db, monkeypatch):
    """Een alleen-lezen installatie (SOCIALE_BASIS_ALLEEN_LEZEN=1) biedt geen ophaalknop, met uitleg;
    privé controleren van eigen bestanden kan wel."""
    monkeypatch.setenv("SOCIALE_BASIS_ALLEEN_LEZEN", "1")
    at = app(db, "gegevens")
    assert not at.exception
    assert [b.label for b in at.button] == ["Controleren"]
    assert any("alleen-lezen" in i.value for i in at.info)


def test_nul_acuut_zonder_rang_en_centrumgemeente_zonder_regio(db):
    at = app(db, "gemeente", jaar="2025", document="Begroting", gemeente="Rozendaal")
    metrics = {m.label: m for m in kerncijfers(at)}
    assert metrics["Rang acuut per € preventie"].value == "geen rang"
    assert any(
        c.value.startswith("Geen rang: geen verhouding, want geen eigen lasten voor acute zorg") for c in at.caption
    )
    assert "geen eigen lasten voor acute zorg" in at.markdown[0].value

    at.selectbox(key="gemeente").select("GM0193").run()  # Zwolle
    assert any(
        m.value.startswith(
            "**Centrumgemeente voor beschermd wonen, maatschappelijke opvang en "
            "vrouwenopvang (ontvangt de decentralisatie-uitkeringen, 2025)"
        )
        for m in at.markdown
    )
    met = {m.label: m.value for m in kerncijfers(at)}["€ acuut per € preventie"]
    at.toggle(key="zonder_regio").set_value(True).run()
    zonder = {m.label: m.value for m in kerncijfers(at)}["€ acuut per € preventie"]
    assert met != zonder

    at = app(db, "vergelijken", jaar="2025", document="Begroting", alle="true")
    tabel = tabellen(at)[0]
    rozendaal = tabel[tabel["Gemeente"] == "Rozendaal"].iloc[0]
    assert tabel.iloc[0]["Rang"] == 1 and tabel.iloc[0]["Gemeente"] != "Rozendaal"
    assert rozendaal.isna()["Rang"] and rozendaal["Opmerking"].startswith("geen eigen lasten")
    assert "beschermd wonen" in tabel.loc[tabel["Gemeente"] == "Zwolle", "Centrumgemeente voor"].iloc[0]


def test_gewogen_cijfer_staat_naast_de_mediaan(db):
    """Het landelijke cijfer is gewogen; de mediane gemeente en de spreiding staan ernaast."""
    at = app(db, jaar="2025", document="Begroting")
    ratio = next(m for m in kerncijfers(at) if m.label == "€ acuut per € preventie")
    assert ratio.delta.startswith("mediane gemeente € ")
    assert ratio.delta.split("€ ")[1] != ratio.value.split("€ ")[1]  # gewogen ≠ mediaan
    assert any(
        "gewogen: totaal acute zorg ÷ totaal preventie" in c.value and "middelste helft" in c.value for c in at.caption
    )


def test_maat_staat_zichtbaar_op_bruto_waar_netto_niet_kan(db):
    """Eén maat per weergave: waar netto niet kan, staat de knop zelf op Bruto (uitgeschakeld), niet
    op een Netto die stil bruto toont; terug in een jaar met netto geldt Netto weer."""
    at = app(db, jaar="2024", document="Jaarrekening", maat="Netto")
    assert not at.exception
    alleen = knop(at, "maat_alleen_bruto")
    assert alleen.disabled and alleen.value in ("bruto", ["bruto"])
    assert not any(b.key == "maat" for b in at.get("button_group"))
    assert "(bruto)" in at.markdown[0].value
    at.selectbox(key="jaar").select(2023).run()
    assert knop(at, "maat").value in ("netto", ["netto"]) and "(netto)" in at.markdown[0].value


def test_wat_als_naar_de_mediaan_van_de_groep(db):
    """Groningen (€ 133 preventie per inwoner, begroting 2025 netto) ligt onder de mediaan van haar
    vergelijkingsgroep: de pagina rekent voor hoeveel er bij moet, als rekenvoorbeeld."""
    at = app(db, "gemeente", jaar="2025", document="Begroting", maat="Netto", gemeente="Groningen")
    assert not at.exception
    assert any(s.value.startswith("Wat als") for s in at.subheader)
    tekst = next(m.value for m in at.markdown if "mediane gemeente in de vergelijkingsgroep" in m.value)
    assert "per inwoner** meer nodig" in tekst and "Komt dat geld **erbij**" in tekst
    assert any("rekenvoorbeeld, geen voorspelling" in c.value for c in at.caption)


def _bronnen(at: AppTest) -> list[str]:
    return [json.dumps(f["layout"]["annotations"], ensure_ascii=False) for f in figuren(at)]


def test_zonder_regionale_taken_een_schakelaar_voor_elke_pagina(db):
    """Eén schakelaar in de zijbalk, ook uit een oude link (?zonder_regio=true): Nederland, Trends en
    Kaart rekenen zonder 6.81 en de kopzin en elke bronregel zeggen het (ook in een schermafdruk)."""
    met = app(db, jaar="2025", document="Begroting")
    at = app(db, jaar="2025", document="Begroting", zonder_regio="true")
    assert at.sidebar.toggle(key="zonder_regio").value
    assert "(netto)." in met.markdown[0].value
    assert "(netto, zonder regionale taken)." in at.markdown[0].value
    acuut = {m.label: m.value for m in kerncijfers(at)}["Acute en geëscaleerde zorg"]
    assert acuut != {m.label: m.value for m in kerncijfers(met)}["Acute en geëscaleerde zorg"]
    assert all("netto, zonder regionale taken." in b for b in _bronnen(at))
    assert not any("zonder regionale taken" in b for b in _bronnen(met))
    for pagina in ("gemeente", "vergelijken", "trends", "kaart"):
        at.switch_page(f"sociale_basis/pages/{pagina}.py").run()
        met.switch_page(f"sociale_basis/pages/{pagina}.py").run()
        if pagina == "trends":  # standaard staat preventie, en die verandert niet
            for t in (at, met):
                t.selectbox(key="reeks").select("acute_zorg").run()
        assert not at.exception, pagina
        assert "zonder_regio" not in {t.key for t in at.main.toggle}  # geen eigen schakelaar op de pagina
        assert _bronnen(at) and all("zonder regionale taken" in b for b in _bronnen(at)), pagina
        assert [f["data"] for f in figuren(at)] != [f["data"] for f in figuren(met)], pagina
        assert any("Zonder regionale taken: beschermd wonen" in c.value for c in at.caption), pagina
    at.switch_page("sociale_basis/pages/gemeentefonds.py").run()
    assert any(
        c.value.startswith("Zonder regionale taken (zijbalk) geldt hier voor ‘Maatwerk en acuut’") for c in at.caption
    )
    met.switch_page("sociale_basis/pages/gemeentefonds.py").run()
    assert any("Zet ‘Zonder regionale taken’ in de zijbalk aan" in c.value for c in met.caption)


def test_drempel_schiermonnikoog_zonder_rang(db):
    """Schiermonnikoog had zonder regionale taken rang 1 met € 4 acute zorg per inwoner."""
    at = app(db, "gemeente", jaar="2025", document="Begroting", gemeente="Schiermonnikoog", zonder_regio="true")
    assert {m.label: m.value for m in kerncijfers(at)}["Rang acuut per € preventie"] == "geen rang"
    assert any(
        c.value.startswith(
            "Geen rang: acute zorg is € 4 per inwoner, minder dan € 7 (5% van het landelijke bedrag per inwoner"
        )
        for c in at.caption
    )
    # De kopzin noemt dan ook geen verhouding (€ 0,01 zou de 'beste' gemeente lijken).
    kop = next(m.value for m in at.markdown if m.value.startswith("#### "))
    assert "geen verhouding van betekenis" in kop and "voor elke euro preventie" not in kop
    at.switch_page("sociale_basis/pages/vergelijken.py").run()
    at.toggle(key="alle").set_value(True).run()
    tabel = tabellen(at)[0]
    assert tabel.iloc[0]["Rang"] == 1 and tabel.iloc[0]["Gemeente"] == "Vlieland"
    schier = tabel[tabel["Gemeente"] == "Schiermonnikoog"].iloc[0]
    assert schier.isna()["Rang"] and schier["Opmerking"].startswith("bijna geen eigen lasten voor acute zorg")
    at.switch_page("sociale_basis/pages/methode.py").run()
    assert any(
        "ligt de drempel op € 7 acute zorg per inwoner" in c.value and "Schiermonnikoog (€ 4)" in c.value
        for c in at.caption
    )


def test_kaart_grijs_zegt_waarom_ook_herrekend(db):
    """Op de kaart van de verhouding is een gemeente zonder rang grijs, en de hover zegt waarom; ook
    op een kaart met herrekende cijfers (2019 op de grenzen van 2022)."""
    at = app(db, "kaart", jaar="2025", document="Begroting", zonder_regio="true")
    grijs = figuren(at)[0]["data"][0]
    schier = next(t for t in grijs["hovertext"] if t.startswith("Schiermonnikoog<br>"))
    assert "bijna geen eigen lasten voor acute zorg" in schier
    at = app(db, "kaart", jaar="2019", document="Begroting")
    grijs = figuren(at)[0]["data"][0]
    assert sum("geen eigen lasten voor acute zorg" in t for t in grijs["hovertext"]) >= 10


def test_vergelijken_groepscijfer_met_mediaan_en_spreiding(db):
    at = app(db, "vergelijken", jaar="2025", document="Begroting", gemeente="Zwolle")
    metrics = {m.label: m for m in kerncijfers(at)}
    for wie in ("De vergelijkingsgroep", "Nederland"):
        m = metrics[f"{wie}: € acuut per € preventie"]
        assert m.value.startswith("€ ") and m.delta.startswith("mediane gemeente € ")
        assert any(
            c.value.startswith(
                f"{wie} als geheel (gewogen: totaal acute zorg ÷ totaal preventie): {m.value}. De **mediane gemeente**"
            )
            and "middelste helft" in c.value
            for c in at.caption
        )


@pytest.mark.parametrize("jaar", ["2031", "abc"])
def test_onbekend_jaar_in_link_geeft_melding(db, jaar):
    at = app(db, jaar=jaar)
    assert not at.exception
    assert [w.value for w in at.warning] == [f"Jaar {jaar} staat niet in de opslag; getoond: 2025."]
    assert at.selectbox(key="jaar").value == 2025


def test_elke_indicator_van_het_register_op_kaart_en_trends(db):
    """Een indicator toevoegen is één regel in begrippen.INDICATOREN: hij staat dan als keuze op Kaart
    en Trends, met zijn label in de titel (zoals ‘toegang’, zo toegevoegd)."""
    from sociale_basis.begrippen import INDICATOREN

    kaart = app(db, "kaart", jaar="2025")
    trends = app(db, "trends", jaar="2025", gemeente="Zwolle")
    assert kaart.selectbox(key="indicator").options == [i.label for i in INDICATOREN.values()]
    assert trends.selectbox(key="reeks").options == [i.label for i in INDICATOREN.values()]
    assert trends.selectbox(key="reeks").value == "collectieve_preventie"
    for naam in ("toegang", "sociale_basis"):
        kaart.selectbox(key="indicator").select(naam).run()
        assert not kaart.exception and titels(kaart)[0].startswith(INDICATOREN[naam].label)
        trends.selectbox(key="reeks").select(naam).run()
        assert not trends.exception and titels(trends)[0].startswith(INDICATOREN[naam].label)
