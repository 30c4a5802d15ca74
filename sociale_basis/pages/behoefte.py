"""Behoefte: volgt collectieve preventie de behoefte? Per gemeente een maat voor behoefte uit de
gemeentefondscirculaire (bijstandsontvangers, huishoudens met een laag inkomen, …) naast preventie,
acute zorg en hun verhouding, per kwintiel van behoefte, en de gemeenten met veel behoefte en weinig
preventie."""

import streamlit as st

from sociale_basis import charts, cijfers, fmt, indicators, teksten
from sociale_basis.begrippen import BEHOEFTEN, INDICATOREN, NOOD, STANDAARD_BEHOEFTE, VERHOUDING
from sociale_basis.dashboard import eigen, uitvoer, vragen, zijbalk
from sociale_basis.indicators import IndicatorFout

store, sleutel, k = zijbalk.deze_rerun()
st.title("Behoefte")
eigen.markeer(store, sleutel, k.jaar, k.document)
st.caption(
    "Volgt collectieve preventie de behoefte? Elke gemeente met een maat voor behoefte (uit de "
    "gemeentefondscirculaire, of van CBS na ‘ophalen’) naast wat ze aan collectieve preventie en acute zorg "
    "uitgeeft, per inwoner."
)
if not k.per_inwoner:
    st.caption("Deze pagina toont altijd bedragen per inwoner, ook nu de zijbalk op ‘Totaal’ staat.")
LABELS = {naam: BEHOEFTEN[naam].label for naam in NOOD}  # gebruik van zorg staat op Mensen
# Op de y-as: een bedrag per inwoner of de verhouding, uit het register (altijd per inwoner: een totaal
# van Amsterdam naast dat van Rozendaal zegt niets over behoefte).
ASSEN = {naam: INDICATOREN[naam] for naam in ("collectieve_preventie", "acute_zorg", "verhouding")}
zijbalk.melding_hier(zijbalk.vergeef("behoefte", LABELS.values(), "de maat voor behoefte", LABELS[STANDAARD_BEHOEFTE]))
links, rechts = st.columns(2)
b = BEHOEFTEN[links.selectbox("Behoefte", list(LABELS), format_func=LABELS.get, key="behoefte", bind="query-params")]
y = ASSEN[
    rechts.selectbox("Naast", list(ASSEN), format_func=lambda n: ASSEN[n].label, key="naast", bind="query-params")
]
try:
    df = vragen.behoefte(store, sleutel, k.jaar, k.document, k.maat, b.naam, k.zonder_regio)
except IndicatorFout as e:
    st.warning(str(e))
    st.stop()
bron, bronjaar = vragen.behoefte_bron(store, k.jaar, b.naam)
if df.empty:
    st.warning(f"Geen gemeenten met zowel cijfers ({k.document} {k.jaar}) als {b.label.lower()}.")
    st.stop()

kw = vragen.kwintielen(store, sleutel, k.jaar, k.document, k.maat, b.naam, k.zonder_regio)
laag, hoog = kw.iloc[0], kw.iloc[-1]
sam = indicators.samenhang(df)
as_x = b.eenheid()
bron_behoefte = (
    f"{b.label}: {teksten.behoefte_bron(bron, bronjaar)}"
    + (f" (het dichtstbijzijnde jaar met deze maat; de uitgaven zijn van {k.jaar})" if bronjaar != k.jaar else "")
    + ", per 1.000 inwoners van dezelfde bron."
)
wie = b.kort.lower()
st.markdown(f"#### {teksten.behoefte_kop(kw, b, k.maat_tekst, k.document, k.jaar)}")
uitvoer.kerncijfers(
    [
        uitvoer.Kerncijfer(
            "samenhang_preventie",
            "Samenhang met preventie",
            fmt.getal(sam["collectieve_preventie"], 2),
            "Spearman, −1 tot 1",
            "Rangcorrelatie over alle gemeenten: 1 = hoe meer behoefte, hoe meer preventie per inwoner; "
            "0 = geen verband.",
        ),
        uitvoer.Kerncijfer(
            "samenhang_acuut", "Samenhang met acute zorg", fmt.getal(sam["acute_zorg"], 2), "Spearman, −1 tot 1"
        ),
        uitvoer.Kerncijfer(
            "preventie_per_persoon",
            f"Preventie per {b.persoon}, meeste behoefte",
            fmt.euro(hoog["preventie_per_persoon_gewogen"]),
            f"minste behoefte {fmt.euro(laag['preventie_per_persoon_gewogen'])}",
            "Gewogen over het kwintiel met de meeste behoefte (Σ preventie ÷ Σ personen), naast dat met de minste.",
        ),
    ]
)
st.caption(
    "Samenhang is geen oorzaak: een gemeente met veel bijstand kan om andere redenen meer of minder "
    "uitgeven. Acute zorg per inwoner is hoger in centrumgemeenten, die beschermd wonen en opvang voor hun "
    f"regio betalen (zie Methode). {bron_behoefte} {b.kanttekening}"
)

leden, groepnaam = vragen.groepsleden(store, k)
y_kol = y.kolommen(True)[0]
titel = f"{y.label} naast {b.label.lower()} ({k.maat}, {k.document} {k.jaar})"
bronregel = k.bron() + f" Behoefte: {'CBS' if bron == 'KWB' else 'BZK'}, {teksten.behoefte_bron(bron, bronjaar)}."
uitvoer.grafiek(
    "behoefte",
    charts.behoefte(df, y_kol, k.gemeente, leden, as_x, y.eenheid(True), y.opmaak(True), titel, bronregel),
    cijfers.behoefte(df, y_kol, as_x, y.kop(True), y.opmaak(True), k.gemeente, leden),
    config=charts.PLOTLY_CONFIG,
    key="behoefte_grafiek",
    keuze=k,
)
st.caption(
    "Elke stip is een gemeente; de stippellijnen zijn de grenzen tussen de vijf kwintielen (elk ongeveer even "
    f"veel gemeenten). Blauw: de vergelijkingsgroep ({groepnaam})."
    + (f" {VERHOUDING.label}: leeg bij {VERHOUDING.leeg}." if y.regel == "verhouding" else "")
)

st.subheader("Per kwintiel van behoefte")
tabel = cijfers.behoefte_kwintielen(kw, b.persoon)
uitvoer.tabel(tabel.leesbaar(), alt=f"Per kwintiel van behoefte: {b.label}")
st.caption(
    "Gewogen: totaal van de gemeenten in het kwintiel ÷ hun inwoners (grote steden tellen zwaar); mediane "
    "gemeente: de middelste gemeente van het kwintiel. Behoefte van/tot: per 1.000 inwoners."
)
uitvoer.csv_knop(
    tabel.ruw.assign(behoefte=b.label, bron=bron, bronjaar=bronjaar),
    k.bestandsnaam(f"behoefte-{b.naam}-kwintielen", "nederland"),
    "Download per kwintiel (CSV)",
    key="kwintielen",
    keuze=k,
)

st.subheader("Veel behoefte, weinig preventie")
mediaan = float(df["collectieve_preventie_per_inwoner"].median())
lijst = cijfers.veel_behoefte_weinig_preventie(
    df, mediaan, vragen.regiotaken(store, k.jaar).set_index("gm_code"), vragen.nplv(store), as_x, b.persoon
)
st.markdown(
    f"Gemeenten in het kwintiel met de meeste {wie} die minder aan collectieve preventie per inwoner uitgeven "
    f"dan de mediane gemeente van Nederland ({fmt.euro(mediaan)}): **{len(lijst.ruw)}** van de "
    f"{int(hoog['gemeenten'])}."
)
if lijst.ruw.empty:
    st.info("Geen: elke gemeente met de meeste behoefte geeft minstens de mediaan uit.")
else:
    uitvoer.tabel(lijst.leesbaar(), alt="Veel behoefte, weinig preventie")
    uitvoer.csv_knop(
        lijst.ruw.assign(behoefte=b.label, bron=bron, bronjaar=bronjaar),
        k.bestandsnaam(f"behoefte-{b.naam}-weinig-preventie", "nederland"),
        "Download de lijst (CSV)",
        key="weinig",
        keuze=k,
    )
st.caption(
    "Centrumgemeenten betalen beschermd wonen en opvang voor hun regio; hun acute zorg per inwoner is daardoor "
    "hoger, hun preventie niet. NPLV-focusgebied: een kwetsbare wijk in het Nationaal Programma Leefbaarheid en "
    f"Veiligheid (2022). {k.maat.capitalize()}: "
    + (
        "lasten − baten, wat de gemeente uit eigen en algemene middelen betaalt."
        if k.maat == "netto"
        else "alle lasten, ook wat met baten wordt gedekt."
    )
)
