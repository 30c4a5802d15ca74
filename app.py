"""Sociale Basis-dashboard: navigatie en de gedeelde zijbalk; de pagina's staan in
sociale_basis/pages/. Start met `streamlit run app.py` (of `bash scripts/dashboard.sh`)."""

import streamlit as st

from sociale_basis import huisstijl
from sociale_basis.dashboard import grafiekelement, laden, opslag, zijbalk

st.set_page_config(
    page_title="Sociale basis in de gemeentebegroting",
    page_icon=str(huisstijl.MERKTEKEN),
    layout="wide",
    # "auto": open op een breed scherm, dicht op een telefoon (een gedeelde link opent dan met het cijfer, niet
    # met de zijbalk eroverheen; issue 32).
    initial_sidebar_state="auto",
)
st.logo(str(huisstijl.WOORDMERK), icon_image=str(huisstijl.MERKTEKEN), size="large")
st.html(huisstijl.CSS)

PAGINAS = "sociale_basis/pages"
pagina = st.navigation(
    [
        st.Page(f"{PAGINAS}/nederland.py", title="Nederland", icon=":material/flag:", default=True),
        st.Page(f"{PAGINAS}/gemeente.py", title="Gemeente", icon=":material/location_city:"),
        st.Page(f"{PAGINAS}/vergelijken.py", title="Vergelijken", icon=":material/compare_arrows:"),
        st.Page(f"{PAGINAS}/trends.py", title="Trends", icon=":material/show_chart:"),
        st.Page(f"{PAGINAS}/realisatie.py", title="Begroting en werkelijkheid", icon=":material/receipt_long:"),
        st.Page(f"{PAGINAS}/kaart.py", title="Kaart", icon=":material/map:"),
        st.Page(f"{PAGINAS}/behoefte.py", title="Behoefte", icon=":material/diversity_3:"),
        st.Page(f"{PAGINAS}/mensen.py", title="Mensen", icon=":material/groups:"),
        st.Page(f"{PAGINAS}/gemeentefonds.py", title="Gemeentefonds", icon=":material/balance:"),
        st.Page(f"{PAGINAS}/methode.py", title="Methode", icon=":material/menu_book:"),
        st.Page(f"{PAGINAS}/model.py", title="Model", icon=":material/tune:"),
        st.Page(f"{PAGINAS}/gegevens.py", title="Gegevens", icon=":material/database:"),
    ]
)
# De plotly-bundel die de pagina tekent, al ophalen terwijl haar script nog rekent (issue 30; Methode en Gegevens
# tekenen geen grafiek). In de zijbalk: het hoofdgedeelte wacht in de browser tot al zijn elementen geladen zijn,
# de zijbalk niet.
if pagina.url_path not in ("methode", "gegevens"):
    with st.sidebar:
        grafiekelement.voorladen("plotly.js-geo-dist-min" if pagina.url_path == "kaart" else "plotly.js-basic-dist-min")
try:
    store, sleutel = opslag.opslag()
except opslag.GeenGegevens as e:
    laden.lege_opslag(str(e))  # zonder gegevens: uitleg en de knoppen om ze te laden
    st.stop()
zijbalk.begin_rerun(store, sleutel)
zijbalk.linkmeldingen()
pagina.run()
