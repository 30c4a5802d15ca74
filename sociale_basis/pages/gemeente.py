"""Gemeente: de lagen van één gemeente naast haar vergelijkingsgroep en Nederland, de
verhouding acuut/preventie met rangorde, en de taakvelden achter elk getal."""

import streamlit as st

from sociale_basis import charts, cijfers, fmt, teksten
from sociale_basis.dashboard import eigen, opslag, uitvoer, vragen, zijbalk
from sociale_basis.model import FUNCTIES, LAGEN

store, sleutel = opslag.opslag()
k = zijbalk.keuze()
kenmerken_alle = vragen.gemeenten(store, sleutel, k.jaar).set_index("gm_code")
st.title(kenmerken_alle["naam"].get(k.gemeente, "Gemeente"))
zonder_regio = k.zonder_regio
df = vragen.per_gemeente(store, sleutel, k.jaar, k.document, k.maat, zonder_regio)
if k.gemeente not in set(df["gm_code"]):
    leeg = vragen.zonder_cijfers(store, sleutel, k.jaar, k.document)
    if k.gemeente in set(leeg["gm_code"]):
        st.info(f"Voor {leeg.set_index('gm_code').loc[k.gemeente, 'gemeente']} staan in de bron geen "
                f"cijfers voor de {k.document} {k.jaar}. Kies een ander jaar of document.")
    else:
        st.info("Kies in de zijbalk een gemeente (typ om te zoeken).")
    st.stop()

rij = df.set_index("gm_code").loc[k.gemeente]
kenmerken = kenmerken_alle.loc[k.gemeente]
nl = vragen.groep(store, sleutel, k.jaar, k.document, k.maat, None, zonder_regio)
leden, groepnaam = vragen.groepsleden(store, sleutel, k)
groep = vragen.groep(store, sleutel, k.jaar, k.document, k.maat, tuple(leden), zonder_regio) if leden else None
rollen = vragen.regiotaken(store, sleutel, k.jaar).set_index("gm_code")

eigen.markeer(store, sleutel, k.jaar, k.document, gm_code=k.gemeente)
st.caption(" · ".join(str(x) for x in [
    kenmerken["provincie"], f"{fmt.getal(rij['inwoners'])} inwoners (1 januari {k.jaar})",
    kenmerken["grootteklasse"], kenmerken["stedelijkheid"],
    f"sociale structuur {str(kenmerken['sociale_structuur']).lower()}"] if x is not None))
st.markdown(f"#### {teksten.kopzin(rij['gemeente'], rij, k.jaar, k.document, k.maat, k.per_inwoner, zonder_regio)}")
uitvoer.factsheet_knop(store, sleutel, k)
if k.gemeente in rollen.index:
    rol = rollen.loc[k.gemeente]
    st.markdown(teksten.regiorol_zin(list(rol["taken"]), int(rol["uitkeringsjaar"]), zonder_regio))
if zonder_regio:
    st.caption(teksten.ZONDER_REGIO_AAN)
if (uitleg := teksten.negatief(rij, k.maat)) is not None:
    st.caption(uitleg)

# Rang alleen onder gemeenten met een betekenisvolle verhouding (teksten.zonder_rang zegt waarom niet).
rang, gerangschikt = vragen.rang(df, k.gemeente)
k1, k2, k3, k4 = st.columns(4)
k1.metric("Collectieve preventie", teksten.bedrag(rij, "collectieve_preventie", k.per_inwoner),
          delta=f"Nederland {teksten.bedrag(nl, 'collectieve_preventie', k.per_inwoner)}",
          delta_color="off", delta_arrow="off")
k2.metric("Acute zorg", teksten.bedrag(rij, "acute_zorg", k.per_inwoner),
          delta=f"Nederland {teksten.bedrag(nl, 'acute_zorg', k.per_inwoner)}",
          delta_color="off", delta_arrow="off")
k3.metric("€ acuut per € preventie",
          fmt.factor(rij["acuut_per_euro_preventie"]),  # leeg zonder eigen acute zorg (werk.verhouding)
          # Kort genoeg om niet afgekapt te worden; de regel eronder zegt voluit wat gewogen en mediaan zijn.
          delta=f"NL {fmt.factor(nl['acuut_per_euro_preventie'])} · med. "
                f"{fmt.factor(teksten.spreiding(df)['mediaan'])}",
          delta_color="off", delta_arrow="off")
k4.metric("Rang acuut per € preventie",
          # Het aantal onder het getal: '255 van 334' werd in een smalle kolom afgekapt.
          str(rang) if rang else "geen rang", delta=f"van {gerangschikt} gemeenten", delta_color="off",
          delta_arrow="off",
          help=f"{gerangschikt} gemeenten gerangschikt op € acute zorg per € collectieve preventie; 1 = de "
               f"minste acute zorg per euro preventie. Zonder rang ({len(df) - gerangschikt}): gemeenten "
               "zonder verhouding of met (bijna) geen eigen lasten voor acute zorg (zie Methode).")
st.caption(teksten.gewogen_en_mediaan(nl["acuut_per_euro_preventie"], df))
# Waarom er geen verhouding of rang is, voluit (in een kerncijfer zou het worden afgekapt).
if (waarom := teksten.zonder_rang(rij, k.maat)) is not None:
    st.caption(waarom)

uitvoer.grafiek("lagen",
    charts.lagen_vergelijking(rij, groep, nl, rij["gemeente"], groepnaam, k.per_inwoner,
                              f"{rij['gemeente']}: de lagen ({k.maat})", k.bron()),
    cijfers.lagen_vergelijking(rij, groep, nl, rij["gemeente"], k.per_inwoner),
    config=charts.PLOTLY_CONFIG, key="gemeente_lagen")
if groep is not None:
    st.caption(f"◆ Vergelijkingsgroep: {groepnaam} (gewogen: totaal bedrag / totaal inwoners). "
               "| Nederland. Kies de groep in de zijbalk onder ‘Vergelijkingsgroep’.")

# Rekenvoorbeelden, geen voorspelling: wat het zou kosten om de mediaan van de groep of de
# gemeentefondsmaatstaf (netto) te halen; dezelfde zinnen als in de factsheet.
circulaire = vragen.laatste_circulaire(vragen.circulaires(store, sleutel), k.jaar) if k.maat == "netto" else None
fondsrij = None
if circulaire:
    fonds = vragen.maatstaf(store, sleutel, k.jaar, k.document, circulaire, zonder_regio).set_index("gm_code")
    fondsrij = fonds.loc[k.gemeente] if k.gemeente in fonds.index else None
blokken, niets = teksten.wat_als_blokken(rij["gemeente"], rij, df, leden, groepnaam, fondsrij, circulaire,
                                         k.maat, k.document, k.jaar)
if blokken:
    st.subheader("Wat als: meer collectieve preventie")
    for b in blokken:
        st.markdown(f"**{b['kop']}.** {b['tekst']}\n\n" + "\n".join(f"- {g}" for g in b["gevolgen"]))
    st.caption(teksten.WAT_ALS_VOORBEHOUD)
elif niets:
    st.caption(niets)

st.subheader("Achter de getallen: de taakvelden per laag")
tv = vragen.taakvelden(store, sleutel, k.jaar, k.document, k.maat, k.gemeente)
zijbalk.melding_hier(zijbalk.vergeef("laag", [naam for naam, _ in LAGEN.values()], "de laag",
                                    LAGEN["institutioneel"][0]))
laag = st.pills("Laag", list(LAGEN), format_func=lambda lg: LAGEN[lg][0], default="institutioneel",
                key="laag", bind="query-params")
deel = tv[tv["laag"] == laag] if laag else tv
st.dataframe(
    [{"Laag": LAGEN[r.laag][0], "Code": r.taakveld, "Taakveld": r.omschrijving,
      "Functie": FUNCTIES[r.functie], "Deel van taakveld": fmt.procent(float(r.aandeel), 0),
      "Bedrag": fmt.euro(r.bedrag), "Aandeel in laag": fmt.procent(r.aandeel_in_laag)}
     for r in deel.itertuples(index=False)],
    hide_index=True, width="stretch", column_order=None if laag is None else [
        "Code", "Taakveld", "Functie", "Deel van taakveld", "Bedrag", "Aandeel in laag"],
    # Past op 1280 px: de laag staat al in de keuze erboven, korte koppen (uitleg in de hulptekst).
    column_config={"Code": st.column_config.TextColumn(width=60),
                   "Taakveld": st.column_config.TextColumn(width=290),
                   "Functie": st.column_config.TextColumn(width=240),
                   "Deel van taakveld": st.column_config.TextColumn(
                       "Deel", width=55, help="Deel van het taakveld dat het model aan deze laag toekent"),
                   "Bedrag": st.column_config.TextColumn(width=110),
                   "Aandeel in laag": st.column_config.TextColumn(
                       "In laag", width=65, help="Aandeel van dit bedrag in de hele laag")})
st.caption("Bedragen in hele euro's: Iv3-bedrag (€ 1.000) × 1.000 × het deel dat het model aan deze "
           f"laag toekent. Zie de pagina Methode. {k.bron()}")
uitvoer.csv_knop(tv.assign(gemeente=rij["gemeente"], jaar=k.jaar, document=k.document, maat=k.maat),
                 k.bestandsnaam("taakvelden"), "Download alle taakvelden (CSV)")
