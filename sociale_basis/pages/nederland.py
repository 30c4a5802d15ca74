"""Nederland: de landelijke kop, de verdeling over de lagen en over gemeenten."""

import streamlit as st

from sociale_basis import charts, cijfers, fmt, indicators, teksten
from sociale_basis.begrippen import ACUUT_KORT, BEHOEFTEN, DREMPEL_PREVENTIE, LAGEN, PREVENTIE_KORT, STANDAARD_BEHOEFTE
from sociale_basis.dashboard import eigen, uitvoer, vragen, zijbalk
from sociale_basis.indicators import IndicatorFout

store, sleutel, k = zijbalk.deze_rerun()
df = vragen.per_gemeente(store, sleutel, k.jaar, k.document, k.maat, k.zonder_regio)
nl = vragen.groep(store, sleutel, k.jaar, k.document, k.maat, None, k.zonder_regio)

st.title("Preventie of pas als het misgaat?")
eigen.markeer(store, sleutel, k.jaar, k.document)
st.caption(
    "Wat gemeenten uitgeven aan de sociale basis — persoonlijk, informeel en institutioneel — "
    "en aan zorg als het al mis is gegaan. Per euro, uit de officiële Iv3-cijfers van CBS."
)
st.markdown(f"#### {teksten.kopzin('gemeenten', nl, k.jaar, k.document, k.maat, k.per_inwoner, k.zonder_regio)}")
if k.zonder_regio:
    st.caption(teksten.ZONDER_REGIO_AAN)
crisis = teksten.incidenteel_landelijk(
    vragen.incidenteel(store, sleutel, k.jaar, k.document, k.maat), k.document, k.jaar, k.maat
)
if crisis is not None:  # naast de landelijke cijfers: wie ze citeert, ziet dat er crisisgeld in zit
    crisis += " Zie de pagina Begroting en werkelijkheid."
    # Een waarschuwing als het de landelijke cijfers zelf vertekent (marts/groep), anders een bijschrift.
    if nl["vertekend"]:
        st.warning(crisis, icon=":material/warning:")
    else:
        st.caption(crisis)

meer_acuut = int((df["acute_zorg"] > df["collectieve_preventie"]).sum())
# Zonder verhouding om twee redenen, elk één keer geteld: preventie of acute zorg nul of negatief, of
# (bijna) geen eigen acute zorg (werk.verhouding laat de verhouding dan ook leeg).
geen_eigen = df["geen_eigen_acuut"].astype(bool)
geen_verhouding = int((df["acuut_per_euro_preventie"].isna() & ~geen_eigen).sum())
uitvoer.kerncijfers(
    [
        uitvoer.Kerncijfer(
            "preventie",
            "Collectieve preventie",
            teksten.bedrag(nl, "collectieve_preventie", k.per_inwoner),
            uitleg=PREVENTIE_KORT,
        ),
        uitvoer.Kerncijfer(
            "acuut",
            "Acute en geëscaleerde zorg",
            teksten.bedrag(nl, "acute_zorg", k.per_inwoner),
            uitleg=ACUUT_KORT,
        ),
        uitvoer.Kerncijfer(
            "verhouding",
            "€ acuut per € preventie",
            fmt.factor(nl["acuut_per_euro_preventie"]),
            f"mediane gemeente {fmt.factor(indicators.spreiding(df)['mediaan'])}",
            "Gewogen: totaal acute zorg ÷ totaal preventie van alle gemeenten samen.",
        ),
        uitvoer.Kerncijfer(
            "meer_acuut",
            "Gemeenten met meer acuut",
            f"{meer_acuut} van {len(df)}",
            "alle, ook zonder rang",  # kort: een langere regel wordt afgekapt; voluit in het vraagteken
            "Aantal gemeenten dat meer uitgeeft aan acute zorg dan aan collectieve preventie, van alle gemeenten "
            "met cijfers (ook die zonder rang; de mediaan eronder telt alleen gemeenten met een rang).",
        ),
    ]
)
st.caption(teksten.gewogen_en_mediaan(nl["acuut_per_euro_preventie"], df))

uitvoer.grafiek(
    "lagen",
    charts.lagen_staaf(nl, k.per_inwoner, f"Waar het geld heen gaat ({k.maat})", k.bron()),
    cijfers.lagen([("Nederland", nl)], k.per_inwoner),
    wie="nederland",
    config=charts.PLOTLY_CONFIG,
    key="nl_lagen",
    keuze=k,
)
st.caption(
    teksten.preventie_naast_lagen(nl, k.per_inwoner) + " "
    "De grafiek toont de vijf lagen van het model; ‘overig’ (de rest van de begroting) staat "
    "in de tabel onderaan."
    + (
        " Netto is ‘overig’ negatief: de algemene uitkering en de belastingen zijn baten op hoofdtaakveld 0."
        if k.maat == "netto"
        else ""
    )
)

st.subheader("Verschillen tussen gemeenten")
# Dezelfde gemeenten als achter de mediaan: met een rang (geen € 0 eigen acute zorg als ‘beste’ staaf).
met_rang = df[df["rangbaar"]]
weinig = int(geen_eigen.sum())
# Bijna geen preventie (wel een verhouding, werk.weinig_preventie) en vertekend: de vierde en derde reden zonder
# rang (werk.rangbaar), elk één keer geteld.
weinig_preventie = df["weinig_preventie"].astype(bool) & ~geen_eigen
vertekend_n = int((df["vertekend"] & df["acuut_per_euro_preventie"].notna() & ~geen_eigen & ~weinig_preventie).sum())
uitvoer.grafiek(
    "verdeling",
    charts.verhouding_verdeling(
        met_rang,
        nl["acuut_per_euro_preventie"],
        "€ acute zorg per € preventie, per gemeente",
        k.bron(),
        indicators.spreiding(df)["mediaan"],
    ),
    cijfers.verhouding_verdeling(met_rang),
    wie="nederland",
    config=charts.PLOTLY_CONFIG,
    key="nl_verdeling",
    keuze=k,
)
st.markdown(
    f"In **{meer_acuut} van de {len(df)} gemeenten** gaat meer geld naar acute en geëscaleerde zorg "
    f"dan naar collectieve preventie."
    + (
        f" Bij {geen_verhouding} {'gemeente' if geen_verhouding == 1 else 'gemeenten'} is de "
        f"{k.maat} preventie of acute zorg nul of negatief"
        + (" (baten groter dan lasten, bv. door rijksgeld voor opvang op 6.1)" if k.maat == "netto" else "")
        + "; daar is geen verhouding te geven."
        if geen_verhouding
        else ""
    )
    + (
        f" Zonder eigen acute zorg van betekenis (via een regeling of centrumgemeente): {weinig} "
        f"{'gemeente' if weinig == 1 else 'gemeenten'}, zonder rang."
        if weinig
        else ""
    )
    + (
        f" Met bijna geen collectieve preventie (minder dan {fmt.procent(DREMPEL_PREVENTIE, 0)} van Nederland per "
        f"inwoner): {int(weinig_preventie.sum())} {'gemeente' if weinig_preventie.sum() == 1 else 'gemeenten'}, zonder rang."
        if weinig_preventie.any()
        else ""
    )
    + (
        f" Met incidenteel crisisgeld in preventie of acute zorg (zoals opvang of corona): {vertekend_n} "
        f"{'gemeente' if vertekend_n == 1 else 'gemeenten'}, zonder rang."
        if vertekend_n
        else ""
    )
    + f" De grafiek telt de **{len(met_rang)} gemeenten met een rang**, dezelfde als achter de mediaan."
)

# De vraag van de pagina Behoefte, hier in één zin: volgt preventie de behoefte?
try:
    kw = vragen.kwintielen(store, sleutel, k.jaar, k.document, k.maat, STANDAARD_BEHOEFTE, k.zonder_regio)
except IndicatorFout:
    kw = None  # geen volumes in de opslag: dan ook geen zin
if kw is not None and len(kw) == 5:
    st.subheader("Volgt preventie de behoefte?")
    b = BEHOEFTEN[STANDAARD_BEHOEFTE]
    st.markdown(teksten.behoefte_kop(kw, b, k.maat_tekst, k.document, k.jaar))
    # De kanttekening bij de zin, niet alleen op de pagina Behoefte: wie hem citeert, citeert ook de bron.
    bron, bronjaar = vragen.behoefte_bron(store, k.jaar, b.naam)
    st.caption(
        f"Vijf groepen van ongeveer even veel gemeenten naar {b.eenheid()} ({teksten.behoefte_bron(bron, bronjaar)}). "
        "Samenhang is geen oorzaak; centrumgemeenten betalen acute zorg voor hun regio."
    )
    st.page_link(
        "sociale_basis/pages/behoefte.py",
        label="Naar de pagina Behoefte: andere maten, de spreiding en de gemeenten met veel behoefte en weinig preventie",
        icon=":material/arrow_forward:",
    )

st.subheader("De lagen in cijfers")
# Een aandeel van het totaal zegt alleen bruto iets: netto is het totaal bijna nul.
tabel = [
    {
        "Laag": naam,
        "Bedrag": fmt.bedrag(nl[laag]),
        "Per inwoner": fmt.euro(nl[f"{laag}_per_inwoner"]),
        **({"Aandeel van totaal": fmt.procent(nl[laag] / nl["totaal"])} if k.maat == "bruto" else {}),
    }
    for laag, (naam, _) in [*LAGEN.items(), ("totaal", ("Totaal", None))]
]
uitvoer.tabel(tabel, width="content", alt=f"Nederland per laag, {k.maat}, {k.document} {k.jaar}")
leeg = vragen.zonder_cijfers(store, k.jaar, k.document)
if not leeg.empty:
    st.caption(f"Geen cijfers in de bron voor {', '.join(leeg['gemeente'])}: niet meegeteld (niet als € 0).")
st.caption(
    f"{len(df)} gemeenten, {fmt.getal(nl['inwoners'])} inwoners op 1 januari {k.jaar}. "
    "Landelijke bedragen per inwoner = totaal bedrag / totaal inwoners. " + k.bron()
)
# Met de kanttekening: wie een rij uit de CSV citeert, heeft het crisisgeld erbij (zoals de CLI).
kant = vragen.kanttekeningen(store, sleutel, k.jaar, k.document, k.maat)
uitvoer.csv_knop(
    df.assign(kanttekening=[kant.get(c, "") for c in df["gm_code"]]),
    k.bestandsnaam("alle-gemeenten", "nederland"),
    "Download alle gemeenten (CSV)",
    keuze=k,
)
