"""Gemeente: de lagen van één gemeente naast haar vergelijkingsgroep en Nederland, de
verhouding acuut/preventie met rangorde, en de taakvelden achter elk getal."""

import streamlit as st

from sociale_basis import charts, cijfers, fmt, teksten
from sociale_basis.begrippen import FUNCTIES, LAGEN
from sociale_basis.dashboard import eigen, uitvoer, vragen, zijbalk

store, sleutel, k = zijbalk.deze_rerun()
# Eén beeld per keuze, dat ook de factsheet zet: elk getal op de PDF is dat van deze pagina.
beeld = vragen.gemeentebeeld(store, sleutel, uitvoer.verzoek(k)) if k.gemeente else None
if beeld is None:
    st.title(vragen.gemeenten(store, k.jaar).set_index("gm_code")["naam"].get(k.gemeente, "Gemeente"))
    leeg = vragen.zonder_cijfers(store, k.jaar, k.document)
    if k.gemeente in set(leeg["gm_code"]):
        st.info(
            f"Voor {leeg.set_index('gm_code').loc[k.gemeente, 'gemeente']} staan in de bron geen "
            f"cijfers voor de {k.document} {k.jaar}. Kies een ander jaar of document."
        )
    else:
        st.info("Kies in de zijbalk een gemeente (typ om te zoeken).")
    st.stop()

rij, nl, groep, groepnaam = beeld.rij, beeld.nl, beeld.groep, beeld.groepnaam
st.title(beeld.naam)
eigen.markeer(store, sleutel, k.jaar, k.document, gm_code=k.gemeente)
st.caption(" · ".join(beeld.ondertitel()))
st.markdown(f"#### {beeld.kopzin(k.per_inwoner)}")
if (crisis := beeld.incidenteel_zin(pagina=True)) is not None:  # naast het getal, niet alleen op Methode
    # Een waarschuwing als het de kop vertekent (preventie of acute zorg), anders een bijschrift.
    if bool(beeld.rij["vertekend"]):
        st.warning(crisis, icon=":material/warning:")
    else:
        st.caption(crisis)
uitvoer.factsheet_knop(store, sleutel, beeld, k.per_inwoner)
if (rol := beeld.regiorol_zin(zijbalk=True)) is not None:
    st.markdown(rol)
if beeld.behoefte_zin is not None:
    st.caption(beeld.behoefte_zin + " Zie de pagina Behoefte.")
if beeld.wijken_zin is not None:
    st.caption(beeld.wijken_zin + " Zie de wijkkaart op de pagina Mensen.")
if k.zonder_regio:
    st.caption(teksten.ZONDER_REGIO_AAN)
if beeld.negatief is not None:
    st.caption(beeld.negatief)

# Rang alleen onder gemeenten met een betekenisvolle verhouding (teksten.zonder_rang zegt waarom niet).
preventie, acuut, verhouding, rang = beeld.kerncijfers(k.per_inwoner)
(_, nl_w), (_, med_w) = verhouding.naast
uitvoer.kerncijfers(
    [
        *(
            uitvoer.Kerncijfer(naam, c.label, c.waarde, " · ".join(f"{wie} {w}" for wie, w in c.naast[:1]), c.uitleg)
            for naam, c in (("preventie", preventie), ("acuut", acuut))
        ),
        # Kort genoeg om niet afgekapt te worden; de regel eronder zegt voluit wat gewogen en mediaan zijn.
        uitvoer.Kerncijfer(
            "verhouding", verhouding.label, verhouding.waarde, f"NL {nl_w} · med. {med_w}", verhouding.uitleg
        ),
        # De richting naast het getal, niet alleen in het vraagteken: ‘330’ zegt zonder haar niets. Kort, zodat
        # het label niet wordt afgekapt (de volle zin staat in het vraagteken en op de factsheet).
        uitvoer.Kerncijfer(
            "rang",
            rang.label,
            rang.waarde,
            f"van {rang.naast[0][1].split()[0]} · 1 = minst acuut",
            rang.uitleg + " Zie Methode.",
        ),
    ]
)
st.caption(beeld.gewogen_en_mediaan)
# Waarom er geen verhouding of rang is, voluit (in een kerncijfer zou het worden afgekapt).
if beeld.zonder_rang is not None:
    st.caption(beeld.zonder_rang)

uitvoer.grafiek(
    "lagen",
    charts.lagen_vergelijking(
        rij, groep, nl, beeld.naam, groepnaam, k.per_inwoner, f"{beeld.naam}: de lagen ({k.maat})", k.bron()
    ),
    cijfers.lagen_vergelijking(rij, groep, nl, beeld.naam, k.per_inwoner),
    config=charts.PLOTLY_CONFIG,
    key="gemeente_lagen",
    keuze=k,
)
st.caption(teksten.preventie_naast_lagen(rij, k.per_inwoner))
if groep is not None:
    st.caption(
        f"◆ Vergelijkingsgroep: {groepnaam} (gewogen: totaal bedrag / totaal inwoners). "
        "| Nederland. Kies de groep in de zijbalk onder ‘Vergelijkingsgroep’."
    )

# Rekenvoorbeelden, geen voorspelling: wat het zou kosten om de mediaan van de groep of de
# gemeentefondsmaatstaf (netto) te halen; dezelfde zinnen als in de factsheet.
if beeld.wat_als:
    st.subheader("Wat als: meer collectieve preventie")
    for b in beeld.wat_als:
        st.markdown(f"**{b['kop']}.** {b['tekst']}\n\n" + "\n".join(f"- {g}" for g in b["gevolgen"]))
    st.caption(teksten.WAT_ALS_VOORBEHOUD)
elif beeld.wat_als_niets:
    st.caption(beeld.wat_als_niets)

st.subheader("Achter de getallen: de taakvelden per laag")
tv = vragen.taakvelden(store, sleutel, k.jaar, k.document, k.maat, k.gemeente)
zijbalk.melding_hier(
    zijbalk.vergeef("laag", [naam for naam, _ in LAGEN.values()], "de laag", LAGEN["institutioneel"][0])
)
laag = st.pills(
    "Laag", list(LAGEN), format_func=lambda lg: LAGEN[lg][0], default="institutioneel", key="laag", bind="query-params"
)
deel = tv[tv["laag"] == laag] if laag else tv
uitvoer.tabel(
    [
        {
            **({} if laag else {"Laag": LAGEN[r.laag][0]}),  # met een gekozen laag staat die al erboven
            "Code": r.taakveld,
            "Taakveld": r.omschrijving,
            "Functie": FUNCTIES[r.functie],
            "Deel van taakveld": fmt.procent(float(r.aandeel), 0),
            "Bedrag": fmt.euro(r.bedrag),
            "Aandeel in laag": fmt.procent(r.aandeel_in_laag),
        }
        for r in deel.itertuples(index=False)
    ],
    alt=f"Taakvelden van {beeld.naam} in {'de laag ' + LAGEN[laag][0] if laag else 'alle lagen'}",
)
st.caption(
    "Bedragen in hele euro's: Iv3-bedrag (€ 1.000) × 1.000 × het deel dat het model aan deze "
    f"laag toekent. Zie de pagina Methode. {k.bron()}"
)
uitvoer.csv_knop(
    tv.assign(gemeente=beeld.naam, jaar=k.jaar, document=k.document, maat=k.maat),
    k.bestandsnaam("taakvelden"),
    "Download alle taakvelden (CSV)",
    keuze=k,
)
