"""Gegevens: wat de opslag bevat (jaren × documenten, bronnen, momentopname, laatste imports), eigen
bestanden toevoegen (sjabloon, privé controleren met álle problemen, dan publiceren of verwerpen),
eigen cijfers weer verwijderen, en de nieuwste cijfers ophalen bij CBS."""

import pandas as pd
import streamlit as st

from sociale_basis import fmt, sources
from sociale_basis.dashboard import eigen, laden, opslag, uitvoer, vragen, zijbalk
from sociale_basis.sources import eigen as eigen_formaat
from sociale_basis.sources.controle import InvoerFout

store, sleutel, k = zijbalk.deze_rerun()
recht = opslag.schrijfrecht()
schrijven_mag = recht.mag

st.title("Gegevens")
st.markdown(
    "Wat het dashboard nu laat zien, waar het vandaan komt, hoe je eigen cijfers toevoegt en hoe je "
    "nieuwere cijfers haalt."
)
eigen.markeer(store, sleutel)
# Wie hier bijwerkt: iedereen (lokaal), een aangemelde beheerder, of niemand (alleen-lezen).
(st.success if schrijven_mag and opslag.schrijfwijze() == "beheerder" else st.caption)(recht.waarom)

st.header("Wat er in de opslag staat")
dekking = vragen.dekking(store)
# Een gewone tabel: klein en vast, en lange bronnamen lopen door op een tweede regel (in een
# st.dataframe werd de kolom Bron afgekapt).
st.table(dekking, hide_index=True)
uitvoer.csv_knop(dekking, "inhoud_opslag.csv", key="dekking", keuzes={"wat": "Wat er in de opslag staat"})
st.caption(
    "Netto (lasten − baten) kan alleen waar de bron baten per taakveld geeft. Gemeenten ‘zonder "
    "cijfers’ staan in de bron met alleen nullen en tellen niet mee als € 0."
)
st.markdown(vragen.snapshot_zin(store))

# -- eigen bestanden ---------------------------------------------------------------------------
st.header("Eigen bestanden toevoegen")
st.markdown(f"""
Een gemeente kan haar eigen (ontwerp)begroting of jaarrekening naast die van andere gemeenten zetten,
ook vóór CBS haar publiceert. Zo werkt het:

1. **Download het sjabloon** voor de gemeente, het jaar en het document uit de zijbalk: één regel per
   taakveld, bedragen in **€ 1.000** (zoals CBS), **al ingevuld met de CBS-cijfers** van die gemeente.
   Pas aan wat in jouw begroting anders is en laat de rest staan. Leeg is geen 0: vul 0 in waar echt niets is.
2. **Upload** het aangepaste sjabloon — of een ander bestand dat het dashboard kent (CBS-exports,
   gemeentelijsten, inwoners, grenzen; tot {eigen.MAX_MB} MB per bestand).
3. **Controleren** leest alles in een eigen kopie van de opslag. Is er iets mis, dan zie je élk
   probleem met bestand, rij en kolom; er verandert niets. Een sjabloon waarin de meeste taakvelden leeg
   zijn, wordt altijd geweigerd; wijken de totale lasten meer dan {fmt.procent(eigen_formaat.MARGE, 0)} af van
   CBS, dan alleen als je bevestigt dat het bestand volledig is. Gaat het goed, dan zie jij — en alleen jij —
   je cijfers meteen op alle pagina's, naast de vergelijkingsgroep (tot je de pagina herlaadt).
4. **Publiceren** zet ze in de gedeelde opslag, voor iedereen, gemarkeerd als *eigen cijfers (geen CBS)*.
   Ze zijn hieronder weer te verwijderen; daarna tellen de CBS-cijfers weer.
""")
eigen.sjabloon_knop(store, sleutel, k)

info = eigen.prive()
if info is None:
    with st.form("upload", clear_on_submit=False, border=True):
        bestanden = st.file_uploader(
            f"Bestanden (maximaal {eigen.MAX_MB} MB per bestand)",
            accept_multiple_files=True,
            help="Bekende formaten: " + "; ".join(f.omschrijving for f in sources.FORMATEN) + ".",
        )
        volledig = st.checkbox(
            "Ja, dit is volledig",
            help=f"Alleen nodig als de totale lasten in je eigen cijfers meer dan "
            f"{fmt.procent(eigen_formaat.MARGE, 0)} afwijken van die van CBS voor dezelfde gemeente, hetzelfde jaar "
            "en document: bevestig dan dat het bestand toch je hele begroting of jaarrekening bevat. Geldt ook bij "
            "publiceren. Een bestand waarin de meeste taakvelden leeg zijn, blijft geweigerd.",
        )
        controleren = st.form_submit_button("Controleren", type="primary", icon=":material/fact_check:")
    if controleren and not bestanden:
        st.warning("Kies eerst een of meer bestanden.")
    elif controleren:
        if fouten := eigen.te_groot(bestanden):
            st.error("Te groot, niet gecontroleerd: " + " ".join(fouten))
        else:
            balk = st.progress(0.0, text="Controleren…")
            try:
                eigen.controleer(
                    bestanden, lambda t, f: balk.progress(min(max(f, 0.0), 1.0), text=t), volledig=volledig
                )
            except InvoerFout as e:
                balk.empty()
                tabel = eigen.problemen(e)
                st.error(
                    f"Niet ingelezen: {fmt.aantal(e.aantal, 'probleem', 'problemen')} gevonden"
                    + (f" (de eerste {len(tabel)} hieronder)" if e.aantal > len(tabel) else "")
                    + ". De opslag is niet veranderd."
                )
                # Een gewone tabel (geen canvas): te lezen, te kopiëren en voor schermlezers.
                st.table(tabel.set_index("Bestand"))
                uitvoer.csv_knop(
                    tabel,
                    "problemen.csv",
                    "Download de problemen (CSV)",
                    key="problemen",
                    keuzes={"wat": "Problemen bij het controleren; de opslag is niet veranderd"},
                )
            except opslag.LAADFOUTEN as e:
                balk.empty()
                st.error(f"Niet gecontroleerd; de opslag is niet veranderd. {e}")
            else:
                st.rerun()
else:
    st.success(
        "Gecontroleerd en ingelezen in je **eigen kopie** (alleen jij ziet dit). Bekijk je cijfers op "
        "de pagina's Gemeente, Vergelijken en Kaart; dan publiceren of verwerpen.",
        icon=":material/check_circle:",
    )
    ingelezen = pd.DataFrame(info["samenvatting"], columns=["Bestand", "Soort", "Rijen", "Inhoud"])
    uitvoer.tabel(ingelezen.assign(Rijen=ingelezen["Rijen"].map(fmt.getal)), alt="Eigen bestanden in je kopie")
    uitvoer.csv_knop(
        ingelezen,
        "eigen_bestanden.csv",
        key="ingelezen",
        keuzes={"wat": "Eigen bestanden in je privékopie (nog niet gepubliceerd, geen CBS)"},
    )
    if not info["samenvatting"]:
        st.info("Deze bestanden stonden al precies zo in de opslag: er is niets nieuws.")
    if info.get("volledig"):
        st.caption("Je bevestigde: ja, dit is volledig. Publiceren neemt die bevestiging over.")
    links, rechts = st.columns(2)
    publiceer = links.button(
        "Publiceren in de gedeelde opslag (voor iedereen)",
        type="primary",
        icon=":material/publish:",
        disabled=not schrijven_mag or not info["samenvatting"],
        help=None if schrijven_mag else recht.waarom,
    )
    if rechts.button("Verwerpen", icon=":material/delete:"):
        eigen.verwerp()
        st.rerun()
    if publiceer:
        try:
            eigen.publiceer()
        except opslag.LAADFOUTEN as e:
            st.error(f"Publiceren is niet gelukt; de gedeelde opslag is niet veranderd. {e}")
        else:
            st.rerun()

# Alleen wat gepubliceerd is (in de privékopie staan de eigen bestanden hierboven al).
eigen_lijst = vragen.eigen_cijfers(store)
if not eigen_lijst.empty and eigen.prive() is None:
    st.subheader("Eigen cijfers in de opslag")
    for r in eigen_lijst.itertuples():
        links, rechts = st.columns([4, 1], vertical_alignment="center")
        links.markdown(
            f"**{r.gemeente}** — {r.document} {r.jaar}: {r.taakvelden} taakvelden uit ‘{r.bestand}’, "
            f"ingelezen {r.tijdstip:%d-%m-%Y %H:%M}"
        )
        if rechts.button(
            "Verwijderen",
            key=f"weg_{r.gm_code}_{r.jaar}_{r.document}",
            icon=":material/delete:",
            disabled=not schrijven_mag,
        ):
            try:
                eigen.verwijder(r.gm_code, int(r.jaar), r.document)
            except opslag.LAADFOUTEN as e:
                st.error(f"Verwijderen is niet gelukt; de opslag is niet veranderd. {e}")
            else:
                st.rerun()

# -- CBS ---------------------------------------------------------------------------------------
st.header("Nieuwste gegevens van CBS")
st.markdown("""
**Ophalen** haalt rechtstreeks bij CBS (open data, CC BY 4.0) en PDOK:
Iv3 *Gemeenten <jaar> onbewerkte Iv3-data* voor elk jaar vanaf 2017 (begroting en jaarrekening, lasten
**en baten**, dus ook netto), de gemeentelijsten per jaar (*Gebieden in Nederland*), de inwoners op
1 januari, de consumentenprijsindex (83131NED tot en met 2025, daarna 86141NED, geschakeld tot één
reeks met 2015 = 100), de gemeentegrenzen en uit de *Kerncijfers wijken en buurten* het aantal personen
met bijstand per gemeente (voor de pagina Behoefte). Alleen cellen met een bedrag komen over; een gemeente die
voor een jaar niets aanleverde, houdt de cijfers die er al waren. Dat vraagt internet en duurt
enkele minuten (alle jaren: langer). Pas als alles binnen en geldig is, komt er een nieuwe versie van de opslag; wie
intussen kijkt, ziet de vorige tot zijn volgende klik. Mislukt er iets, dan blijft alles zoals het was
en gaat een volgende poging verder waar deze stopte. De tabel-id's staan in `data/cbs_bronnen.toml`.
""")
if verslag := st.session_state.pop(laden.OPHAALVERSLAG, None):
    st.success(
        "Opgehaald bij CBS. "
        + (" ".join(f"{r[0].upper()}{r[1:]}." for r in verslag["nieuw"]) or "Er is inhoudelijk niets nieuws."),
        icon=":material/check_circle:",
    )
    for opmerking in verslag["opmerkingen"]:
        st.caption(f"Let op: {opmerking}")
herkomst = vragen.cbs_herkomst(store)
if not herkomst.empty:
    tabel = pd.DataFrame(
        {
            "Cijfers": [f"Iv3 {r.document} {r.jaar}" for r in herkomst.itertuples()],
            "CBS-tabel": [f"{r.tabel} ({r.titel})" for r in herkomst.itertuples()],
            "Gewijzigd bij CBS": [fmt.datum(r.gewijzigd) for r in herkomst.itertuples()],
            "Opgehaald": [fmt.datum(r.opgehaald) for r in herkomst.itertuples()],
            "Gemeenten": herkomst["gemeenten"].tolist(),
        }
    )
    st.table(tabel, hide_index=True)
if not schrijven_mag:
    st.info(
        f"{recht.waarom} Op de opdrachtregel: `sociale-basis ophalen`; het dashboard neemt de nieuwe versie "
        "daarna vanzelf over."
    )
elif st.button("Haal de nieuwste gegevens op bij CBS", icon=":material/cloud_download:"):
    try:
        laden.haal_bij_cbs()
    except opslag.LAADFOUTEN as e:
        st.error(f"Ophalen is niet gelukt; de opslag is niet veranderd. {e}")

st.header("Bijgewerkt via het dashboard")
schrijflog = vragen.schrijflog(store).rename(columns={"tijdstip": "Wanneer (UTC)", "door": "Door", "wat": "Wat"})
if schrijflog.empty:
    st.caption("Nog niets: deze versie van de opslag is niet via het dashboard bijgewerkt.")
else:
    uitvoer.tabel(schrijflog, alt="Bijgewerkt via het dashboard")

st.header("Laatste imports")
log = vragen.import_log(store).rename(
    columns={"tijdstip": "Geïmporteerd", "soort": "Soort", "rijen": "Rijen", "bestand": "Bestand"}
)
uitvoer.tabel(log, alt="Laatste imports")
uitvoer.csv_knop(log, "imports.csv", key="imports", keuzes={"wat": "De imports in de opslag van dit dashboard"})
