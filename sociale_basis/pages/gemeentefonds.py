"""Gemeentefonds: netto uitgaven naast de maatstaf uit de circulaire — voor de sociale basis
(cluster Sociale basisvoorzieningen) en voor maatwerk plus acuut (clusters Individuele
voorzieningen Wmo en Jeugd). Een schatting van de behoefte, geen oormerk."""

from dataclasses import replace

import streamlit as st

from sociale_basis import charts, cijfers, fmt, teksten
from sociale_basis.begrippen import GEMEENTEFONDS_SOCIALE_BASIS_TEKST
from sociale_basis.dashboard import eigen, uitvoer, vragen, zijbalk
from sociale_basis.dashboard.keuze import BRON_CBS

store, sleutel, k = zijbalk.deze_rerun()

st.title("Gemeentefonds als maatstaf")
eigen.markeer(store, sleutel, k.jaar, k.document)
st.markdown(
    "Het gemeentefonds verdeelt geld over gemeenten met maatstaven (inwoners, bijstandshuishoudens, "
    "oppervlakte, …) per **cluster**. Die verdeling is een **schatting van wat een taak in een gemeente "
    "kost, geen oormerk**: een gemeente mag het geld anders besteden. Juist daarom is het een maatstaf "
    "die niet de eigen keuze van de gemeente is."
)

circ = vragen.circulaires(store)
beschikbaar = circ[circ["uitkeringsjaar"] == k.jaar]
if beschikbaar.empty:
    jaren = ", ".join(str(j) for j in sorted(circ["uitkeringsjaar"].unique())) or "geen"
    st.info(
        f"Er is geen gemeentefondsverdeling voor {k.jaar} in de opslag (wel voor: {jaren}). "
        "Kies dat jaar in de zijbalk."
    )
    st.stop()
if k.maat != "netto" or k.netto_ontbreekt:
    st.info(
        "De vergelijking gebruikt altijd **netto** uitgaven (lasten − baten): het fonds is een "
        "maatstaf voor de netto kosten."
        + (f" Voor de {k.document} {k.jaar} zijn geen baten beschikbaar." if k.netto_ontbreekt else "")
    )
    if k.netto_ontbreekt:
        st.stop()

# Wat deze pagina toont is netto, ook als de zijbalk op bruto staat: zo heten en beschrijven ook de
# bestanden het.
k_netto = replace(k, maat="netto", gevraagde_maat="netto")
namen_circ = {c: teksten.circulaire_naam(c) for c in beschikbaar["circulaire"]}
opties = list(namen_circ)
circulaire = st.selectbox(
    "Circulaire",
    opties,
    index=len(opties) - 1,
    format_func=namen_circ.get,
    key="circulaire",
    bind="query-params",
    help=f"De verdeling voor uitkeringsjaar {k.jaar} volgens deze circulaire.",
)
df = vragen.maatstaf(store, sleutel, k.jaar, k.document, circulaire, k.zonder_regio)
leden, groepnaam = vragen.groepsleden(store, k)

VERGELIJKINGEN = {
    "sociale_basis": (
        "Sociale basis",
        f"taakvelden {GEMEENTEFONDS_SOCIALE_BASIS_TEKST}",
        "cluster Sociale basisvoorzieningen",
    ),
    "individueel": (
        "Maatwerk en acuut",
        "lagen maatwerk en acuut van het model",
        "clusters Individuele voorzieningen Wmo en Jeugd",
    ),
}
if k.gemeente in set(df["gm_code"]):
    rij = df.set_index("gm_code").loc[k.gemeente]
    st.subheader(rij["gemeente"])
    for soort, (naam, uitgaven, fonds) in VERGELIJKINGEN.items():
        # Het verschil uit de afgedrukte bedragen ernaast: € 321 − € 315 = € 6, ook als het echte verschil € 6,6 is.
        per_inwoner = {deel: fmt.euro(rij[f"{soort}_{deel}_per_inwoner"]) for deel in ("uitgaven", "fonds")} | {
            "verschil": fmt.euro_verschil(rij[f"{soort}_uitgaven_per_inwoner"], rij[f"{soort}_fonds_per_inwoner"])
        }
        totaal = {deel: fmt.bedrag(rij[f"{soort}_{deel}"]) for deel in ("uitgaven", "fonds")} | {
            "verschil": fmt.bedrag_verschil(rij[f"{soort}_uitgaven"], rij[f"{soort}_fonds"])
        }
        uitvoer.kerncijfers(
            [
                uitvoer.Kerncijfer(f"{soort}_{deel}", label, per_inwoner[deel], totaal[deel], uitleg)
                for deel, label, uitleg in (
                    ("uitgaven", f"{naam}: netto uitgaven", f"Netto ({uitgaven}), per inwoner; eronder het totaal."),
                    (
                        "fonds",
                        f"{naam}: uitkering",
                        f"{fonds.capitalize()}, {namen_circ[circulaire].lower()}, per inwoner.",
                    ),
                    (
                        "verschil",
                        "Verschil (uitgaven − uitkering)",
                        "Positief: de gemeente geeft meer uit dan de maatstaf; negatief: minder.",
                    ),
                )
            ]
        )

zijbalk.melding_hier(
    zijbalk.vergeef(
        "vergelijking", [v[0] for v in VERGELIJKINGEN.values()], "de vergelijking", VERGELIJKINGEN["sociale_basis"][0]
    )
)
keuze = st.segmented_control(
    "Vergelijking",
    list(VERGELIJKINGEN),
    default="sociale_basis",
    format_func=lambda v: VERGELIJKINGEN[v][0],
    key="vergelijking",
    bind="query-params",
    required=True,
)
naam, uitgaven, fonds = VERGELIJKINGEN[keuze]
st.caption(teksten.regio_gemeentefonds(k.zonder_regio))
bron = (
    f"Bron: {BRON_CBS}, {k.document} {k.jaar}, netto"
    + (f", {teksten.ZONDER_REGIO_KORT}" if k.zonder_regio and keuze == "individueel" else "")
    + f"; gemeentefonds {namen_circ[circulaire].lower()}"
    " (BZK; verdeling per cluster berekend door begrotingsanalysetool). Bewerking: Sociale Basis-dashboard."
)
assen = (
    df,
    f"{keuze}_fonds_per_inwoner",
    f"{keuze}_uitgaven_per_inwoner",
    k.gemeente,
    leden,
    f"uitkering ({fonds}), € per inwoner",
    "netto uitgaven, € per inwoner",
)
uitvoer.grafiek(
    "maatstaf",
    charts.maatstaf(*assen, f"{naam}: uitgaven en maatstaf", bron),
    cijfers.maatstaf(*assen),
    config=charts.PLOTLY_CONFIG,
    key="maatstaf",
    keuze=k_netto,
)
boven = int((df[f"{keuze}_verschil"] > 0).sum())
st.markdown(
    f"**{boven} van de {len(df)} gemeenten** geven netto meer uit aan {naam.lower()} dan de "
    f"maatstaf ({fonds}); boven de stippellijn ligt meer uitgaven dan uitkering."
)
nl_uit, nl_fonds = df[f"{keuze}_uitgaven"].sum(), df[f"{keuze}_fonds"].sum()
st.caption(
    f"Alle {len(df)} gemeenten samen: netto uitgaven {fmt.bedrag(nl_uit)}, uitkering "
    f"{fmt.bedrag(nl_fonds)} ({fmt.procent(nl_uit / nl_fonds - 1)} verschil). Uitgaven: {uitgaven}."
)

tabel = df[df["gm_code"].isin(set(leden) | {k.gemeente})] if leden else df
tabel = tabel.sort_values(f"{keuze}_verschil_per_inwoner")
weergave = tabel[
    [
        "gemeente",
        "inwoners",
        f"{keuze}_uitgaven_per_inwoner",
        f"{keuze}_fonds_per_inwoner",
        f"{keuze}_verschil_per_inwoner",
        f"{keuze}_verschil",
    ]
].rename(
    columns={
        "gemeente": "Gemeente",
        "inwoners": "Inwoners",
        f"{keuze}_uitgaven_per_inwoner": "Uitgaven per inwoner",
        f"{keuze}_fonds_per_inwoner": "Uitkering per inwoner",
        f"{keuze}_verschil_per_inwoner": "Verschil per inwoner",
        f"{keuze}_verschil": "Verschil totaal",
    }
)
st.markdown(
    f"**{naam} per gemeente** — {groepnaam if leden else 'alle gemeenten'}, van het grootste tekort "
    "ten opzichte van de maatstaf naar het grootste overschot."
)
uitvoer.tabel(
    weergave.style.format(
        {
            "Inwoners": fmt.getal,
            "Uitgaven per inwoner": fmt.euro,
            "Uitkering per inwoner": fmt.euro,
            "Verschil per inwoner": fmt.euro,
            "Verschil totaal": fmt.bedrag,
        },
        na_rep=fmt.LEEG,
    ),
    alt=f"{naam} per gemeente",
)
uitvoer.csv_knop(
    df,
    k_netto.bestandsnaam(f"gemeentefonds-{circulaire}", "alle-gemeenten"),
    "Download alle gemeenten (CSV)",
    keuze=k_netto,
)
