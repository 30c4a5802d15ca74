"""Vergelijken: een vergelijkingsgroep, preventie tegen acute zorg per gemeente, en een ranglijst."""

import streamlit as st

from sociale_basis import charts, cijfers, fmt, indicators, teksten
from sociale_basis.begrippen import BEHOEFTEN, INDICATOREN
from sociale_basis.dashboard import eigen, uitvoer, vragen, zijbalk

store, sleutel, k = zijbalk.deze_rerun()
zonder_regio = k.zonder_regio
df = vragen.per_gemeente(store, sleutel, k.jaar, k.document, k.maat, zonder_regio)
rollen = vragen.regiotaken(store, k.jaar).set_index("gm_code")
leden, groepnaam = vragen.groepsleden(store, k)

st.title("Vergelijken")
eigen.markeer(store, sleutel, k.jaar, k.document)
st.markdown(
    f"**Vergelijkingsgroep:** {groepnaam}. Kies een andere groep in de zijbalk onder "
    "‘Vergelijkingsgroep’: vergelijkbare gemeenten, op kenmerken (grootteklasse, "
    "stedelijkheid, sociale structuur, centrumfunctie, provincie) of zelf gekozen."
)
if zonder_regio:
    st.caption(teksten.ZONDER_REGIO_AAN)
if not leden:
    st.info("De groep is leeg. Kies een gemeente of andere kenmerken in de zijbalk.")
else:
    # Het gewogen groepscijfer nooit alleen: de mediane gemeente en de middelste helft ernaast.
    groep = vragen.groep(store, sleutel, k.jaar, k.document, k.maat, tuple(leden), zonder_regio)
    nl = vragen.groep(store, sleutel, k.jaar, k.document, k.maat, None, zonder_regio)
    paren = (
        ("groep", "De vergelijkingsgroep", groep, df[df["gm_code"].isin(leden)]),
        ("nederland", "Nederland", nl, df),
    )
    uitvoer.kerncijfers(
        [
            uitvoer.Kerncijfer(
                naam,
                f"{wie}: € acuut per € preventie",
                fmt.factor(rij["acuut_per_euro_preventie"]),
                f"mediane gemeente {fmt.factor(indicators.spreiding(deel)['mediaan'])}",
                "Gewogen: totaal acute zorg ÷ totaal preventie van de gemeenten samen.",
            )
            for naam, wie, rij, deel in paren
        ]
    )
    for kolom, (_, wie, rij, deel) in zip(st.columns(2), paren, strict=True):
        kolom.caption(teksten.gewogen_en_mediaan(rij["acuut_per_euro_preventie"], deel, wie))
    if (crisis := teksten.groep_vertekend([(wie, rij) for _, wie, rij, _ in paren], k.document, k.jaar)) is not None:
        st.warning(crisis, icon=":material/warning:")

uitvoer.grafiek(
    "spreiding",
    charts.spreiding(
        df, k.gemeente, leden, k.per_inwoner, f"Collectieve preventie en acute zorg per gemeente ({k.maat})", k.bron()
    ),
    cijfers.spreiding(df, k.gemeente, leden, k.per_inwoner),
    config=charts.PLOTLY_CONFIG,
    key="spreiding",
    keuze=k,
)
st.caption("Elke stip is een gemeente. Boven de stippellijn gaat meer naar acute zorg dan naar collectieve preventie.")

alle = st.toggle("Ranglijst van alle gemeenten", key="alle", bind="query-params")
codes = set(df["gm_code"]) if alle else set(leden) | {k.gemeente}
# Eén tabel voor scherm en bestand: rang alleen waar een verhouding betekenis heeft, en waarom niet,
# centrumgemeenten en eigen cijfers (✎) in de lijst zelf te zien, ook in een schermafdruk.
# De rang geldt binnen wat er staat: in een groep is rang 1 geen landelijke rang, en zo heet de kolom ook.
rang_kop = "Rang" if alle else "Rang in deze groep"
deel = df[df["gm_code"].isin(codes)]
kanttekeningen = vragen.kanttekeningen(store, sleutel, k.jaar, k.document, k.maat)
lijst = cijfers.ranglijst(deel, indicators.rangen(deel), rollen, set(dict(k.eigen)), rang_kop, kanttekeningen)
tabel = lijst.ruw.drop(columns="gm_code")
gekozen_naam = dict(zip(lijst.ruw["gm_code"], tabel["Gemeente"])).get(k.gemeente)
stijl = tabel.style.format(lijst.opmaak, na_rep=fmt.LEEG)
if gekozen_naam is not None:
    stijl = stijl.apply(
        lambda r: ["font-weight: bold; background-color: #FCE5D6" if r["Gemeente"] == gekozen_naam else "" for _ in r],
        axis=1,
    )
st.markdown(
    f"**Ranglijst** — {'alle gemeenten' if alle else groepnaam}, van minst naar meest "
    "acute zorg per euro preventie"
    + (", zonder regionale taken (beschermd wonen en opvang)" if zonder_regio else "")
    + f". Klik op een kolomkop om te sorteren. Geen rang: {teksten.REDENEN_ZONDER_RANG} (zie ‘Opmerking’, en "
    "Begroting en werkelijkheid voor het crisisgeld)."
)
in_lijst = [INDICATOREN[n] for n in cijfers.RANGLIJST_INDICATOREN]
# Korte koppen (de volle naam in de hulptekst) zodat de getallen op 1280 px passen; Rang en
# Gemeente blijven staan als je naar de rol en opmerking scrolt.
st.dataframe(
    stijl,
    hide_index=True,
    width="stretch",
    height=min(35 * (len(tabel) + 1) + 3, 560),
    placeholder=fmt.LEEG,
    column_config={
        rang_kop: st.column_config.Column(width=50 if alle else 140, pinned=True),
        "Gemeente": st.column_config.TextColumn(width=150, pinned=True),
        "Inwoners": st.column_config.Column(width=80),
        **{
            ind.kop(True): st.column_config.Column(
                ind.kort,
                width=115 if ind.eigen_noemer else 95,
                help=ind.label + ("" if ind.eigen_noemer else " per inwoner"),
            )
            for ind in in_lijst
        },
        "Centrumgemeente voor": st.column_config.TextColumn(width=380),
        "Opmerking": st.column_config.TextColumn(width=580),
    },
)
for b in dict.fromkeys(ind.behoefte for ind in in_lijst if ind.behoefte):  # kolommen per persoon, per soort persoon
    per_persoon = [ind for ind in in_lijst if ind.behoefte == b]
    st.caption(
        f"{', '.join(i.kop(True) for i in per_persoon)}: uitgaven van de hele gemeente gedeeld door het aantal "
        f"{BEHOEFTEN[b].kort.lower()} ({teksten.noemer_herkomst({k.jaar: vragen.behoefte_bron(store, k.jaar, b)})}); "
        "geen rang. Het geld gaat niet alleen naar hen."
    )
# In het bestand ook over welke gemeenten de rang gaat (de groep staat niet in de zijbalkkeuzes).
uitvoer.csv_knop(
    lijst.ruw.assign(**{"Ranglijst van": "alle gemeenten" if alle else groepnaam}),
    k.bestandsnaam("ranglijst" if alle else "ranglijst-groep", "nederland" if alle else None),
    "Download de ranglijst (CSV)",
    keuze=k,
)
