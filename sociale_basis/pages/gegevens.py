"""Gegevens: wat de opslag bevat (jaren × documenten, netto of alleen bruto, bronnen), welke
momentopname geladen is en hoe oud, de laatste imports, en de knop om bij CBS op te halen."""

import streamlit as st

from sociale_basis.dashboard import opslag, vragen

store, sleutel = opslag.opslag()

st.title("Gegevens")
st.markdown("Wat het dashboard nu laat zien, waar het vandaan komt, en hoe je nieuwere cijfers haalt.")

st.header("Wat er in de opslag staat")
dekking = vragen.dekking(store, sleutel)
st.dataframe(dekking, hide_index=True, width="stretch", height=35 * (len(dekking) + 1) + 3)
st.caption("Netto (lasten − baten) kan alleen waar de bron baten per taakveld geeft. Gemeenten ‘zonder "
           "cijfers’ staan in de bron met alleen nullen en tellen niet mee als € 0.")

st.header("Meegeleverde momentopname")
st.markdown(vragen.snapshot_zin(store, sleutel))

st.header("Nieuwste gegevens van CBS")
st.markdown("""
**Ophalen** haalt rechtstreeks bij CBS (open data, CC BY 4.0) en PDOK:
Iv3 *Gemeenten <jaar> onbewerkte Iv3-data* voor elk jaar vanaf 2017 (begroting en jaarrekening, lasten
**en baten**, dus ook netto), de gemeentelijsten per jaar (*Gebieden in Nederland*), de inwoners op
1 januari, de consumentenprijsindex (83131NED) en de gemeentegrenzen. Dat vraagt internet en duurt
enkele minuten. Pas als alles binnen en geldig is, wordt het in één keer geïmporteerd; mislukt er
iets, dan blijft alles zoals het was en gaat een volgende poging verder waar deze stopte.
De tabel-id's staan in `data/cbs_bronnen.toml`.
""")
if opslag.alleen_lezen():
    st.info("Dit dashboard draait als een van meerdere replica's en schrijft niet zelf. Werk de opslag bij "
            "met `sociale-basis ophalen` en start de replica's opnieuw.")
elif st.button("Haal de nieuwste gegevens op bij CBS", icon=":material/cloud_download:"):
    try:
        opslag.haal_bij_cbs()
    except opslag.LAADFOUTEN as e:
        st.error(f"Ophalen is niet gelukt; de opslag is niet veranderd. {e}")
        # De opslag van deze rerun is gesloten voor het schrijven; de volgende rerun opent hem opnieuw.
        st.stop()

st.header("Laatste imports")
st.dataframe(vragen.import_log(store, sleutel).rename(columns={
    "tijdstip": "Geïmporteerd", "soort": "Soort", "rijen": "Rijen", "bestand": "Bestand"}),
    hide_index=True, width="stretch")
