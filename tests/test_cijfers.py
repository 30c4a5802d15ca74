"""Elke grafiek heeft een tekstalternatief: direct eronder, ingeklapt, ‘Cijfers achter deze grafiek’
met de getallen in Nederlandse notatie en CSV/Excel. Per pagina: evenveel tabellen als grafieken,
en een concreet getal uit de tabel is hetzelfde als in de figuur."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import kerncijfers
from test_paginas import app, db, figuren  # noqa: F401 (db is een fixture)

from sociale_basis import charts, cijfers, fmt

LABEL = "Cijfers achter deze grafiek"
ENGELS = re.compile(r"\d\.(\d{1,2}|\d{4,})\b(?!:)")  # 1.5 of 0.123456; niet 1.234 (duizendtal) of ‘6.1:’ (taakveld)
MET_GRAFIEK = ["nederland", "gemeente", "vergelijken", "trends", "kaart", "gemeentefonds", "model"]


def open_cijfers(at) -> list:
    """Open elke ‘Cijfers achter deze grafiek’: uitvoer.grafiek tekent de tabel pas open (een rerun, zoals een
    klik op de uitklap). Geeft die uitklappen terug."""
    dicht = [e for e in at.expander if e.label == LABEL and not e.table]
    for e in dicht:
        at.session_state[e.proto.id.split("-", 2)[2]] = True  # id: $$ID-<hash>-<key>
    if dicht:
        at.run()
    return [e for e in at.expander if e.label == LABEL]


def tabellen(at) -> list[pd.DataFrame]:
    return [e.table[0].value for e in open_cijfers(at)]


@pytest.mark.parametrize("pagina", MET_GRAFIEK)
def test_elke_grafiek_heeft_zijn_cijfers(db, pagina):
    at = app(db, pagina, jaar="2025", document="Begroting")
    assert not at.exception, at.exception
    assert not any(e.table for e in at.expander if e.label == LABEL)  # dicht: nog geen tabel (issue 30)
    uitklap = open_cijfers(at)
    assert not at.exception, at.exception
    assert len(figuren(at)) == len(uitklap) >= 1
    for e in uitklap:
        assert len(e.table) == 1 and not e.table[0].value.empty
        assert [d.label for d in e.download_button] == ["Download als CSV", "Excel (.xlsx)"]
        # Geen ruwe floats op het scherm: elke cel is tekst, zonder Engelse decimale punt of 'nan'.
        cellen = e.table[0].value.to_numpy().ravel()
        assert all(isinstance(v, str) for v in cellen)
        assert not [v for v in cellen if ENGELS.search(v) or v.lower() in ("nan", "none", "<na>")]


def test_nederland_lagen_en_verdeling(db):
    at = app(db, jaar="2025", document="Begroting")
    lagen, verdeling = figuren(at)
    tabel_lagen, tabel_verdeling = tabellen(at)
    staaf = lagen["data"][0]
    rij = tabel_lagen.set_index("Laag").loc["Institutioneel"]
    assert rij["Nederland (€ per inwoner)"] == staaf["text"][staaf["y"].index("Institutioneel")]
    assert rij["Nederland (€ per inwoner)"] == fmt.euro(staaf["x"][staaf["y"].index("Institutioneel")])
    assert [int(a) for a in tabel_verdeling["Aantal gemeenten"]] == list(verdeling["data"][0]["y"])
    assert tabel_verdeling["€ acute zorg per € preventie"].iloc[-1].endswith("of meer")


def test_nederland_verdeling_telt_wie_een_rang_heeft_en_toont_de_mediaan(db):
    """Het histogram telt dezelfde gemeenten als de mediaan (met een rang; Rozendaal met € 0 eigen
    acute zorg stond in de laagste staaf) en heeft naast de gewogen lijn die van de mediane gemeente."""
    at = app(db, jaar="2025", document="Begroting")
    _, verdeling = figuren(at)
    kop = next(m for m in kerncijfers(at) if m.label == "€ acuut per € preventie")
    mediaan = kop.delta.removeprefix("mediane gemeente ")
    n = int(
        next(c.value for c in at.caption if "mediane gemeente" in c.value)
        .split("middelste helft van de ")[1]
        .split(" gemeenten")[0]
    )
    assert sum(verdeling["data"][0]["y"]) == n
    labels = [a["text"] for a in verdeling["layout"]["annotations"]]
    assert f"mediane gemeente {mediaan}" in labels
    assert f"Nederland (gewogen) {kop.value}" in labels
    assert any(f"De grafiek telt de **{n} gemeenten met een rang**" in m.value for m in at.markdown)


def test_gemeente_lagen_tegen_groep_en_nederland(db):
    at = app(db, "gemeente", jaar="2025", document="Begroting", gemeente="Amsterdam")
    (fig,) = figuren(at)
    tabel = tabellen(at)[0].set_index("Laag")
    assert list(tabel.columns) == [
        "Soort",
        "Amsterdam (€ per inwoner)",
        "Vergelijkingsgroep (€ per inwoner)",
        "Nederland (€ per inwoner)",
    ]
    # Het kopcijfer collectieve preventie staat in de tabel (issue 32), als functie en zoals de kop het toont.
    kop = next(m for m in kerncijfers(at) if m.label == "Collectieve preventie")
    assert tabel.loc["Collectieve preventie (functie, geen laag)", "Amsterdam (€ per inwoner)"] == kop.value
    assert tabel.loc["Collectieve preventie (functie, geen laag)", "Soort"] == "functie"
    eigen, groep, nl = fig["data"]
    i = eigen["y"].index("Institutioneel")
    assert tabel.loc["Institutioneel", "Amsterdam (€ per inwoner)"] == eigen["text"][i] == fmt.euro(eigen["x"][i])
    assert tabel.loc["Institutioneel", "Vergelijkingsgroep (€ per inwoner)"] == groep["customdata"][i]
    assert tabel.loc["Institutioneel", "Nederland (€ per inwoner)"] == nl["customdata"][i]


def test_vergelijken_amsterdam_preventie_zoals_de_stip(db):
    at = app(db, "vergelijken", jaar="2025", document="Begroting", gemeente="Amsterdam")
    (fig,) = figuren(at)
    stip = next(s for s in fig["data"] if s["name"] == "gekozen gemeente")
    tabel = tabellen(at)[0]
    ams = tabel.iloc[0]
    assert ams["Gemeente"] == "Amsterdam" and ams["In de grafiek"] == "gekozen gemeente"
    assert ams["Collectieve preventie (€ per inwoner)"] == fmt.euro(stip["x"][0])
    assert ams["Acute zorg (€ per inwoner)"] == fmt.euro(stip["y"][0])
    stippen = sum(len(s["x"]) for s in fig["data"] if s["mode"] != "lines")
    assert len(tabel) == stippen
    groep = next(s for s in fig["data"] if s["name"] == "vergelijkingsgroep")
    assert (tabel["In de grafiek"] == "vergelijkingsgroep").sum() == len(groep["x"])


def test_trends_reeksen_per_jaar(db):
    at = app(db, "trends", jaar="2025", maat="Bruto")
    (fig,) = figuren(at)
    spoor = next(s for s in fig["data"] if s["name"] == "Nederland – begroting")
    tabel = tabellen(at)[0]
    rij = tabel[(tabel["Jaar"] == "2019") & (tabel["Document"] == "begroting")].iloc[0]
    assert rij["Nederland (€ per inwoner)"] == spoor["customdata"][spoor["x"].index(2019)]
    assert set(tabel["Jaar"]) >= {str(j) for j in range(2017, 2027)}


def test_kaart_waarde_en_klasse(db):
    at = app(db, "kaart", jaar="2025", document="Begroting", gemeente="Amsterdam")
    (fig,) = figuren(at)
    tabel = tabellen(at)[0].set_index("Gemeente")
    assert len(tabel) == 342
    vlak = next(s for s in fig["data"] if "colorbar" in s)
    i = vlak["locations"].index("GM0363")
    etiket = vlak["colorbar"]["ticktext"][vlak["z"][i]]
    assert tabel.loc["Amsterdam", "Klasse op de kaart"] == etiket
    assert tabel.loc["Amsterdam", "€ acute zorg per € collectieve preventie"] in vlak["hovertext"][i]
    # Niet in de klassen: grijs zonder waarde, wit met een waarde maar zonder rang (elk een eigen spoor).
    wit = next(s for s in fig["data"] if s["colorscale"][0][1] == "#FFFFFF")
    assert (tabel["Klasse op de kaart"] == "geen rang (wit)").sum() == len(wit["locations"])
    assert tabel["Klasse op de kaart"].isin(["geen waarde (grijs)", "geen rang (wit)"]).sum() == 342 - len(
        vlak["locations"]
    )


def test_gemeentefonds_uitkering_zoals_de_stip(db):
    at = app(db, "gemeentefonds", jaar="2025", gemeente="Amsterdam")
    (fig,) = figuren(at)
    stip = next(s for s in fig["data"] if s["name"] == "gekozen gemeente")
    ams = tabellen(at)[0].iloc[0]
    assert ams["Gemeente"] == "Amsterdam"
    assert ams.iloc[2] == fmt.euro(stip["x"][0]) == "€ 434" and ams.iloc[3] == fmt.euro(stip["y"][0])


def test_model_gevoeligheid(db):
    at = app(db, "model", jaar="2023", document="Jaarrekening")
    (fig,) = figuren(at)
    tabel = tabellen(at)[0].set_index("6.1 institutioneel (%)")
    for spoor in fig["data"]:
        assert [tabel.loc[f"{fmt.getal(x)}%", spoor["name"]] for x in spoor["x"]] == spoor["customdata"]


def test_ruwe_cijfers_zijn_de_getallen_van_de_figuur(opslag, standaardmodel):
    """Wat in CSV en Excel gaat (ruw), zijn precies de getallen van de figuur, niet afgerond."""
    from sociale_basis import indicators

    df = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto")
    ams = df.set_index("gm_code").loc["GM0363"]
    for per_inwoner in (True, False):
        fig = charts.lagen_staaf(ams, per_inwoner, "t", "Bron: x").to_dict()
        tabel = cijfers.lagen([("Amsterdam", ams)], per_inwoner)
        lagen = tabel.ruw[tabel.ruw["Soort"] == "laag"]
        assert lagen.iloc[:, 2].tolist() == list(fig["data"][0]["x"])
        # Het kopcijfer collectieve preventie staat ook in het bestand (issue 32), als functie, niet als laag.
        functie = tabel.ruw.set_index("Laag").iloc[:, 1]
        kolom = "collectieve_preventie_per_inwoner" if per_inwoner else "collectieve_preventie"
        assert functie["Collectieve preventie (functie, geen laag)"] == pytest.approx(
            float(ams[kolom]) / (1 if per_inwoner else 1e6)
        )
    fig = charts.spreiding(df, "GM0363", [], True, "t", "Bron: x").to_dict()
    ruw = cijfers.spreiding(df, "GM0363", [], True).ruw
    stip = next(s for s in fig["data"] if s["name"] == "gekozen gemeente")
    assert ruw.iloc[0]["gm_code"] == "GM0363" and "gm_code" not in cijfers.spreiding(df, None, [], True).leesbaar()
    assert ruw.iloc[0]["Collectieve preventie (€ per inwoner)"] == stip["x"][0]


def test_zonder_chromium_knoppen_uit_met_uitleg(db, monkeypatch):
    """Zonder browser kan PNG/SVG niet: de knoppen staan uit met de reden (ook als tekst onder de
    grafiek); de pagina werkt en CSV en Excel blijven aan."""
    monkeypatch.setenv("BROWSER_PATH", "/bestaat/niet/chromium")
    at = app(db, jaar="2025", document="Begroting")
    assert not at.exception, at.exception
    beeld = [d for d in at.get("download_button") if d.label in ("PNG", "SVG")]
    assert len(beeld) == 2 * len(figuren(at))
    assert all(d.disabled and "Chromium ontbreekt" in d.help for d in beeld)
    assert sum("PNG/SVG maken kan niet: Chromium ontbreekt" in c.value for c in at.caption) == len(figuren(at))
    tabellen_knoppen = [d for e in open_cijfers(at) for d in e.download_button]
    assert tabellen_knoppen and not any(d.disabled for d in tabellen_knoppen)


@pytest.mark.parametrize("pagina", ["methode", "gegevens", "model"])
def test_elke_tabel_als_csv_en_excel(db, pagina):
    """Methode, Gegevens en Model: elke tabel heeft CSV en Excel (de knoppen hebben elk een eigen
    sleutel, anders weigert Streamlit twee gelijke knoppen op één pagina)."""
    at = app(db, pagina, jaar="2025", document="Begroting")
    assert not at.exception, at.exception
    tabellen_ = len(at.dataframe) + len(at.table)
    knoppen = [d.label for d in at.get("download_button")]
    assert tabellen_ >= 1 and knoppen.count("Excel (.xlsx)") == tabellen_
    assert (
        sum(
            label.endswith("(CSV)") or label == "Download als CSV"
            for label in knoppen
            if label != "Download het model (CSV)"
        )
        == tabellen_
    )


def test_ranglijst_geen_verhouding_zonder_rang_en_reden_in_het_bestand(opslag, standaardmodel, tmp_path):
    """Issue 11: een gemeente zonder rang (€ 0 of bijna geen eigen acute zorg) toont in de ranglijst
    ook geen verhouding (Rozendaal stond er met € 0,00, Castricum met € 0,11), en CSV/Excel krijgen
    dezelfde rang, rol en opmerking als het scherm."""
    from sociale_basis import export, indicators, teksten

    df = indicators.per_gemeente(opslag, standaardmodel, 2025, "begroting", "netto")
    rollen = indicators.regiotaken(opslag, 2025).set_index("gm_code")
    kant = teksten.kanttekeningen(
        indicators.incidenteel(opslag, standaardmodel, 2025, "begroting", "netto"), "begroting", 2025
    )
    lijst = cijfers.ranglijst(df, indicators.rangen(df), rollen, set(), kanttekeningen=kant)
    ruw = lijst.ruw.set_index("gm_code")
    zonder = ruw[ruw["Rang"].isna()]
    assert {"GM0277", "GM0383"} <= set(zonder.index)  # Rozendaal, Castricum
    # Zonder rang en zonder verhouding, behalve een vertekend cijfer (crisisgeld): dat staat er, met de reden.
    vertekend = df.set_index("gm_code")["vertekend"].reindex(zonder.index)
    assert zonder.loc[~vertekend, "€ acuut per € preventie"].isna().all()
    assert vertekend.any() and zonder.loc[vertekend, "Opmerking"].str.contains("geen rang, crisisgeld: 6.1").all()
    assert (zonder.loc[["GM0277", "GM0383"], "Opmerking"].str.contains("regeling of centrumgemeente")).all()
    # Wie een rang heeft, houdt zijn verhouding; de lijst loopt van rang 1 omhoog, zonder rang onderaan.
    met = ruw[ruw["Rang"].notna()]
    assert met["€ acuut per € preventie"].notna().all() and met["Rang"].is_monotonic_increasing
    assert list(lijst.ruw["Rang"].notna()) == sorted(lijst.ruw["Rang"].notna(), reverse=True)
    assert ruw.loc["GM0193", "Centrumgemeente voor"].startswith("beschermd wonen")  # Zwolle
    # Het scherm toont een streepje, het bestand een lege cel: nergens € 0,00 bij Rozendaal.
    leesbaar = lijst.leesbaar().set_index("Gemeente")
    assert leesbaar.loc["Rozendaal", "€ acuut per € preventie"] == fmt.LEEG
    regels = export.csv(lijst.ruw, {"jaar": 2025}).decode("utf-8-sig").splitlines()
    kop = regels[0].split(";")
    assert kop[:3] == ["Rang", "gm_code", "Gemeente"] and "Opmerking" in kop
    rozendaal = next(r.split(";") for r in regels if ";GM0277;" in r)
    assert rozendaal[0] == "" and rozendaal[kop.index("€ acuut per € preventie")] == ""
    # En Excel (een lege rang is pd.NA in een Int64-kolom; daar liep openpyxl op vast).
    pad = tmp_path / "ranglijst.xlsx"
    pad.write_bytes(export.xlsx(lijst.ruw, {"jaar": 2025}))
    terug = pd.read_excel(pad, sheet_name="Cijfers").set_index("gm_code")
    assert pd.isna(terug.loc["GM0277", "Rang"]) and terug.loc["GM0277", "Opmerking"] == ruw.loc["GM0277", "Opmerking"]
    assert terug["Rang"].dropna().astype(int).tolist() == met["Rang"].astype(int).tolist()
    assert terug.loc[met.index, "€ acuut per € preventie"].tolist() == pytest.approx(
        met["€ acuut per € preventie"].tolist(), rel=1e-12
    )  # Excel bewaart 15 cijfers
    # Een lege lijst (een groep zonder cijfers) is een lege tabel, geen fout.
    leeg = df.iloc[0:0]
    assert cijfers.ranglijst(leeg, indicators.rangen(leeg), rollen, set()).ruw.empty


def test_kaarttabel_noemt_rol_en_reden(db):
    """De tabel achter de kaart zegt wat de hover zegt: centrumgemeente en geen eigen acute zorg."""
    at = app(db, "kaart", jaar="2025", document="Begroting")
    tabel = tabellen(at)[0].set_index("Gemeente")
    assert tabel.loc["Rozendaal", "Klasse op de kaart"] == "geen waarde (grijs)"
    assert tabel.loc["Rozendaal", "Opmerking"].startswith("geen eigen lasten voor acute zorg")
    assert "beschermd wonen" in tabel.loc["Zwolle", "Centrumgemeente voor"]
    assert tabel.loc["Amsterdam", "Opmerking"] == ""


def test_nederland_tellingen_noemen_hun_basis_en_preventie_een_definitie(db):
    """Issue 32: ‘114 van 338 met meer acuut’ stond naast ‘219 onder € 1’ (van 331 met een rang) zonder dat
    te zeggen; en de lagengrafiek (informeel + institutioneel) leek een tweede definitie van preventie."""
    at = app(db, jaar="2025", document="Begroting")
    k = {c.label: c for c in kerncijfers(at)}
    meer = k["Gemeenten met meer acuut"]
    alle = int(meer.value.split(" van ")[1])
    assert meer.delta == "alle, ook zonder rang" and alle > 0
    regel = next(c.value for c in at.caption if "mediane gemeente" in c.value)
    n = int(re.search(r"middelste helft van de (\d+) gemeenten met een rang", regel)[1])
    assert re.search(rf"\d+ van die {n} zitten onder € 1", regel)
    assert any(f"De grafiek telt de **{n} gemeenten met een rang**" in m.value for m in at.markdown)
    assert n < alle  # twee bases, en elk getal zegt de zijne
    onder = next(c.value for c in at.caption if "geen laag maar een functie" in c.value)
    assert f"Collectieve preventie ({k['Collectieve preventie'].value}, het kopcijfer)" in onder


def _euro(tekst: str) -> int:
    return int(tekst.removeprefix("€ ").replace(".", "").replace(fmt.MIN, "-"))


def test_gemeentefonds_en_rang_zoals_gedrukt(db):
    """Issue 32: ‘€ 321 / € 315 / verschil € 7’ telde niet op; de richting van de rang stond alleen in het
    vraagteken. Elk verschil hier is het verschil van de gedrukte bedragen; naast de rang staat wat 1 is."""
    at = app(db, "gemeentefonds", gemeente="Zaanstad")
    assert not at.exception, at.exception
    # Beide vergelijkingen hebben hetzelfde verschil-label: lees ze in volgorde.
    verschillen = [c for c in kerncijfers(at) if c.label == "Verschil (uitgaven − uitkering)"]
    paren = [c for c in kerncijfers(at) if c.label.endswith(("netto uitgaven", "uitkering"))]
    assert len(verschillen) == 2 and len(paren) == 4
    for i, v in enumerate(verschillen):
        assert _euro(paren[2 * i].value) - _euro(paren[2 * i + 1].value) == _euro(v.value)
    at = app(db, "gemeente", gemeente="Zaanstad")
    rang = next(c for c in kerncijfers(at) if c.label.startswith("Rang"))
    assert re.fullmatch(r"van \d+ · 1 = minst acuut", rang.delta)
