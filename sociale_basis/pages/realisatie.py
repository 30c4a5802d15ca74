"""Begroting en werkelijkheid: wat gemeenten begrootten tegen wat ze uitgaven, per functie en laag,
voor Nederland en de gekozen gemeente; welke taakvelden het verschil maken; het incidentele crisisgeld
(opvang Oekraïne, corona) benoemd; en of een overschrijding op acute zorg preventie verdringt."""

import dataclasses

import pandas as pd
import streamlit as st

from sociale_basis import charts, cijfers, fmt, teksten
from sociale_basis.begrippen import FUNCTIES
from sociale_basis.dashboard import uitvoer, vragen, zijbalk
from sociale_basis.dashboard.keuze import BRON_CBS

store, sleutel, k = zijbalk.deze_rerun()
jaren = vragen.realisatie_jaren(store)

st.title("Begroting en werkelijkheid")
st.caption(
    "Wat gemeenten begrootten naast wat ze volgens de jaarrekening uitgaven. Sinds 2020 zit er in de "
    "jaarrekening geld voor landelijke crises dat niemand begrootte: corona (7.1, 2020–2022), de opvang van "
    "ontheemden uit Oekraïne met het normbedrag van het Rijk (6.1, vanaf 2022). Deze pagina benoemt dat geld, "
    "zodat een verschil niet voor een keuze wordt aangezien."
)
if not jaren:
    st.info("De opslag heeft geen jaar met zowel een begroting als een jaarrekening.")
    st.stop()

# Het jaar uit de zijbalk als dat een jaarrekening heeft, anders het laatste jaar met beide.
jaar = k.jaar if k.jaar in jaren else jaren[-1]
maat = vragen.realisatie_maat(store, jaar)
netto_jaren = [j for j in jaren if vragen.realisatie_maat(store, j) == "netto"]
if jaar != k.jaar:
    st.info(f"Voor {k.jaar} is er nog geen jaarrekening; getoond: {jaar}, het laatste jaar met beide documenten.")
namen = vragen.gemeenten(store, jaar).set_index("gm_code")["naam"]
wie_opties = ["Nederland"] + ([k.gemeente] if k.gemeente in namen.index else [])
wie = st.segmented_control(
    "Voor",
    wie_opties,
    default=wie_opties[-1],
    format_func=lambda c: c if c == "Nederland" else namen[c],
    key="realisatie_wie",
    required=True,
)
gemeente = None if wie == "Nederland" else wie
naam = "Nederland" if gemeente is None else namen[gemeente]
# Bestanden en bronregels zeggen het jaar, de jaarrekening en de maat van deze pagina, niet die van de zijbalk.
# Het crisisgeld staat op deze pagina in de cijfers zelf; de zijbalknotitie (ander jaar of document) niet.
hier = dataclasses.replace(k, jaar=jaar, document="jaarrekening", maat=maat, gevraagde_maat=maat, crisis="")
bron = (
    f"Bron: {BRON_CBS}, begroting en jaarrekening {jaar} ({maat}). "
    f"Bewerking: Sociale Basis-dashboard, model ‘{k.model}’."
)

codes = None if gemeente is None else (gemeente,)
reeks = vragen.realisatie_landelijk(store, sleutel, codes)
if reeks.empty or jaar not in set(reeks["jaar"]):
    st.info(f"Voor {naam} zijn er in {jaar} niet zowel een begroting als een jaarrekening met cijfers.")
    st.stop()
st.markdown(f"#### {teksten.realisatie_kop(reeks, jaar, 'gemeenten' if gemeente is None else naam)}")
st.caption(
    f"{maat.capitalize()}: "
    + (
        "beide documenten van dit jaar hebben baten per taakveld, dus lasten − baten."
        if maat == "netto"
        else "alleen lasten; netto kan alleen als beide documenten baten hebben (in deze gegevens: "
        f"{fmt.jaarreeks(netto_jaren) if netto_jaren else 'geen enkel jaar'})."
    )
    + " De zijbalkkeuze netto/bruto geldt hier niet: begroting en jaarrekening moeten in dezelfde maat."
)

rij = reeks[reeks["jaar"] == jaar].set_index("functie")
incidenteel_hier = vragen.incidenteel(store, sleutel, jaar, "jaarrekening", maat)
if gemeente is not None:
    incidenteel_hier = incidenteel_hier[incidenteel_hier["gm_code"] == gemeente]
a, p = rij.loc["acute_zorg"], rij.loc["collectieve_preventie"]


def _pct(r: pd.Series, kolom: str = "verschil") -> str:
    """'+12,2%' of '−34,8%'; '–' als er niets (of minder dan niets) begroot was."""
    if teksten.realisatie_pct(r[kolom], r["begroting"]) is None:
        return fmt.LEEG
    return f"{'+' if r[kolom] > 0 else ''}{fmt.procent(r[kolom] / r['begroting'])}"


uitvoer.kerncijfers(
    [
        uitvoer.Kerncijfer(
            "acuut",
            "Acute zorg: jaarrekening t.o.v. begroting",
            _pct(a),
            teksten.met_teken(a["verschil"]),
            f"Begroot {fmt.bedrag(a['begroting'])}, jaarrekening {fmt.bedrag(a['jaarrekening'])}: jaarrekening ÷ "
            "begroting − 1, voor dezelfde gemeenten in beide documenten.",
        ),
        uitvoer.Kerncijfer(
            "preventie",
            "Collectieve preventie: jaarrekening t.o.v. begroting",
            _pct(p),
            teksten.met_teken(p["verschil"]),
            f"Begroot {fmt.bedrag(p['begroting'])}, jaarrekening {fmt.bedrag(p['jaarrekening'])}. Taakvelden 6.1 "
            "en 7.1, inclusief incidenteel crisisgeld.",
        ),
        uitvoer.Kerncijfer(
            "zonder",
            "Preventie zonder crisisgeld (schatting)",
            _pct(p, "verschil_zonder_incidenteel"),
            f"crisisgeld {teksten.met_teken(p['incidenteel_bedrag'])}"
            if p["incidenteel_bedrag"]
            else "geen crisisgeld gevonden",
            "Het verschil min de incidentele stromen op 6.1 en 7.1 (hun afwijking van de begroting). Een "
            "schatting: ook gewone meer- of minderuitgaven op die taakvelden vallen zo weg.",
        ),
        uitvoer.Kerncijfer(
            "gemeenten",
            "Gemeenten met crisisgeld in preventie",
            f"{int(p['gemeenten_incidenteel'])} van {int(p['gemeenten'])}",
            uitleg="Gemeenten met een incidentele stroom op een taakveld van collectieve preventie; hun "
            "verhouding acuut/preventie in dit jaar krijgt geen rang.",
        )
        if gemeente is None
        else uitvoer.Kerncijfer(
            "crisis",
            "Taakvelden met crisisgeld",
            ", ".join(sorted(set(incidenteel_hier["taakveld"]))) or "geen",
            teksten.opsomming(sorted(set(incidenteel_hier["oorzaak_naam"]))) if not incidenteel_hier.empty else None,
            "Taakvelden waar de regel hieronder in deze jaarrekening een incidentele stroom vindt.",
        ),
    ]
)

beide = pd.concat(
    [vragen.realisatie_landelijk(store, sleutel, codes, m) for m in ("bruto", "netto")], ignore_index=True
)
uitvoer.grafiek(
    "realisatie_reeks",
    charts.realisatie_reeks(
        beide,
        f"{naam}: jaarrekening tegen begroting, {min(jaren)}–{max(jaren)}",
        f"Bron: {BRON_CBS}, begrotingen en jaarrekeningen {min(jaren)}–{max(jaren)}. "
        f"Bewerking: Sociale Basis-dashboard, model ‘{k.model}’.",
    ),
    cijfers.realisatie_reeks(beide),
    wie=naam,
    keuze=hier,
    config=charts.PLOTLY_CONFIG,
    key="realisatie_reeks",
)
st.caption(
    "Lijnen: bruto (lasten), elk jaar. Ruiten: netto (lasten − baten), alleen waar beide documenten baten hebben"
    f"{' (' + fmt.jaarreeks(netto_jaren) + ')' if netto_jaren else ''}. Gestippeld of open: preventie zonder het "
    "incidentele crisisgeld (schatting). Staat één document alleen op twee posities na de punt (de jaarrekening "
    "2024), dan vergelijkt de pagina beide documenten op twee posities (6.73a–c samen als 6.73, 6.74 met het "
    "vaste aandeel van het model). Van 2022 naar 2023 veranderde het Iv3-schema (acute zorg fijner afgebakend)."
)

st.subheader(f"{jaar}: per laag en functie")
per_inwoner = k.per_inwoner
per_jaar = reeks[reeks["jaar"] == jaar]
uitvoer.grafiek(
    "realisatie_lagen",
    charts.realisatie_staaf(per_jaar, per_inwoner, f"{naam}: begroting en jaarrekening {jaar} ({maat})", bron),
    cijfers.realisatie_staaf(per_jaar, per_inwoner),
    wie=naam,
    keuze=hier,
    config=charts.PLOTLY_CONFIG,
    key="realisatie_lagen",
)

st.subheader("Welke taakvelden het verschil maken")
tv = vragen.realisatie_taakvelden(store, sleutel, jaar, maat, gemeente)
# Het sociaal domein (en 7.1): buiten het domein schommelen grondexploitatie, reserves en de algemene
# uitkering elk jaar het hardst, en die zeggen niets over preventie of zorg. In de CSV staan ze wel.
BUITEN = {"buiten_sociaal_domein", "geen_uitgave"}
sociaal = tv[[not {f.strip() for f in str(f or "").split(",")} <= BUITEN for f in tv["functies"]]]
groot = sociaal.head(15)
uitvoer.tabel(
    [
        {
            "Taakveld": f"{r.taakveld} {r.omschrijving}",
            "Functie": ", ".join(FUNCTIES.get(f.strip(), f.strip()) for f in str(r.functies or "").split(",") if f),
            "Begroting": fmt.bedrag(r.begroting),
            "Jaarrekening": fmt.bedrag(r.jaarrekening),
            "Verschil": teksten.met_teken(r.verschil),
            "Crisisgeld": (
                f"{r.oorzaak_naam}: {teksten.met_teken(r.incidenteel_bedrag)}"
                + (f" in {r.gemeenten_incidenteel} gemeenten" if gemeente is None else "")
            )
            if r.gemeenten_incidenteel
            else "",
        }
        for r in groot.itertuples(index=False)
    ],
    alt=f"De grootste verschillen in het sociaal domein, {jaar}",
)
st.caption(
    f"De {len(groot)} taakvelden van het sociaal domein (en volksgezondheid) met het grootste verschil; de CSV "
    f"heeft alle {len(tv)}, ook grondexploitatie, reserves en de algemene uitkering, die elk jaar sterk schommelen. "
    "‘Crisisgeld’: het deel dat de regel hieronder als incidentele stroom herkent. " + bron
)
uitvoer.csv_knop(
    tv.assign(wie=naam, jaar=jaar, maat=maat),
    hier.bestandsnaam("realisatie-taakvelden", naam),
    "Download alle taakvelden (CSV)",
    key="realisatie_tv",
    keuze=hier,
)

st.subheader("Incidenteel crisisgeld: hoe het herkend wordt")
st.markdown(teksten.INCIDENTEEL_METHODE)
uitvoer.oorzaken_tabel(store)
if gemeente is not None:
    st.markdown(
        f"**{naam}, jaarrekening {jaar}:** "
        + (
            teksten.kanttekening(incidenteel_hier, "jaarrekening", jaar) + "."
            if not incidenteel_hier.empty
            else "geen incidentele stroom."
        )
    )

st.subheader("Verdringt acute zorg de preventie?")
stap = 2
rijen, per_kwintiel, rho = vragen.verdringing(store, sleutel, stap)
st.markdown(teksten.verdringing_kop(per_kwintiel, rho, stap, int(rijen["jaar"].min()), int(rijen["jaar"].max())))
uitvoer.grafiek(
    "verdringing",
    charts.verdringing(
        per_kwintiel,
        stap,
        "Overschrijding op acute zorg en de groei van begrote preventie twee jaar later",
        f"Bron: {BRON_CBS}, begrotingen en jaarrekeningen {int(rijen['jaar'].min())}–"
        f"{int(rijen['jaar'].max()) + stap} (bruto). Bewerking: Sociale Basis-dashboard, model ‘{k.model}’.",
    ),
    cijfers.verdringing(per_kwintiel),
    wie="nederland",
    keuze=hier,
    config=charts.PLOTLY_CONFIG,
    key="verdringing",
)
st.markdown(teksten.VERDRINGING_METHODE)
uitvoer.csv_knop(
    rijen,
    hier.bestandsnaam("verdringing", "nederland"),
    "Download alle gemeente-jaren (CSV)",
    key="verdringing_csv",
    keuze=hier,
)
